/**
 * The report's parts, top to bottom: the header (verdict, totals, run facts), the suites that could not
 * run, the checks that need attention, then one section per operation with a row per check.
 */
import type { CheckStatus } from '../results.js';
import { html, Markup } from './escape.js';
import { evidence } from './evidence.js';
import { pointerTable, pointerViolations } from './pointer-diff.js';
import type { ReportCheck, ReportResults } from './report-results.js';
import { invocation } from '../../config/invocation.js';
import { cutMiddle } from '../cut.js';
import type { RootCause } from '../root-cause.js';

const STATUS_LABEL: Record<CheckStatus, { symbol: string; word: string }> = {
  passed: { symbol: '✓', word: 'PASSED' },
  failed: { symbol: '✗', word: 'FAILED' },
  skipped: { symbol: '–', word: 'SKIPPED' },
  warned: { symbol: '!', word: 'WARNED' },
};
const STATUS_ORDER: readonly CheckStatus[] = ['passed', 'failed', 'skipped', 'warned'];

type Verdict = { kind: string; symbol: string; word: string; detail: string };

export function verdictOf(results: ReportResults, known: number): Verdict {
  const { passed, failed, warned } = results.summary;
  const newFailures = failed - results.checks.filter((c) => c.status === 'failed' && c.baseline?.state === 'known').length;
  const blocked = results.checks.filter(isBlocking).length;
  const notJudged = blocked > 0 ? `${newFailures > 0 ? ', and' : ' —'} ${blocked} could not be judged (blocked)` : '';
  if (newFailures > 0)
    return {
      kind: 'failed',
      symbol: '✗',
      word: 'FAILED',
      detail: ` — ${newFailures} of ${results.checks.length} checks failed${known > 0 ? `, plus ${known} known` : ''}${notJudged}`,
    };
  if (blocked > 0) return { kind: 'failed', symbol: '✗', word: 'BLOCKED', detail: `${notJudged} of ${results.checks.length} checks` };
  if (results.errors.length > 0) return { kind: 'failed', symbol: '✗', word: 'ERROR', detail: ` — ${results.errors.length} suite(s) could not run` };
  if (passed + warned + known === 0) return { kind: 'failed', symbol: '✗', word: 'NO CHECK RAN', detail: '' };
  const extras = [known > 0 ? `${known} known failure${known === 1 ? '' : 's'} (baseline)` : '', warned > 0 ? `${warned} warned` : ''].filter(Boolean);
  return { kind: warned > 0 || known > 0 ? 'warned' : 'passed', symbol: '✓', word: 'PASSED', detail: extras.length > 0 ? ` — ${extras.join(', ')}` : '' };
}

export function pageHeader(results: ReportResults, verdict: Verdict, known: number, fixed: number): Markup {
  return html`<header class="top">
  <div class="title-row">
    <h1>graph-conformance report</h1>
    <p class="verdict verdict-${verdict.kind}" role="status"><span aria-hidden="true">${verdict.symbol}</span> ${verdict.word}<span class="verdict-detail">${verdict.detail}</span></p>
  </div>
  <ul class="totals" aria-label="totals">
    ${STATUS_ORDER.map(
      (status) =>
        html`<li class="total total-${status}${results.summary[status] === 0 ? ' total-zero' : ''}"><span class="total-n">${results.summary[status]}</span> <span class="total-word"><span aria-hidden="true">${STATUS_LABEL[status].symbol}</span> ${status}</span>${
          status === 'failed' && known > 0 ? html`<span class="total-note">${known} known (baseline)</span>` : ''
        }${status === 'passed' && fixed > 0 ? html`<span class="total-note">${fixed} fixed (baseline)</span>` : ''}${
          status === 'skipped' && (results.summary.blocked ?? 0) > 0 ? html`<span class="total-note">${results.summary.blocked} blocked</span>` : ''
        }</li>`,
    )}
  </ul>
  <dl class="meta">
    ${metaItem('target', results.target)}
    ${metaItem('base URL', results.baseUrl, true)}
    ${metaItem('profile', results.profile)}
    ${metaItem('seed', String(results.seed), true)}
    ${metaItem('run id', results.runId, true)}
    ${results.shard !== undefined ? metaItem('shard', results.shard) : ''}
    ${metaItem('started', formatStart(results.startedAt))}
    ${metaItem('duration', formatDuration(results.durationMs))}
    ${results.sliceSha256 ? metaItem('slice sha256', results.sliceSha256.slice(0, 12), true, results.sliceSha256) : ''}
  </dl>
  ${
    results.target !== 'replay' && results.summary.failed > 0
      ? html`<p class="reproduce">Reproduce: <code>${invocation()} --target ${results.target} --base-url ${results.baseUrl} --profile ${results.profile} --seed ${results.seed}${
          results.shard !== undefined ? ` --shard ${results.shard}` : ''
        }</code></p>`
      : ''
  }
</header>`;
}

