/**
 * The README is a page a newcomer finishes: at most README_LINE_BUDGET lines, its own words defined before
 * they are used, and every link it and the guides make pointing at a file that exists. Its quick starts run
 * as written in test/quick-starts.test.ts, in a folder that installed the packed tarball.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { README } from './support/readme.js';

/** Lines the README may have: what is longer goes into docs/. */
const README_LINE_BUDGET = 200;

/** The project's own words, which the README's "Words" section defines. */
const TERMS = ['slice', 'profile', 'decision', 'baseline', 'recording', 'target'];

describe('README.md', () => {
  test(`is at most ${README_LINE_BUDGET} lines`, () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(README_LINE_BUDGET);
  });

  test('defines each of its own words before it uses one', () => {
    const words = README.indexOf('## Words');
    expect(words).toBeGreaterThan(0);
    const before = README.slice(0, words).toLowerCase();
    expect(TERMS.filter((term) => new RegExp(`\\b${term}s?\\b`).test(before))).toEqual([]);
    const defined = README.slice(words, README.indexOf('\n## ', words + 1));
    expect(TERMS.filter((term) => !defined.includes(`**${term}**`))).toEqual([]);
  });

  test('every relative link of the README and the docs names a file that exists', () => {
    const pages = [
      'README.md',
      'CHANGELOG.md',
      ...['architecture', 'checks', 'contract', 'decisions', 'development', 'guide-ci', 'guide-mock', 'guide-tenant'].map((p) => `docs/${p}.md`),
    ];
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(fromRoot(page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        if (!existsSync(path.join(fromRoot(path.dirname(page)), target!))) broken.push(`${page} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
