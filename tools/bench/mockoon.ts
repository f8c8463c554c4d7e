/**
 * Mockoon CLI (the project's pinned @mockoon/cli, from node_modules) serving a mock it builds from an
 * OpenAPI description, or a Mockoon environment file, on 127.0.0.1 and a free port. Mockoon serves under the
 * path of the description's `servers[0]` (the slice's is `/beta`), or under an environment's `endpointPrefix`,
 * so that path is part of the base URL.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from '../../src/project-root.js';
import { startSpawnedServer, type SpawnedServer, type SpawnOptions } from './spawned-server.js';

export const MOCKOON_BIN = fromRoot('node_modules', '.bin', 'mockoon-cli');

export type RunningMockoon = SpawnedServer;

/** `description`: an OpenAPI description or a Mockoon environment (JSON), as `mockoon-cli start --data` takes either. */
export function startMockoon(description: string, options: SpawnOptions = {}): Promise<RunningMockoon> {
  return startSpawnedServer(
    'mockoon-cli',
    MOCKOON_BIN,
    // No log files in the user's home directory: the output is kept in memory like Prism's.
    (host, port) => ['start', '--data', description, '--hostname', host, '--port', String(port), '--disable-log-to-file'],
    { ...options, basePath: serversPath(description) },
  );
}

/** The path of the description's first server URL (`https://graph.microsoft.com/beta` → `/beta`), or an environment's prefix (`beta` → `/beta`). */
function serversPath(description: string): string {
  // JSON is YAML: one parser reads both kinds of file.
  const doc = parse(readFileSync(description, 'utf8')) as { servers?: Array<{ url?: string }>; endpointPrefix?: unknown };
  if (typeof doc.endpointPrefix === 'string') {
    const prefix = doc.endpointPrefix.replace(/^\/+|\/+$/g, '');
    return prefix === '' ? '' : `/${prefix}`;
  }
  const url = doc.servers?.[0]?.url;
  if (!url) return '';
  const pathname = new URL(url, 'http://placeholder.invalid').pathname.replace(/\/$/, '');
  return pathname;
}
