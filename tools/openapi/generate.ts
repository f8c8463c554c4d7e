/**
 * TypeScript types for the slice, by openapi-typescript's Node API. One function serves `npm run
 * generate` and the freshness test, so the test compares against exactly what the command writes.
 */
import { createHash } from 'node:crypto';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { parse } from 'yaml';

export const GENERATED_FILE = 'generated/openapi.ts';
export const GENERATED_JSON = 'generated/openapi.json';

/**
 * The slice as JSON for the runtime: JSON.parse takes ~2 ms where YAML takes ~100 ms, in every worker of
 * every run. It carries the sha256 of the YAML it was made from, so a stale copy is never used.
 */
export function generateJson(specText: string): string {
  const specSha256 = createHash('sha256').update(specText).digest('hex');
  return `${JSON.stringify({ generatedFrom: 'specs/openapi.yaml by npm run generate; do not edit', specSha256, document: parse(specText) })}\n`;
}

export async function generateTypes(specText: string): Promise<string> {
  const sha256 = createHash('sha256').update(specText).digest('hex');
  const spec = openTypes(parse(specText)) as OpenAPI3;
  const ast = await openapiTS(spec, {
    // Runtime arrays of enum values (regions, connectorGroupType) for the request factories.
    enumValues: true,
    silent: true,
  });
  const header = [
    '// Generated from specs/openapi.yaml by `npm run generate` (openapi-typescript). Do not edit by hand:',
    '// change the slice (npm run spec:slice, specs/decisions.yaml) and regenerate.',
    `// specs/openapi.yaml sha256: ${sha256}`,
    '',
  ].join('\n');
  return `${header}\n${astToString(ast)}`;
}

/**
 * Microsoft marks every type open with `additionalProperties: {type: object}`. Taken literally,
 * openapi-typescript adds `[key: string]: Record<string, never>` to each type, which `name: string`
 * cannot satisfy, so no typed body could be written. For the types only, the marker reads as
 * `additionalProperties: true` (`[key: string]: unknown`); the slice itself keeps Microsoft's words
 * (decision odata-annotations).
 */
function openTypes(node: unknown, names = false): unknown {
  if (Array.isArray(node)) return node.map((n) => openTypes(n));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!names && key === 'additionalProperties' && isBareObjectType(value)) out[key] = true;
    else if (!names && (key === 'example' || key === 'enum' || key === 'default' || key.startsWith('x-'))) out[key] = value;
    else out[key] = openTypes(value, !names && key === 'properties');
  }
  return out;
}

function isBareObjectType(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && (value as { type?: unknown }).type === 'object';
}
