/**
 * The one suite loop: opens the target for a suite, lets the suite produce its exchanges, judges every
 * selected check, and deletes what the suite created — whatever fails on the way. It never throws and
 * never drops a check: each selected check comes back with a verdict, and a check that could not be
 * judged comes back *blocked*, naming its blocker. The vitest host (runtime/suite.ts) and the project's
 * own tests both run suites through here.
 */
import type { RunConfig } from '../config/run-config.js';
import { selectedBy, type Check, type Verdict } from '../checks/check.js';
import { TransportError, type Exchange } from '../client/exchange.js';
import { ThrottleGate } from '../client/throttle-gate.js';
import { runAllowedHosts, scrubRequest, scrubText, withAllowedHosts } from '../scrub/scrub.js';
import { suiteTarget, type SuiteTarget } from './target.js';
import type { RecordingRead } from './cassette.js';
import { withProxyReport } from '../checks/proxy-violations.js';
import { withSliceExampleNote } from '../checks/slice-example.js';
import { closeContext, openContext, type SuiteContext } from './context.js';
import type { SuiteDefinition } from './definition.js';
import { blockedOutcome, boundedMessage, evidenceOf, MAX_VIOLATIONS, type CheckOutcome } from './outcome.js';
import type { Validation, Violation } from '../openapi/validator.js';
import type { OpenApiDocument } from '../openapi/operations.js';

export interface SuiteOutcome {
  suite: string;
  /** One per selected check, in the suite's order. */
  outcomes: CheckOutcome[];
  /** Ids of groups the suite created and could not delete, with why; the command suggests a sweep. */
  leftBehind: { id: string; why: string }[];
  /** How the target answered: a run where every answer is a non-JSON 404 has the wrong base URL. */
  answers: AnswerTally;
  /** Every request that addressed an operation of the slice, for the coverage matrix. */
  hits: OperationHit[];
  /**
   * The selected checks judged over the whole run (Check.overRun), where the plan keeps a journal: their
   * verdicts, once every suite of the run has ended and added its answers to it.
   */
  overRun?: () => CheckOutcome[];
}

export interface OperationHit {
  operation: string;
  method: string;
  path: string;
  status: number;
  /** Query parameter names the request carried. */
  parameters: string[];
}

export function hitsOf(exchanges: readonly Exchange[]): OperationHit[] {
  const hits: OperationHit[] = [];
  for (const e of exchanges) {
    if (e.operation === undefined) continue;
    const url = new URL(e.request.url);
    hits.push({
      operation: e.operation,
      method: e.request.method,
      path: url.pathname,
      status: e.response.status,
      parameters: [...new Set(url.searchParams.keys())],
    });
  }
  return hits;
}

export interface AnswerTally {
  total: number;
  /** 404 with a body that is not JSON: "Cannot GET …" from a server that serves nothing there. */
  notFoundNotJson: number;
  /** One such answer, to quote. */
  sample?: string;
}

