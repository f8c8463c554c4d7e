/**
 * The generic checks every operation of the slice gets, derived from the operation table (as
 * Schemathesis derives its own): the documented status, the documented media type, the documented body
 * schema, and never a 5xx — the one rule beyond what the slice states. A new operation in the slice
 * gets all four with no code. Each judges every exchange of its operation in the suite that owns it.
 *
 * Each exchange carries what the request was meant to get (`expect`): `success` for a valid request on
 * something that exists (a documented 2xx), `error` for one on something that cannot exist (an unknown
 * id: a documented 4xx, graph profile only), `any` otherwise (a documented status of either kind).
 */
import { shortPath, shortRequestPath } from '../openapi/paths.js';
import type { Profile } from '../config/run-config.js';
import { inSendingOrder, type Exchange } from '../client/exchange.js';
import { loadDecisions } from '../openapi/decisions.js';
import type { TableOperation } from '../openapi/operation-table.js';
import { BOTH, failed, notReached, passed, PASSED, skipped, type Check, type Stop, type Verdict } from './check.js';
import { checkContentType } from './http.js';
import { judgeBody, responseFor, type Judged } from './response.js';
import { requiredPermission } from '../openapi/permissions.js';

export interface DerivedSubject extends Judged {
  /** Every exchange the suite had, each tagged with the operation it addressed. */
  exchanges: readonly Exchange[];
  /** Why requests that needed the suite's group were never sent. */
  stoppedBecause?: Stop;
  /** Operations the suite could not send at all, with why. */
  notSent: ReadonlyMap<string, string>;
  /** Operations not sent because a create they needed failed: what stopped each. */
  blocked?: ReadonlyMap<string, Stop>;
}

/** Decisions every body-schema judgement relies on (how the validator reads Graph's schemas). */
const SCHEMA_READING = ['odata-annotations', 'allof-inheritance', 'inner-error-service-specific'];

type Aspect = 'status' | 'header.content-type' | 'body.schema' | 'server-error';

/**
 * Decisions a derived check rests on beyond those every check of its aspect gets (SCHEMA_READING, and a
 * status narrowed by the slice): named per id, since each is about one operation's schema.
 */
const DECISIONS_BY_ID: Readonly<Record<string, readonly string[]>> = {
  'create.body.schema': ['region-nullable', 'connector-group-type-values'],
};

/**
 * Defects of the reference double that must fail a derived check. Where a defect breaks one aspect of
 * every operation of a kind, a rule over the operation table says so, and an operation of that kind added
 * to the slice is held to it with no edit here; the rest are specific to one operation, named by id.
 */
const PROOF_RULES: readonly { defect: string; aspects: readonly Aspect[]; applies: (op: TableOperation) => boolean }[] = [
  // Every $count segment: the double answers them all as JSON.
  { defect: 'count-json', aspects: ['header.content-type', 'body.schema'], applies: (op) => op.path.endsWith('/$count') },
  // Every operation documenting $top: the parameter crashes the double.
  { defect: 'query-top-server-error', aspects: ['status', 'server-error'], applies: (op) => op.query.some((q) => q.name === '$top') },
  // The contract suite can send these only for something that does not exist (an application, its logo, a
  // member), so every answer is an error, held to the slice's ODataError schema.
  { defect: 'error-envelope-not-graph', aspects: ['body.schema'], applies: (op) => ONLY_UNKNOWN.has(op.name) || isLinkWrite(op) },
];

/** Adding or removing a link (`…/$ref`): the contract suite's far end is always one that does not exist. */
const isLinkWrite = (op: TableOperation): boolean => op.method !== 'get' && op.path.endsWith('/$ref');

const ONLY_UNKNOWN = new Set([
  'applications.by-appId.get',
  'applications.by-uniqueName.get',
  'applications.get',
  'applications.item.logo.delete',
  'applications.item.logo.get',
  'applications.item.logo.put',
]);

const PROVEN_BY_ID: Readonly<Record<string, readonly string[]>> = {
  'create.status': ['create-status-200'],
  'create.header.content-type': ['create-content-type-text'],
  'create.body.schema': ['create-body-schema'],
  'get.status': ['get-status-203', 'get-not-found-after-create'],
  'get.header.content-type': ['get-content-type-text'],
  'get.body.schema': ['get-body-schema', 'select-breaks-schema'],
  'list.status': ['list-status-203'],
  'list.body.schema': ['list-body-schema'],
  'update.status': ['update-status-202'],
  'update.body.schema': ['update-200-invalid-body'],
  'delete.status': ['delete-status-200', 'delete-if-match-refused'],
  'count.status': ['count-server-error'],
  'count.server-error': ['count-server-error'],
  'members.list.body.schema': ['members-list-not-collection'],
  'members.ref.list.body.schema': ['members-ref-list-not-collection'],
  'members.ref.create.status': ['members-add-accepts-unknown'],
  'members.item.ref.delete.status': ['members-remove-unknown-204'],
  'applications.list.body.schema': ['applications-list-not-collection'],
  'applications.get.status': ['applications-get-unknown-200'],
  'applications.item.logo.get.status': ['logo-get-server-error'],
  'applications.item.logo.get.server-error': ['logo-get-server-error'],
  'applications.by-appId.get.header.content-type': ['by-app-id-html'],
  'applications.by-appId.get.body.schema': ['by-app-id-html'],
};

