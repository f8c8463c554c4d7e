import { conformanceSuite } from '../src/runtime/suite.js';
import { contractSuite } from '../src/suites/contract.js';

conformanceSuite(contractSuite);
