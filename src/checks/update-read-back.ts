/**
 * What was accepted is what is stored (decision read-back-exact), judged over every answer of the run
 * (Check.overRun): every create a 2xx accepted is read back by a plain GET of what it made, and shows each
 * property it sent (create.read-back); every PATCH a 2xx answered is read back by a plain GET of the same
 * entity in the same chain, and each property the PATCHes sent since the entity was created holds the value
 * last sent (update.read-back), while each property it was not sent keeps the value it had (update.partial,
 * lifecycle.ts). The suites read back each write they send, waiting out eventual consistency as they do.
 */
import type { Exchange } from '../client/exchange.js';
import { blocked, failed, GRAPH, notReached, passed, type Check, type Stop, type Verdict } from './check.js';
import { answersOf } from './derived.js';
import { createdId, sameJson } from './http.js';

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

const shown = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));

/**
 * Each property sent that the read shows otherwise: exact values, no normalisation (decision
 * read-back-exact); an object's members in any order, as JSON has them. Annotations are not properties.
 */
function differences(sent: Record<string, unknown>, read: Record<string, unknown> | undefined, said = 'sent'): string[] {
  if (!read) return ['the read is not a JSON object'];
  return Object.entries(sent)
    .filter(([key, value]) => !key.includes('@') && !sameJson(read[key], value))
    .map(([key, value]) => `${key}: ${said} ${JSON.stringify(value)}, read back ${shown(read[key])}`);
}

const SHOWN = 3;

