/**
 * The validator reads Graph's schemas as Graph means them, and no looser: each convention it
 * interprets (decisions allof-inheritance, odata-annotations, region-nullable) is pinned here both ways.
 */
import { describe, expect, test } from 'vitest';
import { loadSlice } from '../src/openapi/load.js';
import { precompiledValidators, validatorFor, validatorWithPrecompiled } from '../src/openapi/validator.js';
import { sliceSha256 } from '../src/openapi/hash.js';
import { fromRoot } from '../src/project-root.js';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenApiDocument } from '../src/openapi/operations.js';

const CONNECTOR_GROUP = { $ref: '#/components/schemas/microsoft.graph.connectorGroup' };
const ODATA_ERROR = { $ref: '#/components/schemas/microsoft.graph.ODataErrors.ODataError' };
const valid = {
  id: '3e6f4c35-a04b-4d03-b98a-66fff89b72e6',
  name: 'Connector Group Demo',
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  region: 'nam',
};

const slice = loadSlice();
const validate = (schema: Record<string, unknown>, value: unknown) => validatorFor(slice).validate(schema, value);
const pointers = (schema: Record<string, unknown>, value: unknown) => validate(schema, value).map((v) => `${v.pointer} ${v.keyword}`);

describe('connectorGroup as the slice describes it', () => {
  test('a real create response, OData annotations included, is valid', () => {
    expect(
      validate(CONNECTOR_GROUP, { '@odata.context': 'https://graph.microsoft.com/beta/$metadata#x/$entity', ...valid, 'name@odata.type': '#String' }),
    ).toEqual([]);
  });

  test("allOf with entity is inheritance: the base's additionalProperties does not reject name", () => {
    expect(validate(CONNECTOR_GROUP, { id: 'x', name: 'a string' })).toEqual([]);
  });

  test('what neither member declares is still held to additionalProperties: {type: object}', () => {
    expect(pointers(CONNECTOR_GROUP, { ...valid, colour: 'blue' })).toEqual(['/colour type']);
    expect(validate(CONNECTOR_GROUP, { ...valid, colour: {} })).toEqual([]);
  });

  test('region is nullable (its enum type is), but only null or an enum value', () => {
    expect(validate(CONNECTOR_GROUP, { ...valid, region: null })).toEqual([]);
    const violations = validate(CONNECTOR_GROUP, { ...valid, region: 'mars' });
    expect(violations.map((v) => v.pointer)).toContain('/region');
    expect(violations.map((v) => v.message).join()).toMatch(/allowed: "nam", "eur", "aus", "asia", "ind", "unknownFutureValue"/);
  });

  test.each([
    [{ ...valid, name: 5 }, '/name type'],
    [{ ...valid, isDefault: 'false' }, '/isDefault type'],
    [{ ...valid, id: 7 }, '/id type'],
    [{ ...valid, connectorGroupType: 'syncFabric' }, '/connectorGroupType enum'],
  ])('rejects %j at %s', (body, where) => {
    expect(pointers(CONNECTOR_GROUP, body)).toContain(where);
  });

  test('the body must be an object', () => {
    expect(pointers(CONNECTOR_GROUP, [valid])).toEqual([' type']);
  });
});

describe("Graph's error envelope", () => {
  test('error with code and message is required', () => {
    expect(validate(ODATA_ERROR, { error: { code: 'BadRequest', message: 'Invalid property.' } })).toEqual([]);
    expect(pointers(ODATA_ERROR, { message: 'no envelope' })).toContain(' required');
    expect(pointers(ODATA_ERROR, { error: { code: 'BadRequest' } })).toContain('/error required');
  });

  test("a real error's innerError strings are valid (inner-error-service-specific), but innerError must be an object", () => {
    const innerError = { date: '2026-11-27T03:34:36', 'request-id': 'a1f5f529-6efe-46b0-8294-af22a57b8ca7', 'client-request-id': 'x' };
    expect(validate(ODATA_ERROR, { error: { code: 'BadRequest', message: 'm', innerError } })).toEqual([]);
    expect(pointers(ODATA_ERROR, { error: { code: 'BadRequest', message: 'm', innerError: 'text' } })).toContain('/error/innerError type');
  });

  test('the rest of the envelope keeps additionalProperties: {type: object}', () => {
    expect(pointers(ODATA_ERROR, { error: { code: 'BadRequest', message: 'm', extra: 'string' } })).toEqual(['/error/extra type']);
  });
});

