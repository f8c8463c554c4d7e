/**
 * What a run checks before any suite starts — the folders it writes, the recordings or the target, the
 * token — each problem a usage error saying how to fix it (exit 2), so a broken setup never reaches a verdict.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { UsageError, type RunConfig } from '../config/run-config.js';

/** A folder the run will write into, made if missing; one that cannot be written is a usage error naming it. */
export function writableDir(dir: string, option: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    throw new UsageError(`${option}: cannot write to ${dir} (${err.code ?? err.message}); choose a folder this user can write`);
  }
}


export async function preflight(config: RunConfig): Promise<void> {
  if (config.target === 'replay') {
    if (!existsSync(config.fixturesDir) || !readdirSync(config.fixturesDir).some((f) => f.endsWith('.json'))) {
      throw new UsageError(`replay: no recordings in ${config.fixturesDir}; point --fixtures-dir at a folder of recordings, or record some with --base-url URL --record`);
    }
    if (config.seedGiven) {
      process.stderr.write(`note: replay uses the seed each recording was made with; --seed ${config.seed} applies to url and live runs\n`);
    }
    const { interceptionProblem } = await import('../runtime/interception-check.js');
    const problem = await interceptionProblem(config.baseUrl);
    if (problem) {
      throw new UsageError(
        `replay cannot run offline: the interceptor (nock) does not see the fetch the client uses: ${problem}. ` +
          'The likely cause: the fetch implementation changed under the interceptor (a Node or undici upgrade, or a module ' +
          `replacing globalThis.fetch). No suite ran: only the probe left the process, addressed to ${new URL(config.baseUrl).host}.`,
      );
    }
    return;
  }
  if (config.record) writableDir(config.fixturesDir, '--fixtures-dir / CONFORMANCE_FIXTURES_DIR');
  if (config.target === 'live' && config.token === undefined) {
    const { acquireToken } = await import('../auth/token.js');
    config.token = await acquireToken();
  }
  try {
    // Reachability, not speed: a slow target gets its verdicts from --timeout per request later.
    await fetch(config.baseUrl, { method: 'GET', signal: AbortSignal.timeout(Math.min(Math.max(config.timeoutMs, 2_000), 10_000)) });
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === 'TimeoutError' ? 'no answer within the timeout' : (err.cause?.code ?? err.cause?.message ?? err.message);
    throw new UsageError(`target unreachable: ${config.baseUrl} (${why}); start the mock or proxy, or fix --base-url / GRAPH_BASE_URL`);
  }
}

