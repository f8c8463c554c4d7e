/**
 * Turns what Ajv reports for one body into violations a reader of the page can act on: each at the
 * page line holding the value, with the value itself, and with Ajv's noise folded (one violation per
 * failed alternative, not one per branch; an undeclared property named as such, not as "must be object").
 */
import type { BlockViolation } from './check-page.js';
import { resolveLocal, type OpenApiDocument } from '../openapi/operations.js';
import { validatorFor, type Violation } from '../openapi/validator.js';
import { SCHEMA_REF_PREFIX } from './schema-types.js';

/**
 * The violations of `value` against `schema`, pointed into the page by `lines` (JSON pointer → line).
 * `prefix` places `value` inside the block's body (`/value/3` for a collection's item); a truncated
 * example is not held to `required`.
 */
export function schemaViolations(
  doc: OpenApiDocument,
  schema: Record<string, unknown>,
  value: unknown,
  lines: Map<string, number>,
  fallbackLine: number,
  isTruncated: boolean,
  prefix = '',
): BlockViolation[] {
  let found = validatorFor(doc).validate(schema, value);
  if (isTruncated) found = found.filter((v) => v.keyword !== 'required');
  found = foldAlternatives(dropPatternBesideFormat(found)).map((v) => explainUndeclared(doc, schema, v));
  const violations: BlockViolation[] = [];
  for (const v of found) {
    const pointer = `${prefix}${v.pointer}`;
    const at = atPointer(value, v.pointer);
    const violation: BlockViolation = {
      kind: 'schema',
      keyword: v.keyword,
      pointer,
      line: lineOf(lines, pointer) ?? fallbackLine,
      message:
        prefix && v.message.startsWith(v.pointer || 'the body') ? `${pointer || 'the body'}${v.message.slice((v.pointer || 'the body').length)}` : v.message,
    };
    if (at === null || ['string', 'number', 'boolean'].includes(typeof at)) violation.value = at as string | number | boolean | null;
    violations.push(violation);
  }
  return violations;
}

/**
 * Ajv reports a failed `anyOf` as the anyOf error plus one error per branch at the same place
 * (`/region` not in the enum, not null, matches no schema in anyOf). One violation says it better:
 * the branches' reasons joined with "or", keyword `enum` when a branch is an enum.
 */
function foldAlternatives(violations: Violation[]): Violation[] {
  const composite = violations.filter((v) => v.keyword === 'anyOf' || v.keyword === 'oneOf');
  if (composite.length === 0) return violations;
  const dropped = new Set<Violation>();
  const replaced = new Map<Violation, Violation>();
  for (const c of composite) {
    const branches = violations.filter((v) => v !== c && v.pointer === c.pointer && v.keyword !== 'anyOf' && v.keyword !== 'oneOf' && !dropped.has(v));
    if (branches.length === 0) continue;
    const where = c.pointer === '' ? 'the body' : c.pointer;
    const reasons = branches.map((b) => (b.message.startsWith(`${where} `) ? b.message.slice(where.length + 1) : b.message));
    const keyword = branches.some((b) => b.keyword === 'enum') ? 'enum' : c.keyword;
    replaced.set(c, { pointer: c.pointer, keyword, message: `${where} ${reasons.join(', or ')}`, why: reasons.join(', or ') });
    for (const b of branches) dropped.add(b);
  }
  return violations.filter((v) => !dropped.has(v)).map((v) => replaced.get(v) ?? v);
}

/**
 * Graph's schemas allow undeclared members only as objects (`additionalProperties: {type: object}`), so a
 * misspelt or renamed property holding a string fails as "must be object". Said plainly instead: the name
 * is not a property of the type (the schema is read, not validated, to know what it declares).
 */
function explainUndeclared(doc: OpenApiDocument, root: Record<string, unknown>, v: Violation): Violation {
  if (v.keyword !== 'type' || !/ must be object$/.test(v.message) || v.pointer === '') return v;
  const cut = v.pointer.lastIndexOf('/');
  const property = v.pointer
    .slice(cut + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
  const parent = declaredAt(doc, root, v.pointer.slice(0, cut));
  if (!parent || parent.properties.has(property)) return v;
  const owner = parent.typeName ?? 'its object';
  return {
    pointer: v.pointer,
    keyword: 'additionalProperties',
    message: `${v.pointer} is not a property of ${owner} (an undeclared member must be an object, per additionalProperties: {type: object})`,
    why: `is not a property of ${owner} (an undeclared member must be an object, per additionalProperties: {type: object})`,
  };
}

/** The properties the schema declares for the object at `pointer` (allOf merged, anyOf/oneOf branches united); undefined when unknown. */
function declaredAt(doc: OpenApiDocument, root: Record<string, unknown>, pointer: string): { properties: Set<string>; typeName?: string } | undefined {
  let nodes = [root];
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next: Array<Record<string, unknown>> = [];
    for (const { schema } of expand(doc, nodes)) {
      const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
      if (props && Object.hasOwn(props, key)) next.push(props[key]!);
      else if (/^\d+$/.test(key) && typeof schema.items === 'object' && schema.items !== null) next.push(schema.items as Record<string, unknown>);
    }
    if (next.length === 0) return undefined;
    nodes = next;
  }
  const expanded = expand(doc, nodes);
  if (!expanded.some(({ schema }) => schema.properties !== undefined)) return undefined;
  const properties = new Set(expanded.flatMap(({ schema }) => Object.keys((schema.properties ?? {}) as Record<string, unknown>)));
  const typeName = expanded.find((e) => e.name !== undefined)?.name;
  return typeName === undefined ? { properties } : { properties, typeName };
}

/** Schemas with `$ref`, `allOf`, `anyOf` and `oneOf` followed, each with the component name it came from. */
function expand(doc: OpenApiDocument, nodes: Array<Record<string, unknown>>): Array<{ schema: Record<string, unknown>; name?: string }> {
  const out: Array<{ schema: Record<string, unknown>; name?: string }> = [];
  const seen = new Set<Record<string, unknown>>();
  const visit = (node: Record<string, unknown>, name: string | undefined, depth: number): void => {
    if (depth > 32 || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === 'string') {
      let target: Record<string, unknown>;
      try {
        target = resolveLocal(doc, node);
      } catch {
        return;
      }
      const refName = node.$ref.startsWith(SCHEMA_REF_PREFIX) ? node.$ref.slice(SCHEMA_REF_PREFIX.length) : name;
      visit(target, name ?? refName, depth + 1);
      return;
    }
    out.push(name === undefined ? { schema: node } : { schema: node, name });
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
      for (const member of (node[k] ?? []) as Array<Record<string, unknown>>) visit(member, name, depth + 1);
    }
  };
  for (const node of nodes) visit(node, undefined, 0);
  return out;
}

/** A `format` failure and a `pattern` failure at the same place say the same (Graph pairs them): keep the format. */
function dropPatternBesideFormat(violations: Violation[]): Violation[] {
  const formats = new Set(violations.filter((v) => v.keyword === 'format').map((v) => v.pointer));
  return violations.filter((v) => v.keyword !== 'pattern' || !formats.has(v.pointer));
}

/** The line of the value at `pointer`, else of its nearest ancestor that has one. */
function lineOf(lines: Map<string, number>, pointer: string): number | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    if (p === '') return undefined;
  }
}

function atPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
