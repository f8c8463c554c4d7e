/**
 * The baselines the package ships (baselines/*.yaml) and how `--baseline` finds them by name: an
 * existing file first, then a shipped name, else a usage error naming the shipped ones — for the flag,
 * CONFORMANCE_BASELINE and the API's `baseline` alike (one resolver). Whether each mock fails exactly its
 * baseline is test/prism.test.ts's and test/mockoon.test.ts's.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readBaseline, resolveBaseline, shippedBaseline, shippedBaselineNames, simpleForm, SHIPPED_BASELINES_DIR } from '../src/config/baseline.js';
import { resolveOptions, UsageError } from '../src/config/run-config.js';
import { rawOptionsOf } from '../src/api/options.js';
import { fromRoot } from '../src/project-root.js';
import { SUITES } from '../suites/index.js';

const NAMES = ['mockoon', 'prism'];
const MOCK = { prism: 'Prism', mockoon: 'Mockoon' } as const;
const GRAPH_CHECKS = new Set(
  SUITES.flatMap((s) => s.checks)
    .filter((c) => c.profiles.includes('graph'))
    .map((c) => c.id),
);

describe('the shipped baselines', () => {
  test('baselines/ holds prism and mockoon', () => {
    expect(SHIPPED_BASELINES_DIR).toBe(fromRoot('baselines'));
    expect(shippedBaselineNames()).toEqual(NAMES);
  });

  test.each(NAMES)('%s.yaml: the simple mapping form, ids of graph-profile checks, one reason a line naming the mock', (name) => {
    const file = shippedBaseline(name)!;
    const text = readFileSync(file, 'utf8');
    // Read without the YAML parser (the fast path) and the same with it.
    expect(simpleForm(text)).toEqual(readBaseline(file));
    const baseline = readBaseline(file);
    expect(Object.keys(baseline).length).toBeGreaterThan(0);
    expect(Object.keys(baseline).filter((id) => !GRAPH_CHECKS.has(id))).toEqual([]);
    for (const [id, reason] of Object.entries(baseline)) {
      expect(reason, id).toMatch(new RegExp(`^${MOCK[name as keyof typeof MOCK]}('s)? `));
      expect(reason, id).not.toMatch(/\n/);
    }
    // The header says what it is for: the graph profile.
    const header = text.split('\n').filter((l) => l.startsWith('#'));
    expect(header.join('\n')).toContain('--profile graph');
    expect(header.join('\n')).toContain(`--baseline ${name}`);
  });
});

describe('--baseline VALUE: a file, else a shipped name', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-shipped-'));

  test('a shipped name is its file in baselines/', () => {
    expect(resolveBaseline('prism', dir)).toBe(path.join(SHIPPED_BASELINES_DIR, 'prism.yaml'));
    expect(resolveBaseline('mockoon', dir)).toBe(path.join(SHIPPED_BASELINES_DIR, 'mockoon.yaml'));
  });

  test('an existing file of that name comes first; a folder of that name does not hide the shipped one', () => {
    const own = mkdtempSync(path.join(tmpdir(), 'gc-own-'));
    writeFileSync(path.join(own, 'prism'), 'create.status: my own\n');
    expect(resolveBaseline('prism', own)).toBe(path.join(own, 'prism'));
    mkdirSync(path.join(own, 'mockoon'));
    expect(resolveBaseline('mockoon', own)).toBe(path.join(SHIPPED_BASELINES_DIR, 'mockoon.yaml'));
    // A folder that is no shipped name is refused as a folder, as before.
    mkdirSync(path.join(own, 'other'));
    expect(() => readBaseline(resolveBaseline('other', own))).toThrow(/is a folder, not a file/);
  });

  test.each(['nonesuch', 'Prism', 'prism.yaml', '../baselines/prism', 'baselines/prism'])(
    '%j, no file and no shipped name: a usage error naming the shipped baselines',
    (value) => {
      expect(() => resolveBaseline(value, dir)).toThrow(UsageError);
      expect(() => resolveBaseline(value, dir)).toThrow(
        /cannot read it \(ENOENT\).*not the name of a shipped baseline \(the shipped baselines are mockoon, prism: --baseline mockoon\)/,
      );
    },
  );

  test('the flag, CONFORMANCE_BASELINE and the API option resolve alike', () => {
    const prism = readBaseline(path.join(SHIPPED_BASELINES_DIR, 'prism.yaml'));
    const mockoon = readBaseline(path.join(SHIPPED_BASELINES_DIR, 'mockoon.yaml'));
    expect(resolveOptions({ command: 'run', options: { baseline: 'prism' } }, {}, dir).config.baseline).toEqual(prism);
    expect(resolveOptions({ command: 'run', options: {} }, { CONFORMANCE_BASELINE: 'mockoon' }, dir).config.baseline).toEqual(mockoon);
    expect(resolveOptions({ command: 'run', options: rawOptionsOf({ baseline: 'prism' }) }, {}, dir).config.baseline).toEqual(prism);
    expect(() => resolveOptions({ command: 'run', options: rawOptionsOf({ baseline: 'nonesuch' }) }, {}, dir)).toThrow(/shipped baselines are mockoon, prism/);
  });
});