/** The defects that must fail a derived check: the rules' first, then the check's own. */
export function derivedProvenBy(op: TableOperation, aspect: Aspect): string[] {
  const id = `${op.name}.${aspect}`;
  const byRule = PROOF_RULES.filter((r) => r.aspects.includes(aspect) && r.applies(op)).map((r) => r.defect);
  return [...new Set([...(PROVEN_BY_ID[id] ?? []), ...byRule])];
}

export function derivedChecks(op: TableOperation): Check<DerivedSubject>[] {
  const where = `${op.method.toUpperCase()} ${shortPath(op.path)}`;
  const narrowing = narrowedBy(op);
  const check = (
    aspect: Aspect,
    title: string,
    expectation: string,
    judge: (e: Exchange, s: DerivedSubject, profile: Profile) => Verdict,
    extra: readonly string[] = [],
  ): Check<DerivedSubject> => {
    const id = `${op.name}.${aspect}`;
    const provenBy = derivedProvenBy(op, aspect);
    return {
      id,
      operation: op.name.split('.')[0]!,
      title,
      expectation,
      profiles: BOTH,
      decisions: [...new Set([...extra, ...(DECISIONS_BY_ID[id] ?? []), ...(aspect === 'status' ? narrowing : [])])],
      provenBy,
      // One judgement shared by every operation: proven where the double has a defect of it, on others.
      ...(provenBy.length === 0 && {
        unproven: `the ${aspect} judgement every operation shares is proven on other operations; the reference double has no defect of ${op.name}'s`,
      }),
      run: (subject, profile) => onEvery(op, subject, (e) => judge(e, subject, profile)),
    };
  };
  return [
    check(
      'status',
      `${where} answers with a documented status`,
      `a status ${where} documents (${op.statuses.join(', ')}; default only for a 4xx), a 2xx for a valid request on what exists, a 4xx for an unknown id (graph)`,
      judgeStatus(op),
    ),
    check(
      'header.content-type',
      `${where} declares the documented media type`,
      `the Content-Type documented for the status that came back (parameters such as odata.metadata and charset allowed)`,
      judgeMediaType(op),
    ),
    check(
      'body.schema',
      `${where} answers with a body of the documented schema`,
      `the body validates against the slice's schema for the status that came back`,
      judgeSchema(op),
      SCHEMA_READING,
    ),
    check('server-error', `${where} never answers 5xx`, 'no request the suite sends, with any documented query parameter, gets a 5xx', judgeServerError),
  ];
}

/**
 * The answers a check judges, in sending order: every exchange but the throttled attempts (429/503) that
 * were waited out and sent again. Such an attempt says the target throttled; the attempt after it answers.
 */
export function answersOf(exchanges: readonly Exchange[]): readonly Exchange[] {
  // Every derived check of a suite asks for the same list: sorted once per list (and its length, as a
  // suite's list only grows), not once per check.
  const known = answered.get(exchanges);
  if (known?.length === exchanges.length) return known.answers;
  const answers = inSendingOrder(exchanges).filter((e) => !e.retried);
  answered.set(exchanges, { length: exchanges.length, answers });
  return answers;
}

const answered = new WeakMap<readonly Exchange[], { length: number; answers: readonly Exchange[] }>();

/**
 * What a passing verdict says of the throttled attempts it did not judge (empty when there were none):
 * how many, and what they answered, so a pass after throttling is visible in the results.
 */
export function retriedNote(exchanges: readonly Exchange[]): string {
  const retried = exchanges.filter((e) => e.retried);
  if (retried.length === 0) return '';
  const statuses = [...new Set(retried.map((e) => e.response.status))].join(', ');
  return `${retried.length} throttled answer${retried.length === 1 ? '' : 's'} (${statuses}) waited out and sent again, not judged`;
}

/** Appended to a verdict on an answer that came after throttling was waited out: the attempts it took. */
export function afterRetries(exchange: Exchange): string {
  const n = exchange.retries ?? 0;
  return n > 0 ? ` (after ${n} throttled answer${n === 1 ? '' : 's'} waited out and sent again)` : '';
}

