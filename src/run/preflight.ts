/**
 * What a run checks before any suite starts — the folders it writes, the recordings or the target, the
 * token — each problem a usage error saying how to fix it (exit 2), so a broken setup never reaches a verdict.
 */
import { graphError } from '../checks/http.js';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { LIVE_BASE_URL, PLACEHOLDER_TOKEN, UsageError, type RunConfig } from '../config/run-config.js';
import { withFix } from '../report/root-cause.js';
import { capturingFetch, type Exchange } from '../client/exchange.js';
import { GROUPS_URL_PATH } from '../openapi/paths.js';

/** A folder the run will write into, made if missing; one that cannot be written is a usage error naming it. */
export function writableDir(dir: string, option: string): void {
  const inTheWay = notAFolder(dir);
  if (inTheWay?.path === dir) throw new UsageError(`${option}: ${inTheWay.why}; choose a folder this user can write`);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    throw new UsageError(
      `${option}: cannot write to ${dir} (${err.code ?? err.message})${inTheWay ? `: ${inTheWay.why}` : ''}; choose a folder this user can write`,
    );
  }
}

/**
 * What stands where a folder should be: `dir` itself, or the parent that is a file (`dir` is below a
 * file). Undefined when `dir` is a folder, or missing with nothing in the way of making it. Said in words,
 * because the system's own ENOTDIR or EEXIST does not tell which path is the file.
 */
function notAFolder(dir: string): { path: string; why: string } | undefined {
  const inTheWay = (p: string, stats: Stats) => ({ path: p, why: stats.isFile() ? `${p} is a file, not a folder` : `${p} is not a folder` });
  try {
    const stats = statSync(dir);
    return stats.isDirectory() ? undefined : inTheWay(dir, stats);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') return undefined;
  }
  for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    try {
      const stats = statSync(parent);
      if (!stats.isDirectory()) return inTheWay(parent, stats);
    } catch {
      // Below the file too: keep going up to it.
    }
  }
  return undefined;
}

/** The recordings folder, read by replay and diff and written by --record: a file there is a usage error. */
function fixturesFolder(dir: string): void {
  const inTheWay = notAFolder(dir);
  if (!inTheWay) return;
  const where = inTheWay.path === dir ? inTheWay.why : `cannot use ${dir}: ${inTheWay.why}`;
  throw new UsageError(`--fixtures-dir / CONFORMANCE_FIXTURES_DIR: ${where}; point it at a folder of recordings`);
}

export async function preflight(config: RunConfig): Promise<void> {
  // Whatever the command, an option naming a file where a folder belongs is a mistake to say at once.
  fixturesFolder(config.fixturesDir);
  if (config.target === 'replay') {
    if (!existsSync(config.fixturesDir) || !readdirSync(config.fixturesDir).some((f) => f.endsWith('.json'))) {
      throw new UsageError(
        `replay: no recordings in ${config.fixturesDir}; point --fixtures-dir at a folder of recordings, or record some with --base-url URL --record`,
      );
    }
    if (config.seedGiven) {
      process.stderr.write(`note: replay uses the seed each recording was made with; --seed ${config.seed} applies to url and live runs\n`);
    }
    const { interceptionProblem } = await import('../engine/interception-check.js');
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
    const probe = await fetch(config.baseUrl, { method: 'GET', signal: AbortSignal.timeout(Math.min(Math.max(config.timeoutMs, 2_000), 10_000)) });
    // Only that it answered matters: a body that never ends must not keep the connection (or the process) busy.
    await probe.body?.cancel().catch(() => undefined);
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    // Headers too large to read are still an answer: the run's own requests name them for what they are.
    if (err.cause?.code === 'UND_ERR_HEADERS_OVERFLOW') return;
    const why = err.name === 'TimeoutError' ? 'no answer within the timeout' : (err.cause?.code ?? err.cause?.message ?? err.message);
    throw new UsageError(`target unreachable: ${config.baseUrl} (${why}); ${unreachableAdvice(config)}`);
  }
}

/**
 * What to do about a target that did not answer, by what the target is: live is Microsoft Graph (the
 * network between here and it, or the service root), a url target a mock or proxy the user starts.
 */
export function unreachableAdvice(config: Pick<RunConfig, 'target' | 'baseUrl'>): string {
  if (config.target === 'live') {
    const network = "Microsoft Graph did not answer: check this machine's network (DNS, a firewall, an outbound proxy it must go through)";
    return config.baseUrl === LIVE_BASE_URL ? network : `${network} and --base-url / GRAPH_BASE_URL: Graph's service root is ${LIVE_BASE_URL}`;
  }
  return 'start the mock or proxy that serves it, or fix --base-url / GRAPH_BASE_URL';
}

