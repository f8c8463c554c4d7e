// Turns a handler's outcome into the bytes and headers Graph would send.
import { REFERENCE_DOUBLE_HEADER } from '../engine/cassette.js';
import { graphEnvelope, plainEnvelope, type Correlation, type GraphError } from './errors.js';

export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
/** What the content-type defects send: a bare media type, no charset. */
export const TEXT_CONTENT_TYPE = 'text/plain';
/** $count answers: the count as text, in Graph's spelling. */
export const COUNT_CONTENT_TYPE = 'text/plain;charset=utf-8';

// A plausible diagnostic blob in Graph's shape; callers are told to log it, never to parse its values.
const AGS_DIAGNOSTIC = JSON.stringify({
  ServerInfo: { DataCenter: 'West Europe', Slice: 'E', Ring: '5', ScaleUnit: '001', RoleInstance: 'AM2PEPF0000DB1E' },
});

export type Outcome =
  | { readonly kind: 'json'; readonly status: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'text'; readonly status: number; readonly text: string }
  | { readonly kind: 'empty'; readonly status: number }
  | { readonly kind: 'binary'; readonly status: number; readonly bytes: Buffer; readonly contentType: string }
  | { readonly kind: 'error'; readonly error: GraphError };

export const json = (status: number, body: unknown, headers?: Readonly<Record<string, string>>): Outcome => ({
  kind: 'json',
  status,
  json: body,
  ...(headers && { headers }),
});
export const text = (status: number, body: string): Outcome => ({ kind: 'text', status, text: body });
export const empty = (status: number): Outcome => ({ kind: 'empty', status });
export const binary = (status: number, bytes: Buffer, contentType: string): Outcome => ({ kind: 'binary', status, bytes, contentType });
export const failure = (error: GraphError): Outcome => ({ kind: 'error', error });

/** What goes on the wire. Header names keep Graph's casing; lookups elsewhere go through `headerKey`. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

export interface RenderContext extends Correlation {
  readonly now: Date;
  readonly graphErrorEnvelope: boolean;
}

export function render(outcome: Outcome, context: RenderContext): Reply {
  const headers: Record<string, string> = {
    'Cache-Control': 'no-cache',
    'OData-Version': '4.0',
    'Strict-Transport-Security': 'max-age=31536000',
    'request-id': context.requestId,
    'client-request-id': context.clientRequestId,
    'x-ms-ags-diagnostic': AGS_DIAGNOSTIC,
    Date: context.now.toUTCString(),
    [REFERENCE_DOUBLE_HEADER]: 'reference',
  };
  switch (outcome.kind) {
    case 'json':
      return { status: outcome.status, headers: { ...headers, ...outcome.headers, 'Content-Type': JSON_CONTENT_TYPE }, body: JSON.stringify(outcome.json) };
    case 'text':
      return { status: outcome.status, headers: { ...headers, 'Content-Type': COUNT_CONTENT_TYPE }, body: outcome.text };
    case 'empty':
      return { status: outcome.status, headers, body: undefined };
    case 'binary':
      return { status: outcome.status, headers: { ...headers, 'Content-Type': outcome.contentType }, body: outcome.bytes };
    case 'error': {
      const { error } = outcome;
      const envelope = context.graphErrorEnvelope ? graphEnvelope(error, context, context.now) : plainEnvelope(error);
      return {
        status: error.status,
        headers: { ...headers, ...error.headers, 'Content-Type': JSON_CONTENT_TYPE },
        body: JSON.stringify(envelope),
      };
    }
  }
}

/** The key under which `headers` holds `name`, compared case-insensitively. */
export function headerKey(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(headers).find((key) => key.toLowerCase() === wanted);
}
