/**
 * A request that fails on the wire is reported in words a report reader understands — how much of the
 * answer arrived, whether the target reset or closed the connection — never only as an undici code.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { capturingFetch, TransportError, type Exchange } from '../src/client/exchange.js';

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
    expect(error.message).toMatch(/, also when sent a second time$/);
  });

  /**
   * What a Node server does when it was busy past its keep-alive timeout: it wakes, closes its idle
   * connections, and resets the one whose request it never read. The request is sent once more and the
   * answer to that attempt is the exchange, marked as resent.
   */
  test('a kept-alive connection reset before any answer: sent once more, answered, marked', async () => {
    let connections = 0;
    const sockets: Socket[] = [];
    server = createServer((socket) => {
      connections++;
      sockets.push(socket);
      let requests = 0;
      socket.on('data', () => {
        if (++requests === 2) socket.resetAndDestroy();
        else socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok');
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/beta/x`;
    const exchanges: Exchange[] = [];
    const send = capturingFetch((e) => exchanges.push(e), { timeoutMs: 2_000, maxBodyBytes: 1 << 20 });
    expect(await (await send(new Request(url))).text()).toBe('ok');
    // The client takes the connection back into its pool once the answer is read: the next request reuses it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await send(new Request(url, { method: 'POST', body: '{"name":"a"}' }));
    expect(await second.text()).toBe('ok');
    expect(connections).toBe(2);
    expect(exchanges.map((e) => e.resentAfter)).toEqual([undefined, 'reset']);
    expect(exchanges[1]?.request.body).toBe('{"name":"a"}');
    for (const socket of sockets) socket.destroy(); // kept alive by the client: the server closes only when they end
  });

  test('a connection closed before any answer', async () => {
    const url = await rawTarget((socket) => socket.end());
    const error = await failureOf(url);
    expect(error.kind).toBe('closed');
    expect(error.message).toMatch(/: the target closed the connection before answering \[UND_ERR_SOCKET\], also when sent a second time$/);
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
