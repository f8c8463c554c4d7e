import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from '../project-root.js';
import type { OpenApiDocument } from './operations.js';

export const SLICE_FILE = fromRoot('specs', 'openapi.yaml');

let cached: OpenApiDocument | undefined;

/** The effective contract every check is judged against; parsed once per process. */
export function loadSlice(): OpenApiDocument {
  cached ??= parse(readFileSync(SLICE_FILE, 'utf8')) as OpenApiDocument;
  return cached;
}
