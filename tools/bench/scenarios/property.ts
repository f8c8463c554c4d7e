/**
 * Property mode: how many validated creates per second the suite's own machinery manages against the
 * local double (a faker body from the factory, POSTed through an openapi-fetch client built like the
 * suite's, its response validated), beside the raw rate of the same POST sent with undici alone, the
 * limit. Sequential, one request in flight, one kept-alive connection each; all on 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import { seededFaker } from '../../../fixtures/factories/seeded-faker.js';
import createClient from 'openapi-fetch';
import { Agent, request } from 'undici';
import type { paths } from '../../../generated/openapi.js';
import { connectorGroupCreateBody } from '../../../fixtures/factories/connector-group.js';
import { startSpawnedServer } from '../spawned-server.js';
import { fromRoot } from '../../../src/project-root.js';
import { GROUPS_PATH } from '../../../src/checks/create.js';
import { capturingFetch, type Exchange } from '../../../src/client/exchange.js';
import { PROFILE_ID } from '../../../src/engine/context.js';
import { loadSlice } from '../../../src/openapi/load.js';
import { successResponse } from '../../../src/openapi/operations.js';
import { validatorFor } from '../../../src/openapi/validator.js';
import { ratePerSecond, stats } from '../measure.js';
import type { Row } from '../table.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_BODY_BYTES } from '../../../src/config/run-config.js';

const BENCH_LIMITS = { timeoutMs: 30_000, maxBodyBytes: DEFAULT_MAX_BODY_BYTES };

import { GROUPS_URL_PATH as CREATE_URL } from '../../../src/openapi/paths.js';

export interface PropertyOptions {
  runs: number;
  /** Length of each timed loop (five loops per run). */
  sampleMs: number;
}

export async function propertyScenario({ runs, sampleMs }: PropertyOptions): Promise<Row[]> {
  // The emulator in a process of its own, as `npm run double` runs it: client and server do not share one event loop.
  const double = await startSpawnedServer('emulator', process.execPath, (host, port) => [
    fromRoot('src/cli/launch.mjs'),
    fromRoot('src/cli/conformance.ts'),
    'emulate',
    '--host',
    host,
    '--port',
    String(port),
  ]);
  const dispatcher = new Agent();
  try {
    // From the limit up to the suite's loop, one layer at a time, so that differences say what each costs.
    const loops = {
      raw: rawLoop(double.baseUrl, dispatcher),
      fetch: fetchLoop(double.baseUrl),
      capture: captureLoop(double.baseUrl),
      client: clientLoop(double.baseUrl),
      suite: suiteLoop(double.baseUrl),
    };
    // As the suite now sends property bodies: --concurrency creates in flight at once.
    const inFlight = DEFAULT_CONCURRENCY.url;
    const concurrent = suiteLoop(double.baseUrl, inFlight);
    const names = Object.keys(loops) as Array<keyof typeof loops>;
    // Warm-up: connections, JIT, the validator's compile.
    for (const name of names) await ratePerSecond(Math.min(500, sampleMs), loops[name]);
    const rates = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof loops, number[]>;
    const ratio: number[] = [];
    const concurrentRates: number[] = [];
    await ratePerSecond(Math.min(500, sampleMs), concurrent);
    for (let i = 0; i < runs; i++) {
      // Interleaved, so that a change in the machine's load affects every loop of a run alike.
      for (const name of names) rates[name].push(await ratePerSecond(sampleMs, loops[name]));
      concurrentRates.push(inFlight * (await ratePerSecond(sampleMs, concurrent)));
      ratio.push((100 * rates.suite[i]!) / rates.raw[i]!);
    }
    const perCreate = (name: keyof typeof loops) => stats(rates[name].map((r) => 1e6 / r));
    const median = (name: keyof typeof loops) => perCreate(name).median;
    const step = (from: keyof typeof loops, to: keyof typeof loops) => {
      const d = Math.round(median(to) - median(from));
      return `${d < 0 ? '-' : '+'}${Math.abs(d)} µs on the line above (medians)`;
    };
    const row = (subject: string, values: Row['stats'], unit: string, note?: string): Row => ({
      section: 'property',
      subject,
      stats: values,
      unit,
      ...(note && { note }),
    });
    return [
      row(
        `validated creates, ${inFlight} in flight (the suite's default)`,
        stats(concurrentRates),
        'creates/s',
        'goal ≥ 1,000/s; the double in a process of its own',
      ),
      row(
        'validated creates, one at a time (factory → openapi-fetch → validate)',
        stats(rates.suite),
        'creates/s',
        "client built like the suite's: capturingFetch, bearer, client-request-id middleware",
      ),
      row('raw: the same POST with undici.request', stats(rates.raw), 'creates/s', 'the limit (undici 7, one kept-alive connection)'),
      row('validated / raw', stats(ratio), '%', 'paired runs; shown, no longer a goal: the client stays openapi-fetch'),
      { section: 'property', subject: 'time per create, one layer added at a time:', text: '' },
      row('  undici.request (raw)', perCreate('raw'), 'µs'),
      row('  global fetch (WHATWG, Node 20 bundled undici)', perCreate('fetch'), 'µs', step('raw', 'fetch')),
      row('  capturingFetch (read the Request, copy, new Response)', perCreate('capture'), 'µs', `${step('fetch', 'capture')}; src/client/exchange.ts`),
      row('  openapi-fetch client + middleware, fixed body', perCreate('client'), 'µs', step('capture', 'client')),
      row('  + faker body, JSON.parse, validate (the suite loop)', perCreate('suite'), 'µs', step('client', 'suite')),
    ];
  } finally {
    await dispatcher.close();
    await double.close();
  }
}

