/**
 * Replay is only offline while the interceptor (nock) sees the very fetch the client sends with. That has
 * broken before without a word (a Node or undici upgrade, a library replacing globalThis.fetch): requests
 * then reach the network, or fail in ways that blame the recording. So before any suite runs, replay
 * proves both halves through the client's own transport: a request the interceptor holds is served by it,
 * and one it does not hold is refused by it, not answered by anything else.
 */
import { capturingFetch, TransportError } from '../client/exchange.js';
import { notRecorded } from './unrecorded.js';
import { useNock } from './replay.js';
import { DEFAULT_MAX_BODY_BYTES } from '../config/run-config.js';

const PROBE_PATH = '/graph-conformance-interception-probe';
const SERVED_HEADER = 'x-graph-conformance-probe';

/** Undefined when interception works; otherwise why not, in words. */
export async function interceptionProblem(baseUrl: string): Promise<string | undefined> {
  const { nock, release } = await useNock();
  const origin = new URL(baseUrl).origin;
  const interceptor = nock(origin).get(PROBE_PATH);
  interceptor.reply(204, '', { [SERVED_HEADER]: 'served' });
  const transport = capturingFetch(() => undefined, { timeoutMs: 5_000, maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
  try {
    const served = await attempt(() => transport(new Request(`${origin}${PROBE_PATH}`)));
    if (typeof served === 'string' || served.headers.get(SERVED_HEADER) !== 'served') {
      return `a request the interceptor holds was not served by it (${typeof served === 'string' ? served : `answered ${served.status} by something else`})`;
    }
    const refused = await attempt(() => transport(new Request(`${origin}${PROBE_PATH}/not-recorded`)));
    if (typeof refused !== 'string') {
      const body = await refused.text();
      const headers = Object.fromEntries(refused.headers);
      if (notRecorded({ status: refused.status, headers, body }) === undefined)
        return `a request it does not hold was answered ${refused.status} by something else`;
    } else if (!/Nock|disallowed|NetConnectNotAllowed/i.test(refused)) {
      return `a request it does not hold went past it (${refused})`;
    }
    return undefined;
  } finally {
    nock.removeInterceptor(interceptor);
    release();
  }
}

/** The response, or what went wrong on the wire. */
async function attempt(send: () => Promise<Response>): Promise<Response | string> {
  try {
    return await send();
  } catch (error) {
    return error instanceof TransportError ? error.message : (error as Error).message;
  }
}
