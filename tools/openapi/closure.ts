/** The components a set of OpenAPI objects needs: every `$ref` followed, transitively. */
import { collectRefs } from './openapi-walk.js';
import { isObject, type Json } from './source.js';

export class DanglingRefError extends Error {
  constructor(
    readonly ref: string,
    readonly from: string,
    why: string,
  ) {
    super(`dangling $ref ${ref} (in ${from}): ${why}`);
    this.name = 'DanglingRefError';
  }
}

export interface LocalRef {
  section: string;
  name: string;
  /** JSON-pointer tokens below the component, usually none. */
  rest: string[];
}

/** `#/components/<section>/<name>[/…]`, decoded; undefined for any other kind of reference. */
export function parseComponentRef(ref: string): LocalRef | undefined {
  if (!ref.startsWith('#/components/')) return undefined;
  const tokens = ref.slice(2).split('/').map(decodeToken);
  const [, section, name, ...rest] = tokens;
  if (!section || name === undefined || name === '') return undefined;
  return { section, name, rest };
}

export function componentRef(section: string, name: string): string {
  return `#/components/${section}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function decodeToken(token: string): string {
  let text = token;
  try {
    text = decodeURIComponent(token);
  } catch {
    // Not percent-encoded after all: take it as written.
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}

export type ComponentSet = Map<string, Map<string, Json>>;

/**
 * Every component reachable from `roots` (label → object), loaded through `load`. Throws
 * DanglingRefError, naming the reference and where it was found, for a reference that does not resolve
 * or that points outside `#/components/` (the slice could not keep it valid).
 */
export function componentClosure(roots: Iterable<[string, Json]>, load: (section: string, name: string) => Json | undefined): ComponentSet {
  const found: ComponentSet = new Map();
  const queue: Array<{ ref: string; from: string }> = [];
  const enqueue = (node: Json, from: string) => collectRefs(node, (ref) => queue.push({ ref, from }));
  for (const [label, node] of roots) enqueue(node, label);

  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const { ref, from } = next;
    const target = parseComponentRef(ref);
    if (!target) {
      throw new DanglingRefError(ref, from, ref.startsWith('#') ? 'only #/components/… references are supported' : 'external references are not supported');
    }
    let section = found.get(target.section);
    if (!section) found.set(target.section, (section = new Map()));
    let value = section.get(target.name);
    if (value === undefined) {
      value = load(target.section, target.name);
      if (value === undefined) throw new DanglingRefError(ref, from, `no components.${target.section} entry named ${JSON.stringify(target.name)}`);
      section.set(target.name, value);
      enqueue(value, ref);
    }
    if (resolvePointer(value, target.rest) === undefined) {
      throw new DanglingRefError(ref, from, `components.${target.section}.${target.name} has no /${target.rest.join('/')}`);
    }
  }
  for (const [name, section] of found) if (section.size === 0) found.delete(name);
  return found;
}

function resolvePointer(node: Json, tokens: string[]): Json | undefined {
  let current: Json | undefined = node;
  for (const token of tokens) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}
