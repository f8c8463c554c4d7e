/**
 * Graph's conventions on every answer of the family (graph profile). Owned by the contract suite, which
 * sends every operation; the three that hold for any response are judged over every answer of the run
 * (Check.overRun: reads after writes, followed pages, refused bodies, whichever suite got them): each
 * response, errors included, carries Graph's correlation headers (decision graph-headers-every-response),
 * no two requests share a request-id (decision request-id-per-request), and every successful JSON payload
 * under minimal metadata carries its context URL (decision odata-context-minimal). A request for an id that
 * does not exist, by GET, PUT, PATCH or DELETE, answers 404 with Graph's error envelope (decision
 * unknown-id-404): the contract suite's own requests for unknown ids.
 */
import { shortRequestPath } from '../openapi/paths.js';
import type { Exchange } from '../client/exchange.js';
import { failed, GRAPH, notReached, passed, PASSED, skipped, type Check, type Verdict } from './check.js';
import { afterRetries, answersOf, retriedNote, type DerivedSubject } from './derived.js';
import { checkClientRequestIdEcho, checkRequestId, mediaType, parseJsonBody } from './http.js';
import { judgeError } from './response.js';
import { operationTable } from '../openapi/operation-table.js';

const SHOWN = 3;

function everyExchange(subject: DerivedSubject, select: (e: Exchange) => boolean, judge: (e: Exchange) => Verdict, none: string): Verdict {
  // Throttled attempts waited out and sent again are not answers: the attempt after each is judged.
  const judged = answersOf(subject.exchanges).filter(select);
  // Nothing to judge because create gave no group: blocked by create's check, never a pass.
  if (judged.length === 0) return subject.stoppedBecause ? notReached('requests that need the group', subject.stoppedBecause) : failed(none);
  const failures = judged.flatMap((e) => {
    const verdict = judge(e);
    return verdict.status === 'failed' ? [{ e, message: `${verdict.message}${afterRetries(e)}` }] : [];
  });
  // The throttled attempts of the requests judged: a retried attempt carries no expectation to select it by.
  const judgedIds = new Set(judged.map((e) => e.request.headers['client-request-id']));
  const throttled = retriedNote(subject.exchanges.filter((e) => e.retried && judgedIds.has(e.request.headers['client-request-id'])));
  if (failures.length === 0) return passed(`${judged.length} responses${throttled && `; ${throttled}`}`);
  // Named by path, query and chain step: over the whole run, an operation's name says too little.
  const listed = failures.slice(0, SHOWN).map(({ e, message }) => `${requestName(e)}: ${message}`);
  const more = failures.length > SHOWN ? `; and ${failures.length - SHOWN} more` : '';
  return failed(`${failures.length} of ${judged.length} responses: ${listed.join('; ')}${more}`, failures.length, failures[0]!.e);
}

export const conventionsHeaders: Check<DerivedSubject> = {
  id: 'conventions.headers',
  operation: 'conventions',
  title: "every response carries Graph's request-id and echoes client-request-id",
  expectation:
    'each response the run receives, of every operation and every suite, errors included, has a request-id GUID and the client-request-id the request sent',
  provenBy: ['create-no-request-id', 'create-request-id-not-guid', 'create-client-request-id-not-echoed', 'errors-without-request-id'],
  profiles: GRAPH,
  decisions: ['graph-headers-every-response'],
  overRun: true,
  run(subject) {
    return everyExchange(
      subject,
      () => true,
      (e) => {
        const id = checkRequestId(e);
        return id.status === 'failed' ? id : checkClientRequestIdEcho(e);
      },
      'the suite had no exchange to judge',
    );
  },
};

/** The methods whose request for an unknown id must be a 404 (a POST of a reference may also be a 400). */
const NOT_FOUND_METHODS = new Set(['GET', 'PUT', 'PATCH', 'DELETE']);