export function suiteErrors(errors: string[]): Markup | string {
  if (errors.length === 0) return '';
  return html`<section class="errors" aria-labelledby="errors-h"><h2 id="errors-h"><span aria-hidden="true">✗</span> Suites that could not run (${errors.length})</h2><ul>${errors.map((e) => html`<li><pre>${e}</pre></li>`)}</ul></section>`;
}

/**
 * The one cause that blocked the whole run (root-cause.ts), above everything else: what happened, what
 * to do, and how many checks it left unjudged. Without it, the page opened on a hundred blocked rows.
 */
export function rootCauseBanner(cause: RootCause | undefined): Markup | string {
  if (!cause) return '';
  return html`<section class="root-cause" id="root-cause" aria-labelledby="root-cause-h">
<h2 id="root-cause-h"><span aria-hidden="true">⊘</span> One cause blocked every check: <code>${cause.blockedBy}</code></h2>
<p class="root-what">${cause.message}</p>
${cause.fix !== undefined ? html`<p class="root-fix"><strong>What to do:</strong> ${cause.fix}</p>` : ''}
<p class="root-count">${cause.checks} check${cause.checks === 1 ? ' was' : 's were'} not judged because of it; the rows below say so, each.</p>
</section>`;
}

/**
 * Failures first (new, then known), then warnings, then baseline entries that pass now; each with its
 * reason beside it, cut in the middle when long (cut.ts; the row has it whole). Checks the run's root
 * cause blocked are folded into one item: their reason is the banner above.
 */
export function needsAttentionNav(checks: ReportCheck[], cause?: RootCause): Markup | string {
  const rank = (c: ReportCheck) => (c.status === 'failed' ? (c.baseline?.state === 'known' ? 1 : 0) : isBlocking(c) ? 1 : c.status === 'warned' ? 2 : 3);
  const attention = checks.filter(needsAttention).sort((a, b) => rank(a) - rank(b));
  if (attention.length === 0) return '';
  const byCause = cause ? attention.filter((c) => c.blockedBy === cause.blockedBy) : [];
  const others = attention.filter((c) => !byCause.includes(c));
  const item = (c: ReportCheck, reason: Markup | string) =>
    html`<li>${badge(c.status)}${blockedTag(c)}${baselineTag(c)} <a href="#${anchorOf(c.id)}"><code>${c.id}</code></a> <span class="attn-title">${c.title}</span>${reason}</li>`;
  return html`<nav class="attention" aria-label="needs attention"><h2>Needs attention</h2><ul>${others.map((c) => item(c, attentionReason(c)))}${
    byCause.length > 0
      ? html`<li><details class="attn-folded"><summary>${byCause.length} check${byCause.length === 1 ? '' : 's'} blocked by <code>${cause!.blockedBy}</code> (the cause above)</summary><ul>${byCause.map((c) => item(c, ''))}</ul></details></li>`
      : ''
  }</ul></nav>`;
}

/** Why a check needs attention, in a line: its message (what failed, what blocked it), or the baseline's word. */
function attentionReason(check: ReportCheck): Markup | string {
  const why =
    check.baseline?.state === 'fixed'
      ? `passes now: remove it from the baseline (${check.baseline.reason})`
      : check.blockedBy !== undefined
        ? `blocked by ${check.blockedBy}: ${check.message ?? 'no reason given'}`
        : (check.message ?? '');
  if (why === '') return '';
  const { head, cut, tail } = cutMiddle(why, ATTENTION_CHARS, 160);
  return html` <span class="attn-reason">— ${head}${cut > 0 ? html`<span class="attn-cut"> … [${cut} more characters in the row below] … </span>${tail}` : ''}</span>`;
}

/** Characters of a reason shown in "Needs attention"; the check's row has it whole. */
const ATTENTION_CHARS = 300;

export function operationSections(checks: ReportCheck[], decisions: Record<string, string>): Markup | Markup[] {
  if (checks.length === 0) return html`<p class="empty">No check ran.</p>`;
  const byOperation = new Map<string, ReportCheck[]>();
  for (const check of checks) byOperation.set(check.operation, [...(byOperation.get(check.operation) ?? []), check]);
  return [...byOperation].map(([operation, opChecks]) => operationSection(operation, opChecks, decisions));
}

function needsAttention(check: ReportCheck): boolean {
  return check.status === 'failed' || check.status === 'warned' || check.baseline?.state === 'fixed' || isBlocking(check);
}

/** Not judged because something earlier failed, and not accepted by the baseline: it fails the run. */
function isBlocking(check: ReportCheck): boolean {
  return check.blockedBy !== undefined && check.baseline?.state !== 'known';
}

function blockedTag(check: ReportCheck): Markup | string {
  return check.blockedBy !== undefined ? html` <span class="tag tag-blocked">blocked</span>` : '';
}

