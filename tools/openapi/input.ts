/** Reads the slicer's input: a local file or an http(s) URL, as bytes, named without local paths. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SliceError } from './slice.js';

export interface SliceInput {
  bytes: Buffer;
  /** What `info.x-slice.source` records: the URL, or the file's base name. */
  name: string;
}

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** The URL as recorded in the slice: without credentials or a query that might carry a token. */
function publicUrl(spec: string): string {
  const url = new URL(spec);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** A URL that could not be fetched: where from (without credentials or query) and why, in words. */
export class FetchError extends SliceError {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`cannot fetch ${url}: ${reason}`);
    this.name = 'FetchError';
  }
}

export interface ReadOptions {
  /** Longest wait for a URL, body included; 60 s by default. */
  timeoutMs?: number;
}

const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'host not found (DNS lookup failed: ENOTFOUND)',
  EAI_AGAIN: 'DNS lookup failed (EAI_AGAIN)',
  ECONNREFUSED: 'connection refused (ECONNREFUSED)',
  ECONNRESET: 'connection reset (ECONNRESET)',
  ETIMEDOUT: 'connection timed out (ETIMEDOUT)',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out (UND_ERR_CONNECT_TIMEOUT)',
  ENETUNREACH: 'network unreachable (ENETUNREACH)',
  EHOSTUNREACH: 'host unreachable (EHOSTUNREACH)',
};

function fetchFailure(error: unknown, timeoutMs: number): string {
  if ((error as Error).name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code !== undefined) return NETWORK_REASONS[code] ?? code;
  return cause?.message ?? (error as Error).message;
}

export async function readSliceInput(spec: string, baseDir: string, options: ReadOptions = {}): Promise<SliceInput> {
  if (isUrl(spec)) {
    const timeoutMs = options.timeoutMs ?? 60_000;
    let url: string;
    try {
      url = publicUrl(spec);
    } catch {
      throw new SliceError(`${spec} is not a valid URL`);
    }
    try {
      const response = await fetch(spec, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new FetchError(url, `HTTP ${response.status} ${response.statusText}`.trimEnd());
      return { bytes: Buffer.from(await response.arrayBuffer()), name: url };
    } catch (error) {
      if (error instanceof FetchError) throw error;
      throw new FetchError(url, fetchFailure(error, timeoutMs));
    }
  }
  const file = path.resolve(baseDir, spec);
  try {
    return { bytes: await readFile(file), name: path.basename(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new SliceError(`cannot read input ${spec}: ${why}`);
  }
}
