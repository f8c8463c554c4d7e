/**
 * From a request path to what it addresses, in the order Graph's front end works: the path is matched
 * against the slice's resource tree first (an unknown segment is a 404 before anything is looked up), each
 * segment is given its role and type from the slice, and only then are keys looked up in the store (the
 * first missing one is the 404).
 */
import type { HttpMethod } from '../openapi/operations.js';
import type { TableOperation } from '../openapi/operation-table.js';
import { ERRORS, type GraphError } from './errors.js';
import { keyTypeName, navigationOf, type EntityType, type ResourceNode, type SliceModel } from './slice-model.js';
import { collectionKey, entityKey, type Entity, type Store } from './store.js';

export type Role = 'collection' | 'entity' | 'count' | 'refs' | 'entity-ref' | 'stream';

/** One segment of the request, matched and typed. */
export interface TypedStep {
  readonly node: ResourceNode;
  /** The segment as sent, percent-decoded. */
  readonly text: string;
  readonly role: Role;
  readonly type: EntityType;
  /** A collection's (or a stream's) canonical name: the navigation property's or the slice's spelling. */
  readonly name?: string;
  /** An entity reached by an alternate key: the key property and the value sent. */
  readonly alternate?: { readonly property: string; readonly value: string };
  /** A navigation property to one entity (the collection holds at most one). */
  readonly single?: boolean;
}

export type PathMatch =
  { readonly ok: true; readonly steps: readonly TypedStep[]; readonly node: ResourceNode } | { readonly ok: false; readonly error: GraphError };

const ALTERNATE_KEY_SENT = /^([^(]+)\((\w+)='((?:[^']|'')*)'\)$/;

