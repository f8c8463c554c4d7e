/**
 * Every run option is written where a user looks for it: the --help text, the README's option table and
 * docs/contract.md's. The option list is OPTION_FLAGS (the command's parser and the API share it); a new
 * option missing from one of the three fails here, naming the option and the place.
 */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { OPTION_FLAGS } from '../src/api/options.js';
import { HELP } from '../src/cli/help.js';
import { fromRoot } from '../src/project-root.js';

const FLAGS = Object.values(OPTION_FLAGS).map((flag) => `--${flag}`);

/** The flags that stand, in backticks, in some row of a Markdown table of `text`. */
function tableFlags(text: string): Set<string> {
  const rows = text.split('\n').filter((line) => line.startsWith('| `--'));
  return new Set(rows.flatMap((row) => [...row.matchAll(/`(--[a-z-]+)[ `]/g)].map((m) => m[1]!)));
}

test.each([
  ['README.md', tableFlags(readFileSync(fromRoot('README.md'), 'utf8'))],
  ['docs/contract.md', tableFlags(readFileSync(fromRoot('docs', 'contract.md'), 'utf8'))],
])("%s's option table has a row for every run option", (_file, documented) => {
  expect(FLAGS.filter((flag) => !documented.has(flag))).toEqual([]);
});

test('--help names every run option', () => {
  expect(FLAGS.filter((flag) => !new RegExp(`^\\s+${flag}\\b`, 'm').test(HELP))).toEqual([]);
});
