/**
 * A mock built from the slice answers with the slice's examples whatever it was sent, so it cannot
 * echo, remember or refuse. When a failure's evidence is exactly one of those examples, the message says
 * so: the reader learns that the target is such a mock, not that the suite misread it.
 */
import type { Exchange } from '../client/exchange.js';
import type { OpenApiDocument } from '../openapi/operations.js';

const NOTE = "the body is the slice's own example: a mock built from the slice answers it whatever was sent, and cannot echo, remember or refuse";

const examplesBySpec = new WeakMap<OpenApiDocument, Set<string>>();

/** `message`, with a note when the response body is one of the slice's object or array examples. */
export function withSliceExampleNote(message: string, exchange: Exchange | undefined, spec: OpenApiDocument | undefined): string {
  const body = exchange?.response.body;
  if (!spec || !body) return message;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return message;
  }
  if (typeof parsed !== 'object' || parsed === null) return message;
  return examplesOf(spec).has(canonical(parsed)) ? `${message} (${NOTE})` : message;
}

function examplesOf(spec: OpenApiDocument): Set<string> {
  let found = examplesBySpec.get(spec);
  if (found) return found;
  found = new Set();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' && typeof value === 'object' && value !== null) found!.add(canonical(value));
      else visit(value);
    }
  };
  visit(spec.paths);
  visit(spec.components);
  examplesBySpec.set(spec, found);
  return found;
}

/** JSON with object keys sorted, so that two equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
