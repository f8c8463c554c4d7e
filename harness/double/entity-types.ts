// The entity types the family's collections hold, as far as OData query options need them. Graph's front end
// resolves every property a query names against the model before the workload runs, so a name the type does
// not have is refused (400) even where the collection is empty or the entity turns out not to exist.
import { ENTITY_PROPERTIES, ENTITY_TYPE, NAVIGATION_PROPERTIES } from './model.js';

export interface EntityType {
  readonly name: string;
  /** Structural properties, in serialisation order; `id` (from microsoft.graph.entity) first. */
  readonly properties: readonly string[];
  /** Properties `$filter` may compare with `eq` or `startswith`; the others are known but refused. */
  readonly filterable: readonly string[];
  /** Properties a `$search` clause may name ("property:value"). */
  readonly searchable: readonly string[];
  /** Properties `$orderby` may sort on: primitive values only. */
  readonly sortable: readonly string[];
  /** Navigation properties and whether each is a collection; `$expand` renders them, `$select` accepts them. */
  readonly navigation: Readonly<Record<string, 'many' | 'one'>>;
}

export const CONNECTOR_GROUP: EntityType = {
  name: ENTITY_TYPE,
  properties: ENTITY_PROPERTIES,
  // The documented filters: by key and by name (cleanup sweeps find their groups by name).
  filterable: ['id', 'name'],
  searchable: ['id', 'name', 'connectorGroupType', 'region'],
  sortable: ENTITY_PROPERTIES,
  navigation: Object.fromEntries(NAVIGATION_PROPERTIES.map((p) => [p, 'many'])),
};

const CONNECTOR_PROPERTIES = ['id', 'externalIp', 'machineName', 'status', 'version'] as const;

export const CONNECTOR: EntityType = {
  name: 'microsoft.graph.connector',
  properties: CONNECTOR_PROPERTIES,
  filterable: CONNECTOR_PROPERTIES,
  searchable: CONNECTOR_PROPERTIES,
  sortable: CONNECTOR_PROPERTIES,
  navigation: { memberOf: 'many' },
};

/** microsoft.graph.application's primitive properties (entity and directoryObject included). */
const APPLICATION_PRIMITIVES = [
  'id',
  'deletedDateTime',
  'appId',
  'createdDateTime',
  'defaultRedirectUri',
  'description',
  'disabledByMicrosoftStatus',
  'displayName',
  'groupMembershipClaims',
  'isDeviceOnlyAuthSupported',
  'isFallbackPublicClient',
  'logo',
  'notes',
  'publisherDomain',
  'samlMetadataUrl',
  'serviceManagementReference',
  'signInAudience',
  'tokenEncryptionKeyId',
  'uniqueName',
] as const;

/** Complex and collection-valued structural properties: selectable, never sortable or filterable here. */
const APPLICATION_COMPLEX = [
  'api',
  'appRoles',
  'authenticationBehaviors',
  'certification',
  'identifierUris',
  'info',
  'keyCredentials',
  'nativeAuthenticationApisEnabled',
  'onPremisesPublishing',
  'optionalClaims',
  'parentalControlSettings',
  'passwordCredentials',
  'publicClient',
  'requestSignatureVerification',
  'requiredResourceAccess',
  'servicePrincipalLockConfiguration',
  'spa',
  'tags',
  'verifiedPublisher',
  'web',
  'windows',
] as const;

const APPLICATION_STRINGS = APPLICATION_PRIMITIVES.filter(
  (p) => !['deletedDateTime', 'createdDateTime', 'isDeviceOnlyAuthSupported', 'isFallbackPublicClient', 'logo'].includes(p),
);

export const APPLICATION: EntityType = {
  name: 'microsoft.graph.application',
  properties: [...APPLICATION_PRIMITIVES, ...APPLICATION_COMPLEX],
  filterable: APPLICATION_STRINGS,
  searchable: APPLICATION_STRINGS,
  sortable: APPLICATION_PRIMITIVES.filter((p) => p !== 'logo'),
  navigation: {
    appManagementPolicies: 'many',
    connectorGroup: 'one',
    createdOnBehalfOf: 'one',
    extensionProperties: 'many',
    federatedIdentityCredentials: 'many',
    homeRealmDiscoveryPolicies: 'many',
    owners: 'many',
    synchronization: 'one',
    tokenIssuancePolicies: 'many',
    tokenLifetimePolicies: 'many',
  },
};

/** The property of `type` named `name`, compared case-insensitively as Graph does; undefined if none. */
export function propertyOf(type: EntityType, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return type.properties.find((p) => p.toLowerCase() === wanted);
}

export function navigationOf(type: EntityType, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(type.navigation).find((p) => p.toLowerCase() === wanted);
}
