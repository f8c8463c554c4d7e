/**
 * Applies the `slice:` edits of the project's decisions to a draft slice. A decision whose target is
 * missing fails the slice, naming the decision: an upstream change must never make one silently stop
 * applying.
 */
import type {
  Decision,
  ExactStatusBesideRangeEdit,
  ExpectEnumEdit,
  NullableEdit,
  ResponseExampleEdit,
  ResponseStatusEdit,
  SchemaExampleEdit,
  SliceEdit,
} from '../../src/openapi/decisions.js';
import { collectRefs } from './openapi-walk.js';
import { isObject, type Json, type JsonObject } from './source.js';

export class DecisionTargetError extends Error {
  constructor(
    readonly decisionId: string,
    problem: string,
  ) {
    super(`decision ${decisionId} no longer applies: ${problem} (fix the input or revisit specs/decisions.yaml)`);
    this.name = 'DecisionTargetError';
  }
}

export interface Draft {
  paths: JsonObject;
  /** A component of the draft slice (`schemas`, `responses`, …), or undefined when the slice does not hold it. */
  component(section: string, name: string): JsonObject | undefined;
  /** Every component of the draft slice, as [section, name, value]. */
  components(): Iterable<[string, string, Json]>;
}

export interface Applied {
  /** Ids of the decisions with slice edits, all of which now hold in the draft. */
  applied: string[];
  /** Edits that found their result already in the input. */
  notices: string[];
}

export function applyDecisions(draft: Draft, decisions: readonly Decision[]): Applied {
  const result: Applied = { applied: [], notices: [] };
  for (const decision of decisions) {
    if (!decision.slice) continue;
    for (const edit of decision.slice) {
      const notice = applyEdit(draft, edit, (problem) => new DecisionTargetError(decision.id, problem));
      if (notice) result.notices.push(`decision ${decision.id}: ${notice}`);
    }
    result.applied.push(decision.id);
  }
  return result;
}

type Fail = (problem: string) => Error;

function applyEdit(draft: Draft, edit: SliceEdit, fail: Fail): string | undefined {
  switch (edit.op) {
    case 'response-status':
      return responseStatus(draft, edit, fail);
    case 'nullable':
      return nullable(draft, edit, fail);
    case 'expect-enum':
      return expectEnum(draft, edit, fail);
    case 'response-example':
      return responseExample(draft, edit, fail);
    case 'schema-example':
      return schemaExample(draft, edit, fail);
    case 'exact-status-beside-range':
      return exactStatusBesideRange(draft, edit, fail);
  }
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

function exactStatusBesideRange(draft: Draft, edit: ExactStatusBesideRangeEdit, fail: Fail): undefined {
  let edited = 0;
  for (const item of Object.values(draft.paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op) || !isObject(op.responses)) continue;
      const responses = op.responses;
      const range = responses['2XX'];
      if (range === undefined || Object.keys(responses).some((k) => /^2\d\d$/.test(k))) continue;
      const code = hasBody(draft, range) ? edit.withBody : edit.withoutBody;
      op.responses = { [code]: structuredClone(range), ...responses };
      edited++;
    }
  }
  if (edited === 0) throw fail('no operation documents 2XX without an exact 2xx code');
  return undefined;
}

function hasBody(draft: Draft, response: Json): boolean {
  let resolved: Json | undefined = response;
  if (isObject(resolved) && typeof resolved.$ref === 'string' && resolved.$ref.startsWith(RESPONSE_REF)) {
    resolved = draft.component('responses', resolved.$ref.slice(RESPONSE_REF.length));
  }
  return isObject(resolved) && isObject(resolved.content) && Object.keys(resolved.content).length > 0;
}

const RESPONSE_REF = '#/components/responses/';

function responseExample(draft: Draft, edit: ResponseExampleEdit, fail: Fail): undefined {
  let response: Json | undefined;
  let label: string;
  if ('response' in edit) {
    label = `components.responses.${edit.response}`;
    response = draft.component('responses', edit.response);
    if (!isObject(response)) throw fail(`the slice holds no ${label}`);
  } else {
    label = `${edit.method.toUpperCase()} ${edit.path}`;
    const item = draft.paths[edit.path];
    const op = isObject(item) ? item[edit.method] : undefined;
    if (!isObject(op)) throw fail(`the input has no ${label}`);
    response = isObject(op.responses) ? op.responses[edit.status] : undefined;
    if (!isObject(response)) throw fail(`${label} documents no '${edit.status}' response`);
    label = `${label} '${edit.status}'`;
  }
  if (typeof response.$ref === 'string') throw fail(`${label} is a reference (${response.$ref}): give the example to the response it names`);
  const media = isObject(response.content) ? response.content[edit.media] : undefined;
  if (!isObject(media)) throw fail(`${label} documents no ${edit.media} body`);
  media.example = structuredClone(edit.example);
  return undefined;
}

