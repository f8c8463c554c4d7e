import { conformanceSuite } from '../src/runtime/suite.js';
import { propertySuite } from '../src/suites/property.js';

conformanceSuite(propertySuite);
