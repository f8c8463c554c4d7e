/**
 * A run's plan, made once after its configuration is resolved and before anything is sent: which
 * suites and checks run (--shard, --only), the target each suite talks to, and, in replay, what the
 * recordings say — read once here: the seed and run id each suite replays, which recordings are stale,
 * each suite's cassette. It also makes what the run's suites share (the throttle gate, the hosts the
 * scrubber keeps). The engine and the contexts take all of it from here; nothing reads a recording again.
 */
import type { RunConfig } from '../config/run-config.js';
import { selectedBy } from '../checks/check.js';
import { sliceSha256 } from '../openapi/hash.js';
import { readRecordings, type RecordingRead } from '../engine/cassette.js';
import type { SuiteDefinition } from '../engine/definition.js';
import { planSuite, runShared, type RunShared, type SuitePlan } from '../engine/run-suite.js';
import { isStale } from '../engine/target.js';
import { SUITES } from '../../suites/index.js';

export interface PlannedSuite {
  definition: SuiteDefinition<never>;
  plan: SuitePlan;
}

export interface RunPlan {
  /**
   * The run's configuration as the engine sees it: the resolved one, with the recordings' seed and run
   * id in replay when every recording agrees on them (the report then shows those).
   */
  config: RunConfig;
  /** The suites that run, in the one list's order: those of the shard with a selected check. */
  suites: PlannedSuite[];
  /** Shared by every suite of the run. */
  shared: RunShared;
  /** The sha256 of the slice the run judges against. */
  sliceSha256: string;
  /** Replay: recordings (file names) made against another version of specs/openapi.yaml. */
  staleRecordings: string[];
}

export function planRun(config: RunConfig, all: readonly SuiteDefinition<never>[] = SUITES): RunPlan {
  const slice = sliceSha256();
  const recordings = config.target === 'replay' ? readRecordings(config.fixturesDir) : new Map<string, RecordingRead>();
  const { identity, stale } = whatRecordingsSay(recordings, slice);
  const effective = { ...config, ...identity };
  // The journal: every suite's answers, for the checks judged over the whole run once the suites end.
  const shared: RunShared = { ...runShared(effective), journal: [] };
  const suites = suitesOfShard(all, config.shard)
    .filter((s) => s.checks.some((c) => selectedBy(config.only, c.id)))
    .map((definition) => ({ definition, plan: planSuite(definition, effective, shared, recordings.get(definition.name), slice) }));
  return { config: effective, suites, shared, sliceSha256: slice, staleRecordings: stale };
}

/** `--shard i/n`: the i-th of n slices of the suites, in the one list's order; together they run each once. */
export function suitesOfShard<S>(all: readonly S[], shard: string | undefined): S[] {
  if (shard === undefined) return [...all];
  const [i, n] = shard.split('/').map(Number) as [number, number];
  return all.filter((_, index) => index % n === i - 1);
}

/**
 * In replay the recordings' seed and run id are the run's: the recorded bodies were built from them.
 * Recordings made by different runs keep their own, per suite; the report then shows the configured ones.
 */
function whatRecordingsSay(
  recordings: ReadonlyMap<string, RecordingRead>,
  slice: string,
): { identity: Partial<Pick<RunConfig, 'seed' | 'runId'>>; stale: string[] } {
  const identities = new Map<string, { seed: number; runId: string }>();
  const stale: string[] = [];
  for (const [name, { meta }] of recordings) {
    if (!meta) continue;
    if (typeof meta.seed === 'number' && typeof meta.runId === 'string') identities.set(`${meta.seed}/${meta.runId}`, { seed: meta.seed, runId: meta.runId });
    if (isStale(meta, slice)) stale.push(`${name}.json`);
  }
  return { identity: identities.size === 1 ? [...identities.values()][0]! : {}, stale };
}
