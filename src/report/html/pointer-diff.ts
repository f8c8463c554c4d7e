/** A schema failure as a pointer diff: each violation beside the value the response body holds at its pointer. */
import { html, type Markup } from './escape.js';
import type { Violation } from '../../openapi/validator.js';

export interface PointerViolation {
  /** JSON pointer into the response body ('' is the body itself). */
  pointer: string;
  why: string;
  /** Whether `value` was looked up (the body is JSON). */
  looked: boolean;
  found: boolean;
  value?: unknown;
}

/**
 * A schema failure's violations beside the value the response body holds at each pointer. A property
 * a violation names (an extra or a missing one) is pointed at itself, not at its parent. A body the
 * evidence kept cut (`bodyCut`) is not looked into: its head is not JSON.
 */
export function pointerViolations(
  violations: readonly Violation[] | undefined,
  responseBody: string | undefined,
  bodyCut = false,
): PointerViolation[] | undefined {
  if (!violations || violations.length === 0) return undefined;
  let body: { ok: boolean; value?: unknown } = { ok: false };
  if (!bodyCut && responseBody !== undefined && responseBody.trim() !== '') {
    try {
      body = { ok: true, value: JSON.parse(responseBody) as unknown };
    } catch {
      // Not JSON: the violations are listed without values.
    }
  }
  return violations.map((v) => {
    const pointer = v.property === undefined ? v.pointer : `${v.pointer}/${v.property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!body.ok) return { pointer, why: v.why, looked: false, found: false };
    return { pointer, why: v.why, looked: true, ...resolvePointer(body.value, pointer) };
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
    else if (current !== null && typeof current === 'object' && !Array.isArray(current) && Object.hasOwn(current, token))
      current = (current as Record<string, unknown>)[token];
    else return { found: false };
  }
  return { found: true, value: current };
}

/**
 * `total`: how many violations there were in all (results.json `violationsTotal`), when more than are
 * listed; `bodyCut`: the evidence holds the body cut, so no value could be looked up.
 */
export function pointerTable(violations: PointerViolation[], options: { total?: number; bodyCut?: boolean } = {}): Markup {
  const looked = violations.some((v) => v.looked);
  const more = (options.total ?? violations.length) - violations.length;
  const why = options.bodyCut
    ? 'The response body is kept cut in the evidence, so no values are shown.'
    : 'The response body is not JSON, so no values are shown.';
  return html`<div class="pointer-diff"><h4>Schema violations (JSON pointer into the response body)</h4>
<table><thead><tr><th scope="col">pointer</th><th scope="col" aria-hidden="true"></th><th scope="col">why</th>${looked ? html`<th scope="col">value found</th>` : ''}</tr></thead><tbody>
${violations.map(
  (v) =>
    html`<tr><td><code class="pointer">${v.pointer === '' ? '/ (the body)' : v.pointer}</code></td><td class="arrow" aria-hidden="true">→</td><td>${v.why}</td>${
      looked ? html`<td>${v.found ? html`<code class="value">${shortJson(v.value)}</code>` : html`<span class="absent">(absent)</span>`}</td>` : ''
    }</tr>`,
)}
</tbody></table>${more > 0 ? html`<p class="note">… and ${more.toLocaleString('en-US')} more violations, counted but not listed (${(options.total ?? 0).toLocaleString('en-US')} in all).</p>` : ''}${
    looked ? '' : html`<p class="note">${why}</p>`
  }</div>`;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
