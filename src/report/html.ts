/**
 * report.html (CONTRACT.md): one self-contained page a person reads at a glance. Inline CSS only, no
 * script, no font, image or any other resource from anywhere (a Content-Security-Policy says so to the
 * browser too), so it opens the same from a CI artifact, a mail attachment or an air-gapped disk.
 *
 * Everything the target sent is untrusted: every value goes through the `html` template below, which
 * escapes whatever it is given unless it is markup this module built itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scrubHeaders, scrubText } from '../scrub/scrub.js';
import type { CheckResult, CheckStatus, RunResults } from './results.js';

/** Added to results by the baseline feature; read defensively until (and after) the types carry them. */
export interface Baseline {
  state: 'known' | 'fixed';
  reason: string;
}
type ReportCheck = CheckResult & { baseline?: Baseline };
type ReportResults = Omit<RunResults, 'checks'> & { shard?: string; checks: ReportCheck[] };

type Message = NonNullable<CheckResult['evidence']>['request'];
type Reply = NonNullable<NonNullable<CheckResult['evidence']>['response']>;

/** Bodies longer than this are cut in the page (results.json keeps them whole). */
export const MAX_BODY_CHARS = 100_000;

// ---------------------------------------------------------------------------------------------------
// Escaping

/** Markup built by this module; anything else interpolated into `html` is escaped. */
class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function piece(value: unknown): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += piece(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

// ---------------------------------------------------------------------------------------------------
// Schema violations: '<pointer> <why>; <pointer> <why>' → a pointer diff

export interface PointerViolation {
  /** JSON pointer into the response body ('' is the body itself). */
  pointer: string;
  why: string;
  /** Whether `value` was looked up (the body is JSON). */
  looked: boolean;
  found: boolean;
  value?: unknown;
}

const VIOLATION = /^(\/\S*|the body) (.+)$/s;

/**
 * Splits a body.schema message into its violations, each with the value found at its pointer in the
 * response body. Undefined when the message is not a list of violations (say, "the body is not JSON").
 * A property an Ajv message names (additional or missing) is pointed at itself, not at its parent.
 */
export function pointerViolations(message: string | undefined, responseBody: string | undefined): PointerViolation[] | undefined {
  if (message === undefined || /^the (body is not JSON|response has no body)/.test(message)) return undefined;
  const parts = message.split(/; (?=\/|the body )/);
  const parsed = parts.map((part) => VIOLATION.exec(part));
  if (parsed.length === 0 || parsed.some((m) => m === null)) return undefined;
  let body: { ok: boolean; value?: unknown } = { ok: false };
  if (responseBody !== undefined && responseBody.trim() !== '') {
    try {
      body = { ok: true, value: JSON.parse(responseBody) as unknown };
    } catch {
      // Not JSON: the violations are listed without values.
    }
  }
  return parsed.map((m) => {
    let pointer = m![1] === 'the body' ? '' : m![1]!;
    const why = m![2]!;
    const property = (/must NOT have additional properties \('(.+)'\)/.exec(why) ?? /must have required property '(.+)'/.exec(why))?.[1];
    if (property !== undefined) pointer = `${pointer}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!body.ok) return { pointer, why, looked: false, found: false };
    const at = resolvePointer(body.value, pointer);
    return { pointer, why, looked: true, ...at };
  });
}

/** RFC 6901. */
export function resolvePointer(document: unknown, pointer: string): { found: boolean; value?: unknown } {
  if (pointer === '') return { found: true, value: document };
  if (!pointer.startsWith('/')) return { found: false };
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^(0|[1-9]\d*)$/.test(token) && Number(token) < current.length) current = current[Number(token)];
    else if (current !== null && typeof current === 'object' && !Array.isArray(current) && Object.hasOwn(current, token)) current = (current as Record<string, unknown>)[token];
    else return { found: false };
  }
  return { found: true, value: current };
}

// ---------------------------------------------------------------------------------------------------
// Rendering

const STATUS_LABEL: Record<CheckStatus, { symbol: string; word: string }> = {
  passed: { symbol: '✓', word: 'PASSED' },
  failed: { symbol: '✗', word: 'FAILED' },
  skipped: { symbol: '–', word: 'SKIPPED' },
  warned: { symbol: '!', word: 'WARNED' },
};
const STATUS_ORDER: readonly CheckStatus[] = ['passed', 'failed', 'skipped', 'warned'];

export function renderReport(input: RunResults): string {
  const results = scrubbed(input as ReportResults);
  const checks = results.checks;
  const known = checks.filter((c) => c.status === 'failed' && c.baseline?.state === 'known').length;
  const fixed = checks.filter((c) => c.baseline?.state === 'fixed').length;
  const verdict = verdictOf(results, known);
  const byOperation = new Map<string, ReportCheck[]>();
  for (const check of checks) byOperation.set(check.operation, [...(byOperation.get(check.operation) ?? []), check]);
  const rank = (c: ReportCheck) => (c.status === 'failed' ? (c.baseline?.state === 'known' ? 1 : 0) : c.status === 'warned' ? 2 : 3);
  const attention = checks.filter(needsAttention).sort((a, b) => rank(a) - rank(b));

  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${verdict.word} · graph-conformance · ${results.target} · ${results.profile}</title>
<style>${new Markup(CSS)}</style>
</head>
<body>
<header class="top">
  <div class="title-row">
    <h1>graph-conformance report</h1>
    <p class="verdict verdict-${verdict.kind}" role="status"><span aria-hidden="true">${verdict.symbol}</span> ${verdict.word}<span class="verdict-detail">${verdict.detail}</span></p>
  </div>
  <ul class="totals" aria-label="totals">
    ${STATUS_ORDER.map(
      (status) => html`<li class="total total-${status}${results.summary[status] === 0 ? ' total-zero' : ''}"><span class="total-n">${results.summary[status]}</span> <span class="total-word"><span aria-hidden="true">${STATUS_LABEL[status].symbol}</span> ${status}</span>${
        status === 'failed' && known > 0 ? html`<span class="total-note">${known} known (baseline)</span>` : ''
      }${status === 'passed' && fixed > 0 ? html`<span class="total-note">${fixed} fixed (baseline)</span>` : ''}</li>`,
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
      ? html`<p class="reproduce">Reproduce: <code>npm run conformance -- --target ${results.target} --base-url ${results.baseUrl} --profile ${results.profile} --seed ${results.seed}${
          results.shard !== undefined ? ` --shard ${results.shard}` : ''
        }</code></p>`
      : ''
  }
</header>
<main>
${
  results.errors.length > 0
    ? html`<section class="errors" aria-labelledby="errors-h"><h2 id="errors-h"><span aria-hidden="true">✗</span> Suites that could not run (${results.errors.length})</h2><ul>${results.errors.map((e) => html`<li><pre>${e}</pre></li>`)}</ul></section>`
    : ''
}
${
  attention.length > 0
    ? html`<nav class="attention" aria-label="needs attention"><h2>Needs attention</h2><ul>${attention.map(
        (c) => html`<li>${badge(c.status)}${baselineTag(c)} <a href="#${anchorOf(c.id)}"><code>${c.id}</code></a> <span class="attn-title">${c.title}</span></li>`,
      )}</ul></nav>`
    : ''
}
${
  checks.length === 0
    ? html`<p class="empty">No check ran.</p>`
    : [...byOperation].map(([operation, opChecks]) => section(operation, opChecks, results.decisions))
}
</main>
<footer>results.json has the same data in full · generated by graph-conformance for run <code>${results.runId}</code></footer>
</body>
</html>
`;
  return page.value;
}

function verdictOf(results: ReportResults, known: number): { kind: string; symbol: string; word: string; detail: string } {
  const { passed, failed, warned } = results.summary;
  const newFailures = failed - known;
  if (newFailures > 0) return { kind: 'failed', symbol: '✗', word: 'FAILED', detail: ` — ${newFailures} of ${results.checks.length} checks failed${known > 0 ? `, plus ${known} known` : ''}` };
  if (results.errors.length > 0) return { kind: 'failed', symbol: '✗', word: 'ERROR', detail: ` — ${results.errors.length} suite(s) could not run` };
  if (passed + warned + known === 0) return { kind: 'failed', symbol: '✗', word: 'NO CHECK RAN', detail: '' };
  const extras = [known > 0 ? `${known} known failure${known === 1 ? '' : 's'} (baseline)` : '', warned > 0 ? `${warned} warned` : ''].filter(Boolean);
  return { kind: warned > 0 || known > 0 ? 'warned' : 'passed', symbol: '✓', word: 'PASSED', detail: extras.length > 0 ? ` — ${extras.join(', ')}` : '' };
}

function needsAttention(check: ReportCheck): boolean {
  return check.status === 'failed' || check.status === 'warned' || check.baseline?.state === 'fixed';
}

function section(operation: string, checks: ReportCheck[], decisions: Record<string, string>): Markup {
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
  const reason = check.status === 'skipped' ? html`<span class="skip-reason">skipped: ${check.message ?? 'no reason given'}</span>` : '';
  return html`<details class="check check-${check.status}${check.baseline ? ` baseline-${check.baseline.state}` : ''}" id="${anchorOf(check.id)}"${open ? new Markup(' open') : ''}>
<summary class="row"><span>${badge(check.status)}${baselineTag(check)}</span><code class="check-id">${check.id}</code><span class="check-title">${check.title}${reason}</span><span class="dur">${formatDuration(check.durationMs)}</span></summary>
<div class="detail">${detail(check, decisions)}</div>
</details>`;
}

function detail(check: ReportCheck, decisions: Record<string, string>): Markup {
  const failing = check.status === 'failed' || check.status === 'warned';
  const violations = failing && /(^|\.)body\.schema$/.test(check.id) ? pointerViolations(check.message, check.evidence?.response?.body) : undefined;
  const used = check.decisions ?? [];
  return html`
${check.baseline ? baselineNote(check) : ''}
<dl class="facts">
  ${check.expectation ? html`<dt>expected</dt><dd class="expectation">${check.expectation}</dd>` : ''}
  ${failing && check.message ? html`<dt>${check.status === 'warned' ? 'warning' : 'got'}</dt><dd class="got"><pre class="message">${check.message}</pre></dd>` : ''}
  ${check.status === 'skipped' ? html`<dt>skipped</dt><dd>${check.message ?? 'no reason given'}</dd>` : ''}
  ${check.status === 'passed' && check.message ? html`<dt>note</dt><dd>${check.message}</dd>` : ''}
</dl>
${violations && violations.length > 0 ? pointerTable(violations) : ''}
${
  used.length > 0
    ? html`<div class="decisions"><h4>Decisions this check relied on</h4><dl>${used.map(
        (id) => html`<dt><code>${id}</code></dt><dd>${decisions[id] ?? '(no summary recorded; see specs/decisions.yaml)'}</dd>`,
      )}</dl></div>`
    : ''
}
${check.evidence ? evidence(check.evidence.request, check.evidence.response, check.status === 'failed') : ''}
`;
}

function pointerTable(violations: PointerViolation[]): Markup {
  const looked = violations.some((v) => v.looked);
  return html`<div class="pointer-diff"><h4>Schema violations (JSON pointer into the response body)</h4>
<table><thead><tr><th scope="col">pointer</th><th scope="col" aria-hidden="true"></th><th scope="col">why</th>${looked ? html`<th scope="col">value found</th>` : ''}</tr></thead><tbody>
${violations.map(
  (v) => html`<tr><td><code class="pointer">${v.pointer === '' ? '/ (the body)' : v.pointer}</code></td><td class="arrow" aria-hidden="true">→</td><td>${v.why}</td>${
    looked ? html`<td>${v.found ? html`<code class="value">${shortJson(v.value)}</code>` : html`<span class="absent">(absent)</span>`}</td>` : ''
  }</tr>`,
)}
</tbody></table>${looked ? '' : html`<p class="note">The response body is not JSON, so no values are shown.</p>`}</div>`;
}

function evidence(request: Message, response: Reply | undefined, open: boolean): Markup {
  return html`<div class="evidence">
<details class="exchange exchange-request"><summary><span class="ex-label">request</span> <code>${request.method} ${request.url}</code></summary>
${headersTable(request.headers)}${bodyBlock(request.body, request.headers)}
</details>
${
  response
    ? html`<details class="exchange exchange-response"${open ? new Markup(' open') : ''}><summary><span class="ex-label">response</span> <code>${response.status}</code> <span class="ex-type">${headerValue(response.headers, 'content-type') ?? 'no content type'}</span></summary>
${headersTable(response.headers)}${bodyBlock(response.body, response.headers)}
</details>`
    : html`<p class="note">No response: the request never got one.</p>`
}
</div>`;
}

function headersTable(headers: Record<string, string>): Markup {
  const entries = Object.entries(headers);
  if (entries.length === 0) return html`<p class="note">no headers</p>`;
  return html`<table class="headers"><tbody>${entries.map(([name, value]) => html`<tr><th scope="row">${name}</th><td><code>${value}</code></td></tr>`)}</tbody></table>`;
}

function bodyBlock(body: string | undefined, headers: Record<string, string>): Markup {
  if (body === undefined || body === '') return html`<p class="note">no body</p>`;
  let text = body;
  let kind = 'text';
  const type = headerValue(headers, 'content-type') ?? '';
  if (/json/i.test(type) || /^\s*[[{]/.test(body)) {
    try {
      text = JSON.stringify(JSON.parse(body) as unknown, null, 2);
      kind = 'JSON';
    } catch {
      kind = 'text (not valid JSON)';
    }
  }
  const cut = text.length > MAX_BODY_CHARS ? text.length - MAX_BODY_CHARS : 0;
  return html`<div class="body"><div class="body-kind">body · ${kind}</div><pre>${cut > 0 ? text.slice(0, MAX_BODY_CHARS) : text}</pre>${
    cut > 0 ? html`<p class="note">… ${cut} more characters; results.json has the whole body</p>` : ''
  }</div>`;
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

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function formatStart(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} UTC`;
}

/**
 * Evidence is scrubbed where it is captured; as with results.json, a second pass here guards messages
 * and anything added later (string by string, so the structure is untouched).
 */
function scrubbed(results: ReportResults): ReportResults {
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubText(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)]));
    return value;
  };
  const copy = deep(results) as ReportResults;
  for (const check of copy.checks) {
    if (check.evidence) {
      check.evidence.request.headers = scrubHeaders(check.evidence.request.headers);
      if (check.evidence.response) check.evidence.response.headers = scrubHeaders(check.evidence.response.headers);
    }
  }
  return copy;
}

export function writeReport(config: { reportDir: string }, results: RunResults): string {
  mkdirSync(config.reportDir, { recursive: true });
  const file = path.join(config.reportDir, 'report.html');
  writeFileSync(file, renderReport(results));
  return file;
}

// Colours carry meaning twice: every status also has its word and symbol, so the page reads in greyscale.
const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;
--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--skip:#59636e;--skip-bg:#eff2f5;--warn:#9a6700;--warn-bg:#fff8c5;
--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",Arial,sans-serif}
code,pre{font-family:var(--mono);font-size:13px}
pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
header.top{padding:20px 28px 14px;border-bottom:1px solid var(--line);background:var(--panel)}
.title-row{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px}
h1{font-size:20px;margin:0;font-weight:600}
.verdict{margin:0;padding:3px 12px;border-radius:6px;font-weight:700;letter-spacing:.02em;border:2px solid}
.verdict-detail{font-weight:500}
.verdict-passed{color:var(--pass);background:var(--pass-bg)}
.verdict-failed{color:var(--fail);background:var(--fail-bg)}
.verdict-warned{color:var(--warn);background:var(--warn-bg)}
.totals{display:flex;flex-wrap:wrap;gap:10px;list-style:none;margin:14px 0;padding:0}
.total{min-width:120px;padding:8px 14px;border-radius:8px;border:2px solid;background:var(--bg)}
.total-n{font-size:26px;font-weight:700;line-height:1.1;display:block}
.total-word{font-weight:600;text-transform:uppercase;font-size:12px;letter-spacing:.06em}
.total-note{display:block;font-size:12px;color:var(--muted)}
.total-passed{color:var(--pass);background:var(--pass-bg)}
.total-failed{color:var(--fail);background:var(--fail-bg);border-width:3px}
.total-skipped{color:var(--skip);background:var(--skip-bg);border-style:dashed}
.total-warned{color:var(--warn);background:var(--warn-bg);border-style:dotted;border-width:3px}
.total-zero{opacity:.55;background:var(--bg)}
.total-failed.total-zero{border-width:2px}
.meta{display:flex;flex-wrap:wrap;gap:4px 26px;margin:0}
.meta div{display:flex;gap:6px;align-items:baseline}
.meta dt{color:var(--muted);font-size:13px}
.meta dd{margin:0;overflow-wrap:anywhere}
.reproduce{margin:10px 0 0;font-size:13px;color:var(--muted)}
.reproduce code{color:var(--fg);background:var(--bg);padding:1px 5px;border:1px solid var(--line);border-radius:4px}
main{padding:6px 28px 24px;max-width:1400px}
h2{font-size:17px;margin:22px 0 8px}
.op-name{font-family:var(--mono);font-size:17px}
.op-counts{font-size:13px;font-weight:500;color:var(--muted);margin-left:8px}
.count-failed{color:var(--fail);font-weight:700}.count-warned{color:var(--warn);font-weight:700}
.errors{border:2px solid var(--fail);background:var(--fail-bg);border-radius:8px;padding:4px 16px 12px;margin-top:18px}
.errors h2{color:var(--fail);margin-top:10px}
.attention{border:1px solid var(--line);border-left:5px solid var(--fail);border-radius:8px;padding:2px 16px 10px;margin-top:18px}
.attention h2{font-size:15px;margin:10px 0 6px}
.attention ul{margin:0;padding:0;list-style:none}.attention li{margin:4px 0}
.attention a{color:inherit}
.attn-title{color:var(--muted)}
.checks{border:1px solid var(--line);border-radius:8px;overflow:hidden}
.row{display:grid;grid-template-columns:190px minmax(200px,330px) 1fr 80px;gap:12px;align-items:baseline;padding:7px 14px}
.row-head{background:var(--panel);font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:1px solid var(--line)}
.dur{text-align:right;color:var(--muted);font-variant-numeric:tabular-nums;font-size:13px}
details.check{border-bottom:1px solid var(--line)}
details.check:last-child{border-bottom:0}
details.check>summary{cursor:pointer;list-style:none}
details.check>summary::-webkit-details-marker{display:none}
details.check>summary:hover{background:var(--panel)}
.check-id{font-weight:600;overflow-wrap:anywhere}
.check-failed{border-left:5px solid var(--fail)}
.check-warned{border-left:5px solid var(--warn)}
.check-passed{border-left:5px solid transparent}
.check-skipped{border-left:5px solid transparent;color:var(--muted)}
.check-failed>summary,.check-warned>summary{background:#fff5f4}
.check-warned>summary{background:#fffcea}
.check-failed.baseline-known>summary{background:var(--panel)}
.skip-reason{display:block;font-size:13px;font-style:italic}
.badge{display:inline-block;padding:1px 8px;border-radius:12px;font-size:12px;font-weight:700;letter-spacing:.04em;border:1px solid;white-space:nowrap}
.badge-passed{color:var(--pass);background:var(--pass-bg)}
.badge-failed{color:#fff;background:var(--fail);border-color:var(--fail)}
.badge-skipped{color:var(--skip);background:var(--skip-bg);border-style:dashed}
.badge-warned{color:var(--warn);background:var(--warn-bg);border-width:2px}
.tag{display:inline-block;margin-left:4px;padding:0 6px;border-radius:4px;font-size:11px;font-weight:700;border:1px dashed var(--muted);color:var(--muted);white-space:nowrap}
.tag-fixed{border-style:solid;color:var(--pass);border-color:var(--pass)}
.detail{padding:4px 16px 14px 32px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 14px;margin:6px 0 10px}
.facts dt{font-weight:600;color:var(--muted);text-transform:uppercase;font-size:12px;letter-spacing:.06em;padding-top:2px}
.facts dd{margin:0}
.got pre{background:var(--fail-bg);border-left:3px solid var(--fail);padding:6px 10px;border-radius:4px}
.check-warned .got pre{background:var(--warn-bg);border-left-color:var(--warn)}
h4{font-size:13px;margin:12px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
table{border-collapse:collapse}
.pointer-diff table{width:100%;font-size:14px}
.pointer-diff th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;padding:4px 8px;border-bottom:1px solid var(--line)}
.pointer-diff td{padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
.pointer{font-weight:700}.arrow{color:var(--muted)}
.value{background:var(--panel);padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
.absent{color:var(--muted);font-style:italic}
.decisions dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0;font-size:14px}
.decisions dd{margin:0}
.baseline-note{margin:8px 0;padding:6px 10px;border:1px dashed var(--muted);border-radius:6px;background:var(--panel);font-size:14px}
.baseline-note-fixed{border-style:solid;border-color:var(--pass);background:var(--pass-bg)}
.evidence{margin-top:12px;display:grid;gap:8px}
details.exchange{border:1px solid var(--line);border-radius:6px;background:var(--bg)}
details.exchange>summary{cursor:pointer;padding:6px 10px;background:var(--panel);border-radius:6px;overflow-wrap:anywhere}
details.exchange[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
.ex-label{font-weight:700;text-transform:uppercase;font-size:12px;letter-spacing:.06em;margin-right:4px}
.ex-type{color:var(--muted);font-size:13px}
table.headers{margin:8px 10px;font-size:13px}
table.headers th{text-align:left;font-weight:600;padding:1px 14px 1px 0;vertical-align:top;font-family:var(--mono);white-space:nowrap}
table.headers td{padding:1px 0;overflow-wrap:anywhere}
.body{margin:4px 10px 10px}
.body-kind{font-size:12px;color:var(--muted);margin-bottom:2px}
.body pre{background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:8px 10px;max-height:480px;overflow:auto}
.note{color:var(--muted);font-size:13px;margin:6px 10px}
.empty{font-size:16px;color:var(--fail);font-weight:600}
footer{padding:10px 28px 28px;color:var(--muted);font-size:12px}
@media (max-width:760px){.row{grid-template-columns:1fr;gap:2px}.dur{text-align:left}.row-head{display:none}header.top,main{padding-left:12px;padding-right:12px}}
`;
