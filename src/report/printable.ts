/**
 * What the command prints to a terminal or a CI log. A target under test (and a recording or baseline
 * file) is not trusted: a group name, an error code or a message can hold escape sequences a terminal
 * obeys — clear the screen, set the window title, write a hyperlink, put text on the clipboard (OSC 52)
 * — a bare `\r` that rewrites the line already shown, or a newline followed by `::error::…`, which a
 * GitHub Actions runner reads as a workflow command. Two layers keep that out:
 *
 * - `printable(text)` for every value that came from a target or a file, where it is printed: every
 *   control character becomes a visible escape (`\x1b`, `\n`, `\u202e`), so the value stays on its line
 *   and can still be read.
 * - `guardOutput()` for the command's own stdout and stderr: every write goes through one filter that
 *   escapes any control character but the project's own newlines and tabs, and never lets a line read
 *   as a workflow command — the backstop for a value printed without `printable`.
 *
 * The report files are not this module's concern: results.json and report.html keep what was sent
 * (JSON- and HTML-escaped); only what reaches a terminal or a CI log is escaped here.
 */
import { StringDecoder } from 'node:string_decoder';

/**
 * C0 (newline, carriage return and tab included), DEL and C1 — the bytes terminals act on (C1 holds the
 * 8-bit CSI \x9b and OSC \x9d) — and the characters that change how a line reads without being visible:
 * the bidirectional embeddings, overrides and isolates and the Arabic letter mark (U+061C, U+200E/F,
 * U+202A–U+202E, U+2066–U+2069), which make a viewer display a line's text in another order than it
 * holds ("Trojan Source"); and the line and paragraph separators U+2028/U+2029, which editors, browsers
 * showing a CI log and JavaScript take for line breaks, so a value could start a line of its own there.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const UNSAFE_CHAR = new RegExp(UNSAFE.source);
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (c: string, digits: number) => c.charCodeAt(0).toString(16).padStart(digits, '0');

/**
 * `text` with every control character (above) written as a visible escape: `\n`, `\r`, `\t`, `\xHH` up
 * to U+00FF, `\uHHHH` above. A backslash is left as it is, so the result is one line, readable, and
 * `printable(printable(x)) === printable(x)`: a value escaped where it was made is not escaped twice
 * where it is printed. (So a printed `\x1b` can also be those four characters as the target sent them;
 * the report files hold the exact value.)
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * The stream-level filter, one per stream, keeping the state a line carries from one write to the next
 * (a line can be written in pieces). The project's own newlines stay newlines; everything else
 * `printable` escapes is escaped here too, in the `\uHHHH` form: that is a valid escape inside a JSON
 * string, so JSON the command prints (docs-check --json) stays valid and equal in value.
 *
 * Workflow commands, as the GitHub Actions runner reads a line (actions/runner, ActionCommand.cs):
 * - `::command::data` when the line starts with `::` after `TrimStart()` (any Unicode whitespace). The
 *   second colon of such a line is written `\u003a`, so the line starts `:\u003a…`.
 * - the legacy `##[command]data` anywhere in the line (`TryParse` looks for the prefix with `IndexOf`),
 *   and Azure Pipelines' `##vso[…]` likewise: the `[` after `##` or `##vso` is written `\u005b`.
 * The command itself writes no workflow command on purpose, so there is no exception to let through.
 */
export class LineGuard {
  /** How the current line has begun: only whitespace so far, whitespace then one `:`, or anything else. */
  private head: 'blank' | 'colon' | 'text' = 'blank';
  /** The current line's last few characters as written, for a `##[` split across writes. */
  private tail = '';

  filter(text: string): string {
    return text
      .split('\n')
      .map((segment, i) => {
        if (i > 0) {
          this.head = 'blank';
          this.tail = '';
        }
        return this.segment(segment);
      })
      .join('\n');
  }

  /** Part of one line. Most of a line needs no look at each character: only its start and what SLOW finds. */
  private segment(text: string): string {
    let out = '';
    let i = 0;
    for (; i < text.length && this.head !== 'text'; i++) out += this.char(text[i]!);
    const rest = text.slice(i);
    if (!SLOW.test(rest) && !HASH_TAIL.test(this.tail)) {
      this.tail = (this.tail + rest).slice(-5);
      return out + rest;
    }
    for (const c of rest) out += this.char(c);
    return out;
  }

  private char(c: string): string {
    let piece = c !== '\t' && UNSAFE_CHAR.test(c) ? `\\u${hex(c, 4)}` : c;
    if (this.head === 'blank') {
      if (piece === ':') this.head = 'colon';
      else if (!/^\s$/u.test(piece)) this.head = 'text';
    } else if (this.head === 'colon') {
      if (piece === ':') piece = '\\u003a';
      this.head = 'text';
    }
    if (piece === '[' && /##(?:vso)?$/i.test(this.tail)) piece = '\\u005b';
    this.tail = (this.tail + piece).slice(-5);
    return piece;
  }
}

/** What makes a stretch of a line need the character-by-character path (a tab alone does not). */
const SLOW = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|#/;
/** A line so far ending where a `##[` or `##vso[` could still be completed by what comes next. */
const HASH_TAIL = /#(?:v(?:s(?:o)?)?)?$/i;

type Write = NodeJS.WriteStream['write'];
const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * Routes every write to `stream` (strings and bytes; `console.*` too) through a `LineGuard`. Installed
 * once per stream, by the command's entry points, before anything is printed.
 */
export function guardStream(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  const write = stream.write.bind(stream) as (chunk: string, encoding: BufferEncoding, callback?: (error?: Error | null) => void) => boolean;
  const guard = new LineGuard();
  const decoder = new StringDecoder('utf8');
  stream.write = ((chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as ((error?: Error | null) => void) | undefined;
    const encoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : 'utf8';
    let text: string;
    if (typeof chunk === 'string') text = encoding === 'utf8' || encoding === 'utf-8' ? chunk : decoder.write(Buffer.from(chunk, encoding));
    else text = decoder.write(Buffer.from(chunk as Uint8Array));
    return write(guard.filter(text), 'utf8', done);
  }) as Write;
}

/** The command's stdout and stderr, guarded. */
export function guardOutput(): void {
  guardStream(process.stdout);
  guardStream(process.stderr);
}
