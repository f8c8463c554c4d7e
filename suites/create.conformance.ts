import { conformanceSuite } from '../src/runtime/suite.js';
import { createSuite } from '../src/suites/create.js';

conformanceSuite(createSuite);
