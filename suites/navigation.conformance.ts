import { conformanceSuite } from '../src/runtime/suite.js';
import { navigationSuite } from '../src/suites/navigation.js';

conformanceSuite(navigationSuite);
