/**
 * Serves a cassette through nock with the network disabled: a request that the cassette does not
 * hold fails loudly instead of reaching anything real. Requests match by method, path and the shape
 * of their JSON body (keys and value types), not by host, port or exact values.
 */
import nock from 'nock';
import type { Cassette } from './cassette.js';

export function installReplay(cassette: Cassette, baseUrl: string): void {
  nock.disableNetConnect();
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const scope = nock(base.origin);
  for (const { request, response } of cassette.interactions) {
    const expected = shapeOf(request.body);
    scope
      .intercept(`${basePath}${request.path}`, request.method, (body: unknown) => sameShape(shapeOf(body), expected))
      .reply(response.status, serialise(response.body), response.headers);
  }
}

export function stopReplay(): void {
  nock.cleanAll();
  nock.enableNetConnect();
}

/** Keys and JSON types, recursively; what a seeded factory reproduces even when values drift. */
export function shapeOf(value: unknown): unknown {
  if (value === undefined || value === '') return 'none';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  }
  return typeof value;
}

function sameShape(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function serialise(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}
