// The connectorGroup entity as the double stores and serialises it (CSDL: microsoft.graph.connectorGroup).

/** `unknownFutureValue` is an evolvability sentinel in the enum, never a value a client may write. */
export const WRITABLE_REGIONS = ['nam', 'eur', 'aus', 'asia', 'ind'] as const;
export type ConnectorGroupRegion = (typeof WRITABLE_REGIONS)[number];

/** The region the reference page's create example answers with when none is sent. */
export const DEFAULT_REGION: ConnectorGroupRegion = 'nam';

export const CONNECTOR_GROUP_TYPE = 'applicationProxy';
export const PROFILE_ID = 'applicationProxy';
export const ENTITY_TYPE = 'microsoft.graph.connectorGroup';

export interface ConnectorGroupRecord {
  readonly id: string;
  readonly name: string;
  readonly connectorGroupType: typeof CONNECTOR_GROUP_TYPE;
  readonly isDefault: boolean;
  readonly region: ConnectorGroupRegion | null;
}

/** Structural (non-navigation) properties in Graph's serialisation order. */
export const ENTITY_PROPERTIES = ['id', 'name', 'connectorGroupType', 'isDefault', 'region'] as const;
export type EntityProperty = (typeof ENTITY_PROPERTIES)[number];

export const NAVIGATION_PROPERTIES = ['applications', 'members'] as const;

/** `select` may name navigation properties too: they add nothing unless `expand` names them as well. */
export function toEntityJson(group: ConnectorGroupRecord, select?: ReadonlySet<string>, expand: readonly string[] = []): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const property of ENTITY_PROPERTIES) {
    // Directory-backed Graph entities always carry their key, even when $select omits it.
    if (!select || property === 'id' || select.has(property)) json[property] = group[property];
  }
  // The double holds no connectors or applications, so every expanded navigation is an empty collection.
  for (const navigation of expand) json[navigation] = [];
  return json;
}

/** Microsoft Graph's beta service root: the one Graph names in its URLs whatever host served the request. */
export const GRAPH_SERVICE_ROOT = 'https://graph.microsoft.com/beta';
const SET = `onPremisesPublishingProfiles('${PROFILE_ID}')/connectorGroups`;

/** The @odata.context URLs under a service root (OData: `<service root>/$metadata#<what the answer holds>`). */
export function contextUrls(serviceRoot: string) {
  const metadata = `${serviceRoot}/$metadata#`;
  return {
    entity: `${metadata}${SET}/$entity`,
    collection: `${metadata}${SET}`,
    members: (groupId: string) => `${metadata}${SET}('${groupId}')/members`,
    applications: (groupId: string) => `${metadata}${SET}('${groupId}')/applications`,
    // members/$ref is documented as a StringCollectionResponse: the value holds connector URLs.
    references: `${metadata}Collection(string)`,
  } as const;
}

// Graph names its own service root in @odata.context whatever host served the request.
export const CONTEXT = contextUrls(GRAPH_SERVICE_ROOT);