/** The first few writes whose reads differ, each `<write> then <read>: <differences>`, and how many more. */
function shownMismatches<T extends { read: Exchange; wrong: string[] }>(mismatches: readonly T[], write: (m: T) => Exchange): string {
  const listed = mismatches.slice(0, SHOWN).map((m) => `${requestName(write(m))} then ${requestName(m.read)}: ${m.wrong.join('; ')}`);
  return listed.join('; ') + (mismatches.length > SHOWN ? `; and ${mismatches.length - SHOWN} more` : '');
}

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
      return failed(
        `${mismatches.length} read${mismatches.length === 1 ? '' : 's'} after an accepted PATCH show${mismatches.length === 1 ? 's' : ''} other values than were sent: ${shownMismatches(mismatches, (m) => m.patch)}`,
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

/** The entity a request addresses, whatever chain sent it: its path, letter case aside (Graph's paths ignore it). */
function entityKey(url: string): string | undefined {
  try {
    return new URL(url).pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The answers in the order they arrived (throttled attempts sent again left out): across chains, a write
 * that arrived before a read was sent before it wherever a suite waits for one before the other, which is
 * how every suite orders a create, its read and its PATCH. (answersOf's sending order is per chain.)
 */
const inArrivalOrder = (exchanges: readonly Exchange[]) => exchanges.filter((e) => !e.retried);

const isPlainGet = (e: Exchange) => e.request.method.toUpperCase() === 'GET' && !e.request.url.includes('?');
const isWrite = (e: Exchange) => ['PATCH', 'PUT', 'DELETE'].includes(e.request.method.toUpperCase());

/**
 * A create: a POST to a collection (not a link's `$ref`) a 2xx accepted with a JSON object body and an id;
 * the path of what it made, and the properties it sent.
 */
function createOf(e: Exchange): { key: string; sent: Record<string, unknown> } | undefined {
  if (e.request.method.toUpperCase() !== 'POST' || !ok(e)) return undefined;
  const collection = entityKey(e.request.url);
  if (collection === undefined || collection.endsWith('/$ref')) return undefined;
  const sent = jsonObject(e.request.body);
  const id = createdId(e);
  if (!sent || id === undefined) return undefined;
  return { key: `${collection}/${encodeURIComponent(id).toLowerCase()}`, sent };
}

/** A create whose read showed other values than it sent. */
export interface CreateMismatch {
  create: Exchange;
  read: Exchange;
  wrong: string[];
}

export interface CreateReadBacks {
  judged: number;
  mismatches: CreateMismatch[];
  /** Creates a 2xx accepted with an id that no plain read of what they made followed. */
  unread: Exchange[];
}

/**
 * Each accepted create held to the reads of what it made: the plain GETs of that entity, in any chain,
 * after the create and before the first write to it (the last of them is the verdict: a read that does not
 * show the create yet is read again). Properties the create left out are not compared (their defaults are
 * the service's); annotations are not properties.
 */
export function createReadBacksOf(exchanges: readonly Exchange[]): CreateReadBacks {
  const answers = inArrivalOrder(exchanges);
  const result: CreateReadBacks = { judged: 0, mismatches: [], unread: [] };
  answers.forEach((e, i) => {
    const made = createOf(e);
    if (!made) return;
    let read: Exchange | undefined;
    for (const later of answers.slice(i + 1)) {
      if (entityKey(later.request.url) !== made.key) continue;
      if (isWrite(later)) break;
      if (isPlainGet(later)) read = later;
    }
    if (!read) return void result.unread.push(e);
    result.judged++;
    const wrong = ok(read) ? differences(made.sent, jsonObject(read.response.body)) : [`the GET answered ${read.response.status}`];
    if (wrong.length > 0) result.mismatches.push({ create: e, read, wrong });
  });
  return result;
}

export const createReadBack: Check<UpdateReadBackSubject> = {
  id: 'create.read-back',
  operation: 'create',
  title: 'every accepted create reads back as sent',
  expectation:
    'after each create a 2xx accepted with an id, in any suite of the run and of every entity set, the plain GET of what it made (before any write to it) shows every property the create sent with the value sent, exactly (a read that answers 404 or does not show the create yet is read again, as the lifecycle does; properties the create left out are not compared)',
  provenBy: ['store-ascii-only', 'non-ascii-mangled', 'get-not-found-after-create', 'create-stores-names-empty'],
  profiles: GRAPH,
  decisions: ['read-back-exact'],
  overRun: true,
  run(subject): Verdict {
    const { judged, mismatches, unread } = createReadBacksOf(subject.exchanges);
    if (mismatches.length > 0) {
      return failed(
        `${mismatches.length} of ${judged} read${judged === 1 ? '' : 's'} after an accepted create show other values than were sent: ${shownMismatches(mismatches, (m) => m.create)}`,
        mismatches[0]!.wrong,
        mismatches[0]!.read,
      );
    }
    if (judged === 0) {
      if (subject.stoppedBecause) return notReached('read-back', subject.stoppedBecause);
      return unread.length > 0
        ? blocked('suite:not-sent', `${unread.length} accepted create${unread.length === 1 ? '' : 's'}, none read back (${requestName(unread[0]!)})`)
        : blocked('create.status', 'no create of the run was accepted (2xx with an id), so none could be read back');
    }
    return passed(
      `${judged} accepted create${judged === 1 ? '' : 's'} read back as sent${unread.length > 0 ? `; ${unread.length} written or deleted before any read (not judged)` : ''}`,
    );
  },
};

/** A PATCH after which a property it was not sent read back otherwise than it was before. */
export interface KeptMismatch {
  patch: Exchange;
  read: Exchange;
  wrong: string[];
}

/**
 * PATCH changes only what it was sent (decision update-partial): for each accepted PATCH of an entity whose
 * values the run knows (what its create sent, what earlier PATCHes sent, what a plain read showed since,
 * whatever chain sent them), the read after it in its own chain shows each property it was not sent as it
 * was. Only entities the run made are judged: of any other, what it held before is unknown.
 */
export function keptAfterPatchesOf(exchanges: readonly Exchange[]): { judged: number; mismatches: KeptMismatch[] } {
  const answers = inArrivalOrder(exchanges);
  const known = new Map<string, Record<string, unknown>>();
  const result = { judged: 0, mismatches: [] as KeptMismatch[] };
  answers.forEach((e, i) => {
    const made = createOf(e);
    if (made) return void known.set(made.key, { ...made.sent });
    const key = entityKey(e.request.url);
    const values = key === undefined ? undefined : known.get(key);
    if (key === undefined || !values) return;
    const method = e.request.method.toUpperCase();
    if (method === 'DELETE' && ok(e)) return void known.delete(key);
    if (isPlainGet(e) && ok(e)) {
      // What the store showed is what a later PATCH must keep (a create stored otherwise is create.read-back's).
      const read = jsonObject(e.response.body);
      if (read) for (const name of Object.keys(values)) if (name in read) values[name] = read[name];
      return;
    }
    if (method !== 'PATCH' || !ok(e)) return;
    const body = jsonObject(e.request.body);
    if (!body) return;
    const before = Object.fromEntries(Object.entries(values).filter(([name]) => !(name in body)));
    Object.assign(values, body);
    if (Object.keys(before).length === 0 || !e.tag) return;
    // The read after it in its own chain, before that chain writes the entity again; its last answer is the verdict.
    let read: Exchange | undefined;
    for (const later of answers.slice(i + 1)) {
      if (later.chain !== e.chain || entityKey(later.request.url) !== key) continue;
      if (isWrite(later)) break;
      if (isPlainGet(later)) read = later;
    }
    if (!read) return;
    result.judged++;
    const wrong = ok(read) ? differences(before, jsonObject(read.response.body), 'was') : [];
    if (wrong.length > 0) result.mismatches.push({ patch: e, read, wrong });
  });
  return result;
}

/** The failure of update.partial over the run, naming the PATCH, its read and the properties it changed unsent. */
export function keptFailure(mismatches: readonly KeptMismatch[]): Verdict | undefined {
  if (mismatches.length === 0) return undefined;
  const listed = mismatches
    .slice(0, SHOWN)
    .map(
      (m) =>
        `${requestName(m.patch)} sent ${Object.keys(jsonObject(m.patch.request.body) ?? {}).join(', ')}, then ${requestName(m.read)}: ${m.wrong.join('; ')}`,
    );
  const more = mismatches.length > SHOWN ? `; and ${mismatches.length - SHOWN} more` : '';
  return failed(
    `${mismatches.length} PATCH${mismatches.length === 1 ? '' : 'es'} changed properties not in their body (the update pages: properties not included "maintain their previous values"): ${listed.join('; ')}${more}`,
    mismatches[0]!.wrong,
    mismatches[0]!.read,
  );
}
