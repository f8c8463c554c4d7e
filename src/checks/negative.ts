/**
 * Requests that must fail, and how: Graph refuses a missing token with 401, an invalid body with 400, a
 * wrong media type with 415 (or 400), an unknown id with 404 — each with its error envelope. The openapi
 * profile asks only for a 4xx the slice documents, with the documented error body.
 */
import type { Exchange } from '../client/exchange.js';
import { BOTH, GRAPH, judgedOn, notReached, type Check } from './check.js';
import { GROUP_PATH, GROUPS_PATH } from './create.js';
import { judgeError, type ErrorExpectation, type Judged } from './response.js';

export type NegativeCase = 'noToken' | 'wrongType' | 'unknownEnum' | 'unknownProperty' | 'malformedJson' | 'wrongContentType' | 'unknownId';

export interface NegativeSubject extends Judged {
  cases: Partial<Record<NegativeCase, Exchange>>;
}

interface CaseSpec {
  id: string;
  title: string;
  expectation: string;
  error: ErrorExpectation;
  /** Defects of the reference double that must fail the check. */
  provenBy: readonly string[];
  /** The request is one the slice calls invalid: what a target answers is Graph's behaviour, not the slice's. */
  invalid?: string;
}

const onCreate = { path: GROUPS_PATH, method: 'post' as const };

const CASES: Record<NegativeCase, CaseSpec> = {
  noToken: {
    id: 'negative.auth.no-token',
    invalid: 'what a target answers to a request without a token (the slice describes only answers to valid requests)',
    title: 'refuses a request without a bearer token',
    expectation: 'create without Authorization: 401 with Graph’s error envelope',
    provenBy: ['auth-not-enforced', 'error-envelope-not-graph'],
    error: { statuses: [401], ...onCreate },
  },
  wrongType: {
    id: 'negative.body.wrong-type',
    invalid: 'what a target answers to a create body of the wrong type (the slice describes only answers to valid requests)',
    title: 'refuses a property of the wrong type',
    expectation: 'create with "name": 12 → 400 with Graph’s error envelope',
    provenBy: ['invalid-body-accepted', 'error-envelope-not-graph'],
    error: { statuses: [400], ...onCreate },
  },
  unknownEnum: {
    id: 'negative.body.unknown-enum',
    invalid: 'what a target answers to a create body outside an enum (the slice describes only answers to valid requests)',
    title: 'refuses a value outside an enum',
    expectation: 'create with "region": "atlantis" → 400 with Graph’s error envelope',
    provenBy: ['invalid-body-accepted', 'error-envelope-not-graph'],
    error: { statuses: [400], ...onCreate },
  },
  unknownProperty: {
    id: 'negative.body.unknown-property',
    invalid: 'what a target answers to a create body with a property connectorGroup does not have (the slice describes only answers to valid requests)',
    title: 'refuses a property connectorGroup does not have',
    expectation: 'create with "colour": "blue" → 400 with Graph’s error envelope',
    provenBy: ['invalid-body-accepted', 'error-envelope-not-graph'],
    error: { statuses: [400], ...onCreate },
  },
  malformedJson: {
    id: 'negative.body.malformed-json',
    invalid: 'what a target answers to a create body that is not JSON (the slice describes only answers to valid requests)',
    title: 'refuses malformed JSON',
    expectation: 'create with a truncated JSON body → 400 with Graph’s error envelope',
    provenBy: ['malformed-json-500', 'error-envelope-not-graph'],
    error: { statuses: [400], ...onCreate },
  },
  wrongContentType: {
    id: 'negative.content-type',
    invalid: 'what a target answers to a create body not declared as JSON (the slice describes only answers to valid requests)',
    title: 'refuses a body that is not declared as JSON',
    expectation: 'create with Content-Type text/plain → 415 (or 400) with Graph’s error envelope',
    provenBy: ['content-type-ignored', 'error-envelope-not-graph'],
    error: { statuses: [415, 400], ...onCreate },
  },
  unknownId: {
    id: 'negative.unknown-id',
    title: 'an unknown id is not found',
    expectation: 'GET …/connectorGroups/{unknown id} → 404 with Graph’s error envelope',
    provenBy: ['unknown-id-400', 'error-envelope-not-graph'],
    error: { statuses: [404], path: GROUP_PATH, method: 'get' },
  },
};

function negativeCheck(name: NegativeCase, spec: CaseSpec): Check<NegativeSubject> {
  return {
    id: spec.id,
    operation: 'negative',
    title: spec.title,
    expectation: spec.invalid ? spec.expectation : `${spec.expectation} (openapi profile: a documented response, whichever it is)`,
    profiles: spec.invalid ? GRAPH : BOTH,
    provenBy: spec.provenBy,
    ...(spec.invalid && { notStated: spec.invalid }),
    run(subject, profile) {
      const exchange = subject.cases[name];
      if (!exchange) return notReached(spec.id, undefined);
      return judgedOn(exchange, judgeError(subject, profile, exchange, spec.error));
    },
  };
}

export const NEGATIVE_CHECKS: readonly Check<NegativeSubject>[] = (Object.entries(CASES) as [NegativeCase, CaseSpec][]).map(([name, spec]) =>
  negativeCheck(name, spec),
);
