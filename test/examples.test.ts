/**
 * Every response a mock builds from the slice has a valid example to answer with, in the places the
 * mock servers people use read it (decisions connector-group-example … count-example): Mockoon 9.9.0
 * and Prism read a schema's own `example`; Prism answers a `text/plain` media type only with a string
 * example, the body's text. Each example is held to the schema it illustrates, as the checks hold a body.
 */
import { describe, expect, test } from 'vitest';
import { loadSlice } from '../src/openapi/load.js';
import { resolveLocal, type OpenApiDocument } from '../src/openapi/operations.js';
import { validatorFor } from '../src/openapi/validator.js';
import { withSliceExampleNote } from '../src/checks/slice-example.js';

const slice = loadSlice();
const validator = validatorFor(slice);
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Documented {
  where: string;
  media: string;
  /** The media type object. */
  content: Obj;
}

/** Every media type of every response of every operation (a shared response once per operation). */
function documentedBodies(doc: OpenApiDocument): Documented[] {
  const out: Documented[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op) || !isObj(op.responses)) continue;
      for (const [status, raw] of Object.entries(op.responses)) {
        const response = resolveLocal(doc, raw as Obj);
        for (const [media, content] of Object.entries((response.content ?? {}) as Obj)) {
          out.push({ where: `${method.toUpperCase()} ${path} ${status} ${media}`, media, content: content as Obj });
        }
      }
    }
  }
  return out;
}

/** The example a mock answers with: the media type's, else the schema's own (followed through $ref). */
function exampleOf(doc: OpenApiDocument, body: Documented): { example: unknown; from: string } | undefined {
  if ('example' in body.content) return { example: body.content.example, from: 'media type' };
  const schema = isObj(body.content.schema) ? resolveLocal(doc, body.content.schema) : undefined;
  if (schema && 'example' in schema) return { example: schema.example, from: 'schema' };
  return undefined;
}

const bodies = documentedBodies(slice);
const binary = (b: Documented) => b.media === 'application/octet-stream';

describe('examples in the slice', () => {
  test('the slice documents bodies of three kinds: JSON, text/plain ($count) and binary (logo)', () => {
    expect(new Set(bodies.map((b) => b.media))).toEqual(new Set(['application/json', 'text/plain', 'application/octet-stream']));
  });

  test.each(bodies.filter((b) => !binary(b)).map((b) => [b.where, b] as const))('%s has a valid example where mocks read it', (_where, body) => {
    const found = exampleOf(slice, body);
    expect(found, 'no example: a mock would invent the body').toBeDefined();
    let value = found!.example;
    if (body.media === 'text/plain') {
      // Prism serialises only a string as text/plain; the checks read the text as JSON.
      expect(found!.from).toBe('media type');
      expect(typeof value).toBe('string');
      value = JSON.parse(value as string);
    } else {
      // Mockoon builds its default response from the schema's own example only.
      expect(found!.from).toBe('schema');
    }
    expect(validator.validate(body.content.schema as Obj, value)).toEqual([]);
  });

  test('every example anywhere in the slice is valid against the schema it illustrates', () => {
    const schemas = (slice.components?.schemas ?? {}) as Record<string, Obj>;
    const withExample = Object.entries(schemas).filter(([, s]) => 'example' in s);
    expect(withExample.length).toBeGreaterThanOrEqual(7);
    for (const [name, schema] of withExample) {
      expect(validator.validate({ $ref: `#/components/schemas/${name}` }, schema.example), name).toEqual([]);
    }
  });

  test('an invalid example is caught: the test above is not vacuous', () => {
    const connectorGroup = (slice.components?.schemas as Record<string, Obj>)['microsoft.graph.connectorGroup']!;
    const broken = { ...(connectorGroup.example as Obj), region: 'mars', name: 5 };
    const pointers = validator.validate({ $ref: '#/components/schemas/microsoft.graph.connectorGroup' }, broken).map((v) => v.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/region', '/name']));
  });

  test("create's example is the create page's, with isDefault false (decisions connector-group-example, is-default-false-on-create)", () => {
    const connectorGroup = (slice.components?.schemas as Record<string, Obj>)['microsoft.graph.connectorGroup']!;
    expect(connectorGroup.example).toEqual({
      id: '3e6f4c35-a04b-4d03-b98a-66fff89b72e6',
      name: 'Connector Group Demo',
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      region: 'nam',
    });
  });
});

describe("a failure whose body is the slice's example says so", () => {
  const exchange = (body: string) => ({
    request: { method: 'GET', url: 'http://x.invalid/', headers: {} },
    response: { status: 200, headers: {}, body },
    durationMs: 1,
  });
  const example = (slice.components?.schemas as Record<string, Obj>)['microsoft.graph.connectorGroup']!.example as Obj;

  test('the example, in any key order, is named; anything else is not', () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(example).reverse()));
    expect(withSliceExampleNote('wrong', exchange(reordered), slice)).toMatch(
      /^wrong \(the body is the slice's own example: a mock built from the slice answers it whatever was sent/,
    );
    expect(withSliceExampleNote('wrong', exchange(JSON.stringify({ ...example, name: 'other' })), slice)).toBe('wrong');
    // A scalar such as a $count's "1" says nothing about the target.
    expect(withSliceExampleNote('wrong', exchange('1'), slice)).toBe('wrong');
    expect(withSliceExampleNote('wrong', exchange('not json'), slice)).toBe('wrong');
  });
});