function schemaExample(draft: Draft, edit: SchemaExampleEdit, fail: Fail): undefined {
  const schema = draft.component('schemas', edit.schema);
  if (!schema) throw fail(`the slice holds no schema ${edit.schema}`);
  schema.example = structuredClone(edit.example);
  return undefined;
}

function responseStatus(draft: Draft, edit: ResponseStatusEdit, fail: Fail): undefined {
  const label = `${edit.method.toUpperCase()} ${edit.path}`;
  const item = draft.paths[edit.path];
  if (!isObject(item)) throw fail(`the input has no path ${edit.path}`);
  const op = item[edit.method];
  if (!isObject(op)) throw fail(`the input has no ${label}`);
  const responses = op.responses;
  if (!isObject(responses)) throw fail(`${label} documents no responses`);
  const documented = Object.keys(responses);
  if (!documented.includes(edit.from)) {
    throw fail(`${label} documents no '${edit.from}' response (it documents ${documented.join(', ') || 'none'})`);
  }
  const original = responses[edit.from] as Json;
  const clash = Object.keys(edit.to).find((status) => status !== edit.from && documented.includes(status));
  if (clash) throw fail(`${label} already documents '${clash}' beside '${edit.from}'`);

  const replaced: JsonObject = {};
  for (const [status, response] of Object.entries(responses)) {
    if (status !== edit.from) {
      replaced[status] = response;
      continue;
    }
    for (const [to, replacement] of Object.entries(edit.to)) {
      if (replacement === 'keep') replaced[to] = structuredClone(original);
      else if (replacement === 'no-content') replaced[to] = withoutBody(original);
      else replaced[to] = structuredClone(replacement);
    }
  }
  op.responses = replaced;
  return undefined;
}

function withoutBody(response: Json): JsonObject {
  const description = isObject(response) && typeof response.description === 'string' ? response.description : '';
  return { description };
}

function nullable(draft: Draft, edit: NullableEdit, fail: Fail): string | undefined {
  const schema = draft.component('schemas', edit.schema);
  if (!schema) throw fail(`the slice holds no schema ${edit.schema}`);
  const holder = propertiesHolding(schema, edit.property);
  if (!holder) throw fail(`schema ${edit.schema} declares no property ${edit.property}`);
  const property = holder[edit.property];
  if (!isObject(property)) throw fail(`${edit.schema}.${edit.property} is not a schema`);
  const label = `${edit.schema}.${edit.property}`;
  if (isNullable(property)) return `${label} is already nullable in the input`;

  const ref = typeof property.$ref === 'string' ? property.$ref : undefined;
  if (ref === undefined) {
    if (typeof property.type !== 'string') throw fail(`${label} has no type, and OpenAPI 3.0 tools compile nullable only beside a type`);
    property.nullable = true;
    return undefined;
  }
  const name = ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : undefined;
  const target = name === undefined ? undefined : draft.component('schemas', name);
  if (!target || name === undefined) throw fail(`${label} refers to ${ref}, which the slice does not hold`);
  if (target.nullable === true) return `${label}: ${name} is already nullable in the input`;
  if (typeof target.type !== 'string') throw fail(`${name} has no type, and OpenAPI 3.0 tools compile nullable only beside a type`);
  const users = referencesTo(draft, ref);
  if (users !== 1) {
    throw fail(`${name} is referred to ${users} times in the slice: making it nullable would make more than ${label} nullable`);
  }
  target.nullable = true;
  return undefined;
}

const SCHEMA_REF = '#/components/schemas/';

function referencesTo(draft: Draft, ref: string): number {
  let count = 0;
  const visit = (node: Json) => collectRefs(node, (found) => void (found === ref && count++));
  visit(draft.paths);
  for (const [, , value] of draft.components()) visit(value);
  return count;
}

/** `nullable: true` beside the schema, or an anyOf branch that admits null (`{type: object, nullable: true}`). */
function isNullable(property: JsonObject): boolean {
  if (property.nullable === true) return true;
  return Array.isArray(property.anyOf) && property.anyOf.some((branch) => isObject(branch) && branch.nullable === true && branch.$ref === undefined);
}

/** The `properties` object declaring `name`: the schema's own, or one of its inline allOf/anyOf/oneOf members'. */
function propertiesHolding(schema: JsonObject, name: string): JsonObject | undefined {
  if (isObject(schema.properties) && Object.hasOwn(schema.properties, name)) return schema.properties;
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      if (!isObject(member)) continue;
      const found = propertiesHolding(member, name);
      if (found) return found;
    }
  }
  return undefined;
}

function expectEnum(draft: Draft, edit: ExpectEnumEdit, fail: Fail): undefined {
  const schema = draft.component('schemas', edit.schema);
  if (!schema) throw fail(`the slice holds no schema ${edit.schema}`);
  const actual = schema.enum;
  if (!Array.isArray(actual)) throw fail(`schema ${edit.schema} has no enum`);
  const same = actual.length === edit.values.length && edit.values.every((v) => actual.includes(v));
  if (!same) throw fail(`${edit.schema} enumerates [${actual.join(', ')}], the decision expects [${edit.values.join(', ')}]`);
  return undefined;
}
