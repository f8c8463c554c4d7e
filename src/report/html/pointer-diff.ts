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
 * a violation names (an extra or a missing one) is pointed at itself, not at its parent.
 */
export function pointerViolations(violations: readonly Violation[] | undefined, responseBody: string | undefined): PointerViolation[] | undefined {
  if (!violations || violations.length === 0) return undefined;
  let body: { ok: boolean; value?: unknown } = { ok: false };
  if (responseBody !== undefined && responseBody.trim() !== '') {
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
    else if (current !== null && typeof current === 'object' && !Array.isArray(current) && Object.hasOwn(current, token)) current = (current as Record<string, unknown>)[token];
    else return { found: false };
  }
  return { found: true, value: current };
}

export function pointerTable(violations: PointerViolation[]): Markup {
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

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
