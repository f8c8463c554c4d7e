/**
 * Graph's conventions on every answer of the family (graph profile), judged on the contract suite's
 * exchanges, which send every operation: each response, errors included, carries Graph's correlation
 * headers (decision graph-headers-every-response), and a request for an id that does not exist, by GET,
 * PUT, PATCH or DELETE, answers 404 with Graph's error envelope (decision unknown-id-404).
 */
import type { Exchange } from '../client/exchange.js';
import { failed, GRAPH, notReached, passed, type Check, type Verdict } from './check.js';
import { afterRetries, answersOf, retriedNote, type DerivedSubject } from './derived.js';
import { checkClientRequestIdEcho, checkRequestId } from './http.js';
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
  const listed = failures.slice(0, SHOWN).map(({ e, message }) => `${e.request.method} ${e.operation ?? e.request.url}: ${message}`);
  const more = failures.length > SHOWN ? `; and ${failures.length - SHOWN} more` : '';
  return failed(`${failures.length} of ${judged.length} responses: ${listed.join('; ')}${more}`, failures.length, failures[0]!.e);
}

export const conventionsHeaders: Check<DerivedSubject> = {
  id: 'conventions.headers',
  operation: 'conventions',
  title: "every response carries Graph's request-id and echoes client-request-id",
  expectation: 'each response of every operation, errors included, has a request-id GUID and the client-request-id the request sent',
  provenBy: ['create-no-request-id', 'create-request-id-not-guid', 'create-client-request-id-not-echoed', 'errors-without-request-id'],
  profiles: GRAPH,
  decisions: ['graph-headers-every-response'],
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

export const CONVENTION_CHECKS: readonly Check<DerivedSubject>[] = [conventionsHeaders, conventionsNotFound];
