/**
 * Prism (the project's pinned @stoplight/prism-cli, from node_modules) as a mock built from a description
 * or a validating proxy, on 127.0.0.1 and a free port.
 */
import { fromRoot } from '../../src/project-root.js';
import { startSpawnedServer, type SpawnedServer, type SpawnOptions } from './spawned-server.js';

export const PRISM_BIN = fromRoot('node_modules', '.bin', 'prism');

export type RunningPrism = SpawnedServer;

/** `startPrism(['mock', SLICE_FILE])`, `startPrism(['proxy', '--errors', SLICE_FILE, upstream])`. */
export function startPrism(args: readonly string[], options: SpawnOptions = {}): Promise<RunningPrism> {
  return startSpawnedServer('prism', PRISM_BIN, (host, port) => [...args, '--host', host, '--port', String(port)], options);
}
