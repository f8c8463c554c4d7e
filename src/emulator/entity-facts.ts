/**
 * What the slice cannot say about an entity type and the emulator must know: which properties the server
 * sets, the defaults of properties a create leaves out, which properties a create needs, bounds, which
 * properties $filter takes. One record per type, each fact with its source (a vendored page, or the
 * decision that rules on it). A type with no record gets the generic behaviour: every property the client
 * sends is stored as sent, and $filter/$search take its string properties.
 */

export interface EntityFacts {
  /** Set by the system on create whatever the client sends (a well-typed value is read and ignored). */
  readonly serverSet?: Readonly<Record<string, unknown>>;
  /** The value a create that leaves the property out gets. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** Properties a create must carry. */
  readonly required?: readonly string[];
  /** The longest string the emulator stores, in characters; longer is refused with 400. */
  readonly maxLength?: Readonly<Record<string, number>>;
  /** Properties `$filter` takes; unset: every string property. */
  readonly filterable?: readonly string[];
  /** Properties `$search` takes; unset: every string property. */
  readonly searchable?: readonly string[];
  /** Keys are compared ignoring case (a key that names a kind, not an object). */
  readonly keysIgnoreCase?: boolean;
  /** Where each fact comes from. */
  readonly sources: readonly string[];
}

const FACTS: Readonly<Record<string, EntityFacts>> = {
  'microsoft.graph.connectorGroup': {
    serverSet: { connectorGroupType: 'applicationProxy', isDefault: false },
    defaults: { region: 'nam' },
    required: ['name'],
    maxLength: { name: 256 },
    filterable: ['id', 'name'],
    sources: [
      'docs/connectorgroup.md: connectorGroupType "pre-set by the system … Read-only"; isDefault "pre-set by the system. Read-only." (decision is-default-false-on-create)',
      'docs/connectorgroup-post.md: "The **name** property is a required property."',
      'docs/connectorgroup-post.md: the example sends only a name and answers "region": "nam" (decision read-back-exact: the default is stated nowhere else; default-region-eur is the defect that differs)',
      'decision input-space: "a name longer than the service allows may be refused with 400"; 256 is the emulator\'s own bound',
      "filterable: the list page points at the generic query-parameters page; the emulator filters by key and name, what the suite's sweeps and queries use (a server may offer fewer, capability filter-startswith)",
    ],
  },
  'microsoft.graph.onPremisesPublishingProfile': {
    keysIgnoreCase: true,
    sources: ['docs/connectorgroup-list.md: the profile is addressed by the name of its kind, `onPremisesPublishingProfiles/applicationProxy`'],
  },
};

const NONE: EntityFacts = { sources: [] };

export function factsOf(typeName: string): EntityFacts {
  return FACTS[typeName] ?? NONE;
}

/** Every type with facts, for the reference docs and tests. */
export const ENTITY_FACTS = FACTS;
