import { conformanceSuite } from '../src/runtime/suite.js';
import { lifecycleSuite } from '../src/suites/lifecycle.js';

conformanceSuite(lifecycleSuite);