export function tallyAnswers(exchanges: readonly Exchange[]): AnswerTally {
  const tally: AnswerTally = { total: exchanges.length, notFoundNotJson: 0 };
  for (const { request, response } of exchanges) {
    if (response.status !== 404 || isJson(response.body)) continue;
    tally.notFoundNotJson++;
    tally.sample ??= `${request.method} ${request.url} → 404 ${JSON.stringify(response.body.slice(0, 80))}`;
  }
  return tally;
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

interface Blocker {
  blockedBy: string;
  message: string;
  evidence?: CheckOutcome['evidence'];
}

/** What the run shares with every one of its suites: made once per run, handed down, never looked up. */
export interface RunShared {
  /** The run's throttle gate: a throttled answer makes every request of the run wait. */
  gate: ThrottleGate;
  /** Hosts the scrubber keeps as they are during the run (the target's own). */
  hosts: ReadonlySet<string>;
  /**
   * Every answer of every suite of the run, for the checks judged over the whole run (Check.overRun). The
   * command's plan keeps one; a host that runs suites one at a time does not, and those checks judge the
   * answers of their own suite.
   */
  journal?: Exchange[];
}

export function runShared(config: RunConfig): RunShared {
  return { gate: new ThrottleGate(config.throttleBudgetMs), hosts: runAllowedHosts(config.baseUrl) };
}

/** One suite as the run's plan decided it: the checks it must judge and the target it talks to. */
export interface SuitePlan extends RunShared {
  /** The ids of the suite's checks the run selected (--only), in the suite's order. */
  selected: readonly string[];
  target: SuiteTarget;
}

/**
 * The plan of one suite. The run's plan (runner/plan.ts) makes one per suite with the recording it read
 * and the run's shared parts; a suite run on its own (the vitest host, tests) plans here.
 */
export function planSuite(
  definition: { name: string; checks: readonly { id: string }[] },
  config: RunConfig,
  shared: RunShared = runShared(config),
  read?: RecordingRead,
  slice?: string,
): SuitePlan {
  return {
    ...shared,
    selected: definition.checks.filter((c) => selectedBy(config.only, c.id)).map((c) => c.id),
    target: suiteTarget(config, definition.name, read, slice),
  };
}

export async function runSuite<Subject>(
  definition: SuiteDefinition<Subject>,
  config: RunConfig,
  signal?: AbortSignal,
  plan: SuitePlan = planSuite(definition, config),
): Promise<SuiteOutcome> {
  // What the suite writes or reports keeps the run's own target host readable.
  return withAllowedHosts(plan.hosts, () => runPlanned(definition, config, signal, plan));
}

async function runPlanned<Subject>(
  definition: SuiteDefinition<Subject>,
  config: RunConfig,
  signal: AbortSignal | undefined,
  plan: SuitePlan,
): Promise<SuiteOutcome> {
  const ids = new Set(plan.selected);
  const selected = definition.checks.filter((c) => ids.has(c.id));
  const judged = selected.filter((c) => c.profiles.includes(config.profile) && c.unavailable === undefined);
  let ctx: SuiteContext | undefined;
  let subject: Subject | undefined;
  let blocker: Blocker | undefined;
  let leftBehind: SuiteOutcome['leftBehind'] = [];
  // A suite whose selected checks cannot be judged here sends nothing at all.
  if (judged.length > 0) {
    try {
      ctx = await openContext(config, definition.name, signal, definition.spec, plan);
    } catch (error) {
      blocker = { blockedBy: 'suite:recording', message: messageOf(error) };
    }
    if (ctx) {
      try {
        subject = await definition.produce(ctx);
      } catch (error) {
        blocker = blockerOf(error, config, ctx);
      }
      leftBehind = await closeContext(ctx);
      plan.journal?.push(...ctx.exchanges);
    }
  }
  const { journal } = plan;
  const deferred = journal ? selected.filter((c) => c.overRun) : [];
  const outcomes = selected.filter((c) => !deferred.includes(c)).map((check) => outcomeOf(check, config, subject, blocker, ctx?.spec));
  const spec = ctx?.spec;
  // The run's answers replace the suite's own: the check judges every response, whichever suite got it.
  const overRun = () => deferred.map((check) => outcomeOf(check, config, subject && ({ ...subject, exchanges: journal } as Subject), blocker, spec));
  return {
    suite: definition.name,
    outcomes,
    leftBehind,
    answers: tallyAnswers(ctx?.exchanges ?? []),
    hits: hitsOf(ctx?.exchanges ?? []),
    ...(deferred.length > 0 && { overRun }),
  };
}

/**
 * The verdicts of a suite that did not run at all (the run was interrupted before it started, or the
 * engine itself failed): each selected check, blocked by `blockedBy` with `message`.
 */
export function notRun(definition: { checks: readonly Check<never>[] }, plan: Pick<SuitePlan, 'selected'>, blockedBy: string, message: string): CheckOutcome[] {
  const ids = new Set(plan.selected);
  return definition.checks.filter((c) => ids.has(c.id)).map((check) => blockedOutcome(check, blockedBy, scrubText(message)));
}

/** The same run, as a map from check id to outcome, for callers that look checks up by id. */
export async function judgeSuite<Subject>(definition: SuiteDefinition<Subject>, config: RunConfig): Promise<Map<string, CheckOutcome>> {
  const { outcomes } = await runSuite(definition, config);
  return new Map(outcomes.map((o) => [o.id, o]));
}

/** What judging a check needs of the run's configuration. */
type JudgingConfig = Pick<RunConfig, 'profile' | 'baseline' | 'strictBaseline'>;

/**
 * One check judged on a subject, as the engine reports it: the profile's skip, the verdict bounded and
 * scrubbed with its evidence and violations, --baseline applied. `check-mocks` judges a mock's served
 * answer through here, so a mock's verdict reads as a run's.
 */
export function judgedOutcome<Subject>(check: Check<Subject>, config: JudgingConfig, subject: Subject, spec?: OpenApiDocument): CheckOutcome {
  return outcomeOf(check, config, subject, undefined, spec);
}

function outcomeOf<Subject>(
  check: Check<Subject>,
  config: JudgingConfig,
  subject: Subject | undefined,
  blocker: Blocker | undefined,
  spec: OpenApiDocument | undefined,
): CheckOutcome {
  const base = { id: check.id, operation: check.operation, title: check.title, expectation: check.expectation, decisions: [...(check.decisions ?? [])] };
  if (!check.profiles.includes(config.profile)) {
    const message =
      config.profile === 'openapi' && check.notStated !== undefined
        ? `not stated by the slice: ${check.notStated}; judged in --profile graph`
        : `${check.profiles.join('/')} profile only; this run uses --profile ${config.profile}`;
    return { ...base, status: 'skipped', durationMs: 0, message };
  }
  if (check.unavailable !== undefined) return { ...base, status: 'skipped', durationMs: 0, message: check.unavailable };
  if (blocker || subject === undefined) {
    const why = blocker ?? { blockedBy: 'suite:error', message: 'the suite produced nothing to judge' };
    return withBaseline({ ...blockedOutcome(base, why.blockedBy, why.message), ...(why.evidence && { evidence: why.evidence }) }, config);
  }
  const started = performance.now();
  let verdict: Verdict;
  try {
    verdict = check.run(subject, config.profile);
  } catch (error) {
    // A check that throws is a defect of the check; it is reported as a failure, never lost.
    verdict = { status: 'failed', message: `the check could not judge the exchange: ${(error as Error)?.message ?? String(error)}` };
  }
  const durationMs = Math.round(performance.now() - started);
  switch (verdict.status) {
    case 'passed':
      return withBaseline({ ...base, status: 'passed', durationMs, ...(verdict.note && { message: boundedMessage(verdict.note) }) }, config);
    case 'skipped':
      return { ...base, status: 'skipped', durationMs, message: boundedMessage(verdict.message) };
    case 'blocked':
      return withBaseline({ ...base, status: 'skipped', durationMs, blockedBy: verdict.blockedBy, message: boundedMessage(verdict.message) }, config);
    default: {
      const evidence = verdict.exchange ?? (subject as { exchange?: Exchange }).exchange;
      // Messages quote what the target sent; they reach results.json, report.html and junit.xml, scrubbed and bounded.
      const message = boundedMessage(
        withSliceExampleNote(withRedirect(withProxyReport(verdict.message, evidence?.response.headers), evidence), evidence, spec),
      );
      const violations = violationsOf(verdict.actual);
      return withBaseline(
        {
          ...base,
          status: verdict.status,
          durationMs,
          message,
          ...(evidence && { evidence: evidenceOf(evidence) }),
          ...(violations && { violations: violations.violations }),
          ...(violations && violations.total > violations.violations.length && { violationsTotal: violations.total }),
        },
        config,
      );
    }
  }
}

/**
 * --baseline: a listed failure (or blocked check) is `known` and does not fail the run; a listed check
 * that passes is `fixed`, and fails the run under --strict-baseline.
 */
function withBaseline(outcome: CheckOutcome, config: JudgingConfig): CheckOutcome {
  const reason = config.baseline[outcome.id];
  if (reason === undefined) return outcome;
  if (outcome.status === 'failed' || outcome.blockedBy !== undefined) return { ...outcome, baseline: { state: 'known', reason } };
  if (outcome.status !== 'passed' && outcome.status !== 'warned') return outcome;
  const fixed = { ...outcome, baseline: { state: 'fixed' as const, reason } };
  if (!config.strictBaseline) return fixed;
  return { ...fixed, status: 'failed', message: `${outcome.id} passes, but the baseline lists it as a known failure (${reason}): remove the entry` };
}

/** Why produce stopped: a slow or broken target, a request the recording does not hold, or a harness error. */
function blockerOf(error: unknown, config: RunConfig, ctx: SuiteContext): Blocker {
  const message = messageOf(error);
  if (!(error instanceof TransportError)) return { blockedBy: 'suite:error', message: `the suite stopped: ${message}` };
  const evidence = { request: scrubRequest(error.request) };
  if (error.kind === 'interrupted') return { blockedBy: 'suite:interrupted', message, evidence };
  // The target's own doing, replayed or live: an answer too large or too deep to read, or throttling past the budget.
  if (error.kind === 'unreadable') return { blockedBy: 'suite:unreadable-answer', message, evidence };
  if (error.kind === 'throttled') return { blockedBy: 'suite:throttled', message, evidence };
  if (config.target === 'replay') {
    return {
      blockedBy: 'suite:recording',
      message: `the recording ${ctx.name}.json in ${config.fixturesDir} does not hold this request (${message})${
        ctx.staleRecording ? '; it was made against another version of specs/openapi.yaml' : ''
      }; record it again with --base-url URL --record`,
      evidence,
    };
  }
  if (error.kind === 'timeout') return { blockedBy: 'suite:timeout', message: `${message}${slowest(ctx.exchanges, config.timeoutMs)}`, evidence };
  return { blockedBy: 'suite:network', message, evidence };
}

/** The requests that were answered but slowly: where a run that stopped for time spent it. */
function slowest(exchanges: readonly Exchange[], timeoutMs: number): string {
  const slow = exchanges
    .filter((e) => e.durationMs >= timeoutMs / 4)
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, 3);
  if (slow.length === 0) return '';
  const list = slow.map((e) => `${e.request.method} ${new URL(e.request.url).pathname} ${Math.round(e.durationMs)} ms`).join(', ');
  return `; slowest answered requests before it: ${list}`;
}

