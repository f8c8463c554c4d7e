/**
 * A baseline of tens of thousands of entries reads in linear time, in either form, with the parser's own
 * messages for what is wrong; and a path that is not a regular file is refused before it is opened.
 */
import { describe, expect, test } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse as yamlParse } from 'yaml';
import { readBaseline, simpleForm } from '../src/config/baseline.js';
import { UsageError } from '../src/config/usage-error.js';
import { fromRoot } from '../src/project-root.js';
import { childEnv } from './support/run-cli.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'gc-baseline-scale-'));

function file(text: string): string {
  const f = path.join(dir(), 'baseline.yaml');
  writeFileSync(f, text);
  return f;
}

/** `lines` lines of baseline in the map form or the list form; `quoted` puts every reason in quotes. */
function generated(form: 'map' | 'list', lines: number, quoted = false): string {
  const q = quoted ? '"' : '';
  let text = '';
  if (form === 'map') for (let i = 0; i < lines; i++) text += `check${i}.status: ${q}known to answer 200 (${i})${q}\n`;
  else for (let i = 0; i < lines / 2; i++) text += `- id: check${i}.status\n  reason: ${q}known to answer 200 (${i})${q}\n`;
  return text;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = f();
  return { value, ms: performance.now() - started };
}

describe('a 30,000-line baseline', () => {
  test.each(['map', 'list'] as const)('in the %s form is read line by line, without the YAML parser', (form) => {
    const text = generated(form, 30_000);
    const parsed = simpleForm(text);
    expect(parsed).toBeDefined();
    // The parser's own duplicate-key check would take most of a minute here; there is none to find.
    expect(parsed).toEqual(yamlParse(text, { uniqueKeys: false }));
    const { value, ms } = timed(() => readBaseline(file(text)));
    expect(Object.keys(value)).toHaveLength(form === 'map' ? 30_000 : 15_000);
    expect(value['check29.status']).toBe('known to answer 200 (29)');
    // Milliseconds in fact; the bound only has to tell linear from the 36 s the parser's key check took.
    expect(ms).toBeLessThan(5_000);
  });

  test.each(['map', 'list'] as const)('in the %s form with quoted reasons goes through the parser, still in linear time', (form) => {
    const text = generated(form, 30_000, true);
    expect(simpleForm(text)).toBeUndefined();
    const { value, ms } = timed(() => readBaseline(file(text)));
    expect(Object.keys(value)).toHaveLength(form === 'map' ? 30_000 : 15_000);
    // Half a second here, 18 s with the parser's own duplicate-key check (it compares every pair of keys).
    expect(ms).toBeLessThan(5_000);
  });

  test('a key twice is still reported, where it is, among 30,000', () => {
    const text = `${generated('map', 30_000)}check7.status: again\n`;
    expect(() => readBaseline(file(text))).toThrow(/not YAML or JSON \(Map keys must be unique at line 30001, column 1: check7\.status appears twice\)/);
  });

  test('a key twice in a JSON baseline, or inside a list entry, too', () => {
    expect(() => readBaseline(file('{"a.b": "x", "a.b": "y"}'))).toThrow(/Map keys must be unique at line 1, column 14: a\.b appears twice/);
    expect(() => readBaseline(file('- id: a.b\n  reason: x\n  id: c.d\n'))).toThrow(/Map keys must be unique at line 3, column 3: id appears twice/);
  });
});

