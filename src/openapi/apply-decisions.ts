/**
 * Applies the `slice:` edits of the project's decisions to a draft slice. A decision whose target is
 * missing fails the slice, naming the decision: an upstream change must never make one silently stop
 * applying.
 */
import type { Decision, ExpectEnumEdit, NullableEdit, ResponseExampleEdit, ResponseStatusEdit, SliceEdit } from './decisions.js';
import { isObject, type Json, type JsonObject } from './source.js';

export class DecisionTargetError extends Error {
  constructor(readonly decisionId: string, problem: string) {
    super(`decision ${decisionId} no longer applies: ${problem} (fix the input or revisit specs/decisions.yaml)`);
    this.name = 'DecisionTargetError';
  }
}

export interface Draft {
  paths: JsonObject;
  /** A schema of the draft slice, or undefined when the slice does not hold it. */
  schema(name: string): JsonObject | undefined;
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
  }
}

function responseExample(draft: Draft, edit: ResponseExampleEdit, fail: Fail): undefined {
  const label = `${edit.method.toUpperCase()} ${edit.path}`;
  const item = draft.paths[edit.path];
  const op = isObject(item) ? item[edit.method] : undefined;
  if (!isObject(op)) throw fail(`the input has no ${label}`);
  const response = isObject(op.responses) ? op.responses[edit.status] : undefined;
  if (!isObject(response)) throw fail(`${label} documents no '${edit.status}' response`);
  const media = isObject(response.content) ? response.content['application/json'] : undefined;
  if (!isObject(media)) throw fail(`${label} '${edit.status}' documents no application/json body`);
  media.example = structuredClone(edit.example);
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
  const schema = draft.schema(edit.schema);
  if (!schema) throw fail(`the slice holds no schema ${edit.schema}`);
  const holder = propertiesHolding(schema, edit.property);
  if (!holder) throw fail(`schema ${edit.schema} declares no property ${edit.property}`);
  const property = holder[edit.property];
  if (!isObject(property)) throw fail(`${edit.schema}.${edit.property} is not a schema`);
  if (isNullable(property)) return `${edit.schema}.${edit.property} is already nullable in the input`;

  const { $ref, allOf, ...rest } = property;
  if (typeof $ref === 'string') {
    holder[edit.property] = { anyOf: [{ $ref }], ...rest, nullable: true };
  } else if (Array.isArray(allOf) && allOf.length === 1) {
    // A lone allOf member is how some generators attach siblings to a reference; anyOf says the same.
    holder[edit.property] = { anyOf: allOf, ...rest, nullable: true };
  } else {
    property.nullable = true;
  }
  return undefined;
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
  const schema = draft.schema(edit.schema);
  if (!schema) throw fail(`the slice holds no schema ${edit.schema}`);
  const actual = schema.enum;
  if (!Array.isArray(actual)) throw fail(`schema ${edit.schema} has no enum`);
  const same = actual.length === edit.values.length && edit.values.every((v) => actual.includes(v));
  if (!same) throw fail(`${edit.schema} enumerates [${actual.join(', ')}], the decision expects [${edit.values.join(', ')}]`);
  return undefined;
}
