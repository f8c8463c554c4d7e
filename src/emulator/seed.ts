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
  'onPremisesPublishingProfiles/applicationProxy/connectors': CONNECTORS,
  applications: [APPLICATION],
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
};

/** The profile alone: a tenant with no groups, connectors or applications. */
export const EMPTY_SEED: SeedData = { onPremisesPublishingProfiles: [{ id: 'applicationProxy' }] };
