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

export async function readSliceInput(spec: string, baseDir: string): Promise<SliceInput> {
  if (isUrl(spec)) {
    let response: Response;
    try {
      response = await fetch(spec);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new SliceError(`cannot fetch ${spec}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    }
    if (!response.ok) throw new SliceError(`cannot fetch ${spec}: HTTP ${response.status} ${response.statusText}`.trimEnd());
    return { bytes: Buffer.from(await response.arrayBuffer()), name: publicUrl(spec) };
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
