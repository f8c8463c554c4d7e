// The defect catalogue. Names are a stable interface: the conformance suite's own tests refer to them.

export const DEFECT_DESCRIPTIONS = {
  'create-status-200': 'create answers 200 OK instead of 201 Created (headers and body unchanged)',
  'create-content-type-text': "create's response Content-Type is text/plain (body bytes unchanged)",
  'create-body-schema': 'create\'s response body has "connectorGroupType": 42 (a number where the schema wants a string enum)',
  'create-id-empty': 'create\'s response "id" is "" (the stored group keeps its real id)',
  'create-echo-name': 'create\'s response "name" differs from the name sent (upper-cased plus a suffix); the stored name is right',
  'create-no-request-id': "create's response lacks the request-id header (client-request-id still echoed)",
  'create-request-id-not-guid': "create's request-id header is present but not a GUID",
  'create-client-request-id-not-echoed': "create's client-request-id header is a fresh GUID instead of the one sent",
  'auth-not-enforced': 'requests without a bearer token are served as if authorised',
  'invalid-body-accepted':
    'create accepts schema-invalid bodies (wrong types, unknown enum values, unknown or missing properties) with 201; 415 and malformed JSON are still rejected',
  'error-envelope-not-graph': 'error responses carry {"message": …} instead of Graph\'s {"error": {code, message, innerError}} (status and headers unchanged)',
} as const satisfies Record<string, string>;

export type Defect = keyof typeof DEFECT_DESCRIPTIONS;

export const DEFECTS: readonly Defect[] = Object.freeze(Object.keys(DEFECT_DESCRIPTIONS) as Defect[]);

export function isDefect(name: string): name is Defect {
  return Object.hasOwn(DEFECT_DESCRIPTIONS, name);
}

/** The create-response defects, applied to an otherwise correct 201 — see create-defects.ts. */
export type CreateResponseDefect = Extract<Defect, `create-${string}`>;