describe('the OpenAPI 3.0 forms of the main Graph description', () => {
  const doc: OpenApiDocument = {
    openapi: '3.0.4',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        base: { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: { type: 'object' } },
        colour: { type: 'string', enum: ['red', 'blue'] },
        thing: {
          allOf: [
            { $ref: '#/components/schemas/base' },
            {
              type: 'object',
              properties: {
                colour: { anyOf: [{ $ref: '#/components/schemas/colour' }], nullable: true },
                size: { type: 'integer', format: 'int32', nullable: true },
                label: { type: 'string', enum: ['a', 'b'], nullable: true },
              },
              required: ['size'],
              additionalProperties: { type: 'object' },
              example: { size: 1 },
              'x-ms-navigationProperty': true,
            },
          ],
        },
      },
    },
  };
  const thing = { $ref: '#/components/schemas/thing' };

  test('anyOf + nullable, type + nullable and enum + nullable all admit null', () => {
    expect(validatorFor(doc).validate(thing, { id: 'a', colour: null, size: null, label: null })).toEqual([]);
  });

  test('required from a derived member and formats still apply', () => {
    expect(
      validatorFor(doc)
        .validate(thing, { id: 'a' })
        .map((v) => v.keyword),
    ).toEqual(['required']);
    expect(
      validatorFor(doc)
        .validate(thing, { size: 2 ** 40 })
        .map((v) => v.keyword),
    ).toEqual(['format']);
  });
});

describe('precompiled validators (npm run build)', () => {
  /** Standalone code written where the build writes it (dist/), under a name of each test's own (require caches by name). */
  const fileFor = (test: string) => fromRoot('dist', `validators.test-${test}-${process.pid}.cjs`);
  const bodies: Array<[string, unknown]> = [
    ['a valid connectorGroup', valid],
    [
      'one with every kind of fault',
      {
        ...valid,
        id: 7,
        name: 5,
        region: 'mars',
        isDefault: 'no',
        connectorGroupType: 'syncFabric',
        colour: 'blue',
        applications: [{ appId: 3, onPremisesPublishing: { externalAuthenticationType: 'x' } }],
      },
    ],
    ['region null', { ...valid, region: null }],
    ['not an object', [valid]],
  ];

  test('judge every body exactly as the validators compiled at run time, violation for violation', () => {
    const file = fileFor('same');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, precompiledValidators(slice, sliceSha256(), file));
    try {
      const precompiled = validatorWithPrecompiled(slice, file);
      expect(precompiled.precompiled).toBe(true);
      const compiled = validatorFor(slice);
      for (const [what, body] of bodies) {
        for (const schema of [CONNECTOR_GROUP, ODATA_ERROR, { $ref: '#/components/schemas/microsoft.graph.applicationCollectionResponse' }]) {
          expect(precompiled.validate(schema, body), `${what} against ${schema.$ref}`).toEqual(compiled.validate(schema, body));
        }
      }
      expect(precompiled.validate(CONNECTOR_GROUP, bodies[1]![1]).length).toBeGreaterThan(5);
    } finally {
      rmSync(file, { force: true });
    }
  });

  test('are not used for a slice other than the one they were made from', () => {
    const file = fileFor('other');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, precompiledValidators(slice, '0'.repeat(64), file));
    try {
      expect(validatorWithPrecompiled(slice, file).precompiled).toBe(false);
      expect(validatorWithPrecompiled(structuredClone(slice), file).precompiled).toBe(false);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
