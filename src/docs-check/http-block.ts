/**
 * Reads the inside of a docs ```http block: a request line (`POST https://… [HTTP/1.1]`) or a status line
 * (`HTTP/1.1 201 Created`), header lines, then after a blank line the body. The docs are loose: a body
 * sometimes follows the headers without the blank line, so the first line that is not `Name: value`
 * starts the body.
 *
 * JSON bodies are parsed with `JSON.parse` (the values) and a small scanner that records, for each JSON
 * pointer, the page line its value starts on, so a violation can name the line holding the value.
 */
import type { PageLine } from './parse-page.js';

export interface RequestLine {
  kind: 'request';
  method: string;
  url: string;
  line: number;
}

export interface StatusLine {
  kind: 'response';
  status: number;
  reason: string;
  line: number;
}

export interface Header {
  name: string;
  value: string;
  line: number;
}

export type JsonBody =
  { ok: true; value: unknown; /** pointer → page line of the value */ lines: Map<string, number> } | { ok: false; message: string; line: number };

export interface HttpBody {
  /** First line of the body. */
  line: number;
  text: string;
  contentType?: string;
  /** Set when the body is JSON by its Content-Type or, without one, by its first character. */
  json?: JsonBody;
}

export type HttpBlock =
  { ok: true; start: RequestLine | StatusLine; headers: Header[]; body?: HttpBody } | { ok: false; kind: 'request' | 'response'; line: number; reason: string };

const METHOD = /^([A-Za-z]+)\s+(\S.*?)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/;
const STATUS = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s+(.*))?$/i;
const HEADER = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*:\s*(.*)$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Parses a block expected to hold a request (`kind: 'request'`) or a response. */
export function parseHttpBlock(lines: readonly PageLine[], kind: 'request' | 'response', fenceLine: number): HttpBlock {
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  const first = lines[i];
  if (!first) return { ok: false, kind, line: fenceLine, reason: `the block is empty: no ${kind === 'request' ? 'request' : 'status'} line` };
  const text = first.text.trim();
  let start: RequestLine | StatusLine;
  if (kind === 'request') {
    const m = METHOD.exec(text);
    if (!m || !METHODS.has(m[1]!.toUpperCase())) {
      return { ok: false, kind, line: first.line, reason: `the request line is not parseable: expected "METHOD URL", got ${quote(text)}` };
    }
    start = { kind, method: m[1]!.toUpperCase(), url: m[2]!, line: first.line };
  } else {
    const m = STATUS.exec(text);
    if (!m) return { ok: false, kind, line: first.line, reason: `the status line is not parseable: expected "HTTP/1.1 200 OK", got ${quote(text)}` };
    start = { kind, status: Number(m[1]), reason: (m[2] ?? '').trim(), line: first.line };
  }
  i++;

  const headers: Header[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.trim() === '') break;
    const h = HEADER.exec(line.text.trim());
    if (!h) break;
    headers.push({ name: h[1]!, value: h[2]!.trim(), line: line.line });
  }
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  const rest = lines.slice(i);
  while (rest.length > 0 && rest[rest.length - 1]!.text.trim() === '') rest.pop();
  if (rest.length === 0) return { ok: true, start, headers };

  const bodyText = rest.map((l) => l.text).join('\n');
  const contentType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const body: HttpBody = { line: rest[0]!.line, text: bodyText };
  if (contentType !== undefined) body.contentType = contentType;
  const looksJson = contentType !== undefined ? isJsonMediaType(contentType) : /^[[{]/.test(bodyText.trimStart());
  if (looksJson) body.json = parseJsonBody(rest);
  return { ok: true, start, headers, body };
}

export function isJsonMediaType(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json') || type === 'text/json';
}

/** Parses a JSON body given as page lines; positions are page lines. */
export function parseJsonBody(lines: readonly PageLine[]): JsonBody {
  const text = lines.map((l) => l.text).join('\n');
  const pageLine = (offsetLine: number): number => lines[Math.min(offsetLine, lines.length - 1)]?.line ?? 0;
  const located = locateJson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = located.ok ? 0 : located.line;
    const why = located.ok ? (error as Error).message : located.message;
    return { ok: false, message: `the body is not valid JSON: ${why} (line ${pageLine(where)})`, line: pageLine(where) };
  }
  const map = new Map<string, number>();
  if (located.ok) for (const [ptr, l] of located.lines) map.set(ptr, pageLine(l));
  return { ok: true, value, lines: map };
}

export type Located = { ok: true; lines: Map<string, number> } | { ok: false; message: string; line: number };

/**
 * Strict JSON (RFC 8259) scanner: for each JSON pointer, the 0-based line of `text` its value starts on.
 * On a syntax error, what was expected and the 0-based line where it was not found.
 */
export function locateJson(text: string): Located {
  const lines = new Map<string, number>();
  let pos = 0;
  let line = 0;

  class SyntaxFault extends Error {}
  const fail = (what: string): never => {
    const found = pos >= text.length ? 'the end of the body' : quote(text.slice(pos, pos + 12).split('\n')[0]!);
    throw new SyntaxFault(`expected ${what}, found ${found}`);
  };
  const ws = (): void => {
    for (; pos < text.length; pos++) {
      const c = text[pos];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail('a JSON value');
  };
  const string = (): string => {
    const start = pos;
    if (text[pos] !== '"') fail('a string');
    pos++;
    for (;;) {
      const c = text[pos];
      if (c === undefined) fail('the closing quote of the string');
      if (c === '"') break;
      if (c! < ' ') fail('no control character inside a string');
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('four hex digits after \\u');
          pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail('a valid escape sequence');
        pos += 2;
        continue;
      }
      pos++;
    }
    pos++;
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (ptr: string): void => {
    ws();
    lines.set(ptr, line);
    const c = text[pos];
    if (c === '{') {
      pos++;
      ws();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail('a double-quoted property name');
        const key = string();
        ws();
        if (text[pos] !== ':') fail(`':' after the property name ${quote(key)}`);
        pos++;
        value(`${ptr}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return;
        }
        fail("',' or '}' after a property value");
      }
    }
    if (c === '[') {
      pos++;
      ws();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (let index = 0; ; index++) {
        value(`${ptr}/${index}`);
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return;
        }
        fail("',' or ']' after an array item");
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '' || m[0] === '-') fail('a JSON value');
    pos += m![0].length;
  };

  try {
    value('');
    ws();
    if (pos < text.length) fail('the end of the body after the JSON value');
    return { ok: true, lines };
  } catch (error) {
    if (error instanceof SyntaxFault) return { ok: false, message: error.message, line };
    throw error;
  }
}

function quote(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);
}