/** The suite's create, validated: `inFlight` of them side by side per call. */
function suiteLoop(baseUrl: string, inFlight = 1): () => Promise<void> {
  const faker = seededFaker(7);
  const spec = loadSlice();
  const validator = validatorFor(spec);
  const schema = successResponse(spec, GROUPS_PATH, 'post')?.schema;
  if (!schema) throw new Error('the slice documents no create response schema');
  const client = createClient<paths>({
    baseUrl,
    fetch: capturingFetch(() => undefined, BENCH_LIMITS),
    headers: { Authorization: 'Bearer bench' },
  });
  client.use({
    onRequest({ request }) {
      if (!request.headers.has('client-request-id')) request.headers.set('client-request-id', faker.string.uuid());
      return request;
    },
  });
  const one = async () => {
    const body = connectorGroupCreateBody(faker, 'bench');
    const { response, data } = await client.POST(GROUPS_PATH, { params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID } }, body, parseAs: 'text' });
    const text = typeof data === 'string' ? data : '';
    if (response.status !== 201) throw new Error(`create answered ${response.status}: ${text.slice(0, 200)}`);
    const violations = validator.validate(schema, JSON.parse(text));
    if (violations.length > 0) throw new Error(`the double's create response is invalid: ${violations[0]!.message}`);
  };
  return inFlight === 1 ? one : async () => void (await Promise.all(Array.from({ length: inFlight }, one)));
}

function captureLoop(baseUrl: string): () => Promise<void> {
  const url = `${baseUrl}${CREATE_URL}`;
  const { body, headers } = sameRequest();
  const transport = capturingFetch(() => undefined, BENCH_LIMITS);
  return async () => {
    const response = await transport(new Request(url, { method: 'POST', headers, body }));
    const text = await response.text();
    if (response.status !== 201) throw new Error(`create answered ${response.status}: ${text.slice(0, 200)}`);
  };
}

function clientLoop(baseUrl: string): () => Promise<void> {
  const { body, headers } = sameRequest();
  const sent = JSON.parse(body) as { name: string; isDefault: false };
  let last: Exchange | undefined;
  const client = createClient<paths>({ baseUrl, fetch: capturingFetch((e) => (last = e), BENCH_LIMITS), headers: { Authorization: headers.authorization! } });
  client.use({
    onRequest({ request }) {
      if (!request.headers.has('client-request-id')) request.headers.set('client-request-id', headers['client-request-id']!);
      return request;
    },
  });
  return async () => {
    await client.POST(GROUPS_PATH, { params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID } }, body: sent, parseAs: 'text' });
    if (last?.response.status !== 201) throw new Error(`create answered ${last?.response.status}`);
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
