/**
 * The tenant the emulator starts with when no seed file is given: the application-proxy profile, its
 * default connector group with two connectors (so members can be added to and removed from a group), a
 * third connector in a group of its own, and one application published through the default group. Shapes
 * follow the resource pages (docs/connector.md, docs/connectorgroup.md). Ids are fixed, in the form a
 * scrubbed identifier takes (`5ca1ab1e-0000-4000-8000-…`), so a recording keeps them as they are and
 * `diff` of a recording against a fresh emulator compares the same entities.
 */
import type { SeedData } from './store.js';

const CONNECTORS = [
  { id: '5ca1ab1e-0000-4000-8000-00000000c001', machineName: 'proxy-east-01.contoso.com', externalIp: '203.0.113.10', status: 'active', version: '1.5.3437.0' },
  { id: '5ca1ab1e-0000-4000-8000-00000000c002', machineName: 'proxy-east-02.contoso.com', externalIp: '203.0.113.11', status: 'active', version: '1.5.3437.0' },
  {
    id: '5ca1ab1e-0000-4000-8000-00000000c003',
    machineName: 'proxy-west-01.contoso.com',
    externalIp: '198.51.100.7',
    status: 'inactive',
    version: '1.5.3437.0',
  },
].map((c) => ({ '@odata.type': '#microsoft.graph.connector', ...c }));

const APPLICATION = {
  '@odata.type': '#microsoft.graph.application',
  id: '5ca1ab1e-0000-4000-8000-00000000a001',
  appId: '5ca1ab1e-0000-4000-8000-00000000a0a1',
  displayName: 'Contoso intranet',
  uniqueName: 'contoso-intranet',
  signInAudience: 'AzureADMyOrg',
};

export const DEFAULT_SEED: SeedData = {
  onPremisesPublishingProfiles: [{ id: 'applicationProxy' }],
  'onPremisesPublishingProfiles/applicationProxy/connectorGroups': [
    {
      id: '5ca1ab1e-0000-4000-8000-00000000d001',
      name: 'Default',
      connectorGroupType: 'applicationProxy',
      isDefault: true,
      region: 'nam',
      members: [CONNECTORS[0]!.id, CONNECTORS[1]!.id],
      applications: [APPLICATION.id],
    },
    {
      id: '5ca1ab1e-0000-4000-8000-00000000d002',
      name: 'West',
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      region: 'nam',
      members: [CONNECTORS[2]!.id],
    },
  ],
  // Entities first, links after (loadSeed): a group may name connectors seeded below it.
  'onPremisesPublishingProfiles/applicationProxy/connectors': CONNECTORS,
  applications: [APPLICATION],
};

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
