/**
 * The decision points of the emulator's handlers a defect may change, named once. A defect record
 * (defects.ts) sets some of these for the operations it names; the handlers read the merged set for the
 * request at hand and never ask which defect is on.
 */
import type { GraphError } from './errors.js';
import type { CollectionQuery, EntityQuery } from './query.js';
import type { Entity } from './store.js';

export interface Behaviour {
  // The front end, before routing.
  /** Requests without a bearer token are served. */
  readonly skipAuth?: boolean;
  /** A JSON body is read whatever Content-Type it is sent with. */
  readonly anyContentType?: boolean;
  /** Every answer carries this request-id. */
  readonly constantRequestId?: string;
  /** What a body that cannot be read is answered with instead. */
  readonly bodyError?: (error: GraphError) => GraphError;

  // Writes.
  /** A create stores whatever it is given (coerced to the type), without validation. */
  readonly acceptInvalidBodies?: boolean;
  /** A refusal of a body the contract allows; undefined lets it through. */
  readonly refuseBody?: (body: Record<string, unknown>) => GraphError | undefined;
  /** What a validation failure is answered with instead of 400. */
  readonly validationError?: (error: GraphError, body: unknown) => GraphError;
  /** Defaults that replace the entity facts' for a create that leaves the property out. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** What is stored of an accepted write. */
  readonly stored?: (entity: Entity) => Entity;
  /** A write's answer shows the entity as sent rather than as stored. */
  readonly echoAsSent?: boolean;
  /** A PATCH (with or without return=representation) is answered but not stored. */
  readonly updateNotStored?: (representation: boolean) => boolean;
  /** A PATCH starts from the type's defaults instead of the stored entity (a replace). */
  readonly updateReplaces?: boolean;
  /** A PATCH answered with the entity shows it as it was before. */
  readonly updateShowsBefore?: boolean;
  /** A PATCH answers 200 with the entity even unasked. */
  readonly updateAnswersEntity?: boolean;
  /** A DELETE is answered but the entity stays. */
  readonly deleteNotStored?: boolean;
  /** Adding a reference ($ref) is answered but links nothing. */
  readonly linkNotStored?: boolean;
  /** Any If-Match is refused with 412. */
  readonly ifMatchRefused?: boolean;

  // Reads.
  /** An entity that exists is answered 404 when read by its key. */
  readonly readsMissing?: boolean;
  /** The collection query as the server misreads it. */
  readonly collectionQuery?: (query: CollectionQuery, search: URLSearchParams) => CollectionQuery;
  /** The entity query as the server misreads it. */
  readonly entityQuery?: (query: EntityQuery) => EntityQuery;
  /** @odata.count counts the whole collection, whatever the query keeps. */
  readonly countsAll?: boolean;
  /** Query options (lower-case) a next link leaves out, given the query of the page. */
  readonly nextLinkDrops?: (query: CollectionQuery) => readonly string[];
  /** The last page links back to the first. */
  readonly nextLinkLoops?: boolean;
}

type Transform<T> = (value: T, ...rest: never[]) => T;
const COMPOSED = ['collectionQuery', 'entityQuery', 'stored'] as const;

/** The behaviours of several records as one: transforms apply one after another; otherwise the later one wins. */
export function mergeBehaviours(behaviours: readonly Behaviour[]): Behaviour {
  const merged = Object.assign({}, ...behaviours) as Record<string, unknown>;
  for (const point of COMPOSED) {
    const steps = behaviours.map((b) => b[point] as Transform<unknown> | undefined).filter((f) => f !== undefined);
    if (steps.length > 1) merged[point] = (value: unknown, ...rest: never[]) => steps.reduce((v, step) => step(v, ...rest), value);
  }
  return merged as Behaviour;
}
