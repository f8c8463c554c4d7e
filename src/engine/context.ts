/**
 * What a suite receives: one object composed of three parts, each its own module —
 * - the target (target.ts): replay, a URL or live Graph, optionally recorded; set up when the suite
 *   starts and finished when it ends;
 * - the transport (transport.ts): the typed client and a raw `send` for requests the typed client cannot
 *   express (no token, malformed JSON, a wrong content type), `follow`/`linkTarget` for links, chains,
 *   client-request-ids, the run's throttle gate and retries;
 * - the clean-up register (cleanup.ts): what the suite created, deleted whatever happens;
 * and beside them the seeded faker, the slice and its validator.
 */
import { seededFaker } from '../../fixtures/factories/seeded-faker.js';
import type { Faker } from '@faker-js/faker';
import type { RunConfig } from '../config/run-config.js';
import { ThrottleGate } from '../client/throttle-gate.js';
import { loadSlice } from '../openapi/load.js';
import { validatorFor, type SpecValidator } from '../openapi/validator.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import { cleanupRegister, deleteCreated, type CleanupRegister, type LeftBehind } from './cleanup.js';
import { openTarget, suiteTarget, type SuiteTarget } from './target.js';
import { openTransport, type Transport } from './transport.js';

export { PROFILE_ID } from '../openapi/paths.js';
export type { SendOptions } from './transport.js';
export { consistencyDelaysMs, followable, requestGuid, retryPolicy } from './transport.js';

export interface SuiteContext extends Transport, CleanupRegister {
  config: RunConfig;
  /** Set when the run was interrupted: requests are refused, and nothing is recorded. */
  signal?: AbortSignal;
  /** Names the suite's recording. */
  name: string;
  /** What the suite's requests are built from: the recording's in replay, the run's otherwise. */
  seed: number;
  runId: string;
  faker: Faker;
  spec: OpenApiDocument;
  validator: SpecValidator;
  /** The target as the run's plan decided it. */
  target: SuiteTarget;
  /** Replay: true when the recording was made against another version of specs/openapi.yaml. */
  staleRecording: boolean;
  /** Ends the target: stops replay, or writes the recording (closeContext calls it). */
  finishTarget(): void;
}

/** What the run hands each suite: its target as planned, and the run's throttle gate. */
export interface ContextPlan {
  target?: SuiteTarget;
  gate?: ThrottleGate;
}

export async function openContext(
  config: RunConfig,
  name: string,
  signal?: AbortSignal,
  spec: OpenApiDocument = loadSlice(),
  plan: ContextPlan = {},
): Promise<SuiteContext> {
  const target = plan.target ?? suiteTarget(config, name);
  const opened = await openTarget(config, name, target);
  const transport = openTransport({
    config,
    suite: name,
    target,
    spec,
    gate: plan.gate ?? new ThrottleGate(config.throttleBudgetMs),
    ...(signal && { signal }),
    ...(opened.notTheTarget && { notTheTarget: opened.notTheTarget }),
  });
  return {
    ...transport,
    ...cleanupRegister(),
    config,
    ...(signal && { signal }),
    name,
    seed: target.seed,
    runId: target.runId,
    faker: seededFaker(target.seed),
    spec,
    validator: validatorFor(spec),
    target,
    staleRecording: target.stale,
    finishTarget: () => opened.finish(transport.exchanges, signal?.aborted ?? false),
  };
}

/**
 * Deletes what the suite created, then finishes the target (stops replay or writes the recording).
 * Never throws: it returns what it could not delete, with why, so the command can point to a sweep.
 */
export async function closeContext(ctx: SuiteContext): Promise<LeftBehind[]> {
  const left = await deleteCreated(ctx);
  try {
    ctx.finishTarget();
  } catch (error) {
    left.push({ id: '(recording)', why: `the recording could not be written: ${(error as Error).message}` });
  }
  // Replay creates nothing anywhere: a clean-up the recording does not hold leaves nothing behind.
  return ctx.config.target === 'replay' ? [] : left;
}