describe('the line-by-line reading never disagrees with the YAML parser', () => {
  // Mostly ordinary text, with now and then a character YAML gives meaning to: quotes, comments,
  // indicators, tabs, CR, a colon, keywords.
  const ordinary = fc.constantFrom(...'abcdXYZ   0129.-_/()\u00e9\u2014'.split(''));
  const special = fc.constantFrom(...':#"\'{}[],&*!|>%@`?\t\r\\'.split(''), ': ', ' #', 'true', 'null', 'NULL', '~');
  const word = fc.array(fc.oneof({ arbitrary: ordinary, weight: 40 }, { arbitrary: special, weight: 1 }), { maxLength: 16 }).map((cs) => cs.join(''));
  const idChar = fc.constantFrom(...'abcz019.-_'.split(''));
  const idWord = fc
    .array(fc.oneof({ arbitrary: idChar, weight: 40 }, { arbitrary: fc.constantFrom(...':#/*" '.split('')), weight: 1 }), { maxLength: 10 })
    .map((cs) => cs.join(''));
  // A reason most often starts with a letter, as the line-by-line reading needs.
  const ending = fc.constantFrom(
    '',
    '',
    '',
    '',
    '',
    ' ',
    '  ',
    '\t',
    '\tx',
    ':',
    ': x',
    ':\tx',
    ' #c',
    '#c',
    '\r',
    '\rx',
    '\u2028x',
    '\u0085x',
    '\ufeffx',
    '\x7f',
    '\x00',
  );
  const reason = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...'abzAZ'.split('')), word, ending).map(([a, b, c]) => a + b + c), weight: 8 },
    { arbitrary: word, weight: 1 },
    { arbitrary: fc.constantFrom('true', 'False', 'NULL', 'null', 'Null', 'yes', 'No', 'nan', 'Infinity'), weight: 1 },
  );
  const id = fc
    .tuple(fc.constantFrom('create', 'list', 'diff', 'a', 'true', 'X'), fc.constantFrom('.', '.', '.', '.', ''), idWord)
    .map(([a, dot, b]) => `${a}${dot}${b}`);
  const other = fc.oneof(
    word.map((w) => `#${w}`),
    word.map((w) => `  ${w}`),
    fc.constantFrom('', '', '---', '- id: a.b', '  reason: x', '\ufeffa.b: x'),
  );
  const mapLine = fc.oneof(
    { arbitrary: fc.tuple(id, fc.constantFrom(': ', ': ', ':  ', ':'), reason).map(([k, sep, v]) => `${k}${sep}${v}`), weight: 20 },
    { arbitrary: other, weight: 1 },
  );
  const listLine = fc.oneof({ arbitrary: fc.tuple(id, reason).map(([k, v]) => `- id: ${k}\n  reason: ${v}`), weight: 20 }, { arbitrary: other, weight: 1 });
  const document = fc.oneof(fc.array(mapLine, { maxLength: 6 }), fc.array(listLine, { maxLength: 6 }), fc.array(fc.oneof(mapLine, listLine), { maxLength: 3 }));

  test('whatever it accepts, the parser reads the same way', () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, fc.constantFrom('\n', '\r\n'), (lines, newline) => {
        const text = lines.join(newline);
        const simple = simpleForm(text);
        if (simple === undefined) return;
        accepted++;
        expect(simple).toEqual(yamlParse(text));
      }),
      { numRuns: 10_000, seed: 20_251_205 },
    );
    // The comparison means something only if the reading accepted a good share of the documents.
    expect(accepted).toBeGreaterThan(200);
  });
});

describe('a baseline that is not a regular file', () => {
  test('a folder is refused, naming the option and what it is', () => {
    const d = dir();
    expect(() => readBaseline(d)).toThrow(UsageError);
    expect(() => readBaseline(d)).toThrow(`--baseline ${d} is a folder, not a file; point --baseline / CONFORMANCE_BASELINE at a YAML or JSON file`);
  });

  test.skipIf(process.platform === 'win32')('a device is refused', () => {
    expect(() => readBaseline('/dev/null')).toThrow(/--baseline \/dev\/null is a character device, not a file/);
  });

  test.skipIf(process.platform === 'win32')('a named pipe is refused at once, without being opened (no writer ever comes)', async () => {
    const fifo = path.join(dir(), 'baseline.fifo');
    execFileSync('mkfifo', [fifo]);
    // Through the command: a reader that opened the pipe would block its whole process, so it is a child
    // the test can stop, not the test's own worker.
    const child = spawn(process.execPath, [fromRoot('src/cli/launch.mjs'), fromRoot('src/cli/conformance.ts'), '--baseline', fifo], {
      cwd: fromRoot(),
      env: childEnv({}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const hung = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(hung);
    expect(code, stderr).toBe(2);
    expect(stderr).toBe(`error: --baseline ${fifo} is a named pipe (FIFO), not a file; point --baseline / CONFORMANCE_BASELINE at a YAML or JSON file\n`);
  });
});
