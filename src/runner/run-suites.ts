/** Drives vitest programmatically over suites/ for one resolved run, and assembles its results. */
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { startVitest } from 'vitest/node';
import type { RunConfig } from '../config/run-config.js';
import { PROJECT_ROOT } from '../project-root.js';
import { ProgressReporter } from '../report/progress-reporter.js';
import { blockedByWrongBaseUrl, everySelectedCheck } from './every-verdict.js';
import { InterruptGuard } from './interrupt-guard.js';
import { emptyCollected, exitCodeOf, summarise, writeResults, type RunResults } from '../report/results.js';
import { writeReport } from '../report/html.js';
import { sliceSha256 } from '../spec/hash.js';
import { allowTargetHost } from '../scrub/scrub.js';
import { decisionSummaries } from '../spec/decision-summaries.js';

export const SUITES_GLOB = 'suites/**/*.conformance.ts';

export interface SuiteRun {
  results: RunResults;
  files: string[];
  exitCode: 0 | 1 | 2;
  /** Groups suites created and could not delete, with why. */
  leftBehind: { id: string; why: string }[];
  /** Set when SIGINT/SIGTERM stopped the run: the command cleans up and exits 130. */
  interrupted?: NodeJS.Signals;
}

export async function runSuites(config: RunConfig, write: (line: string) => void): Promise<SuiteRun> {
  // What this process writes (results.json, report.html) keeps the target's own host readable.
  allowTargetHost(config.baseUrl);
  const replay = replayIdentity(config);
  const effective = { ...config, ...replay.identity };
  write(
    `graph-conformance: target ${effective.target} (${effective.baseUrl}), profile ${effective.profile}, ` +
      `seed ${effective.seed}, run ${effective.runId}${config.shard ? `, shard ${config.shard}` : ''}`,
  );
  if (replay.olderSlice.length > 0) {
    write(`note: ${replay.olderSlice.join(', ')} recorded against another version of specs/openapi.yaml; record again (--record) if checks disagree with it`);
  }
  const progress = new ProgressReporter(write, config.quiet);
  const guard = new InterruptGuard(write);
  const junitFile = path.join(config.reportDir, 'junit.xml');
  const startedAt = new Date();
  const vitest = await startVitest(
    'test',
    [],
    {
      root: PROJECT_ROOT,
      config: false,
      include: [SUITES_GLOB],
      watch: false,
      // Worker threads, and suite files sharing a worker's modules (faker, nock, the parsed slice, Ajv's
      // compiled validators): a fresh process per file loaded them again each time (npm run bench).
      pool: 'threads',
      isolate: false,
      passWithNoTests: true,
      provide: { conformance: effective },
      reporters: [guard, progress, ['junit', { suiteName: 'graph-conformance' }]],
      outputFile: { junit: junitFile },
      ...(config.shard !== undefined && { shard: config.shard }),
      // No limit per suite: each request has its own (--timeout), so a suite's time scales with its work
      // and a slow request is reported by name instead of a whole suite vanishing at a suite limit.
      testTimeout: 0,
      hookTimeout: 0,
    },
    { server: { watch: null } },
  );
  await vitest.close();
  guard.release();
  const collected = progress.collected ?? emptyCollected(['vitest reported no results']);
  const { errors, leftBehind } = collected;
  const checks = blockedByWrongBaseUrl(everySelectedCheck(collected, config, guard.signal, write), collected.answers, config, write);
  const results: RunResults = {
    target: effective.target,
    baseUrl: effective.baseUrl,
    profile: effective.profile,
    seed: effective.seed,
    runId: effective.runId,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    sliceSha256: sliceSha256(),
    summary: summarise(checks),
    ...(config.shard !== undefined && { shard: config.shard }),
    decisions: decisionSummaries(checks.flatMap((c) => c.decisions ?? [])),
    errors,
    checks,
  };
  const resultsFile = writeResults(config, results);
  const reportFile = writeReport(config, results);
  return { results, files: [resultsFile, junitFile, reportFile], exitCode: exitCodeOf(results), leftBehind, ...(guard.signal && { interrupted: guard.signal }) };
}

/**
 * In replay the recordings' seed and run id are the run's: the recorded bodies were built from them.
 * Recordings made by different runs keep their own, per suite; the report then shows the configured ones.
 */
function replayIdentity(config: RunConfig): { identity: Partial<Pick<RunConfig, 'seed' | 'runId'>>; olderSlice: string[] } {
  if (config.target !== 'replay') return { identity: {}, olderSlice: [] };
  const identities = new Map<string, { seed: number; runId: string }>();
  const olderSlice: string[] = [];
  const current = sliceSha256();
  for (const file of readdirSync(config.fixturesDir).filter((f) => f.endsWith('.json'))) {
    try {
      const meta = (JSON.parse(readFileSync(path.join(config.fixturesDir, file), 'utf8')) as { meta?: { seed?: unknown; runId?: unknown; sliceSha256?: unknown } }).meta;
      if (typeof meta?.seed === 'number' && typeof meta.runId === 'string') identities.set(`${meta.seed}/${meta.runId}`, { seed: meta.seed, runId: meta.runId });
      if (typeof meta?.sliceSha256 === 'string' && meta.sliceSha256 !== current) olderSlice.push(file);
    } catch {
      // An unreadable recording fails its own suite with a precise message.
    }
  }
  return { identity: identities.size === 1 ? [...identities.values()][0]! : {}, olderSlice };
}
