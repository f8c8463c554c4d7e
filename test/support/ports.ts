/** Ports for tests that need nothing to listen. */
import { createServer } from 'node:net';

/** A port that was free a moment ago: nothing listens there, so connecting is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A port that refuses connections for the whole test: a privileged one (never handed out for `listen(0)`,
 * so no other worker's server can take it, as one can take a port `closedPort` freed) that fetch does not
 * refuse to dial (its list of bad ports has 1 and 9, not 2).
 */
export const REFUSING_PORT = 2;
