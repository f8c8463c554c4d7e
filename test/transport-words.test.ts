/**
 * A request that fails on the wire is reported in words a report reader understands — how much of the
 * answer arrived, whether the target reset or closed the connection — never only as an undici code.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { capturingFetch, TransportError } from '../src/client/exchange.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A raw TCP server that does `onRequest` with the socket once the request has arrived. */
async function rawTarget(onRequest: (socket: Socket) => void): Promise<string> {
  server = createServer((socket) => socket.once('data', () => onRequest(socket)));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/beta/x`;
}

async function failureOf(url: string): Promise<TransportError> {
  const unanswered: string[] = [];
  const send = capturingFetch(() => {}, { timeoutMs: 2_000, maxBodyBytes: 1 << 20 }, undefined, { onUnanswered: (r) => unanswered.push(r.url) });
  const error = await send(new Request(url, { method: 'POST', body: '{"name":"a"}' })).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  expect(unanswered).toEqual([url]);
  return error as TransportError;
}

describe('network failures read as words', () => {
  test('a body cut short: how many of how many bytes arrived', async () => {
    const url = await rawTarget((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n');
      socket.write('x'.repeat(1024), () => setTimeout(() => socket.destroy(), 50));
    });
    const error = await failureOf(url);
    expect(error.kind).toBe('closed');
    expect(error.message).toBe(`POST ${url}: the connection closed after 1,024 of 4,096 bytes of the response body [UND_ERR_SOCKET]`);
  });

  test('a reset before any answer', async () => {
    const url = await rawTarget((socket) => socket.resetAndDestroy());
    const error = await failureOf(url);
    expect(error.kind).toBe('reset');
    expect(error.message).toMatch(new RegExp(`^POST ${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the target reset the connection before answering`));
  });

  test('a connection closed before any answer', async () => {
    const url = await rawTarget((socket) => socket.end());
    const error = await failureOf(url);
    expect(error.kind).toBe('closed');
    expect(error.message).toMatch(/: the target closed the connection before answering \[UND_ERR_SOCKET\]$/);
  });

  test('nothing listening', async () => {
    const url = await rawTarget(() => {});
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const error = await failureOf(url);
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/: the target refused the connection \(nothing listens there\) \[ECONNREFUSED\]$/);
  });
});
