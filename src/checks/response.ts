/**
 * Shared judgements on responses: the documented response for what came back, the body against its
 * schema (and a check factory for it), and the error answer to a request that must fail. The generic
 * status, media type and schema checks of every operation are derived in derived.ts.
 */
import type { Profile } from '../config/run-config.js';
import type { Exchange } from '../client/exchange.js';
import { documentedResponse, documentedStatuses, successResponse, type HttpMethod, type OpenApiDocument } from '../openapi/operations.js';
import type { SpecValidator, Validation } from '../openapi/validator.js';
import { BOTH, failed, judgedOn, notReached, PASSED, warned, type Check, type Stop, type Verdict } from './check.js';
import { parseJsonBody } from './http.js';

export interface Judged {
  spec: OpenApiDocument;
  validator: SpecValidator;
}

/** Where an exchange comes from in a subject: undefined when the step was never reached, with why. */
export type Pick<S> = (subject: S) => Exchange | undefined;

export interface ResponseCheckSpec<S> {
  id: string;
  operation: string;
  path: string;
  method: HttpMethod;
  pick: Pick<S>;
  /** Why pick found nothing (an earlier step failed). */
  missing?: (subject: S) => Stop | undefined;
  decisions?: readonly string[];
  /** Defects of the reference double that must fail the check. */
  provenBy: readonly string[];
}

function withExchange<S>(spec: ResponseCheckSpec<S>, subject: S, judge: (exchange: Exchange) => Verdict): Verdict {
  const exchange = spec.pick(subject);
  if (!exchange) return notReached(spec.operation, spec.missing?.(subject));
  return judgedOn(exchange, judge(exchange));
}

/** The explicit 2xx statuses the slice documents for the operation (`201`, or `200` and `204`). */
export function successStatuses(doc: OpenApiDocument, path: string, method: HttpMethod): string[] {
  return documentedStatuses(doc, path, method).filter((s) => s.startsWith('2'));
}

/**
 * The body validates against the schema documented for the status that came back. A status the
 * slice documents with no body (204) needs an empty body.
 */
export function bodySchemaCheck<S extends Judged>(spec: ResponseCheckSpec<S> & { title?: string; schemaName: string }): Check<S> {
  return {
    id: spec.id,
    operation: spec.operation,
    title: spec.title ?? `body matches the ${spec.schemaName} schema`,
    expectation: `the body validates against the slice's schema for the response (${spec.schemaName})`,
    profiles: BOTH,
    decisions: ['odata-annotations', 'allof-inheritance', 'inner-error-service-specific', ...(spec.decisions ?? [])],
    provenBy: spec.provenBy,
    run: (subject) => withExchange(spec, subject, (exchange) => judgeBody(subject, spec.path, spec.method, exchange)),
  };
}

export function judgeBody(subject: Judged, path: string, method: HttpMethod, exchange: Exchange): Verdict {
  const documented = responseFor(subject.spec, path, method, exchange);
  if (documented && !documented.schema && documented.mediaTypes.length === 0) {
    return exchange.response.body.trim() === ''
      ? PASSED
      : failed(`status ${exchange.response.status} is documented without a body, got ${exchange.response.body.slice(0, 120)}`);
  }
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok) return failed(parsed.message, exchange.response.body);
  if (!documented?.schema) return failed(`the slice documents no JSON body for status ${exchange.response.status}`);
  const validation = subject.validator.validateBounded(documented.schema, parsed.value);
  return validation.total === 0 ? PASSED : failed(violationsMessage(validation), validation);
}

/**
 * The violations, one after another; past the MAX_VIOLATIONS listed, how many more there are. A list of
 * 100,000 invalid items says so in a line, not in megabytes. The verdict's `actual` is the Validation,
 * so the engine keeps the listed violations and the total.
 */
export function violationsMessage({ violations, total }: Validation): string {
  const more = total - violations.length;
  return `${violations.map((v) => v.message).join('; ')}${more > 0 ? `; … and ${more.toLocaleString('en-US')} more` : ''}`;
}

/**
 * The documented response for the status that came back. A 2xx the slice does not document is judged
 * against the documented success, so a wrong status fails the status check alone, not the body checks too.
 */
export function responseFor(doc: OpenApiDocument, path: string, method: HttpMethod, exchange: Exchange) {
  const status = exchange.response.status;
  const documented = documentedResponse(doc, path, method, status);
  if (documented && (documented.key !== 'default' || status >= 400)) return documented;
  // Of several documented successes (PATCH: 200 with a body, 204 without), the one shaped like what came back.
  const successes = successStatuses(doc, path, method).map((s) => documentedResponse(doc, path, method, Number(s.replace('XX', '00')))!);
  const empty = exchange.response.body.trim() === '';
  return successes.find((r) => (r.schema === undefined) === empty) ?? successResponse(doc, path, method);
}

/** camelCase status descriptions Graph's guidelines ask top-level error codes to match. */
const STATUS_CODES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  409: 'conflict',
  415: 'unsupportedMediaType',
  422: 'unprocessableEntity',
  429: 'tooManyRequests',
};

export interface ErrorExpectation {
  /** Statuses Graph answers with (graph profile); the openapi profile accepts any documented 4xx. */
  statuses: readonly number[];
  path: string;
  method: HttpMethod;
}

/**
 * A request Graph refuses. graph: one of the expected statuses, with Graph's error envelope
 * ({error: {code, message}}), and a warning when the code is not the status in camelCase (Graph's
 * guidelines; real services send codes such as InvalidAuthenticationToken). openapi (only for valid
 * requests, such as an id never issued): a response the slice documents, whichever, with its body.
 */
export function judgeError(subject: Judged, profile: Profile, exchange: Exchange, expected: ErrorExpectation): Verdict {
  const { status } = exchange.response;
  if (profile === 'openapi') {
    // An id the target never issued is a valid request: the slice states that the answer is documented,
    // not which answer (a stateless mock's 200 with a valid body is as good as a 404 with the error body).
    const documented = documentedResponse(subject.spec, expected.path, expected.method, status);
    const byDefault = documented?.key === 'default';
    if (!documented || (byDefault && (status < 400 || status > 499)))
      return failed(`status ${status} is not documented for ${expected.method.toUpperCase()} ${expected.path}`, status);
    return judgeBody(subject, expected.path, expected.method, exchange);
  }
  if (!expected.statuses.includes(status)) return failed(`expected ${expected.statuses.join(' or ')}, got ${status}`, status);
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok) return failed(`expected Graph's error envelope: ${parsed.message}`, exchange.response.body);
  const error = (parsed.value as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown } | undefined;
  if (typeof error !== 'object' || error === null)
    return failed(`expected Graph's error envelope {"error": {"code", "message"}}, got ${exchange.response.body.slice(0, 160)}`);
  if (typeof error.code !== 'string' || error.code === '') return failed(`error.code must be a non-empty string, got ${JSON.stringify(error.code)}`);
  if (typeof error.message !== 'string' || error.message === '')
    return failed(`error.message must be a non-empty string, got ${JSON.stringify(error.message)}`);
  const envelope = subject.validator.validateBounded({ $ref: '#/components/schemas/microsoft.graph.ODataErrors.ODataError' }, parsed.value);
  if (envelope.total > 0) return failed(violationsMessage(envelope), envelope);
  const wanted = STATUS_CODES[status];
  if (wanted && error.code.toLowerCase() !== wanted.toLowerCase()) {
    return warned(`${status} with error code '${error.code}'; Graph's guidelines ask for '${wanted}'`);
  }
  return PASSED;
}
