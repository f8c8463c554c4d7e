/**
 * What a target writes never drives the terminal or a CI log: escape sequences (clear screen, window
 * title, hyperlinks, clipboard), a bare carriage return rewriting a line, and newlines followed by
 * GitHub workflow commands are printed as visible escapes, by `printable` where a value is printed and
 * by the guard on the command's streams. Proven on the function and the guard, then on the command
 * (run, sweep, diff) against a hostile server on 127.0.0.1.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LineGuard, guardStream, printable } from '../src/report/printable.js';
import { fromRoot } from '../src/project-root.js';
import { runCommand, runConformance } from './support/run-cli.js';

/** Everything a hostile target puts in a string at once. */
const HOSTILE =
  'X\x1b[2J' + // clear screen
  '\x1b]0;owned-title\x07' + // window title (OSC 0)
  '\x1b]8;;https://evil.example/\x07link\x1b]8;;\x07' + // hyperlink (OSC 8)
  '\x1b]52;c;cHduZWQ=\x07' + // clipboard write (OSC 52)
  '\rSPOOF 0 failed' + // a carriage return writing over the line shown
  '\u009b31m\u009d0;c1-title\u0007' + // 8-bit CSI and OSC
  '\u202eevil\u2028next' + // a bidi override, a line separator
  '\n::error::pwned\n  ::add-mask::hidden\n##[error]legacy';

describe('printable', () => {
  test('every control character becomes a visible escape, the rest stays as it is', () => {
    expect(printable('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(printable('\x1b[2J\x07\x00\x7f')).toBe('\\x1b[2J\\x07\\x00\\x7f');
    expect(printable('\u0085\u009b\u009d\u009f')).toBe('\\x85\\x9b\\x9d\\x9f');
    expect(printable('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c',
    );
    expect(printable('\u2028\u2029')).toBe('\\u2028\\u2029');
    const plain = 'conformance-mx1 ✓ ✗ ⊘ → é ü 日本 😀 C:\\path "quoted" ::colons ##[x]';
    expect(printable(plain)).toBe(plain);
  });

  test('the result is one line with no control character, and escaping twice changes nothing', () => {
    const once = printable(HOSTILE);
    expect(once).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(once).toContain('\\x1b[2J');
    expect(once).toContain('\\n::error::pwned');
    expect(printable(once)).toBe(once);
  });
});

describe('the stream guard', () => {
  const filtered = (...writes: string[]) => {
    const guard = new LineGuard();
    return writes.map((w) => guard.filter(w)).join('');
  };

  test('no line starts with :: (after any whitespace the runner trims); :: elsewhere is left alone', () => {
    expect(filtered('::error::pwned\n')).toBe(':\\u003aerror::pwned\n');
    for (const space of [' ', '  ', '\t', '\u00a0', '\u3000', '\u2003'])
      expect(filtered(`ok\n${space}::add-mask::x\n`)).toBe(`ok\n${space}:\\u003aadd-mask::x\n`);
    expect(filtered('a::b [::1] x :: y\n')).toBe('a::b [::1] x :: y\n');
    expect(filtered(': :x\n')).toBe(': :x\n');
  });

  test('a line written in pieces is still one line', () => {
    expect(filtered(':', ':error::x\n')).toBe(':\\u003aerror::x\n');
    expect(filtered('  ', '::error::x\n')).toBe('  :\\u003aerror::x\n');
    expect(filtered('text', '\n', '::error::x')).toBe('text\n:\\u003aerror::x');
    expect(filtered('##', '[error]x')).toBe('##\\u005berror]x');
  });

  test('the legacy ##[command] and ##vso[ are broken anywhere in a line', () => {
    expect(filtered('see ##[error]legacy and ##vso[task.setvariable]x ##VSO[y]\n')).toBe(
      'see ##\\u005berror]legacy and ##vso\\u005btask.setvariable]x ##VSO\\u005by]\n',
    );
    expect(filtered('# [x] #[y]\n')).toBe('# [x] #[y]\n');
  });

  test('stray ESC, BEL, CR, C1, bidi and line separators are escaped; newlines and tabs are kept', () => {
    expect(filtered('a\x1b[2Jb\x07\r\tc\u009b\u202e\u2028\n')).toBe('a\\u001b[2Jb\\u0007\\u000d\tc\\u009b\\u202e\\u2028\n');
  });

  test('JSON the command prints stays valid JSON with the same value', () => {
    const value = { a: '\u009b\u2028\u202e##[error]x\x7f', b: ['::error::y'] };
    const out = filtered(`${JSON.stringify(value, null, 2)}\n`);
    expect(out).not.toMatch(/[\u007f-\u009f\u2028\u202e]|##\[/);
    expect(JSON.parse(out)).toEqual(value);
  });

  test('any text, written in any pieces: the same output, no control character but newline and tab, no command line', () => {
    // Tokens rather than single characters, so `##` + `[` and `::` meet often, split and whole.
    const pieces = [
      '::',
      ':',
      ' ',
      '\t',
      '\n',
      '#',
      '##',
      '[',
      'vso',
      'VSO',
      'a',
      '\x1b',
      '\x07',
      '\r',
      '\x00',
      '\x7f',
      '\u009b',
      '\u00a0',
      '\u2003',
      '\u2028',
      '\u202e',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 5 }), (chars, cuts) => {
        const text = chars.join('');
        const whole = new LineGuard().filter(text);
        const at = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
        const parts = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
        expect(filtered(...parts)).toBe(whole);
        expect(whole).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u202e]/);
        for (const line of whole.split('\n')) expect(line).not.toMatch(/^\s*::/);
        expect(whole).not.toMatch(/##(vso)?\[/i);
        expect(whole.split('\n')).toHaveLength(text.split('\n').length);
        expect(printable(printable(text))).toBe(printable(text));
      }),
      { numRuns: 500, seed: 20_251 },
    );
  });

  test('guardStream filters strings and bytes (a character split across writes too), and passes the callback on', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(Buffer.from(chunk)), done()) }) as unknown as NodeJS.WriteStream;
    guardStream(sink);
    guardStream(sink); // a second install changes nothing
    sink.write('::error::a\n');
    const bytes = Buffer.from('é\x1b[2J\n::add-mask::b\n');
    sink.write(bytes.subarray(0, 1));
    sink.write(bytes.subarray(1));
    await new Promise<void>((resolve) => sink.write(Buffer.from('done\n'), () => resolve()));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(':\\u003aerror::a\né\\u001b[2J\n:\\u003aadd-mask::b\ndone\n');
  });
});

