/**
 * What the engine says of one check once its suite has run: the verdict in the terms every report
 * uses (results.json, junit.xml, report.html, the terminal), already scrubbed. Reporters read these
 * fields; none of them re-parses a message.
 */
import { createHash } from 'node:crypto';
import type { CapturedRequest, CapturedResponse, Exchange } from '../client/exchange.js';
import { MAX_VIOLATIONS, type Violation } from '../openapi/validator.js';
import { scrubRequest, scrubResponse, scrubText } from '../scrub/scrub.js';

export { MAX_VIOLATIONS };

export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'warned';

/**
 * Bytes of a request or response body kept as evidence. A longer body is kept cut to this many bytes
 * (UTF-8, never half a character), with its whole size and digest beside it: a 100,000-item list is
 * 14 MB, and results.json would hold it once per check that failed on it.
 */
export const MAX_EVIDENCE_BODY_BYTES = 64 * 1024;

/** Characters of a check's message; past it, the message is cut and says how much was cut. */
export const MAX_MESSAGE_CHARS = 4096;

/**
 * Scrubbing runs on this many characters past a cut, so that a secret the cut goes through is seen
 * whole, and replaced, before the text is cut; scrubbing the whole of a 14 MB body would take seconds.
 */
const SCRUB_MARGIN = 16 * 1024;

/** Set beside a body kept cut: how many bytes the whole body had, and the sha256 (hex) of all of them. */
export interface BodyCut {
  bodyTruncated?: true;
  bodyBytes?: number;
  bodySha256?: string;
}

export interface Evidence {
  request: CapturedRequest & BodyCut;
  response?: CapturedResponse & BodyCut;
  durationMs?: number;
  /** Throttled answers (429/503) to this request waited out and sent again before the answer judged. */
  retries?: number;
  /** The first attempt's connection was reset or closed before any answer; the answer is the second attempt's. */
  resentAfter?: 'reset' | 'closed';
}

export interface CheckOutcome {
  id: string;
  operation: string;
  title: string;
  expectation?: string;
  /** Decision ids (specs/decisions.yaml) that governed what this check accepted. */
  decisions?: string[];
  status: CheckStatus;
  durationMs: number;
  message?: string;
  /**
   * Set on a `skipped` check that could not be judged because something earlier failed: the id of the
   * check that failed, or `suite:<cause>` when no check did. A blocked check fails the run.
   */
  blockedBy?: string;
  /** The exchange judged, scrubbed, its bodies cut past MAX_EVIDENCE_BODY_BYTES (evidenceOf). */
  evidence?: Evidence;
  /** A schema failure's violations, each at its JSON pointer into the response body: the first MAX_VIOLATIONS. */
  violations?: Violation[];
  /** How many violations there were in all, when more than `violations` lists. */
  violationsTotal?: number;
  /** Present when --baseline lists the check: known (failed as expected, does not fail the run) or fixed. */
  baseline?: { state: 'known' | 'fixed'; reason: string };
}

/**
 * Causes of a blocked suite that the user fixes in configuration rather than in the target: a missing,
 * unreadable or stale recording, a base URL under which nothing serves the family, or credentials the
 * target refused (401 to the run's token). A run blocked by one of them exits 2, naming the file or option.
 */
export const CONFIGURATION_BLOCKERS: ReadonlySet<string> = new Set(['suite:recording', 'suite:base-url', 'suite:credentials']);

export function isBlocked(outcome: CheckOutcome): boolean {
  return outcome.blockedBy !== undefined;
}

export function blockedOutcome(
  check: Pick<CheckOutcome, 'id' | 'operation' | 'title' | 'expectation'> & { decisions?: readonly string[] },
  blockedBy: string,
  message: string,
): CheckOutcome {
  const { id, operation, title, expectation } = check;
  return {
    id,
    operation,
    title,
    expectation,
    decisions: [...(check.decisions ?? [])],
    status: 'skipped',
    durationMs: 0,
    blockedBy,
    message: boundedMessage(message),
  };
}