function decodeSegments(pathname: string): string[] | undefined {
  try {
    const segments = pathname.split('/').slice(1).map(decodeURIComponent);
    return segments.at(-1) === '' ? segments.slice(0, -1) : segments;
  } catch {
    return undefined;
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The child of `node` a segment matches: literals first ($count, $ref, names), then alternate keys, then a key. */
function childFor(node: ResourceNode, text: string): { child: ResourceNode; alternate?: { property: string; value: string } } | undefined {
  for (const child of node.children) {
    const s = child.segment;
    if ((s.kind === 'literal' && same(s.name, text)) || (s.kind === 'count' && same(text, '$count')) || (s.kind === 'ref' && same(text, '$ref')))
      return { child };
  }
  const sent = ALTERNATE_KEY_SENT.exec(text);
  if (sent) {
    for (const child of node.children) {
      const s = child.segment;
      if (s.kind === 'alternate-key' && same(s.name, sent[1]!) && same(s.property, sent[2]!)) {
        return { child, alternate: { property: s.property, value: sent[3]!.replaceAll("''", "'") } };
      }
    }
  }
  const key = node.children.find((c) => c.segment.kind === 'key');
  return key && !text.startsWith('$') ? { child: key } : undefined;
}

/** The type a collection node holds: what its operations' bodies name, else its key's declared type. */
function collectionType(model: SliceModel, node: ResourceNode): EntityType | undefined {
  const keyed = node.children.find((c) => c.segment.kind === 'key')?.segment;
  const keyType = keyed?.kind === 'key' && keyed.keyType ? keyTypeName(keyed.keyType) : undefined;
  const named = node.typeName ?? keyType;
  return named === undefined ? undefined : model.typeOf(named);
}

export function matchPath(model: SliceModel, pathname: string): PathMatch {
  const segments = decodeSegments(pathname);
  if (!segments) return { ok: false, error: ERRORS.segmentNotFound(pathname) };
  const steps: TypedStep[] = [];
  let node = model.root;
  for (const text of segments) {
    const found = childFor(node, text);
    if (!found) return { ok: false, error: ERRORS.segmentNotFound(text) };
    const typed = typeStep(model, steps.at(-1), found.child, text, found.alternate);
    if (!typed) return { ok: false, error: ERRORS.segmentNotFound(text) };
    steps.push(typed);
    node = found.child;
  }
  // A node the slice documents no operation on (a profile by itself) is not a resource this API serves.
  if (node.operations.size === 0) return { ok: false, error: ERRORS.segmentNotFound(segments.at(-1) ?? pathname) };
  return { ok: true, steps, node };
}

function typeStep(
  model: SliceModel,
  previous: TypedStep | undefined,
  node: ResourceNode,
  text: string,
  alternate: { property: string; value: string } | undefined,
): TypedStep | undefined {
  const s = node.segment;
  const role = previous?.role;
  if (s.kind === 'literal') {
    if (previous === undefined || role === 'entity') {
      const navigation = previous ? navigationOf(previous.type, s.name) : undefined;
      if (navigation !== undefined) {
        const target = previous!.type.info.get(navigation)?.target;
        const type = target ? model.typeOf(target) : collectionType(model, node);
        if (!type) return undefined;
        const single = previous!.type.navigation[navigation] === 'one';
        return { node, text, role: single ? 'entity' : 'collection', type, name: navigation, ...(single && { single }) };
      }
      if (node.stream && previous) return { node, text, role: 'stream', type: previous.type, name: s.name };
      const type = collectionType(model, node);
      return type ? { node, text, role: 'collection', type, name: s.name } : undefined;
    }
    return undefined;
  }
  if (s.kind === 'key') return role === 'collection' ? { node, text, role: 'entity', type: previous!.type } : undefined;
  if (s.kind === 'count') return role === 'collection' ? { node, text, role: 'count', type: previous!.type } : undefined;
  if (s.kind === 'ref') {
    if (role === 'collection') return { node, text, role: 'refs', type: previous!.type };
    return role === 'entity' ? { node, text, role: 'entity-ref', type: previous!.type } : undefined;
  }
  // An alternate key: `applications(appId='…')` reads the entity set `applications` by another property.
  if (role !== 'entity' || !alternate) return undefined;
  const navigation = navigationOf(previous!.type, s.name);
  const target = navigation ? previous!.type.info.get(navigation)?.target : undefined;
  const type = target ? model.typeOf(target) : collectionType(model, node);
  return type ? { node, text, role: 'entity', type, name: navigation ?? s.name, alternate } : undefined;
}

/** What a request addresses once every key is found. */
export interface Addressed {
  readonly role: Role;
  readonly type: EntityType;
  /** The collection addressed, or the one the entity was reached through. */
  readonly collection: string;
  /** The collection's URL path from the service root, ids as stored: `a/b/c`. */
  readonly collectionPath: string;
  /** The collection's part of an @odata.context URL: `a('b')/c`. */
  readonly contextPath: string;
  readonly entity?: Entity;
  /** The entity that owns the collection (or the stream), if any. */
  readonly owner?: { readonly type: EntityType; readonly entity: Entity };
  /** A stream's property name. */
  readonly property?: string;
  /** The entities the path went through, outermost first (the profile, then a group…): where an entity made below them also belongs. */
  readonly ancestors: readonly { readonly type: EntityType; readonly key: string }[];
}

export type Resolution = { readonly ok: true; readonly addressed: Addressed } | { readonly ok: false; readonly error: GraphError };

/** Looks every key up, left to right: the first that the store does not hold is the 404. */
export function resolve(store: Store, steps: readonly TypedStep[]): Resolution {
  let ownerKey = '';
  let owner: Addressed['owner'];
  let collection = '';
  let collectionPath = '';
  let contextPath = '';
  let entity: Entity | undefined;
  let current: TypedStep | undefined;
  const ancestors: { type: EntityType; key: string }[] = [];
  const enter = (name: string) => {
    collection = collectionKey(ownerKey, name);
    const prefix = collectionPath === '' ? '' : `${collectionPath}/${entity!.id}`;
    collectionPath = prefix === '' ? name : `${prefix}/${name}`;
    contextPath = contextPath === '' ? name : `${contextPath}('${entity!.id}')/${name}`;
    entity = undefined;
  };
  for (const step of steps) {
    current = step;
    if (step.role === 'collection') {
      enter(step.name!);
      continue;
    }
    if (step.role === 'entity') {
      if (step.single) {
        enter(step.name!);
        const id = store.ids(collection)[0];
        entity = id === undefined ? undefined : store.entity(step.type.name, id);
        if (!entity) return { ok: false, error: ERRORS.resourceNotFound(step.text) };
      } else if (step.alternate) {
        enter(step.name!);
        const { property, value } = step.alternate;
        const id = store.ids(collection).find((candidate) => store.entity(step.type.name, candidate)?.[property] === value);
        entity = id === undefined ? undefined : store.entity(step.type.name, id);
        if (!entity) return { ok: false, error: ERRORS.resourceNotFound(value) };
      } else {
        const ids = store.ids(collection);
        const id = step.type.facts.keysIgnoreCase ? ids.find((candidate) => same(candidate, step.text)) : ids.find((candidate) => candidate === step.text);
        entity = id === undefined ? undefined : store.entity(step.type.name, id);
        if (!entity) return { ok: false, error: ERRORS.resourceNotFound(step.text) };
      }
      owner = { type: step.type, entity };
      ownerKey = entityKey(step.type.name, entity.id);
      ancestors.push({ type: step.type, key: ownerKey });
      continue;
    }
    // $count, $ref and a stream end the path; they address what came before.
  }
  if (!current) return { ok: false, error: ERRORS.segmentNotFound('') };
  const role = current.role;
  const addressed: Addressed = {
    role,
    type: current.type,
    collection,
    collectionPath,
    contextPath,
    ...(entity && (role === 'entity' || role === 'entity-ref') && { entity }),
    ...(owner && role !== 'entity' && role !== 'entity-ref' && { owner }),
    ...(role === 'stream' && { property: current.name }),
    ancestors,
  };
  return { ok: true, addressed };
}

/** The operation of the slice a matched path and method name. */
export function operationAt(node: ResourceNode, method: string): TableOperation | undefined {
  return node.operations.get(method.toLowerCase() as HttpMethod);
}

/** The methods a node takes, as an Allow header lists them. */
export function allowedMethods(node: ResourceNode): string[] {
  return [...node.operations.keys()].map((m) => m.toUpperCase());
}