/** No byte a terminal acts on and no line a runner reads as a command; the target's text still readable. */
function expectTerminalSafe(output: string) {
  expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  for (const line of output.split('\n')) expect(line).not.toMatch(/^\s*::/);
  expect(output).not.toMatch(/##(vso)?\[/i);
}

interface Hostile {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A Graph-like target that writes HOSTILE wherever it can: in the names and ids it lists, the name and a
 * key of the group it creates, and the error it answers a delete with. Under /refuse it answers every
 * request with HOSTILE as the error's code and message; under /broken the listing itself fails with it.
 */
async function startHostile(): Promise<Hostile> {
  const twoHoursAgo = (Date.now() - 2 * 3_600_000).toString(36).padStart(8, '0');
  const group = {
    id: `id-${HOSTILE}`,
    name: `conformance-${twoHoursAgo}a1b2c3-${HOSTILE}`,
    connectorGroupType: 'applicationProxy',
    isDefault: false,
    region: 'nam',
  };
  const server: Server = createServer((request, response) => {
    request.resume();
    const json = (status: number, body: unknown) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const url = request.url ?? '/';
    if (url === '/' || url === '/broken' || url === '/refuse') return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Cannot GET /');
    if (url.startsWith('/broken/')) return json(500, { error: { code: HOSTILE, message: HOSTILE } });
    if (url.startsWith('/refuse/')) return json(400, { error: { code: HOSTILE, message: HOSTILE } });
    if (request.method === 'GET' && url.endsWith('/connectorGroups')) return json(200, { value: [group] });
    // The created group's id stays plain: it is sent back in later requests' paths and bodies.
    if (request.method === 'POST' && url.endsWith('/connectorGroups')) return json(201, { ...group, id: 'created-1', [`k${HOSTILE}`]: 1 });
    if (request.method === 'DELETE') return json(403, { error: { code: HOSTILE, message: HOSTILE } });
    return json(400, { error: { code: HOSTILE, message: HOSTILE } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('the command against a hostile target', () => {
  test('a run: check messages quote names, error codes and messages escaped; results.json keeps what was sent', async () => {
    const hostile = await startHostile();
    try {
      const [refusing, creating] = await Promise.all([
        runConformance(['--base-url', `${hostile.baseUrl}/refuse`, '--only', 'negative.body.']),
        runConformance(['--base-url', hostile.baseUrl, '--only', 'create.']),
      ]);
      // Only warnings against the refusing one (the error envelope is right, its code is not Graph's).
      expect(refusing.code, refusing.stdout + refusing.stderr).toBe(0);
      expect(creating.code, creating.stdout + creating.stderr).toBe(1);
      for (const run of [refusing, creating]) expectTerminalSafe(run.stdout + run.stderr);
      // The error code, in a warning's line: up to the first newline, escaped.
      expect(refusing.stdout).toContain("error code 'X\\x1b[2J\\x1b]0;owned-title\\x07");
      expect(refusing.stdout).toContain('\\x1b]52;c;cHduZWQ=\\x07\\rSPOOF 0 failed\\x9b31m\\x9d0;c1-title\\x07\\u202eevil\\u2028next');
      const warned = refusing.results?.checks.find((c) => c.id === 'negative.body.wrong-type');
      expect(warned?.message).toContain('X\x1b[2J\x1b]0;owned-title\x07');
      // The name it echoed and the key it added; the group it would not delete, named whole.
      expect(creating.stdout).toMatch(/✗ create\.body\.echo — name: sent "conformance-\w+-[\w-]+", got "conformance-\w+-X\\u001b\[2J/);
      expect(creating.stdout).toMatch(/✗ create\.body\.schema — .*\/kX\\x1b\[2J/);
      expect(creating.stderr).toMatch(/^could not delete group created-1: /m);
    } finally {
      await hostile.close();
    }
  });

  test('sweep lists names and ids escaped, newlines and all; --yes names the groups it could not delete escaped', async () => {
    const hostile = await startHostile();
    try {
      const dry = await runCommand('src/cli/conformance.ts', ['sweep', '--base-url', hostile.baseUrl]);
      expect(dry.code, dry.stderr).toBe(0);
      expectTerminalSafe(dry.stdout + dry.stderr);
      expect(dry.stdout).toContain('a1b2c3-X\\x1b[2J\\x1b]0;owned-title\\x07\\x1b]8;;https://evil.example/\\x07link\\x1b]8;;\\x07');
      expect(dry.stdout).toContain('\\n::error::pwned\\n  ::add-mask::hidden\\n##\\u005berror]legacy');
      expect(dry.stdout).toMatch(/^1 conformance group on http/m);

      const wet = await runCommand('src/cli/conformance.ts', ['sweep', '--base-url', hostile.baseUrl, '--yes']);
      expect(wet.code).toBe(1);
      expectTerminalSafe(wet.stdout + wet.stderr);
      expect(wet.stderr).toMatch(/^could not delete conformance-\w+-X\\x1b\[2J.*\(id-X\\x1b\[2J.*\): 403$/m);
    } finally {
      await hostile.close();
    }
  });

  test("sweep quotes a failed listing's body escaped, without a stack trace (exit 2)", async () => {
    const hostile = await startHostile();
    try {
      const run = await runCommand('src/cli/conformance.ts', ['sweep', '--base-url', `${hostile.baseUrl}/broken`]);
      expect(run.code).toBe(2);
      expectTerminalSafe(run.stdout + run.stderr);
      expect(run.stderr).toMatch(/^error: sweep could not list the connectorGroups: listing connectorGroups answered 500: \{"error":\{"code":"X\\u001b\[2J/m);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await hostile.close();
    }
  });

  test('diff: the differences and a recording named with escapes are printed escaped', async () => {
    const hostile = await startHostile();
    const fixtures = mkdtempSync(path.join(tmpdir(), 'gc-hostile-fx-'));
    // A recording file is the user's, but may come from anywhere: its name is printed too.
    copyFileSync(fromRoot('fixtures', 'recordings', 'create.json'), path.join(fixtures, 'create\x1b]0;file-title\x07\n::error::file.json'));
    try {
      const run = await runConformance(['diff', '--base-url', hostile.baseUrl, '--fixtures-dir', fixtures]);
      const output = run.stdout + run.stderr;
      expect(run.code, output).toBe(1);
      expectTerminalSafe(output);
      expect(run.stdout).toContain('create\\x1b]0;file-title\\x07\\n::error::file: 2 requests');
      // The key the target added to the created group is in the difference's id.
      expect(run.stdout).toMatch(/✗ diff\.create\.\/kX\\x1b\[2J\\x1b\]0;owned-title\\x07/);
      // A value the target changed, as recorded against it (JSON.stringify's escapes, then printable's).
      expect(run.stdout).toContain('target "conformance-');
      expect(run.stdout).toContain('\\x9b31m\\x9d0;c1-title\\u0007\\u202eevil\\u2028next\\n::error::pwned');
      const results = JSON.parse(readFileSync(path.join(run.reportDir, 'results.json'), 'utf8')) as { diffs: { id: string }[] };
      expect(results.diffs.some((d) => d.id.includes('\x1b[2J'))).toBe(true);
    } finally {
      await hostile.close();
    }
  });
});