export const conventionsNotFound: Check<DerivedSubject> = {
  id: 'conventions.not-found',
  operation: 'conventions',
  title: "an unknown id is a 404 with Graph's error envelope, on every method",
  expectation:
    "every GET, PUT, PATCH or DELETE the contract suite sends for an id that does not exist (an application, its logo, a member) answers 404 with Graph's error envelope",
  provenBy: [
    'members-remove-unknown-204',
    'applications-get-unknown-200',
    'error-envelope-not-graph',
    'logo-get-server-error',
    'by-app-id-html',
    'logo-delete-unknown-400',
  ],
  profiles: GRAPH,
  decisions: ['unknown-id-404'],
  run(subject) {
    const table = new Map(operationTable(subject.spec).map((op) => [op.name, op]));
    return everyExchange(
      subject,
      (e) => e.expect === 'error' && NOT_FOUND_METHODS.has(e.request.method) && e.operation !== undefined && table.has(e.operation),
      (e) => {
        const op = table.get(e.operation!)!;
        return judgeError(subject, 'graph', e, { statuses: [404], path: op.path, method: op.method });
      },
      'the suite sent no request for an unknown id',
    );
  },
};

/** `GET …/connectorGroups/{id}?$select=name (main#3)`: a request a reader can find among the exchanges. */
function requestName(e: Exchange): string {
  let shown = e.request.url;
  try {
    const url = new URL(e.request.url);
    shown = decodeURIComponent(shortRequestPath(url.pathname)) + decodeURIComponent(url.search);
  } catch {
    // Not an absolute URL: shown as sent.
  }
  return `${e.request.method} ${shown}${e.tag ? ` (${e.tag})` : ''}`;
}

export const conventionsRequestIdDistinct: Check<DerivedSubject> = {
  id: 'conventions.request-id-distinct',
  operation: 'conventions',
  title: 'no two requests are answered with the same request-id',
  expectation:
    "each request of the run, in every suite, gets a request-id of its own, so the value names one request to Microsoft Support (a throttled attempt sent again is not judged; a missing request-id is conventions.headers' to judge)",
  provenBy: ['request-id-constant'],
  profiles: GRAPH,
  decisions: ['request-id-per-request'],
  overRun: true,
  run(subject) {
    // Throttled attempts waited out and sent again are not answers: only the attempt after each is judged.
    const judged = answersOf(subject.exchanges);
    if (judged.length === 0) {
      return subject.stoppedBecause ? notReached('requests that need the group', subject.stoppedBecause) : failed('the suite had no exchange to judge');
    }
    const first = new Map<string, Exchange>();
    const repeats: { value: string; earlier: Exchange; later: Exchange }[] = [];
    for (const e of judged) {
      const value = e.response.headers['request-id'];
      if (value === undefined) continue;
      // Compared as GUIDs are: letter case carries no meaning in one.
      const key = value.trim().toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, e);
      else repeats.push({ value, earlier, later: e });
    }
    const carried = judged.filter((e) => e.response.headers['request-id'] !== undefined).length;
    if (repeats.length === 0) return passed(`${carried} request-ids, all distinct`);
    const shared = new Set(repeats.map((r) => r.value.trim().toLowerCase())).size;
    const listed = repeats
      .slice(0, SHOWN)
      .map(({ value, earlier, later }) => `request-id ${JSON.stringify(value)} answered both ${requestName(earlier)} and ${requestName(later)}`);
    const more = repeats.length > SHOWN ? `; and ${repeats.length - SHOWN} more` : '';
    return failed(
      `${repeats.length} of ${carried} responses repeat the request-id of an earlier request (${shared} value${shared === 1 ? '' : 's'} shared): ${listed.join('; ')}${more}`,
      repeats[0]!.value,
      repeats[0]!.later,
    );
  },
};

/**
 * The odata.metadata level a JSON Content-Type declares (OData 4.01 also spells the parameter `metadata`);
 * minimal when it says none, OData JSON's default.
 */
function metadataLevel(contentType: string | undefined): string {
  for (const parameter of (contentType ?? '').split(';').slice(1)) {
    const [name, value] = parameter.split('=').map((part) => part.trim().toLowerCase());
    if ((name === 'odata.metadata' || name === 'metadata') && value) return value.replace(/^"|"$/g, '');
  }
  return 'minimal';
}