/**
 * Whether the run sends credentials of its own: a token given (--token, GRAPH_ACCESS_TOKEN) or obtained
 * through @azure/identity. The placeholder a url target gets without one is no credential: a mock checks
 * that a token is there, and a 401 to it says nothing about a token the user holds. Replay sends none.
 */
export function sendsCredentials(config: RunConfig): boolean {
  return config.target !== 'replay' && config.token !== undefined && config.token !== PLACEHOLDER_TOKEN;
}

/** The target's error envelope in a 401 to the run's credentials: `{"error":{"code","message"}}`, as Graph writes it. */
export interface RefusedCredentials {
  /** The request refused, `GET <url>`. */
  request: string;
  code?: string;
  message?: string;
}

/**
 * One authenticated read (the connectorGroups collection, which every suite reads or writes) before any
 * suite starts, when the run sends credentials: a 401 to it means every authenticated request would be
 * refused the same way, and the run's verdicts would be a wall of failures hiding the one cause. Anything
 * else — an answer, an error status, no answer — is left to the suites to judge. Bounded like every
 * request of the run (--timeout, --max-body-bytes); never retried: a throttled probe is not a refusal.
 */
export async function credentialsRefused(config: RunConfig): Promise<RefusedCredentials | undefined> {
  if (!sendsCredentials(config)) return undefined;
  let answer: Exchange | undefined;
  const send = capturingFetch((exchange) => (answer = exchange), config);
  const url = `${config.baseUrl}${GROUPS_URL_PATH}`;
  try {
    await send(new Request(url, { method: 'GET', headers: { Authorization: `Bearer ${config.token}`, Accept: 'application/json' } }));
  } catch {
    // No answer: reachability was probed already, and the suites name what the wire did.
    return undefined;
  }
  if (answer?.response.status !== 401) return undefined;
  return { request: `GET ${url}`, ...graphError(answer.response.body) };
}

/**
 * What blocks every check of a run whose credentials were refused: the target's own code and message
 * quoted (cut at 500 characters, since they are the target's), and what to change. `obtained` when the
 * token came from @azure/identity rather than the user.
 */
export function refusedCredentialsMessage(refused: RefusedCredentials, obtained: boolean): string {
  const quote = (text: string) => JSON.stringify(text.length > 500 ? `${text.slice(0, 500)}…` : text);
  const said =
    refused.code === undefined && refused.message === undefined
      ? "without Graph's error envelope"
      : [refused.code, refused.message === undefined ? undefined : quote(refused.message)].filter((part) => part !== undefined).join(' ');
  const fix = obtained
    ? 'the token @azure/identity obtained was refused: sign in as an identity the target accepts, or give a token with GRAPH_ACCESS_TOKEN'
    : 'give a token the target accepts (GRAPH_ACCESS_TOKEN or --token)';
  return withFix(`the target refused the run's credentials: ${refused.request} answered 401 ${said}; no suite ran`, fix);
}

/** A connector group id no target issued: the harness's own GUID form (5eed0000-…), never a tenant's. */
export const NEVER_ISSUED_ID = '5eed0000-0000-4000-8000-00000000dead';

/**
 * Whether a url target keeps no state, found once before the suites: one read of a connector group id it
 * never issued. A target that answers it 2xx (a mock that serves the slice's example for any id, as Prism
 * and Mockoon's OpenAPI import do) can never show a write, so waiting for one is time lost: the run's
 * reads after writes are not retried (settle 0) and the terminal says why. Only for a url target whose
 * settle time is the default: a live target is Graph, and a --settle-ms the user gave is kept. Any other
 * answer, or none, leaves the run as it was; the suites judge what the target does.
 */
export async function statelessTarget(config: RunConfig): Promise<string | undefined> {
  if (config.target !== 'url' || !config.settleIsDefault || config.settleMs === 0) return undefined;
  let answer: Exchange | undefined;
  const send = capturingFetch((exchange) => (answer = exchange), config);
  const url = `${config.baseUrl}${GROUPS_URL_PATH}/${NEVER_ISSUED_ID}`;
  try {
    await send(new Request(url, { method: 'GET', headers: { Authorization: `Bearer ${config.token ?? PLACEHOLDER_TOKEN}`, Accept: 'application/json' } }));
  } catch {
    return undefined;
  }
  const status = answer?.response.status ?? 0;
  if (status < 200 || status > 299) return undefined;
  return `the target answered GET …/connectorGroups/${NEVER_ISSUED_ID}, an id it never issued, with ${status}: it keeps no state, so no write can show and reads after writes are not retried (--settle-ms 0; give --settle-ms to wait anyway)`;
}
