/**
 * What a PATCH accepted is what is stored (decision read-back-exact): every PATCH a 2xx answered, in any
 * suite, is read back by a plain GET of the same entity in the same chain, and each property the PATCHes
 * sent since the entity was created holds the value last sent. Judged over every answer of the run
 * (Check.overRun); the suites read back each PATCH they send, waiting out eventual consistency as they do.
 */
import type { Exchange } from '../client/exchange.js';
import { blocked, failed, GRAPH, notReached, passed, type Check, type Stop, type Verdict } from './check.js';
import { answersOf } from './derived.js';

export interface UpdateReadBackSubject {
  /** The suite's answers (with a journal, every answer of the run). */
  exchanges: readonly Exchange[];
  stoppedBecause?: Stop;
}

/** A PATCH whose accepted properties a later read showed otherwise. */
export interface ReadBackMismatch {
  patch: Exchange;
  read: Exchange;
  wrong: string[];
}

export interface ReadBacks {
  /** PATCHes a 2xx accepted and a read judged. */
  judged: number;
  mismatches: ReadBackMismatch[];
  /** PATCHes a 2xx accepted that no read of the same entity in the same chain followed. */
  unread: Exchange[];
}

const ok = (e: Exchange) => e.response.status >= 200 && e.response.status <= 299;

/** The entity a request addresses and the chain it was sent in: one entity's history, in sending order. */
function historyKey(e: Exchange): string | undefined {
  if (!e.tag) return undefined;
  try {
    const url = new URL(e.request.url);
    return `${e.tag.slice(0, e.tag.lastIndexOf('#'))} ${url.pathname.toLowerCase()}`;
  } catch {
    return undefined;
  }
}

const stepOf = (e: Exchange) => Number(e.tag!.slice(e.tag!.lastIndexOf('#') + 1));

function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text ?? '') as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Walks each entity's history: accepted PATCH bodies accumulate (a later value of a property replaces an
 * earlier one); the last plain GET before the next write (a retried read waits out eventual consistency,
 * so the last one is the verdict) is compared with everything sent so far; a DELETE ends the history. A GET with query options is another question ($select, $expand) and reads back nothing.
 */
export function readBacksOf(exchanges: readonly Exchange[]): ReadBacks {
  const histories = new Map<string, Exchange[]>();
  for (const e of answersOf(exchanges)) {
    const key = historyKey(e);
    if (key !== undefined) histories.set(key, [...(histories.get(key) ?? []), e]);
  }
  const result: ReadBacks = { judged: 0, mismatches: [], unread: [] };
  for (const history of histories.values()) {
    let sent: Record<string, unknown> = {};
    let pending: Exchange[] = [];
    let read: Exchange | undefined;
    const settle = () => {
      if (pending.length === 0) return;
      if (!read) {
        result.unread.push(...pending);
      } else {
        result.judged += pending.length;
        // A read that never succeeded is a failure too: what was accepted cannot be found.
        const wrong = ok(read) ? differences(sent, jsonObject(read.response.body)) : [`the GET answered ${read.response.status}`];
        if (wrong.length > 0) result.mismatches.push({ patch: pending.at(-1)!, read, wrong });
      }
      pending = [];
      read = undefined;
    };
    for (const e of [...history].sort((a, b) => stepOf(a) - stepOf(b))) {
      const method = e.request.method.toUpperCase();
      if (method === 'PATCH' && ok(e)) {
        const body = jsonObject(e.request.body);
        if (!body) continue;
        // PATCHes in a row are read back together: the read after the last shows them all.
        if (read) settle();
        sent = { ...sent, ...body };
        pending.push(e);
      } else if (method === 'GET' && new URL(e.request.url).search === '') {
        if (pending.length > 0) read = e;
      } else if (method === 'DELETE' && ok(e)) {
        settle();
        sent = {};
      }
    }
    settle();
  }
  return result;
}

/** Each property sent that the read shows otherwise: exact values, no normalisation (decision read-back-exact). */
function differences(sent: Record<string, unknown>, read: Record<string, unknown> | undefined): string[] {
  if (!read) return ['the read is not a JSON object'];
  const shown = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));
  return Object.entries(sent)
    .filter(([key, value]) => JSON.stringify(read[key]) !== JSON.stringify(value))
    .map(([key, value]) => `${key}: sent ${JSON.stringify(value)}, read back ${shown(read[key])}`);
}

const SHOWN = 3;

function requestName(e: Exchange): string {
  const url = new URL(e.request.url);
  return `${e.request.method} ${decodeURIComponent(url.pathname.replace(/^.*\/(?=[^/]+\/[^/]+$)/, '…/'))}${e.tag ? ` (${e.tag})` : ''}`;
}

export const updateReadBack: Check<UpdateReadBackSubject> = {
  id: 'update.read-back',
  operation: 'update',
  title: 'every accepted PATCH reads back as sent',
  expectation:
    'after each PATCH a 2xx accepted, in any suite of the run, the next plain GET of the same entity shows every property the PATCHes sent since its create with the value last sent, exactly (a read that shows the write late is read again, as the lifecycle does)',
  provenBy: ['update-ignored', 'update-replaces', 'store-ascii-only', 'patch-representation-not-stored', 'get-not-found-after-create'],
  profiles: GRAPH,
  decisions: ['read-back-exact', 'update-partial'],
  overRun: true,
  run(subject): Verdict {
    const { judged, mismatches, unread } = readBacksOf(subject.exchanges);
    if (mismatches.length > 0) {
      const listed = mismatches.slice(0, SHOWN).map((m) => `${requestName(m.patch)} then ${requestName(m.read)}: ${m.wrong.join('; ')}`);
      const more = mismatches.length > SHOWN ? `; and ${mismatches.length - SHOWN} more` : '';
      return failed(
        `${mismatches.length} read${mismatches.length === 1 ? '' : 's'} after an accepted PATCH show${mismatches.length === 1 ? 's' : ''} other values than were sent: ${listed.join('; ')}${more}`,
        mismatches[0]!.wrong,
        mismatches[0]!.read,
      );
    }
    if (judged === 0) {
      if (subject.stoppedBecause) return notReached('PATCH', subject.stoppedBecause);
      // The suites read back every PATCH they send: an unread one means its chain stopped, which says why elsewhere.
      return unread.length > 0
        ? blocked(
            'suite:not-sent',
            `${unread.length} accepted PATCH${unread.length === 1 ? '' : 'es'}, none read back: the read after it was never sent (${requestName(unread[0]!)})`,
          )
        : blocked('update.status', 'no PATCH of the run was accepted (2xx), so none could be read back');
    }
    const notRead =
      unread.length > 0 ? `; ${unread.length} accepted PATCH${unread.length === 1 ? ' was' : 'es were'} not read back (${requestName(unread[0]!)})` : '';
    return passed(`${judged} accepted PATCH${judged === 1 ? '' : 'es'} read back as sent${notRead}`);
  },
};
