/**
 * Turns what a suite exchanged with a real target into a scrubbed cassette that replay then serves.
 *
 * Built from the harness's own capture of each exchange rather than nock's recorder: nock 15.0.0
 * (the version that runs on Node 20) breaks every passed-through fetch that has a body
 * ("TypeError: unusable" from Request.clone), so nock is loaded only where it answers requests itself.
 */
import type { Exchange } from '../client/exchange.js';
import type { Cassette, CassetteMeta, Interaction } from './cassette.js';
import { scrubHeaders, scrubText } from '../scrub/scrub.js';

/** Headers that describe the connection, not the API; replaying them would only mislead. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export function cassetteOf(exchanges: readonly Exchange[], baseUrl: string, meta: CassetteMeta): Cassette {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return { meta, interactions: exchanges.map((e) => toInteraction(e, basePath)) };
}

function toInteraction({ request, response, tag }: Exchange, basePath: string): Interaction {
  const url = new URL(request.url);
  const path = `${url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname}${url.search}`;
  const responseHeaders = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
  return {
    ...(tag !== undefined && { tag }),
    request: {
      method: request.method,
      path: scrubText(path),
      headers: scrubHeaders(request.headers),
      ...(request.body === undefined || request.body === '' ? {} : { body: bodyValue(request.body) }),
    },
    response: {
      status: response.status,
      headers: scrubHeaders(responseHeaders),
      ...(response.body === '' ? {} : { body: bodyValue(response.body) }),
    },
  };
}

/** JSON bodies are kept as JSON so recordings stay readable and diffable; anything else as text. */
function bodyValue(text: string): unknown {
  const scrubbed = scrubText(text);
  try {
    return JSON.parse(scrubbed);
  } catch {
    return scrubbed;
  }
}
