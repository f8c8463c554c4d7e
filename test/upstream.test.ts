/**
 * specs/upstream/ holds copies of Microsoft's files, never edited: each one's sha256 is in the folder's
 * README table, and every file there has a row and every row a file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/project-root.js';

const UPSTREAM = fromRoot('specs', 'upstream');
/** The project's own files in the folder; everything else is a copy. */
const OWN = new Set(['README.md', '.gitattributes']);

interface Row {
  file: string;
  sha256: string;
  line: number;
}

/** The rows of the README's table: first cell the file, last cell its sha256, both in backticks. */
function readTable(): Row[] {
  const lines = readFileSync(path.join(UPSTREAM, 'README.md'), 'utf8').split('\n');
  const rows: Row[] = [];
  lines.forEach((text, i) => {
    if (!text.startsWith('| `')) return;
    const cells = text
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const file = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    const sha256 = /^`([0-9a-f]{64})`$/.exec(cells.at(-1) ?? '')?.[1];
    if (file === undefined || sha256 === undefined) throw new Error(`specs/upstream/README.md:${i + 1}: a row needs \`file\` first and \`sha256\` last`);
    rows.push({ file, sha256, line: i + 1 });
  });
  return rows;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('specs/upstream/', () => {
  const rows = readTable();
  const present = filesUnder(UPSTREAM)
    .filter((f) => !OWN.has(f))
    .sort();

  it('lists each file once', () => {
    expect(rows.length).toBeGreaterThan(50);
    const twice = rows.filter((r, i) => rows.findIndex((o) => o.file === r.file) !== i).map((r) => `${r.file} (line ${r.line})`);
    expect(twice).toEqual([]);
  });

  it('lists every file it holds, and holds every file it lists', () => {
    const listed = new Set(rows.map((r) => r.file));
    const unlisted = present.filter((f) => !listed.has(f));
    const missing = rows.filter((r) => !present.includes(r.file)).map((r) => r.file);
    expect(unlisted, 'files in specs/upstream/ without a row in its README.md').toEqual([]);
    expect(missing, 'rows of specs/upstream/README.md whose file is not there').toEqual([]);
  });

  it('holds every file exactly as listed: nothing was edited', () => {
    const changed = rows
      .filter((r) => present.includes(r.file))
      .map((r) => ({
        ...r,
        actual: createHash('sha256')
          .update(readFileSync(path.join(UPSTREAM, r.file)))
          .digest('hex'),
      }))
      .filter((r) => r.actual !== r.sha256)
      .map((r) => `${r.file}: README.md:${r.line} says ${r.sha256}, the file is ${r.actual}`);
    expect(changed).toEqual([]);
  });
});
