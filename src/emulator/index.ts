// The emulator's public surface: the command (`graph-conformance emulate`), the tests and the bench use it.
export { startEmulator, loadSeed, LOOPBACK_HOSTS, codingFor, type EmulatorOptions, type Faults, type RecordedRequest, type RunningEmulator } from './server.js';
export { DEFECTS, DEFECT_DESCRIPTIONS, DEFECT_RECORDS, DIFF_ONLY, isDefect, type Defect, type DefectRecord } from './defects.js';
export { VARIANTS, withGroups, type Variant } from './variants.js';
export { DEFAULT_SEED, EMPTY_SEED, tenantWords } from './seed.js';
export { readSeedFile, SeedError, type SeedData, type Entity } from './store.js';
export { ENTITY_FACTS } from './entity-facts.js';
