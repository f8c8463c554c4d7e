/**
 * Dredd 14.1.0 refuses the slice as it stands ("'Parameter Object' 'name' contains unsupported
 * characters" for `onPremisesPublishingProfile-id`, then required parameters without examples), and its
 * OpenAPI 3 adapter builds no expected body from an `allOf`. This writes, at bench time, the reduced copy
 * of the slice it accepts: the create operation only, the path parameter renamed to letters and digits
 * with `applicationProxy` as its example, the connectorGroup schema flattened (allOf merged, $refs
 * inlined, navigation properties and `additionalProperties` dropped) and a request body example from the
 * project's factory. The bench says that Dredd ran on this copy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Faker, base, en } from '@faker-js/faker';
import { stringify } from 'yaml';
import { connectorGroupCreateBody } from '../../fixtures/factories/connector-group.js';
import { GROUPS_PATH } from '../../src/checks/create.js';
import { PROFILE_ID } from '../../src/engine/context.js';
import { loadSlice } from '../../src/openapi/load.js';
import { pointer, type OpenApiDocument } from '../../src/openapi/operations.js';

type Schema = Record<string, unknown>;

export interface DreddSlice {
  file: string;
  /** The path as Dredd sees it. */
  path: string;
  /** What was changed from the slice, in words for the table. */
  reductions: string;
}

const KEEP = new Set(['type', 'format', 'enum', 'pattern', 'nullable', 'items', 'properties', 'required', 'minimum', 'maximum', 'minLength', 'maxLength']);

export function writeDreddSlice(dir: string, doc: OpenApiDocument = loadSlice()): DreddSlice {
  const operation = pointer(doc, `#/paths/${escape(GROUPS_PATH)}/post`) as {
    parameters?: Array<{ name: string; in: string }>;
    requestBody: { content: Record<string, { schema: Schema }> };
    responses: Record<string, { description?: string; content?: Record<string, { schema: Schema }> }>;
  };
  let reducedPath = GROUPS_PATH;
  const parameters = (operation.parameters ?? []).map((p) => {
    const name = alphanumeric(p.name);
    reducedPath = reducedPath.replace(`{${p.name}}`, `{${name}}`);
    return { name, in: p.in, required: true, schema: { type: 'string' }, example: PROFILE_ID };
  });
  const created = operation.responses['201'];
  const responseSchema = created?.content?.['application/json']?.schema;
  if (!responseSchema) throw new Error('the slice documents no 201 application/json body for create');
  const flat = flatten(doc, responseSchema, []);
  const faker = new Faker({ locale: [en, base] });
  faker.seed(7);
  const reduced = {
    openapi: '3.0.1',
    info: {
      title: 'connectorGroups create, reduced for Dredd from specs/openapi.yaml',
      version: String((doc.info as { version?: string } | undefined)?.version ?? ''),
    },
    paths: {
      [reducedPath]: {
        post: {
          parameters,
          requestBody: { content: { 'application/json': { schema: flat, example: connectorGroupCreateBody(faker, 'dredd') } } },
          responses: { '201': { description: created.description ?? 'Created', content: { 'application/json': { schema: flat } } } },
        },
      },
    },
  };
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'openapi.dredd.yaml');
  writeFileSync(file, stringify(reduced, { aliasDuplicateObjects: false }));
  return {
    file,
    path: reducedPath,
    reductions: `create only; {${parameters.map((p) => p.name).join(', ')}} = ${PROFILE_ID}; connectorGroup flattened (allOf merged, $refs inlined, navigation properties and additionalProperties dropped); request example from the factory`,
  };
}

function flatten(doc: OpenApiDocument, schema: Schema, seen: readonly string[]): Schema {
  if (typeof schema.$ref === 'string') {
    if (seen.includes(schema.$ref)) return { type: 'object' };
    return flatten(doc, pointer(doc, schema.$ref) as Schema, [...seen, schema.$ref]);
  }
  if (Array.isArray(schema.allOf)) {
    const members = (schema.allOf as Schema[]).map((m) => flatten(doc, m, seen));
    const properties = Object.assign({}, ...members.map((m) => (m.properties ?? {}) as Schema)) as Schema;
    const required = [...new Set(members.flatMap((m) => (m.required ?? []) as string[]))];
    return { type: 'object', properties, ...(required.length > 0 && { required }) };
  }
  if (Array.isArray(schema.anyOf) && schema.anyOf.length === 1) {
    return { ...flatten(doc, schema.anyOf[0] as Schema, seen), ...(schema.nullable === true && { nullable: true }) };
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEEP.has(key)) continue;
    if (key === 'properties') {
      const properties: Schema = {};
      for (const [name, property] of Object.entries(value as Record<string, Schema>)) {
        if (property['x-ms-navigationProperty'] === true) continue;
        properties[name] = flatten(doc, property, seen);
      }
      out.properties = properties;
    } else if (key === 'items') {
      out.items = flatten(doc, value as Schema, seen);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function alphanumeric(name: string): string {
  return name.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : ''));
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