/**
 * A check's message, scrubbed, and cut past MAX_MESSAGE_CHARS with a note of how much was cut. The
 * message quotes the target, so it can be as large as what the target sent.
 */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return scrubText(message);
  const scrubbed = scrubbedHead(message, MAX_MESSAGE_CHARS);
  if (scrubbed.text.length <= MAX_MESSAGE_CHARS) return scrubbed.text;
  const shown = wholeCharacters(scrubbed.text, MAX_MESSAGE_CHARS - 64);
  // Scrubbing can change lengths; past the window it did not run, so the rest is counted as it was.
  const more = (scrubbed.whole ? scrubbed.text.length : message.length) - shown.length;
  return `${shown}… (message cut: ${more.toLocaleString('en-US')} more characters)`;
}

/**
 * An exchange as evidence: scrubbed, each body past MAX_EVIDENCE_BODY_BYTES cut to that many bytes,
 * with `bodyTruncated`, `bodyBytes` and `bodySha256` (of the whole body as it was sent or received,
 * UTF-8) beside it. A body within the limit is kept whole and gets none of the three.
 */
export function evidenceOf(exchange: Exchange): Evidence {
  const { request, response } = exchange;
  const scrubbedRequest = scrubRequest(request.body === undefined ? request : { ...request, body: '' });
  return {
    request: request.body === undefined ? scrubbedRequest : { ...scrubbedRequest, ...boundedBody(request, request.body) },
    response: { ...scrubResponse({ ...response, body: '' }), ...boundedBody(response, response.body) },
    durationMs: exchange.durationMs,
    ...(exchange.retries !== undefined && exchange.retries > 0 && { retries: exchange.retries }),
    ...(exchange.resentAfter && { resentAfter: exchange.resentAfter }),
  };
}

/** Size and digest of bodies already cut, by the request or response they belong to: several checks fail on one answer. */
const wholeBodies = new WeakMap<object, { bodyBytes: number; bodySha256: string }>();

/** A body as evidence: scrubbed whole, or scrubbed and cut, with the size and digest of the whole. */
function boundedBody(owner: object, body: string): { body: string } & BodyCut {
  // Under the limit in characters, a body may still pass it in bytes; a short one cannot.
  if (body.length <= MAX_EVIDENCE_BODY_BYTES / 3 || Buffer.byteLength(body) <= MAX_EVIDENCE_BODY_BYTES) return { body: scrubText(body) };
  let whole = wholeBodies.get(owner);
  if (!whole) {
    whole = { bodyBytes: Buffer.byteLength(body), bodySha256: createHash('sha256').update(body, 'utf8').digest('hex') };
    wholeBodies.set(owner, whole);
  }
  return { body: utf8Head(scrubbedHead(body, MAX_EVIDENCE_BODY_BYTES).text, MAX_EVIDENCE_BODY_BYTES), bodyTruncated: true, ...whole };
}

/**
 * `text` scrubbed as far as at least `keep` characters and SCRUB_MARGIN more (or whole, `whole`):
 * the window widens while scrubbing shrinks it below that, so that what is kept of it was scrubbed
 * with everything around it in view.
 */
function scrubbedHead(text: string, keep: number): { text: string; whole: boolean } {
  for (let window = keep + SCRUB_MARGIN; ; window *= 2) {
    if (window >= text.length) return { text: scrubText(text), whole: true };
    const scrubbed = scrubText(text.slice(0, window));
    if (scrubbed.length >= keep + SCRUB_MARGIN) return { text: scrubbed, whole: false };
  }
}

/** The first `count` characters of `text`, one fewer when the last would be half of a surrogate pair. */
function wholeCharacters(text: string, count: number): string {
  const code = text.charCodeAt(count - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? count - 1 : count);
}

/** The longest head of `text` of at most `bytes` bytes in UTF-8, never ending in half a character. */
function utf8Head(text: string, bytes: number): string {
  const head = Buffer.from(wholeCharacters(text, bytes));
  if (head.length <= bytes) return head.toString('utf8');
  let end = bytes;
  // Back off continuation bytes (10xxxxxx) to the start of the character the limit goes through.
  while (end > 0 && (head[end]! & 0xc0) === 0x80) end--;
  return head.subarray(0, end).toString('utf8');
}
