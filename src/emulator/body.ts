// Reading a request body and turning it into JSON, with the errors Graph gives for each way that fails.
import type { IncomingMessage } from 'node:http';
import { ERRORS, type GraphError } from './errors.js';

/** Generous for any entity; only here so a runaway client cannot exhaust the test process. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RawBody {
  readonly text: string;
  /** The bytes as sent (a media stream's body is not text). */
  readonly bytes: Buffer;
  readonly tooLarge: boolean;
}

/** Drains the whole body (keep-alive needs that) but keeps at most MAX_BODY_BYTES of it. */
export async function readBody(request: IncomingMessage): Promise<RawBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  return { text: bytes.toString('utf8'), bytes, tooLarge: size > MAX_BODY_BYTES };
}

export function isJsonMediaType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: GraphError };

export function parseJsonBody(contentType: string | undefined, raw: RawBody): JsonBody {
  if (raw.tooLarge) return { ok: false, error: ERRORS.payloadTooLarge(MAX_BODY_BYTES) };
  if (!isJsonMediaType(contentType)) return { ok: false, error: ERRORS.unsupportedMediaType(contentType) };
  try {
    return { ok: true, value: JSON.parse(raw.text) as unknown };
  } catch {
    return { ok: false, error: ERRORS.malformedJson() };
  }
}
