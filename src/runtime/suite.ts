/**
 * Turns a list of checks into a vitest suite: the subject (one exchange with the target) is produced
 * once per operation, then each selected check becomes one test named by its id. The target — replay
 * from a cassette, or a live URL, optionally recorded — is set up here and nowhere else.
 */
import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import { Faker, base, en } from '@faker-js/faker';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import type { RunConfig } from '../config/run-config.js';
import { selectedBy, type Check } from '../checks/check.js';
import { capturingFetch, TransportError, type Exchange } from '../client/exchange.js';
import { loadSlice } from '../spec/load.js';
import { validatorFor, type SpecValidator } from '../spec/validator.js';
import type { OpenApiDocument } from '../spec/operations.js';
import { scrubExchange, scrubRequest } from '../scrub/scrub.js';
import { readCassette, REFERENCE_DOUBLE_HEADER, writeCassette, type RecordingSource } from './cassette.js';
import { cassetteOf } from './record.js';
import { sliceSha256 } from '../spec/hash.js';

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: RunConfig;
  }
  export interface TaskMeta {
    check?: CheckMeta;
  }
}

/** What a check's test hands to the reporters beside its pass/fail state. */
export interface CheckMeta {
  id: string;
  operation: string;
  title: string;
  expectation: string;
  decisions: readonly string[];
  status?: 'passed' | 'failed' | 'warned';
  message?: string;
  evidence?: { request: Exchange['request']; response?: Exchange['response'] };
}

export interface SuiteContext {
  config: RunConfig;
  operation: string;
  seed: number;
  runId: string;
  faker: Faker;
  spec: OpenApiDocument;
  validator: SpecValidator;
  client: Client<paths>;
  /** Every exchange of this suite so far, oldest first. */
  exchanges: readonly Exchange[];
  lastExchange(): Exchange;
}

export interface SuiteDefinition<Subject extends { exchange: Exchange }> {
  operation: string;
  checks: readonly Check<Subject>[];
  produce(ctx: SuiteContext): Promise<Subject>;
  /** Deletes what produce created; runs whether checks passed or failed. */
  cleanup?(ctx: SuiteContext, subject: Subject): Promise<void>;
}

export function conformanceSuite<Subject extends { exchange: Exchange }>(definition: SuiteDefinition<Subject>): void {
  const config = inject('conformance');
  const selected = definition.checks.filter((c) => selectedBy(config.only, c.id));
  if (selected.length === 0) return;

  describe(definition.operation, () => {
    let ctx: SuiteContext | undefined;
    let subject: Subject | undefined;
    let setupError: unknown;

    beforeAll(async () => {
      ctx = await prepareTarget(config, definition.operation);
      try {
        subject = await definition.produce(ctx);
      } catch (error) {
        setupError = error;
      }
    });

    afterAll(async () => {
      try {
        if (ctx && subject && definition.cleanup) await definition.cleanup(ctx, subject);
      } finally {
        if (ctx) await finishTarget(ctx);
      }
    });

    for (const check of selected) {
      test(check.id, (t) => {
        const meta: CheckMeta = {
          id: check.id,
          operation: check.operation,
          title: check.title,
          expectation: check.expectation,
          decisions: check.decisions ?? [],
        };
        t.task.meta.check = meta;
        if (!check.profiles.includes(config.profile)) {
          t.skip(`${check.profiles.join('/')} profile only; this run uses --profile ${config.profile}`);
          return;
        }
        if (setupError !== undefined || subject === undefined) {
          const error = setupError instanceof Error ? setupError : new Error(String(setupError ?? 'the suite produced nothing to check'));
          Object.assign(meta, { status: 'failed', message: error.message });
          if (error instanceof TransportError) meta.evidence = { request: scrubRequest(error.request) };
          throw error;
        }
        const verdict = check.run(subject);
        meta.status = verdict.status;
        if (verdict.status === 'passed') return;
        meta.message = verdict.message;
        meta.evidence = scrubExchange(subject.exchange);
        if (verdict.status === 'failed') throw new CheckFailed(`${check.id}: ${verdict.message}`);
      });
    }
  });
}

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

async function prepareTarget(config: RunConfig, operation: string): Promise<SuiteContext> {
  let seed = config.seed;
  let runId = config.runId;
  if (config.target === 'replay') {
    const cassette = readCassette(config.fixturesDir, operation);
    // The recorded requests were built from this seed; replaying them needs the same bodies.
    seed = cassette.meta.seed;
    runId = cassette.meta.runId;
    // Loaded only here: importing nock patches fetch for the whole process (see record.ts).
    const { installReplay } = await import('./replay.js');
    installReplay(cassette, config.baseUrl);
  }
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  const exchanges: Exchange[] = [];
  const client = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: capturingFetch((e) => exchanges.push(e), config.timeoutMs),
    headers: config.token ? { Authorization: `Bearer ${config.token}` } : {},
  });
  const spec = loadSlice();
  return {
    config,
    operation,
    seed,
    runId,
    faker,
    spec,
    validator: validatorFor(spec),
    client,
    exchanges,
    lastExchange() {
      const last = exchanges.at(-1);
      if (!last) throw new Error('no request has been sent yet');
      return last;
    },
  };
}

async function finishTarget(ctx: SuiteContext): Promise<void> {
  const { config } = ctx;
  if (config.target === 'replay') {
    const { stopReplay } = await import('./replay.js');
    stopReplay();
    return;
  }
  if (!config.record) return;
  const source = recordingSource(config, ctx.exchanges);
  const cassette = cassetteOf(ctx.exchanges, config.baseUrl, {
    operation: ctx.operation,
    source,
    target: config.target === 'live' ? 'live' : 'url',
    recordedAt: new Date().toISOString(),
    sliceSha256: sliceSha256(),
    seed: ctx.seed,
    runId: ctx.runId,
    profile: config.profile,
    note: SOURCE_NOTES[source],
  });
  writeCassette(config.fixturesDir, cassette);
}

/** The project's reference double says so in a header; only `live` recordings come from Graph. */
function recordingSource(config: RunConfig, exchanges: readonly Exchange[]): RecordingSource {
  if (exchanges.some((e) => e.response.headers[REFERENCE_DOUBLE_HEADER] !== undefined)) return 'reference-double';
  return config.target === 'live' ? 'graph-tenant' : 'url-target';
}

const SOURCE_NOTES: Record<RecordingSource, string> = {
  'reference-double': "Recorded against graph-conformance's own reference double (test/double), not against Microsoft Graph.",
  'graph-tenant': 'Recorded against Microsoft Graph with a real tenant; scrubbed before writing.',
  'url-target': 'Recorded against a URL target (a mock, emulator or proxy), not against Microsoft Graph.',
};
