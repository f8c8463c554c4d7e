import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fromRoot } from '../project-root.js';
import type { OpenApiDocument } from './operations.js';
import { parseYaml } from './decisions.js';

export const SLICE_FILE = fromRoot('specs', 'openapi.yaml');
const SLICE_JSON = fromRoot('generated', 'openapi.json');

let cached: OpenApiDocument | undefined;

/**
 * The effective contract every check is judged against; parsed once per process. The generated JSON
 * copy is used when it was made from the YAML as it is now; otherwise the YAML itself.
 */
export function loadSlice(): OpenApiDocument {
  cached ??= loadSliceFrom(SLICE_FILE, SLICE_JSON);
  return cached;
}

export function loadSliceFrom(yamlFile: string, jsonFile: string): OpenApiDocument {
  const text = readFileSync(yamlFile, 'utf8');
  if (existsSync(jsonFile)) {
    const copy = JSON.parse(readFileSync(jsonFile, 'utf8')) as { specSha256?: string; document?: OpenApiDocument };
    if (copy.document && copy.specSha256 === createHash('sha256').update(text).digest('hex')) return copy.document;
  }
  return parseYaml(text) as OpenApiDocument;
}
