/** Bad input and bad configuration end with exit 2 and a message that names the problem. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { runConformance } from './support/run-cli.js';
import { REFUSING_PORT } from './support/ports.js';

describe.concurrent('usage and configuration errors exit 2', () => {
  test.each([
    [['--bogus'], /^error: unknown option --bogus; npx graph-conformance --help lists the options\n$/],
    [['--base-ur', 'http://127.0.0.1:4010'], /^error: unknown option --base-ur; did you mean --base-url\?\n$/],
    [['--base-ur=http://127.0.0.1:4010'], /^error: unknown option --base-ur; did you mean --base-url\?\n$/],
    [['-base-url', 'http://127.0.0.1:4010'], /^error: unknown option -base-url; did you mean --base-url\?\n$/],
    [['sweep', '--older', '1h'], /^error: unknown option --older; did you mean --older-than\?\n$/],
    [['--base-url'], /^error: --base-url needs a value, and the word after it is an option/],
    [['--record=yes'], /^error: --record is a switch and takes no value/],
    [['--target', 'mars'], /--target.*'mars' is not one of replay, url, live/],
    [['--profile', 'strict'], /--profile.*'strict' is not one of openapi, graph/],
    [['--base-url', 'not a url'], /'not a url' is not an absolute URL/],
    [['--base-url', 'ftp://127.0.0.1/'], /must be http:\/\/ or https:\/\//],
    [['--target', 'url'], /--target url needs --base-url/],
    [['--seed', 'abc'], /--seed.*'abc' is not a whole number/],
    [['--timeout', '0'], /--timeout.*'0' is not a whole number ≥ 1/],
    [['--record'], /--record needs a real target/],
  ])('%j', async (args, message) => {
    const run = await runConformance(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test('an unreachable target names the URL and the fix', async () => {
    const port = REFUSING_PORT;
    const run = await runConformance(['--base-url', `http://127.0.0.1:${port}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`target unreachable: http://127.0.0.1:${port} \\(ECONNREFUSED\\); start the mock or proxy that serves it`));
  });

  test('an unreachable live target speaks of Microsoft Graph: the network and the service root, not a mock', async () => {
    const run = await runConformance(['--target', 'live', '--base-url', 'https://graph.invalid/beta', '--token', 'T', '--timeout', '2000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: target unreachable: https:\/\/graph\.invalid\/beta \(.+\); Microsoft Graph did not answer: check this machine's network/,
    );
    expect(run.stderr).toContain("Graph's service root is https://graph.microsoft.com/beta");
    expect(run.stderr).not.toMatch(/mock/);
  });

  test('a target that accepts connections but never answers is unreachable within --timeout', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const run = await runConformance(['--base-url', `http://127.0.0.1:${port}`, '--timeout', '300']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/target unreachable: .*no answer within the timeout/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('replay without recordings says where it looked', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'gc-empty-'));
    const run = await runConformance(['--fixtures-dir', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`no recordings in ${empty}`);
  });

  test('--only matching no check id: no check ran, exit 2', async () => {
    const run = await runConformance(['--only', 'nothing.here']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no check ran; --only nothing.here matches no check id/);
  });

  test('--help lists every option and exits 0', async () => {
    const run = await runConformance(['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--target', '--base-url', '--token', '--profile', '--record', '--fixtures-dir', '--report-dir', '--seed', '--only', '--timeout']) {
      expect(run.stdout).toContain(flag);
    }
  });
});
