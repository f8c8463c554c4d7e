/**
 * A cassette is what one suite recorded from a target: its requests and responses, paths relative to
 * the base URL (so it replays whatever host or port it came from), and where it came from.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';

/** The project's reference double names itself in this response header, so its recordings say where they came from. */
export const REFERENCE_DOUBLE_HEADER = 'x-graph-conformance-double';

/** Where a recording came from; a reference-double recording is never presented as Graph's. */
export type RecordingSource = 'graph-tenant' | 'reference-double' | 'url-target';

export interface CassetteMeta {
  operation: string;
  source: RecordingSource;
  target: 'url' | 'live';
  recordedAt: string;
  sliceSha256: string;
  seed: number;
  runId: string;
  profile: string;
  /** The base URL recorded against: absolute links in recorded bodies (@odata.nextLink) start with it. */
  baseUrl?: string;
  note: string;
}

export interface Interaction {
  /** The request's chain and step in its suite (`<chain>#<step>`); its client-request-id is derived from it. */
  tag?: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown };
}

export interface Cassette {
  meta: CassetteMeta;
  interactions: Interaction[];
}

export function cassetteFile(dir: string, operation: string): string {
  return path.join(dir, `${operation}.json`);
}

export function readCassette(dir: string, operation: string): Cassette {
  const file = cassetteFile(dir, operation);
  if (!existsSync(file)) {
    throw new Error(`no recording for '${operation}' at ${file}; record one with --base-url URL --record, or point --fixtures-dir at a folder that has one`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`recording ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const cassette = parsed as Partial<Cassette>;
  if (!cassette.meta || !Array.isArray(cassette.interactions) || typeof cassette.meta.seed !== 'number') {
    throw new Error(`recording ${file} lacks meta (with seed) or interactions; re-record it`);
  }
  return cassette as Cassette;
}

/** Written to a temporary name first, so an interrupted run never leaves half a cassette. */
export function writeCassette(dir: string, cassette: Cassette): string {
  mkdirSync(dir, { recursive: true });
  const file = cassetteFile(dir, cassette.meta.operation);
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(cassette, null, 2)}\n`);
  renameSync(partial, file);
  return file;
}
