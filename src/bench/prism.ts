/**
 * Starts Prism (the project's pinned @stoplight/prism-cli, from node_modules) on 127.0.0.1 and a free
 * port, waits until it accepts connections, and stops it with everything it spawned. Offline: Prism
 * reads the description from disk and only ever talks to the upstream it is given.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { fromRoot } from '../project-root.js';
import { SLICE_FILE } from '../openapi/load.js';

export const PRISM_BIN = fromRoot('node_modules', '.bin', 'prism');
const HOST = '127.0.0.1';

export interface RunningPrism {
  /** Root the spec's paths are appended to, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** What Prism printed so far (stdout and stderr). */
  output(): string;
  /** Stops Prism and its children. Idempotent. */
  close(): Promise<void>;
}

export interface PrismOptions {
  /** How long Prism may take to load the description and listen; default 20 s. */
  startTimeoutMs?: number;
}

/** `startPrism(['mock', SLICE_FILE])`, `startPrism(['proxy', '--errors', SLICE_FILE, upstream])`. */
export async function startPrism(args: readonly string[], options: PrismOptions = {}): Promise<RunningPrism> {
  const timeoutMs = options.startTimeoutMs ?? 20_000;
  const port = await freePort();
  const argv = [...args, '--host', HOST, '--port', String(port)];
  // Its own process group, so that closing it takes any child Prism forks along.
  const child = spawn(PRISM_BIN, argv, { cwd: fromRoot(), detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  let spawnFailure: Error | undefined;
  child.once('error', (error) => (spawnFailure = error));

  const running: RunningPrism = {
    baseUrl: `http://${HOST}:${port}`,
    output: () => output,
    close: once(() => stop(child, exited)),
  };

  const deadline = Date.now() + timeoutMs;
  const failure = (why: string) =>
    new Error(`prism ${argv.join(' ')} ${why}\n--- prism output (last 2000 chars) ---\n${output.slice(-2000)}`);
  for (;;) {
    if (spawnFailure) throw failure(`could not be spawned: ${spawnFailure.message}`);
    if (exitCode !== undefined) throw failure(`exited with code ${exitCode} before listening on port ${port}`);
    if (await accepts(port)) return running;
    if (Date.now() > deadline) {
      await running.close();
      throw failure(`did not listen on ${HOST}:${port} within ${timeoutMs} ms (raise startTimeoutMs on a slow machine)`);
    }
    await sleep(100);
  }
}

/** The child must not think it is a vitest worker; nothing else of the parent's set-up matters to Prism. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VITEST') || k === 'NODE_OPTIONS' || k === 'TEST') continue;
    env[k] = v;
  }
  return env;
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const group = -child.pid;
  signal(group, 'SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
  if (!done) {
    signal(group, 'SIGKILL');
    await exited;
  }
  // Children Prism forked (--multiprocess) share the group; make sure none outlives the parent.
  signal(group, 'SIGKILL');
}

function signal(group: number, name: NodeJS.Signals): void {
  try {
    process.kill(group, name);
  } catch {
    // Already gone.
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | undefined;
  return () => (promise ??= fn());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export interface MicrosoftFormSlice {
  file: string;
  /** Where a nullable reference was put back into Microsoft's form (dotted paths into the document). */
  reverted: string[];
}

/**
 * A copy of the slice with each nullable reference written as Microsoft's PowerShell description writes
 * it: a bare `$ref` instead of the `anyOf: [$ref]` + `nullable: true` form that decision region-nullable
 * applies (the form of Graph's main description). Everything else is the slice byte for byte, as YAML.
 * Prism's Ajv refuses to compile `nullable` without `type`, so only this copy is validated by Prism at all.
 */
export function writeMicrosoftFormSlice(dir: string): MicrosoftFormSlice {
  const doc = parse(readFileSync(SLICE_FILE, 'utf8')) as unknown;
  const reverted: string[] = [];
  const walk = (value: unknown, at: string[]): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...at, String(i)]));
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    const only = record.anyOf;
    if (
      Object.keys(record).length === 2 &&
      record.nullable === true &&
      Array.isArray(only) &&
      only.length === 1 &&
      typeof (only[0] as { $ref?: unknown } | undefined)?.$ref === 'string'
    ) {
      reverted.push(at.join('.'));
      return { $ref: (only[0] as { $ref: string }).$ref };
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v, [...at, k])]));
  };
  const copy = walk(doc, []);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'openapi.microsoft-form.yaml');
  writeFileSync(file, stringify(copy));
  return { file, reverted };
}

/**
 * A copy of the slice without decision create-response-example: Microsoft's description has no
 * example, and a mock built from it samples create's body from the schema instead.
 */
export function writeSliceWithoutExample(dir: string): string {
  const doc = parse(readFileSync(SLICE_FILE, 'utf8')) as { paths: Record<string, { post?: { responses?: Record<string, { content?: Record<string, { example?: unknown }> }> } }> };
  const media = doc.paths['/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups']?.post?.responses?.['201']?.content?.['application/json'];
  if (!media?.example) throw new Error('the slice has no example on create 201 any more; this copy has nothing to remove');
  delete media.example;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'openapi.without-example.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}