/** A 2xx JSON object whose Content-Type does not ask for metadata=none: an OData payload that owes its context URL. */
function owesContext(e: Exchange): boolean {
  const { status, headers } = e.response;
  if (status < 200 || status > 299 || mediaType(headers['content-type']) !== 'application/json') return false;
  if (metadataLevel(headers['content-type']) === 'none') return false;
  const parsed = parseJsonBody(e);
  // Bodies that are not JSON objects (a 204, $count's text, a bare array) are other checks' to judge.
  return parsed.ok && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value);
}

export const conventionsOdataContext: Check<DerivedSubject> = {
  id: 'conventions.odata-context',
  operation: 'conventions',
  title: 'every JSON payload under minimal metadata carries @odata.context',
  expectation:
    'each 2xx JSON object body the run receives, in every suite (an entity, a collection, a page reached by a next link, a value), whose Content-Type does not declare odata.metadata=none has an @odata.context string: OData JSON requires the context URL unless metadata=none',
  provenBy: ['odata-context-missing', 'count-json', 'update-200-invalid-body', 'applications-get-unknown-200', 'next-page-no-odata-context'],
  profiles: GRAPH,
  decisions: ['odata-context-minimal'],
  overRun: true,
  run(subject) {
    return everyExchange(
      subject,
      owesContext,
      (e) => {
        const body = (parseJsonBody(e) as { ok: true; value: Record<string, unknown> }).value;
        const context = body['@odata.context'] ?? body['@context'];
        if (typeof context === 'string' && context !== '') return PASSED;
        const level = metadataLevel(e.response.headers['content-type']);
        return failed(
          `${e.response.status} JSON body under odata.metadata=${level} has ${context === undefined ? 'no @odata.context' : `@odata.context ${JSON.stringify(context)}`} (keys: ${Object.keys(body).slice(0, 6).join(', ') || 'none'})`,
          context,
        );
      },
      'the suite received no successful JSON payload to judge',
    );
  },
};

export const conventionsErrorEnvelope: Check<DerivedSubject> = {
  id: 'conventions.error-envelope',
  operation: 'conventions',
  title: "every error answer is JSON in Graph's error envelope",
  expectation:
    'each 4xx or 5xx answer the run receives, in every suite, whatever the request (a throttled attempt waited out and sent again is not an answer), has Content-Type application/json and a body {"error": {"code", "message"}} with both non-empty strings, valid against the slice\'s ODataError (whether the status was the right one is the other rules\' to judge)',
  provenBy: ['error-envelope-not-graph', 'by-app-id-html'],
  profiles: GRAPH,
  decisions: ['error-envelope-every-response'],
  overRun: true,
  run(subject) {
    // A run every request of which succeeded has no error to judge: nothing wrong, nothing shown.
    if (!subject.stoppedBecause && !answersOf(subject.exchanges).some((e) => e.response.status >= 400))
      return skipped('every answer of the run was a success: no error answer to judge');
    return everyExchange(
      subject,
      (e) => e.response.status >= 400,
      (e) => {
        const type = mediaType(e.response.headers['content-type']);
        if (type !== 'application/json')
          return failed(
            `${e.response.status} with Content-Type ${type === undefined ? '(none)' : JSON.stringify(e.response.headers['content-type'])}, not application/json`,
            type,
          );
        // The status is judged by each request's own rule; path and method are read by the openapi profile only.
        const verdict = judgeError(subject, 'graph', e, { statuses: [e.response.status], path: '', method: 'get' });
        return verdict.status === 'failed' ? failed(`${e.response.status}: ${verdict.message}`, verdict.actual) : PASSED;
      },
      'the run received no error answer to judge',
    );
  },
};

export const CONVENTION_CHECKS: readonly Check<DerivedSubject>[] = [
  conventionsHeaders,
  conventionsNotFound,
  conventionsRequestIdDistinct,
  conventionsOdataContext,
  conventionsErrorEnvelope,
];
