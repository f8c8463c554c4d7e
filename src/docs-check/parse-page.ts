/**
 * Reads a Microsoft Graph reference page (Markdown) into its annotated blocks: an HTML comment holding a
 * JSON object (`<!-- { "blockType": "request", "name": … } -->`) and the fenced code block after it.
 *
 * A line scanner, not a Markdown parser: the format is the docs' own convention (comment, optional blank
 * lines, fence). Comments inside fenced blocks are code, not annotations. Line numbers are 1-based.
 */
import { locateJson } from './http-block.js';

export interface PageLine {
  /** 1-based line number in the page. */
  line: number;
  text: string;
}

export interface Annotation {
  /** Line of the `<!--`. */
  line: number;
  /** The comment's text between `<!--` and `-->`. */
  text: string;
  /** The parsed JSON object; absent when `error` is set. */
  data?: Record<string, unknown>;
  /** Why the comment's JSON could not be read (malformed annotation). */
  error?: string;
  /** The page line where the comment's JSON goes wrong, when known. */
  errorLine?: number;
}

export interface FencedBlock {
  /** Line of the opening fence. */
  line: number;
  /** The info string after the fence: `http`, `msgraph-interactive`, `json`… */
  info: string;
  /** The lines between the fences, indentation of the fence removed. */
  lines: PageLine[];
  /** Line of the closing fence (the last line of the page when the block is never closed). */
  endLine: number;
  closed: boolean;
}

export interface AnnotatedBlock {
  annotation: Annotation;
  /** The fenced block that follows the annotation (blank lines allowed between them). */
  fence?: FencedBlock;
  /** `annotation.data.blockType` when it is a string. */
  blockType?: string;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;

/**
 * The page's annotated blocks, in order. A JSON comment counts when it names a `blockType`, is followed by
 * a fenced block, or is malformed while naming a blockType or preceding a fence; other comments (`<!-- uuid … -->`,
 * the closing `#page.annotation`) are not blocks.
 */
export function parsePage(text: string): AnnotatedBlock[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i): PageLine => ({ line: i + 1, text: t }));
  const blocks: AnnotatedBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const current = lines[i]!;
    const fence = openFence(lines, i);
    if (fence) {
      i = fence.endLine; // the index after the closing fence
      continue;
    }
    const start = current.text.indexOf('<!--');
    if (start === -1 || current.text.slice(0, start).trim() !== '') {
      i++;
      continue;
    }
    const comment = readComment(lines, i, start);
    i = comment.next;
    const body = comment.text.trim();
    if (!body.startsWith('{')) continue;

    const annotation: Annotation = { line: current.line, text: comment.text };
    if (!comment.closed) {
      annotation.error = 'the comment is never closed with -->';
    } else {
      try {
        const data: unknown = JSON.parse(body);
        if (typeof data === 'object' && data !== null && !Array.isArray(data)) annotation.data = data as Record<string, unknown>;
        else annotation.error = 'the annotation is not a JSON object';
      } catch (error) {
        const located = locateJson(comment.text);
        if (located.ok) {
          annotation.error = `the annotation is not valid JSON (${(error as Error).message})`;
        } else {
          annotation.errorLine = current.line + located.line;
          annotation.error = `the annotation is not valid JSON: ${located.message} (line ${annotation.errorLine})`;
        }
      }
    }

    let next = i;
    while (next < lines.length && lines[next]!.text.trim() === '') next++;
    const following = comment.closed ? openFence(lines, next) : undefined;
    const blockType = typeof annotation.data?.blockType === 'string' ? annotation.data.blockType : undefined;
    const mentionsBlockType = /"?blockType"?\s*:/.test(body);
    if (!following && blockType === undefined && !(annotation.error && mentionsBlockType)) continue;

    const block: AnnotatedBlock = { annotation };
    if (blockType !== undefined) block.blockType = blockType;
    if (following) {
      block.fence = following;
      i = following.endLine;
    }
    blocks.push(block);
  }
  return blocks;
}

/** The fenced block opening at index `i`, if that line opens one; `endLine` is also the index after it. */
function openFence(lines: PageLine[], i: number): FencedBlock | undefined {
  const open = lines[i];
  if (!open) return undefined;
  const match = FENCE_OPEN.exec(open.text);
  if (!match) return undefined;
  const indent = match[1]!.length;
  const marker = match[2]!;
  const info = match[3] ?? '';
  // A backtick fence's info string may not contain backticks (CommonMark); `x```y` is inline code.
  if (marker.startsWith('`') && open.text.slice(match[0].length).includes('`')) return undefined;
  const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  const body: PageLine[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (close.test(line.text)) return { line: open.line, info, lines: body, endLine: line.line, closed: true };
    body.push({ line: line.line, text: stripIndent(line.text, indent) });
  }
  return { line: open.line, info, lines: body, endLine: lines.length, closed: false };
}

function stripIndent(text: string, indent: number): string {
  let n = 0;
  while (n < indent && text[n] === ' ') n++;
  return text.slice(n);
}

/** The comment starting at `lines[i]`, column `start`: its text and the index of the line after it. */
function readComment(lines: PageLine[], i: number, start: number): { text: string; next: number; closed: boolean } {
  const first = lines[i]!.text.slice(start + 4);
  const parts: string[] = [];
  let rest = first;
  for (let j = i; j < lines.length; j++) {
    if (j > i) rest = lines[j]!.text;
    const end = rest.indexOf('-->');
    if (end !== -1) {
      parts.push(rest.slice(0, end));
      return { text: parts.join('\n'), next: j + 1, closed: true };
    }
    parts.push(rest);
  }
  return { text: parts.join('\n'), next: lines.length, closed: false };
}
