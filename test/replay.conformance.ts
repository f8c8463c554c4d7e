/**
 * The conformance suites as vitest tests (`npm test` replays them; `npx vitest run suites/ -t create`
 * picks one): every suite of the one list, each through the vitest host.
 */
import { conformanceSuite } from '../src/engine/suite.js';
import { SUITES } from '../suites/index.js';

for (const suite of SUITES) conformanceSuite(suite);
