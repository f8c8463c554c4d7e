/**
 * CHANGELOG.md names every check id once, under the version that added it ("New check ids": ids in
 * backticks, and the four derived checks of each operation a version lists), and names no id the suites do
 * not have: a new check cannot ship without its line, and a line cannot outlive its check.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fromRoot } from '../src/project-root.js';
import { allRecords } from '../tools/cli/check-records.js';

const DERIVED_ASPECTS = ['status', 'header.content-type', 'body.schema', 'server-error'];

/** The ids each "### New check ids" section lists: backticked ids, and `<operation>` × the four aspects where it says so. */
function newCheckIds(changelog: string): string[] {
  const ids: string[] = [];
  for (const section of changelog.split(/^### /m).slice(1)) {
    const [heading, ...rest] = section.split('\n');
    if (heading?.trim() !== 'New check ids') continue;
    const body = rest.join('\n');
    const [derivedPart, handPart] =
      body.includes('four derived checks') || body.includes('Four derived checks') ? body.split(/\n\nAnd, written by hand:\n/) : ['', body];
    const named = (text: string | undefined) => [...(text ?? '').matchAll(/`([^`<>]+)`/g)].map((m) => m[1]!);
    if (derivedPart) {
      const operations = named(derivedPart.split('for each of these operations:')[1]);
      for (const op of operations) for (const aspect of DERIVED_ASPECTS) ids.push(`${op}.${aspect}`);
    }
    ids.push(...named(handPart));
  }
  return ids;
}

describe('CHANGELOG.md', () => {
  const changelog = readFileSync(fromRoot('CHANGELOG.md'), 'utf8');
  const listed = newCheckIds(changelog);
  const ids = allRecords().map((r) => r.id);

  test('every check id is listed once, under the version that added it', () => {
    const missing = ids.filter((id) => !listed.includes(id));
    expect(missing, 'check ids CHANGELOG.md does not list under "New check ids": add them to Unreleased').toEqual([]);
    const twice = listed.filter((id, i) => listed.indexOf(id) !== i);
    expect(twice, 'ids listed under two versions').toEqual([]);
  });

  test('no id is listed that the suites do not have', () => {
    expect(listed.filter((id) => !ids.includes(id))).toEqual([]);
  });

  test('the parser reads both forms: backticked ids, and derived checks by operation', () => {
    const text = [
      '## 1.0.0',
      '### New check ids',
      'Four derived checks — … — for each of these operations:',
      '`create`, `list`.',
      '',
      'And, written by hand:',
      '- `a.b`',
      '### Changed',
      '- `not.an.id.section`',
    ].join('\n');
    expect(newCheckIds(text)).toEqual([...DERIVED_ASPECTS.map((a) => `create.${a}`), ...DERIVED_ASPECTS.map((a) => `list.${a}`), 'a.b']);
  });
});
