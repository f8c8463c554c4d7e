import { conformanceSuite } from '../src/runtime/suite.js';
import { negativeSuite } from '../src/suites/negative.js';

conformanceSuite(negativeSuite);
