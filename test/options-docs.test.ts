/**
 * Every run option is written where a user looks for it: the --help text and docs/contract.md's option
 * table (the README points there rather than keeping a second copy). The option list is OPTION_FLAGS (the
 * command's parser and the API share it); a new option missing from either fails here, naming the option
 * and the place, and no table names an option the command does not have.
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

test("docs/contract.md's option table has a row for every run option, and none other", () => {
  const documented = tableFlags(readFileSync(fromRoot('docs', 'contract.md'), 'utf8'));
  expect(FLAGS.filter((flag) => !documented.has(flag))).toEqual([]);
  // --help and --verbose are the command's own, not run options.
  expect([...documented].filter((flag) => !FLAGS.includes(flag) && !['--help', '--verbose'].includes(flag))).toEqual([]);
});

test('the README keeps no option table of its own: it points to docs/contract.md', () => {
  const readme = readFileSync(fromRoot('README.md'), 'utf8');
  expect(tableFlags(readme).size).toBe(0);
  expect(readme).toContain('docs/contract.md');
});

test('--help names every run option', () => {
  expect(FLAGS.filter((flag) => !new RegExp(`^\\s+${flag}\\b`, 'm').test(HELP))).toEqual([]);
});
