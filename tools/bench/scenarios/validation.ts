/**
 * What validating a response costs: the suite's validator (Ajv, in-process) on a real create response,
 * per call, against Prism's proxy in front of the same double (latency through the proxy minus direct
 * latency, per request). Prism validates every body on the slice (without --errors, so the 201 still
 * comes through).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { startEmulator } from '../../../src/emulator/index.js';
import { startPrism } from '../prism.js';
import { SLICE_FILE, loadSlice } from '../../../src/openapi/load.js';
import { successResponse, type OpenApiDocument } from '../../../src/openapi/operations.js';
import { validatorFor } from '../../../src/openapi/validator.js';
import { GROUPS_PATH } from '../../../src/checks/create.js';
import { repeat } from '../measure.js';
import type { Row } from '../table.js';

import { GROUPS_URL_PATH as CREATE_URL } from '../../../src/openapi/paths.js';
const CALLS_PER_RUN = 5000;
const REQUESTS_PER_RUN = 100;

export async function validationScenario(runs: number): Promise<Row[]> {
  const double = await startEmulator();
  try {
    const created = await post(double.baseUrl);
    if (created.status !== 201) throw new Error(`the double answered ${created.status} to a create`);
    const body = JSON.parse(created.body) as unknown;

    // Once per process: parse the slice, register its schemas with Ajv, compile the connectorGroup
    // validator. A fresh parse, so that nothing another scenario loaded is reused.
    const parseStarted = performance.now();
    const spec = parse(readFileSync(SLICE_FILE, 'utf8')) as OpenApiDocument;
    const parseMs = performance.now() - parseStarted;
    const schema = successResponse(spec, GROUPS_PATH, 'post')?.schema;
    if (!schema) throw new Error('the slice documents no create response schema');
    const setupStarted = performance.now();
    const validator = validatorFor(spec);
    if (validator.validate(schema, body).length > 0) throw new Error("the double's create response does not validate");
    const setupMs = performance.now() - setupStarted;
    const cached = validatorFor(spec) === validator && validatorFor(loadSlice()) === validatorFor(loadSlice());

    // Distinct objects, as real responses are: the double's body with a different id and name each.
    const bodies = Array.from({ length: CALLS_PER_RUN }, (_, i) => ({
      ...(body as Record<string, unknown>),
      id: `bench-${i}`,
      name: `conformance-bench-${i}`,
    }));
    const perCall = await repeat({ runs, warmup: 1 }, async () => {
      let invalid = 0;
      const started = performance.now();
      for (const b of bodies) invalid += validator.validate(schema, b).length;
      const us = ((performance.now() - started) * 1000) / CALLS_PER_RUN;
      if (invalid > 0) throw new Error('a copy of the double’s create response does not validate');
      return us;
    });

    const rows: Row[] = [
      {
        section: 'validation',
        subject: 'suite validator, per response (in-process)',
        stats: perCall,
        unit: 'µs',
        note:
          `validate() on the double's create body; once per process: YAML ${parseMs.toFixed(0)} ms, ` +
          `Ajv set-up + compile + first call ${setupMs.toFixed(0)} ms (${cached ? 'cached per document: WeakMap' : 'NOT cached'})`,
      },
    ];

    for (const [label, file, note] of [
      ['prism proxy specs/openapi.yaml', SLICE_FILE, 'validates; reports @odata.context in sl-violations (no --errors, so the 201 comes through)'],
    ] as const) {
      const prism = await startPrism(['proxy', file, double.baseUrl]);
      try {
        const added = await repeat({ runs, warmup: 1 }, async () => {
          const direct = await meanLatencyMs(double.baseUrl);
          const proxied = await meanLatencyMs(prism.baseUrl);
          return (proxied - direct) * 1000;
        });
        rows.push({ section: 'validation', subject: `${label}, added latency per request`, stats: added, unit: 'µs', note });
      } finally {
        await prism.close();
      }
    }
    return rows;
  } finally {
    await double.close();
  }
}

async function post(baseUrl: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${baseUrl}${CREATE_URL}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench', 'client-request-id': '5b1e3c4d-2f6a-4b7c-8d9e-0a1b2c3d4e5f' },
    body: JSON.stringify({ name: 'conformance-bench-validation', isDefault: false, region: 'eur' }),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** Mean wall time of sequential creates, one connection kept alive (fetch's default). */
async function meanLatencyMs(baseUrl: string): Promise<number> {
  await post(baseUrl);
  const started = performance.now();
  for (let i = 0; i < REQUESTS_PER_RUN; i++) {
    const { status } = await post(baseUrl);
    if (status !== 201) throw new Error(`${baseUrl} answered ${status} to a create`);
  }
  return (performance.now() - started) / REQUESTS_PER_RUN;
}
