/** Every conformance suite, in the order a reader meets them. */
import type { SuiteDefinition } from '../src/engine/definition.js';
import { contractSuite } from './contract.js';
import { createSuite } from './create.js';
import { lifecycleSuite } from './lifecycle.js';
import { navigationSuite } from './navigation.js';
import { negativeSuite } from './negative.js';
import { propertySuite } from './property.js';
import { querySuite } from './query.js';

export const SUITES: readonly SuiteDefinition<never>[] = [
  contractSuite,
  createSuite,
  lifecycleSuite,
  navigationSuite,
  negativeSuite,
  propertySuite,
  querySuite,
] as unknown as SuiteDefinition<never>[];
