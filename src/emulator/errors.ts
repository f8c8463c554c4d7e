// Graph's errors for this API: status, code and message. Wording follows what Graph's front end (ODataLib) and
// the directory workload say where that is known; where it is not, the code is the status name in PascalCase.

export interface GraphError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const badRequest = (message: string): GraphError => ({ status: 400, code: 'BadRequest', message });

export const ERRORS = {
  unauthenticated: (): GraphError => ({
    status: 401,
    code: 'InvalidAuthenticationToken',
    message: 'Access token is empty.',
    headers: {
      // The challenge Graph sends with a 401.
      'WWW-Authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    },
  }),
  resourceNotFound: (id: string): GraphError => ({
    status: 404,
    code: 'Request_ResourceNotFound',
    message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  }),
  segmentNotFound: (segment: string): GraphError => ({
    status: 404,
    code: 'Request_ResourceNotFound',
    message: `Resource not found for the segment '${segment}'.`,
  }),
  methodNotAllowed: (allowed: readonly string[]): GraphError => ({
    status: 405,
    code: 'MethodNotAllowed',
    message: 'Specified HTTP method is not allowed for the request target.',
    headers: { Allow: allowed.join(', ') },
  }),
  unsupportedMediaType: (contentType: string | undefined): GraphError => ({
    status: 415,
    code: 'UnsupportedMediaType',
    message:
      contentType === undefined
        ? 'A Content-Type header is required; send the body as application/json.'
        : `The content type '${contentType}' is not supported; send the body as application/json.`,
  }),
  payloadTooLarge: (limit: number): GraphError => ({
    status: 413,
    code: 'RequestEntityTooLarge',
    message: `The request body exceeds the maximum size of ${limit} bytes.`,
  }),
  malformedJson: (): GraphError =>
    badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
  throttled: (status: 429 | 503, retryAfterSeconds: number): GraphError => ({
    status,
    code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
    message: status === 429 ? 'Too many requests; retry after the given delay.' : 'The service is temporarily unavailable; retry after the given delay.',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
  preconditionFailed: (): GraphError => ({
    status: 412,
    code: 'PreconditionFailed',
    message: 'The condition specified in the If-Match header does not match the current state of the resource.',
  }),
  internalServerError: (): GraphError => ({
    status: 500,
    code: 'InternalServerError',
    message: 'An internal server error occurred while processing the request.',
  }),
  badRequest,
} as const;

/** innerError.date: Graph writes UTC to the second, with neither fraction nor zone designator. */
export function innerErrorDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export interface Correlation {
  readonly requestId: string;
  readonly clientRequestId: string;
}

export function graphEnvelope(error: GraphError, correlation: Correlation, now: Date): unknown {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: innerErrorDate(now),
        'request-id': correlation.requestId,
        'client-request-id': correlation.clientRequestId,
      },
    },
  };
}

/** The shape a generic web framework would send; used only by the `error-envelope-not-graph` defect. */
export function plainEnvelope(error: GraphError): unknown {
  return { message: error.message };
}
