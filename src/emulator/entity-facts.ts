/**
 * What the slice cannot say about an entity type and the emulator must know: which properties the server
 * sets, the defaults of properties a create leaves out, which properties a create needs, bounds, which
 * properties $filter takes. One record per type, each fact with its source (a vendored page, or the
 * decision that rules on it). A type with no record gets the generic behaviour: every property the client
 * sends is stored as sent, and $filter/$search take its string properties. The records are data,
 * specs/entity-facts.yaml.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from '../project-root.js';

export interface EntityFacts {
  /** Set by the system on create whatever the client sends (a well-typed value is read and ignored). */
  readonly serverSet?: Readonly<Record<string, unknown>>;
  /**
   * Properties the resource page calls read-only (or set by the system) with no fixed value on create: a
   * well-typed value sent is read and ignored, and the suites never send one.
   */
  readonly readOnly?: readonly string[];
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
  /**
   * Navigation properties that are one link seen from both ends: this type's navigation → the target type's
   * navigation that lists the same links (the slice has no partner; the CSDL's and the pages' words do).
   */
  readonly partners?: Readonly<Record<string, string>>;
  /** Where each fact comes from. */
  readonly sources: readonly string[];
}

const FACT_KEYS = ['serverSet', 'readOnly', 'defaults', 'required', 'maxLength', 'filterable', 'searchable', 'keysIgnoreCase', 'partners', 'sources'];

/** The facts file: data beside the slice, so that a type the slice gains needs no code here. */
export const ENTITY_FACTS_FILE = fromRoot('specs', 'entity-facts.yaml');

const FACTS: Readonly<Record<string, EntityFacts>> = readFacts(ENTITY_FACTS_FILE);

function readFacts(file: string): Record<string, EntityFacts> {
  const raw = parse(readFileSync(file, 'utf8')) as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected a mapping of entity types to their facts`);
  for (const [type, facts] of Object.entries(raw as Record<string, unknown>)) {
    const keys = Object.keys((facts ?? {}) as object);
    const unknown = keys.filter((k) => !FACT_KEYS.includes(k));
    if (unknown.length > 0) throw new Error(`${file}: ${type}: unknown fact ${unknown.join(', ')} (expected ${FACT_KEYS.join(', ')})`);
    if (!Array.isArray((facts as { sources?: unknown }).sources)) throw new Error(`${file}: ${type}: every record cites its sources`);
  }
  return raw as Record<string, EntityFacts>;
}

const NONE: EntityFacts = { sources: [] };

export function factsOf(typeName: string): EntityFacts {
  return FACTS[typeName] ?? NONE;
}

/** What a client never writes of a type: the key, what the system sets, what the pages call read-only. */
export function notWritten(facts: EntityFacts): readonly string[] {
  return ['id', ...Object.keys(facts.serverSet ?? {}), ...(facts.readOnly ?? [])];
}

/** Every type with facts, for the reference docs and tests. */
export const ENTITY_FACTS = FACTS;
