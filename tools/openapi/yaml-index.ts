/**
 * A line index over a block-style YAML OpenAPI document: where each top-level key, each path item and
 * each component starts and ends, found in one pass over the text without parsing it.
 *
 * Microsoft's descriptions run to tens of MB; a full `yaml.parse` of those costs seconds and a large
 * multiple of the file in memory, while a slice needs a few hundred KB of it. With this index the slicer
 * parses only the blocks it selects. The index trusts the layout Microsoft's generator writes (block
 * style, spaces only, top-level keys at column 0, path items at 2, components at 4); anything else
 * raises LayoutError so the caller can fall back to a full parse instead of guessing.
 */

export class LayoutError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'LayoutError';
  }
}

/** Character offsets into the text: [start, end). A block starts at its key's line. */
export interface Block {
  start: number;
  end: number;
  line: number;
}

export interface YamlIndex {
  top: Map<string, Block>;
  paths: Map<string, Block>;
  /** section (`schemas`, `responses`, …) → component name → block */
  components: Map<string, Map<string, Block>>;
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const CR = 13;
const HASH = 35;

interface Open {
  key: string;
  start: number;
  line: number;
  into: Map<string, Block>;
}

export function buildYamlIndex(text: string): YamlIndex {
  const index: YamlIndex = { top: new Map(), paths: new Map(), components: new Map() };
  let top: Open | undefined;
  let section: Map<string, Block> | undefined;
  let entry: Open | undefined;
  // The indentation of the first line under `paths:` / a components section; Microsoft's is 2 / 4.
  let childIndent: number | undefined;
  let sawContent = false;

  const close = (open: Open | undefined, end: number): undefined => {
    if (open) open.into.set(open.key, { start: open.start, end, line: open.line });
    return undefined;
  };

  let lineNo = 0;
  for (let pos = 0; pos < text.length;) {
    lineNo++;
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    let indent = 0;
    while (text.charCodeAt(pos + indent) === SPACE) indent++;
    const first = text.charCodeAt(pos + indent);
    const lineStart = pos;
    pos = eol + 1;

    if (first === TAB) throw new LayoutError('tab in indentation', lineNo);
    // Blank lines and comments never end a block: block scalars and comments may sit anywhere.
    if (Number.isNaN(first) || first === NEWLINE || first === CR || first === HASH) continue;

    if (indent === 0) {
      entry = close(entry, lineStart);
      top = close(top, lineStart);
      section = undefined;
      childIndent = undefined;
      const line = text.slice(lineStart, eol);
      if (!sawContent && /^---\s*$/.test(line)) continue;
      sawContent = true;
      const { key, rest } = parseKey(line, 0, lineNo);
      if (index.top.has(key)) throw new LayoutError(`duplicate top-level key ${JSON.stringify(key)}`, lineNo);
      if ((key === 'paths' || key === 'components') && rest !== '') {
        throw new LayoutError(`${key} is not a block mapping`, lineNo);
      }
      top = { key, start: lineStart, line: lineNo, into: index.top };
      continue;
    }
    if (top === undefined) throw new LayoutError('indented content before the first key', lineNo);

    if (top.key === 'paths') {
      childIndent ??= indent;
      if (childIndent !== 2) throw new LayoutError('path items are not indented by 2 spaces', lineNo);
      if (indent < 2) throw new LayoutError('unexpected indentation under paths', lineNo);
      if (indent > 2) continue;
      entry = close(entry, lineStart);
      const { key } = parseKey(text.slice(lineStart, eol), 2, lineNo);
      if (index.paths.has(key)) throw new LayoutError(`duplicate path ${JSON.stringify(key)}`, lineNo);
      entry = { key, start: lineStart, line: lineNo, into: index.paths };
      continue;
    }

    if (top.key === 'components') {
      if (indent === 2) {
        entry = close(entry, lineStart);
        const { key, rest } = parseKey(text.slice(lineStart, eol), 2, lineNo);
        if (index.components.has(key)) throw new LayoutError(`duplicate components section ${key}`, lineNo);
        section = new Map();
        index.components.set(key, section);
        childIndent = undefined;
        if (rest !== '' && rest !== '{}' && rest !== '{ }') throw new LayoutError(`components.${key} is not a block mapping`, lineNo);
        continue;
      }
      if (section === undefined || indent < 2) throw new LayoutError('unexpected indentation under components', lineNo);
      childIndent ??= indent;
      if (childIndent !== 4) throw new LayoutError('components are not indented by 4 spaces', lineNo);
      if (indent < 4) throw new LayoutError('unexpected indentation in a components section', lineNo);
      if (indent > 4) continue;
      entry = close(entry, lineStart);
      const { key } = parseKey(text.slice(lineStart, eol), 4, lineNo);
      if (section.has(key)) throw new LayoutError(`duplicate component ${JSON.stringify(key)}`, lineNo);
      entry = { key, start: lineStart, line: lineNo, into: section };
    }
  }
  close(entry, text.length);
  close(top, text.length);
  return index;
}

/**
 * The key of a `key: value` line at `at`, as YAML would read it, and what follows the colon. Only the
 * key forms Microsoft writes are accepted (plain, 'single' and "double" quoted); the rest is a
 * LayoutError rather than a guess.
 */
function parseKey(line: string, at: number, lineNo: number): { key: string; rest: string } {
  const c = line[at];
  let key: string;
  let after: number;
  if (c === "'") {
    let i = at + 1;
    let out = '';
    for (;;) {
      const q = line.indexOf("'", i);
      if (q === -1) throw new LayoutError('unterminated quoted key', lineNo);
      out += line.slice(i, q);
      if (line[q + 1] === "'") {
        out += "'";
        i = q + 2;
        continue;
      }
      after = q + 1;
      break;
    }
    key = out;
  } else if (c === '"') {
    let i = at + 1;
    while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
    if (i >= line.length) throw new LayoutError('unterminated quoted key', lineNo);
    try {
      key = JSON.parse(line.slice(at, i + 1)) as string;
    } catch {
      throw new LayoutError('double-quoted key with YAML-only escapes', lineNo);
    }
    after = i + 1;
  } else {
    if (c === undefined || '-?:,[]{}#&*!|>%@`'.includes(c)) throw new LayoutError('not a plain mapping key', lineNo);
    const m = /:(?=\s|$)/.exec(line.slice(at));
    if (!m) throw new LayoutError('no mapping key', lineNo);
    key = line.slice(at, at + m.index).trimEnd();
    after = at + m.index;
    // YAML would read these as numbers, booleans or null, not as the text of the key.
    if (/^[-+.]?[0-9]|^(?:true|false|null|~)$/i.test(key) || key.includes(' #')) {
      throw new LayoutError(`key ${JSON.stringify(key)} is not a plain string`, lineNo);
    }
  }
  while (line[after] === ' ') after++;
  if (line[after] !== ':') throw new LayoutError('no colon after the key', lineNo);
  const next = line[after + 1];
  if (next !== undefined && next !== ' ' && next !== '\r') throw new LayoutError('no space after the colon', lineNo);
  let rest = line.slice(after + 1).trim();
  if (rest.startsWith('#')) rest = '';
  return { key, rest };
}
