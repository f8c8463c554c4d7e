/**
 * nock answers a request its interceptors do not hold with a reply of its own (501,
 * `{"code":"ERR_NOCK_NO_MATCH"}`). In replay that reply is not the recorded target's: judging it would
 * report "expected 201, got 501" for a recording that simply lacks the request.
 */
import type { CapturedResponse } from '../client/exchange.js';

export function notRecorded(response: CapturedResponse): string | undefined {
  if (response.status !== 501 || !response.body.includes('ERR_NOCK_NO_MATCH')) return undefined;
  return 'the recording holds no request like this one (same method, path and body shape)';
}