/** Judges each answer to the operation in turn; the first that fails is the check's verdict, named by its request. */
function onEvery(op: TableOperation, subject: DerivedSubject, judge: (e: Exchange) => Verdict): Verdict {
  const exchanges = answersOf(subject.exchanges).filter((e) => e.operation === op.name);
  if (exchanges.length === 0) {
    const why = subject.notSent.get(op.name);
    if (why !== undefined) return skipped(why);
    const stop = subject.blocked?.get(op.name) ?? subject.stoppedBecause;
    if (stop) return notReached(op.name, stop);
    return notReached(op.name, { why: 'the suite sent no request for it', blocker: 'suite:error' });
  }
  const notes: string[] = [];
  for (const exchange of exchanges) {
    const verdict = judge(exchange);
    if (verdict.status === 'failed' || verdict.status === 'warned') {
      return { ...verdict, message: `${requestLine(exchange)}: ${verdict.message}${afterRetries(exchange)}`, exchange: verdict.exchange ?? exchange };
    }
    if (verdict.status === 'passed' && verdict.note && !notes.includes(verdict.note)) notes.push(verdict.note);
  }
  const throttled = retriedNote(subject.exchanges.filter((e) => e.operation === op.name));
  const count = `${exchanges.length} request${exchanges.length === 1 ? '' : 's'}${throttled && `; ${throttled}`}`;
  return passed(notes.length > 0 ? `${notes.join('; ')} (${count})` : throttled ? count : undefined);
}

function judgeStatus(op: TableOperation) {
  const successes = op.statuses.filter((s) => s.startsWith('2'));
  return (exchange: Exchange, _subject: DerivedSubject, profile: Profile): Verdict => {
    const { status } = exchange.response;
    const expect = profile === 'openapi' && exchange.expect === 'error' ? 'any' : (exchange.expect ?? 'any');
    const explicit = op.statuses.some((s) => s === String(status) || (s.endsWith('XX') && s[0] === String(status)[0]));
    const byDefault = !explicit && status >= 400 && status < 500 && op.statuses.includes('default');
    if (!explicit && !byDefault) return failed(`status ${status} is not documented (documented: ${op.statuses.join(', ')}; default covers a 4xx only)`, status);
    if (expect === 'success' && !(status >= 200 && status < 300)) return failed(`expected ${successes.join(' or ')}, got ${status}${authHint(status)}`, status);
    if (expect === 'error' && status < 400) return failed(`expected a 4xx for a request on something that does not exist, got ${status}`, status);
    if (expect === 'success' && successes.length > 1) return passed(`the target answered ${status} (the slice allows ${successes.join(' or ')})`);
    return PASSED;
  };
}

function judgeMediaType(op: TableOperation) {
  return (exchange: Exchange, subject: DerivedSubject): Verdict => {
    if (exchange.response.body === '') return PASSED;
    const documented = responseFor(subject.spec, op.path, op.method, exchange)?.mediaTypes ?? [];
    if (documented.length === 0)
      return failed(
        `status ${exchange.response.status} is documented without a body, got ${exchange.response.body.length} bytes`,
        exchange.response.headers['content-type'],
      );
    return checkContentType(exchange, documented);
  };
}

function judgeSchema(op: TableOperation) {
  return (exchange: Exchange, subject: DerivedSubject): Verdict => {
    if (exchange.response.status >= 500) return PASSED; // the server-error check speaks for it
    const documented = responseFor(subject.spec, op.path, op.method, exchange);
    if (!documented) return PASSED; // the status check speaks for an undocumented status
    // A binary body (a logo) has no schema to hold it to.
    if (documented.mediaTypes.length > 0 && !documented.schema) return PASSED;
    return judgeBody(subject, op.path, op.method, exchange);
  };
}

function judgeServerError(exchange: Exchange): Verdict {
  const { status } = exchange.response;
  return status >= 500 ? failed(`answered ${status}: a server error is never a documented answer to a request the slice allows`, status) : PASSED;
}

/** `POST …/connectorGroups?$top=1`: the request as a reader of the report recognises it. */
function requestLine(exchange: Exchange): string {
  const url = new URL(exchange.request.url);
  return `${exchange.request.method} ${decodeURIComponent(shortRequestPath(url.pathname))}${decodeURIComponent(url.search)}`;
}

function authHint(status: number): string {
  if (status === 401) return ' (the token was refused: give a valid one in GRAPH_ACCESS_TOKEN, or credentials for @azure/identity)';
  if (status === 403) return ` (the token lacks the permission: ${requiredPermission()})`;
  return '';
}

/** The decisions that narrowed the operation's documented statuses in the slice: its status check rests on them. */
let decisions: ReturnType<typeof loadDecisions>['decisions'] | undefined;

function narrowedBy(op: TableOperation): string[] {
  decisions ??= loadDecisions().decisions;
  return decisions.filter((d) => d.slice?.some((e) => e.op === 'response-status' && e.path === op.path && e.method === op.method)).map((d) => d.id);
}
