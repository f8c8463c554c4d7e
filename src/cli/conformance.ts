/**
 * `npm run conformance -- [options]`: resolves the run, checks the target can be reached, runs the
 * conformance suites through vitest, writes results.json and junit.xml, and exits 0/1/2 (CONTRACT.md).
 */
import path from 'node:path';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolveRunConfig, UsageError, type RunConfig } from '../config/run-config.js';
import { HELP } from './help.js';
import { summaryTable } from '../report/summary-table.js';

async function main(): Promise<number> {
  const { help, config } = resolveRunConfig(process.argv.slice(2), process.env, process.cwd());
  if (help) {
    process.stdout.write(HELP);
    return 0;
  }
  await preflight(config);
  // Loaded after the options are known good: vitest takes seconds to load, a usage error should not.
  const { runSuites } = await import('../runner/run-suites.js');
  const { results, files, exitCode } = await runSuites(config, (line) => process.stdout.write(`${line}\n`));
  const { passed, failed, skipped, warned, known, fixed } = results.summary;
  const baseline = known + fixed > 0 ? ` (baseline: ${known} known${fixed > 0 ? `, ${fixed} fixed — remove them from the baseline` : ''})` : '';
  process.stdout.write(
    `\n${summaryTable(results)}\n\n` +
      `${passed} passed, ${failed} failed, ${skipped} skipped, ${warned} warned${baseline}\n` +
      `${results.durationMs} ms; target ${config.target}, profile ${config.profile}, seed ${results.seed}${config.shard ? `, shard ${config.shard}` : ''}\n` +
      `reports: ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}\n`,
  );
  if (failed > known) process.stdout.write(`reproduce with --seed ${results.seed}\n`);
  if (exitCode === 2 && results.errors.length === 0) {
    process.stderr.write(`error: no check ran${config.only.length > 0 ? `; --only ${config.only.join(',')} matches no check id (ids look like create.status)` : ''}\n`);
  }
  return exitCode;
}

/** Configuration problems found before any suite starts, each with how to fix it. */
async function preflight(config: RunConfig): Promise<void> {
  if (config.target === 'replay') {
    if (!existsSync(config.fixturesDir) || !readdirSync(config.fixturesDir).some((f) => f.endsWith('.json'))) {
      throw new UsageError(`replay: no recordings in ${config.fixturesDir}; point --fixtures-dir at a folder of recordings, or record some with --base-url URL --record`);
    }
    if (config.seedGiven) {
      process.stderr.write(`note: replay uses the seed each recording was made with; --seed ${config.seed} applies to url and live runs\n`);
    }
    return;
  }
  if (config.record) mkdirSync(config.fixturesDir, { recursive: true });
  try {
    await fetch(config.baseUrl, { method: 'GET', signal: AbortSignal.timeout(Math.min(config.timeoutMs, 10_000)) });
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === 'TimeoutError' ? 'no answer within the timeout' : (err.cause?.code ?? err.cause?.message ?? err.message);
    throw new UsageError(`target unreachable: ${config.baseUrl} (${why}); start the mock or proxy, or fix --base-url / GRAPH_BASE_URL`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(2);
  },
);
