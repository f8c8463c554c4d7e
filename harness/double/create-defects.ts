// Known-bad variants of the successful create response. Each starts from the correct 201 and changes one
// thing, so a conformance check that fails against it can only be failing for that one reason. Error answers
// to create are left alone: they belong to other checks.
import type { CreateResponseDefect, Defect } from './defects.js';
import { newGuid } from './ids.js';
import { headerKey, TEXT_CONTENT_TYPE, type Reply } from './response.js';

function editBody(reply: Reply, edit: (body: Record<string, unknown>) => void): void {
  const body = JSON.parse(reply.body ?? '{}') as Record<string, unknown>;
  edit(body);
  reply.body = JSON.stringify(body); // key order survives the round trip
}

function setHeader(reply: Reply, name: string, value: string | undefined): void {
  const key = headerKey(reply.headers, name) ?? name;
  if (value === undefined) delete reply.headers[key];
  else reply.headers[key] = value;
}

/** Unique per response like a real request-id, but with no GUID shape at all. */
const notAGuid = (): string => `req_${newGuid().replaceAll('-', '').slice(0, 20)}`;

const TRANSFORMS: Readonly<Record<CreateResponseDefect, (reply: Reply) => void>> = {
  'create-status-200': (reply) => {
    reply.status = 200;
  },
  'create-content-type-text': (reply) => setHeader(reply, 'Content-Type', TEXT_CONTENT_TYPE),
  'create-body-schema': (reply) =>
    editBody(reply, (body) => {
      body['connectorGroupType'] = 42;
    }),
  'create-id-empty': (reply) =>
    editBody(reply, (body) => {
      body['id'] = '';
    }),
  'create-echo-name': (reply) =>
    editBody(reply, (body) => {
      body['name'] = `${String(body['name']).toUpperCase()} (renamed)`;
    }),
  'create-no-request-id': (reply) => setHeader(reply, 'request-id', undefined),
  'create-request-id-not-guid': (reply) => setHeader(reply, 'request-id', notAGuid()),
  'create-client-request-id-not-echoed': (reply) => setHeader(reply, 'client-request-id', newGuid()),
};

export function applyCreateDefects(reply: Reply, defects: ReadonlySet<Defect>): Reply {
  for (const [defect, transform] of Object.entries(TRANSFORMS) as [CreateResponseDefect, (reply: Reply) => void][]) {
    if (defects.has(defect)) transform(reply);
  }
  return reply;
}
