/** The README as the tests read it, and its quick starts: the fenced block after each `<!-- quickstart: NAME -->`. */
import { readFileSync } from 'node:fs';
import { fromRoot } from '../../src/project-root.js';

export const README = readFileSync(fromRoot('README.md'), 'utf8');

/** The code block that follows `<!-- quickstart: NAME -->`, as a user copies it. */
export function quickStart(name: string): string {
  const marker = `<!-- quickstart: ${name} -->`;
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at));
  if (!block) throw new Error(`no code block after ${marker}`);
  return block[1]!;
}
