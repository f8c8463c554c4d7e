/**
 * The tenant the emulator starts with when no seed file is given: data, fixtures/emulator/default-tenant.yaml
 * (what it holds and why is said there), read with the same reader as a user's `--seed FILE`.
 */
import { fromRoot } from '../project-root.js';
import { readSeedFile, type SeedData } from './store.js';

export const DEFAULT_SEED_FILE = fromRoot('fixtures', 'emulator', 'default-tenant.yaml');

export const DEFAULT_SEED: SeedData = readSeedFile(DEFAULT_SEED_FILE);

/** The profile alone: a tenant with no groups, connectors or applications. */
export const EMPTY_SEED: SeedData = { onPremisesPublishingProfiles: [{ id: 'applicationProxy' }] };

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * What a seed holds, in words — "two connector groups, three connectors, one application" — from its
 * collections that own no other (a profile that holds the rest is not counted): the help, the startup
 * line and the docs say the default tenant in these words (test/emulate.test.ts holds the docs to them).
 */
export function tenantWords(seed: SeedData): string {
  const paths = Object.keys(seed);
  const parts = paths
    .filter((path) => !paths.some((other) => other.startsWith(`${path}/`)))
    .map((path) => {
      const n = seed[path]!.length;
      const plural = (path.split('/').at(-1) ?? path).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
      return `${NUMBER_WORDS[n] ?? String(n)} ${n === 1 ? plural.replace(/s$/, '') : plural}`;
    });
  return parts.length > 0 ? parts.join(', ') : 'no entities';
}
