/**
 * Property mode: how many validated creates per second the suite's own machinery manages against the
 * local double (a faker body from the factory, POSTed through an openapi-fetch client built like the
 * suite's, its response validated), beside the raw rate of the same POST sent with undici alone, the
 * limit. Sequential, one request in flight, one kept-alive connection each; all on 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import { Faker, base, en } from '@faker-js/faker';
import createClient from 'openapi-fetch';
import { Agent, request } from 'undici';
import type { paths } from '../../../generated/openapi.js';
import { connectorGroupCreateBody } from '../../../fixtures/factories/connector-group.js';
import { startDouble } from '../../../test/double/server.js';
import { GROUPS_PATH } from '../../checks/create.js';
import { capturingFetch, type Exchange } from '../../client/exchange.js';
import { PROFILE_ID } from '../../runtime/context.js';
import { loadSlice } from '../../spec/load.js';
import { successResponse } from '../../spec/operations.js';
import { validatorFor } from '../../spec/validator.js';
import { ratePerSecond, stats } from '../measure.js';
import type { Row } from '../table.js';

const CREATE_URL = `/onPremisesPublishingProfiles/${PROFILE_ID}/connectorGroups`;

export interface PropertyOptions {
  runs: number;
  /** Length of each timed loop. */
  sampleMs: number;
}

export async function propertyScenario({ runs, sampleMs }: PropertyOptions): Promise<Row[]> {
  const double = await startDouble();
  const dispatcher = new Agent();
  try {
    const suite = suiteLoop(double.baseUrl);
    const raw = rawLoop(double.baseUrl, dispatcher);
    const plainFetch = fetchLoop(double.baseUrl);
    // Warm-up: connections, JIT, the validator's compile.
    for (const loop of [raw, suite, plainFetch]) await ratePerSecond(Math.min(500, sampleMs), loop);
    const rates = { suite: [] as number[], raw: [] as number[], fetch: [] as number[], ratio: [] as number[] };
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that a change in the machine's load affects both sides of a ratio alike.
      const r = await ratePerSecond(sampleMs, raw);
      const s = await ratePerSecond(sampleMs, suite);
      const f = await ratePerSecond(sampleMs, plainFetch);
      rates.raw.push(r);
      rates.suite.push(s);
      rates.fetch.push(f);
      rates.ratio.push((100 * s) / r);
    }
    return [
      {
        section: 'property',
        subject: 'validated creates (factory → openapi-fetch → validate)',
        stats: stats(rates.suite),
        unit: 'creates/s',
        note: "client built like the suite's: capturingFetch, bearer, client-request-id middleware",
      },
      { section: 'property', subject: 'raw: the same POST with undici.request', stats: stats(rates.raw), unit: 'creates/s', note: 'the limit' },
      { section: 'property', subject: '  for reference: the same POST with global fetch', stats: stats(rates.fetch), unit: 'creates/s', note: "Node's bundled undici, what openapi-fetch calls" },
      { section: 'property', subject: 'validated / raw', stats: stats(rates.ratio), unit: '%', note: 'paired runs; goal ≥ 50%' },
    ];
  } finally {
    await dispatcher.close();
    await double.close();
  }
}

function suiteLoop(baseUrl: string): () => Promise<void> {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(7);
  const spec = loadSlice();
  const validator = validatorFor(spec);
  const schema = successResponse(spec, GROUPS_PATH, 'post')?.schema;
  if (!schema) throw new Error('the slice documents no create response schema');
  let last: Exchange | undefined;
  const client = createClient<paths>({
    baseUrl,
    fetch: capturingFetch((e) => (last = e), 30_000),
    headers: { Authorization: 'Bearer bench' },
  });
  client.use({
    onRequest({ request }) {
      if (!request.headers.has('client-request-id')) request.headers.set('client-request-id', faker.string.uuid());
      return request;
    },
  });
  return async () => {
    const body = connectorGroupCreateBody(faker, 'bench');
    await client.POST(GROUPS_PATH, { params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID } }, body, parseAs: 'text' });
    const exchange = last!;
    if (exchange.response.status !== 201) throw new Error(`create answered ${exchange.response.status}: ${exchange.response.body.slice(0, 200)}`);
    const violations = validator.validate(schema, JSON.parse(exchange.response.body));
    if (violations.length > 0) throw new Error(`the double's create response is invalid: ${violations[0]!.message}`);
  };
}

function sameRequest(): { body: string; headers: Record<string, string> } {
  return {
    body: JSON.stringify({ name: 'conformance-bench-raw-blue-kite', isDefault: false, region: 'eur' }),
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench', 'client-request-id': randomUUID() },
  };
}

function rawLoop(baseUrl: string, dispatcher: Agent): () => Promise<void> {
  const url = `${baseUrl}${CREATE_URL}`;
  const { body, headers } = sameRequest();
  return async () => {
    const response = await request(url, { method: 'POST', headers, body, dispatcher });
    const text = await response.body.text();
    if (response.statusCode !== 201) throw new Error(`create answered ${response.statusCode}: ${text.slice(0, 200)}`);
  };
}

function fetchLoop(baseUrl: string): () => Promise<void> {
  const url = `${baseUrl}${CREATE_URL}`;
  const { body, headers } = sameRequest();
  return async () => {
    const response = await fetch(url, { method: 'POST', headers, body });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`create answered ${response.status}: ${text.slice(0, 200)}`);
  };
}

