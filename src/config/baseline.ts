/**
 * A baseline lists the checks known to fail against a target, each with the reason; they are reported
 * as known instead of failing the run. Either form works:
 *
 *   create.header.request-id: Prism sends none of Graph's headers
 *
 *   - id: create.header.request-id
 *     reason: Prism sends none of Graph's headers
 *
 * `--baseline` names a file, or one of the baselines the package ships in `baselines/` by its name
 * (`--baseline prism`: baselines/prism.yaml): `resolveBaseline` decides which.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UsageError } from './usage-error.js';
import { fromRoot } from '../project-root.js';

export type Baseline = Record<string, string>;

/** The baselines the package ships, one `<name>.yaml` each: the known limits of the mocks users start on the slice. */
export const SHIPPED_BASELINES_DIR = fromRoot('baselines');
/** What a shipped baseline's name may be: nothing that could be a path. */
const SHIPPED_NAME = /^[a-z0-9-]+$/;

/** The names of the shipped baselines (`prism`, `mockoon`), sorted. */
export function shippedBaselineNames(): string[] {
  let files: string[];
  try {
    files = readdirSync(SHIPPED_BASELINES_DIR);
  } catch {
    return [];
  }
  return files
    .filter((f) => f.endsWith('.yaml') && SHIPPED_NAME.test(f.slice(0, -'.yaml'.length)))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** The shipped baseline of that name (baselines/<name>.yaml), or undefined when there is none. */
export function shippedBaseline(name: string): string | undefined {
  if (!SHIPPED_NAME.test(name)) return undefined;
  const file = path.join(SHIPPED_BASELINES_DIR, `${name}.yaml`);
  return existsSync(file) ? file : undefined;
}

/**
 * The file `--baseline VALUE` (CONFORMANCE_BASELINE, the API's `baseline`, the Action's input) reads: a
 * value that names an existing file (relative to cwd) is that file, whatever its name; else a shipped
 * baseline's name is that baseline; else it is a usage error naming the shipped ones. A folder of the
 * name does not hide a shipped baseline, and is otherwise refused by readBaseline as a folder.
 */
export function resolveBaseline(value: string, cwd: string): string {
  const file = path.resolve(cwd, value);
  let stats: Stats | undefined;
  let code: string | undefined;
  try {
    stats = statSync(file);
  } catch (error) {
    code = (error as NodeJS.ErrnoException).code;
  }
  if (stats && !stats.isDirectory()) return file;
  const shipped = shippedBaseline(value);
  if (shipped !== undefined) return shipped;
  // Neither: the file's own trouble (a folder, no permission) is said by readBaseline.
  if (code !== 'ENOENT' && code !== 'ENOTDIR') return file;
  const names = shippedBaselineNames();
  throw new UsageError(
    `--baseline ${file}: cannot read it (${code}), and ${JSON.stringify(value)} is not the name of a shipped baseline` +
      (names.length > 0 ? ` (the shipped baselines are ${names.join(', ')}: --baseline ${names[0]})` : ''),
  );
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    // Looked at before it is opened: opening a named pipe for reading waits for a writer that may never
    // come (the run would hang), and a device is no list of checks.
    const stats = statSync(file);
    if (!stats.isFile()) {
      throw new UsageError(`--baseline ${file} is ${kindOf(stats)}, not a file; point --baseline / CONFORMANCE_BASELINE at a YAML or JSON file`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--baseline ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = simpleForm(text) ?? parse(text);
  } catch (error) {
    throw new UsageError(`--baseline ${file}: not YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (raw === null || raw === undefined) return {};
  const entries: [unknown, unknown][] = Array.isArray(raw)
    ? raw.map((e) => [(e as { id?: unknown })?.id, (e as { reason?: unknown })?.reason])
    : typeof raw === 'object'
      ? Object.entries(raw as Record<string, unknown>)
      : [];
  if (entries.length === 0 && !(typeof raw === 'object'))
    throw new UsageError(`--baseline ${file}: expected a mapping of check id to reason, or a list of {id, reason}`);
  const baseline: Baseline = {};
  for (const [id, reason] of entries) {
    // A check id (create.status) or a difference's (diff.create./name, array indices written *).
    if (typeof id !== 'string' || !(/^[a-z][\w-]*(\.[\w-]+)+$/.test(id) || /^diff\.[\w.-]+?\.(status|header:[\w-]+|\/\S*)$/.test(id))) {
      throw new UsageError(`--baseline ${file}: ${JSON.stringify(id)} is not a check id (like create.status) or a difference id (like diff.create./name)`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') throw new UsageError(`--baseline ${file}: ${id} needs a reason`);
    baseline[id] = reason.trim();
  }
  return baseline;
}

const ID = '[a-z][\\w-]*\\.[\\w.-]*';
/** A plain scalar that YAML reads as the same string: it starts with a letter and has no control character. */
const TEXT = '[A-Za-z][^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff]*?';
const MAP_LINE = new RegExp(`^(${ID}): +(${TEXT}) *$`);
const LIST_ID_LINE = new RegExp(`^- id: (${ID}) *$`);
const LIST_REASON_LINE = new RegExp(`^  reason: (${TEXT}) *$`);
/** Words YAML reads as true, false or null, not as text. */
const NOT_TEXT = /^(true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/**
 * The two forms as the README writes them — `id: reason` per line, or `- id:` / `  reason:` pairs —
 * between blank lines and comment lines, read without the YAML parser: 30,000 lines in milliseconds
 * instead of most of a second. Only lines whose meaning cannot differ from the parser's are read here;
 * anything else (quotes, an indented continuation, a comment after a value, flow style, a key twice)
 * gives undefined, and the parser alone decides what the file says and what is wrong with it.
 */
export function simpleForm(text: string): Record<string, string> | { id: string; reason: string }[] | undefined {
  const split = text.split('\n');
  // CR LF ends a line as LF does; a CR anywhere else (the last line's end too) is text to the parser.
  const lines = split.map((line, i) => (i < split.length - 1 && line.endsWith('\r') ? line.slice(0, -1) : line));
  const map: Record<string, string> = {};
  const list: { id: string; reason: string }[] = [];
  let form: 'map' | 'list' | undefined;
  const isText = (value: string) => !NOT_TEXT.test(value) && !value.includes(': ') && !value.includes(' #') && !value.endsWith(':');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line.startsWith('#')) continue;
    const entry = MAP_LINE.exec(line);
    if (entry && form !== 'list') {
      const [, id, reason] = entry as unknown as [string, string, string];
      if (!isText(reason) || Object.hasOwn(map, id)) return undefined;
      form = 'map';
      map[id] = reason;
      continue;
    }
    const item = LIST_ID_LINE.exec(line);
    const next = lines[i + 1];
    const because = next === undefined ? null : LIST_REASON_LINE.exec(next);
    if (item && because && form !== 'map' && isText(because[1]!)) {
      form = 'list';
      list.push({ id: item[1]!, reason: because[1]! });
      i++;
      continue;
    }
    return undefined;
  }
  return form === 'map' ? map : form === 'list' ? list : undefined;
}

/** What a path that is not a regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * YAML (or JSON) to a value, as `yaml`'s parse does, with one difference in how: the library's own
 * duplicate-key check compares each key with every earlier key of its map, which is quadratic (36 s for
 * 30,000 entries). Keys are checked here instead, once each, and the same error is thrown for the first
 * duplicate: "Map keys must be unique at line L, column C:", now followed by the key.
 */
function parse(text: string): unknown {
  // Loaded only when a baseline is given, like the other YAML readers of a run.
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { uniqueKeys: false, lineCounter });
  const duplicate = firstDuplicateKey(yaml, doc);
  const error = doc.errors[0];
  // Whichever comes first in the text is the one the library would have reported.
  if (duplicate && (error === undefined || duplicate.offset < error.pos[0])) {
    const { line, col } = lineCounter.linePos(duplicate.offset);
    throw new Error(`Map keys must be unique at line ${line}, column ${col}: ${duplicate.key} appears twice`);
  }
  if (error) throw error;
  for (const warning of doc.warnings) process.emitWarning(warning);
  return doc.toJS();
}

/** The earliest key, in any map of the document, that an earlier key of the same map already has. */
function firstDuplicateKey(yaml: typeof import('yaml'), doc: import('yaml').Document): { offset: number; key: string } | undefined {
  let first: { offset: number; key: string } | undefined;
  yaml.visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // The library's equality: scalars by value, any other key only by identity (so never twice).
        const key = yaml.isScalar(pair.key) ? pair.key.value : pair.key;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const offset = (yaml.isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? map.range?.[0] ?? 0;
        if (first === undefined || offset < first.offset) first = { offset, key: String(key) };
        break;
      }
    },
  });
  return first;
}