function operationSection(operation: string, checks: ReportCheck[], decisions: Record<string, string>): Markup {
  const counts = STATUS_ORDER.map((s) => [s, checks.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  return html`<section class="operation" id="op-${operation}" aria-labelledby="op-${operation}-h">
<h2 id="op-${operation}-h"><span class="op-name">${operation}</span> <span class="op-counts">${counts.map(
    ([s, n], i) => html`${i > 0 ? ' · ' : ''}<span class="count-${s}">${n} ${s}</span>`,
  )}</span></h2>
<div class="checks">
<div class="row row-head" aria-hidden="true"><span>status</span><span>check</span><span>title</span><span class="dur">duration</span></div>
${checks.map((c) => checkRow(c, decisions))}
</div>
</section>`;
}

function checkRow(check: ReportCheck, decisions: Record<string, string>): Markup {
  const open = needsAttention(check);
  // Said once: a blocked row names its blocker here and gives the why in its detail; a skipped row,
  // closed, gives its reason here and nowhere else.
  const reason =
    check.blockedBy !== undefined
      ? html`<span class="skip-reason">blocked by ${check.blockedBy}</span>`
      : check.status === 'skipped'
        ? html`<span class="skip-reason">skipped: ${check.message ?? 'no reason given'}</span>`
        : '';
  return html`<details class="check check-${check.status}${check.baseline ? ` baseline-${check.baseline.state}` : ''}" id="${anchorOf(check.id)}"${open ? new Markup(' open') : ''}>
<summary class="row"><span>${badge(check.status)}${blockedTag(check)}${baselineTag(check)}</span><code class="check-id">${check.id}</code><span class="check-title">${check.title}${reason}</span><span class="dur">${formatDuration(check.durationMs)}</span></summary>
<div class="detail">${detail(check, decisions)}</div>
</details>`;
}

function detail(check: ReportCheck, decisions: Record<string, string>): Markup {
  const failing = check.status === 'failed' || check.status === 'warned';
  const bodyCut = check.evidence?.response?.bodyTruncated === true;
  const violations = failing ? pointerViolations(check.violations, check.evidence?.response?.body, bodyCut) : undefined;
  const used = check.decisions ?? [];
  return html`
${check.baseline ? baselineNote(check) : ''}
<dl class="facts">
  ${check.expectation ? html`<dt>expected</dt><dd class="expectation">${check.expectation}</dd>` : ''}
  ${failing && check.message ? html`<dt>${check.status === 'warned' ? 'warning' : 'got'}</dt><dd class="got"><pre class="message">${check.message}</pre></dd>` : ''}
  ${check.blockedBy !== undefined ? html`<dt>why</dt><dd><pre class="message">${check.message ?? 'no reason given'}</pre></dd>` : ''}
  ${check.status === 'passed' && check.message ? html`<dt>note</dt><dd>${check.message}</dd>` : ''}
</dl>
${violations && violations.length > 0 ? pointerTable(violations, { ...(check.violationsTotal !== undefined && { total: check.violationsTotal }), bodyCut }) : ''}
${
  used.length > 0
    ? html`<div class="decisions"><h4>Decisions this check relied on</h4><dl>${used.map(
        (id) => html`<dt><code>${id}</code></dt><dd>${decisions[id] ?? '(no summary recorded; see specs/decisions.yaml)'}</dd>`,
      )}</dl></div>`
    : ''
}
${check.evidence ? evidence(check.evidence.request, check.evidence.response, check.status === 'failed', check.evidence.retries, check.evidence.resentAfter) : ''}
`;
}

function baselineTag(check: ReportCheck): Markup | string {
  if (!check.baseline) return '';
  return check.baseline.state === 'known'
    ? html` <span class="tag tag-known" title="listed in the baseline as a known failure">KNOWN · baseline</span>`
    : html` <span class="tag tag-fixed" title="listed in the baseline, but passes now">FIXED · baseline</span>`;
}

function baselineNote(check: ReportCheck): Markup {
  const baseline = check.baseline!;
  return baseline.state === 'known'
    ? html`<p class="baseline-note baseline-note-known"><strong>Known failure (baseline).</strong> Listed in the baseline, so it does not fail the run. Reason: ${baseline.reason}</p>`
    : html`<p class="baseline-note baseline-note-fixed"><strong>Fixed (baseline).</strong> The baseline lists this check as a known failure, but it passes now: remove its entry. Reason given: ${baseline.reason}</p>`;
}

function badge(status: CheckStatus): Markup {
  const label = STATUS_LABEL[status] ?? { symbol: '?', word: String(status).toUpperCase() };
  return html`<span class="badge badge-${status}"><span aria-hidden="true">${label.symbol}</span> ${label.word}</span>`;
}

function metaItem(name: string, value: string, code = false, title?: string): Markup {
  return html`<div><dt>${name}</dt><dd${title ? html` title="${title}"` : ''}>${code ? html`<code>${value}</code>` : value}</dd></div>`;
}

/** `check-create.body.echo`: ids are dotted and stable, so anchors are too. */
function anchorOf(id: string): string {
  return `check-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function formatStart(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : `${date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '')} UTC`;
}
