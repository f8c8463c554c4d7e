/**
 * A cassette is what one suite recorded from a target: its requests and responses, paths relative to
 * the base URL (so it replays whatever host or port it came from), and where it came from.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
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
  const read = readRecording(dir, operation);
  if (read.cassette) return read.cassette;
  throw new Error(read.unusable);
}

/**
 * One recording as read from disk: the cassette, or why it cannot be replayed (in words naming the
 * file); `meta` is whatever meta the file holds, even when the rest is unusable.
 */
export interface RecordingRead {
  cassette?: Cassette;
  unusable?: string;
  meta?: Partial<CassetteMeta>;
}

export function readRecording(dir: string, operation: string): RecordingRead {
  const file = cassetteFile(dir, operation);
  if (!existsSync(file)) {
    return {
      unusable: `no recording for '${operation}' at ${file}; record one with --base-url URL --record, or point --fixtures-dir at a folder that has one`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { unusable: `recording ${file} is not valid JSON: ${(error as Error).message}` };
  }
  const cassette = parsed as Partial<Cassette> | null;
  const meta = cassette && typeof cassette.meta === 'object' && cassette.meta !== null ? cassette.meta : undefined;
  if (!cassette || !meta || !Array.isArray(cassette.interactions) || typeof meta.seed !== 'number') {
    return { unusable: `recording ${file} lacks meta (with seed) or interactions; re-record it`, ...(meta && { meta }) };
  }
  return { cassette: cassette as Cassette, meta };
}

/** Every recording in `dir` (each `<name>.json`), read once, by name. */
export function readRecordings(dir: string): Map<string, RecordingRead> {
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
    : [];
  return new Map(names.sort().map((name) => [name, readRecording(dir, name)]));
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
