/**
 * Starts a third-party server (a mock or a proxy from node_modules) on 127.0.0.1 and a free port, waits
 * until it accepts connections, and stops it with everything it spawned. Offline: the servers read their
 * description from disk and only ever talk to the upstream they are given.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { fromRoot } from '../../src/project-root.js';

const HOST = '127.0.0.1';

export interface SpawnedServer {
  /** Root the spec's paths are appended to, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  /** Stops the server and its children. Idempotent. */
  close(): Promise<void>;
}

export interface SpawnOptions {
  /** How long the server may take to load its description and listen; default 20 s. */
  startTimeoutMs?: number;
}

/**
 * Spawns `bin` with the arguments `argvFor(host, port)` gives for a free port on 127.0.0.1 and resolves
 * once the port accepts connections; `basePath` is appended to the base URL (a mock serving under
 * `servers[0]`'s path).
 */
export async function startSpawnedServer(
  name: string,
  bin: string,
  argvFor: (host: string, port: number) => string[],
  options: SpawnOptions & { basePath?: string } = {},
): Promise<SpawnedServer> {
  const timeoutMs = options.startTimeoutMs ?? 20_000;
  const port = await freePort();
  const argv = argvFor(HOST, port);
  // Its own process group, so that closing it takes any child it forks along.
  const child = spawn(bin, argv, { cwd: fromRoot(), detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
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

  const running: SpawnedServer = {
    baseUrl: `http://${HOST}:${port}${options.basePath ?? ''}`,
    output: () => output,
    close: once(() => stop(child, exited)),
  };

  const deadline = Date.now() + timeoutMs;
  const failure = (why: string) => new Error(`${name} ${argv.join(' ')} ${why}\n--- ${name} output (last 2000 chars) ---\n${output.slice(-2000)}`);
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

/** The child must not think it is a vitest worker; nothing else of the parent's set-up matters to it. */
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
  // Children the server forked (Prism's --multiprocess) share the group; make sure none outlives it.
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