function messageOf(error: unknown): string {
  return scrubText(error instanceof Error ? error.message : String(error));
}

/** A redirect is judged as the answer it is; the message says where it pointed, since it was not followed. */
function withRedirect(message: string, exchange: Exchange | undefined): string {
  const status = exchange?.response.status ?? 0;
  if (status < 300 || status > 399) return message;
  const location = exchange?.response.headers['location'];
  return `${message} (the target redirected${location ? ` to ${location}` : ' without a Location'}; redirects are never followed)`;
}

/**
 * A verdict's `actual` when it is the validator's judgement (a Validation, or a list of violations):
 * the first MAX_VIOLATIONS, scrubbed like every message, and how many there were in all.
 */
function violationsOf(actual: unknown): Validation | undefined {
  const isViolation = (v: unknown): v is Violation =>
    typeof v === 'object' && v !== null && typeof (v as Violation).pointer === 'string' && typeof (v as Violation).why === 'string';
  const validation = Array.isArray(actual) ? { violations: actual as unknown[], total: actual.length } : (actual as Partial<Validation> | undefined);
  const { violations, total } = validation ?? {};
  if (!Array.isArray(violations) || violations.length === 0 || typeof total !== 'number' || !violations.every(isViolation)) return undefined;
  const listed = (violations as Violation[]).slice(0, MAX_VIOLATIONS).map((v) => ({ ...v, message: scrubText(v.message), why: scrubText(v.why) }));
  return { violations: listed, total: Math.max(total, violations.length) };
}
