/**
 * The report's Coverage section: what the run sent, against everything the slice documents. A matrix row
 * per operation (statuses seen, query parameters sent), then what was not sent and why, so a passing run
 * that never touched an operation cannot be mistaken for one that judged it.
 */
import { coverageGaps, coverageLine, isSuccess, shortPath, type Coverage, type CoverageGap, type CoverageItem } from '../coverage.js';
import { html, Markup } from './escape.js';

export function coverageSection(coverage: Coverage): Markup {
  const items = coverage.operations.items;
  // One column per parameter name across the slice, so `$top` lines up from one operation to the next.
  const columns = [...new Set(items.flatMap((i) => Object.keys(i.parameters)))];
  const gaps = coverageGaps(coverage);
  return html`<section class="coverage" id="coverage" aria-labelledby="coverage-h">
<h2 id="coverage-h">Coverage</h2>
<p class="coverage-line">${coverageLine(coverage)}</p>
<div class="coverage-scroll" role="region" aria-labelledby="coverage-caption" tabindex="0">
<table class="coverage-matrix">
<caption id="coverage-caption">Every operation of the slice: the statuses the target answered with and the query parameters the run sent</caption>
<colgroup span="3"></colgroup>${columns.length > 0 ? html`<colgroup span="${columns.length}"></colgroup>` : ''}
<thead>
<tr><th scope="col"${rowspan(columns)}>operation</th><th scope="col"${rowspan(columns)}>name</th><th scope="col"${rowspan(columns)}>statuses seen</th>${
    columns.length > 0 ? html`<th scope="colgroup" colspan="${columns.length}" class="cov-params-h">query parameters</th>` : ''
  }</tr>
${columns.length > 0 ? html`<tr>${columns.map((c) => html`<th scope="col" class="cov-param-h"><code>${c}</code></th>`)}</tr>` : ''}
</thead>
<tbody>
${items.map((item) => row(item, columns))}
</tbody>
</table>
</div>
${gapList(gaps)}
</section>`;
}

function rowspan(columns: string[]): Markup {
  return new Markup(columns.length > 0 ? ' rowspan="2"' : '');
}

function row(item: CoverageItem, columns: string[]): Markup {
  const kind = !item.exercised ? ' cov-unexercised' : item.onlyErrors ? ' cov-only-errors' : '';
  return html`<tr class="cov-row${kind}" id="coverage-${item.name}">
<th scope="row">${at(item)}</th>
<td><code class="cov-name">${item.name}</code></td>
<td class="cov-statuses">${statuses(item)}</td>
${columns.map((c) => parameterCell(item, c))}
</tr>`;
}

// Long templates break after a slash, never at the hyphen inside `{connectorGroup-id}`.
function at(where: { method: string; path: string }): Markup {
  const segments = shortPath(where.path).split('/');
  return html`<span class="cov-method">${where.method}</span> <code class="cov-path" title="${where.path}">${segments.map((s, i) => html`${i > 0 ? html`/<wbr>` : ''}<span>${s}</span>`)}</code>`;
}

function statuses(item: CoverageItem): Markup {
  if (!item.exercised) return html`<span class="tag tag-unexercised">not exercised</span>`;
  return html`${item.statuses.map((s, i) => html`${i > 0 ? ' ' : ''}<span class="cov-status cov-status-${statusClass(s)}">${s}</span>`)}${
    item.onlyErrors ? html` <span class="tag tag-only-errors">only errors</span>` : ''
  }`;
}

function statusClass(status: number): string {
  if (isSuccess(status)) return '2xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500 && status < 600) return '5xx';
  return 'other';
}

// Symbols are for the eye only; the words beside them are what a screen reader announces.
function parameterCell(item: CoverageItem, column: string): Markup {
  const sent = item.parameters[column];
  if (sent === undefined) return html`<td class="cov-na"><span class="sr-only">not a parameter of this operation</span></td>`;
  return sent
    ? html`<td class="cov-sent"><span aria-hidden="true">✓</span><span class="sr-only">sent</span></td>`
    : html`<td class="cov-unsent"><span aria-hidden="true">–</span><span class="sr-only">not sent</span></td>`;
}

function gapList(gaps: CoverageGap[]): Markup {
  if (gaps.length === 0) return html`<p class="coverage-complete">Every operation and every query parameter was exercised.</p>`;
  return html`<h3 id="coverage-gaps-h">Not exercised (${gaps.length})</h3>
<ul class="coverage-gaps" aria-labelledby="coverage-gaps-h">${gaps.map(
    (gap) =>
      html`<li>${at(gap)} <code class="cov-name">${gap.name}</code>: ${
        gap.parameter !== undefined
          ? html`<code>${gap.parameter}</code> never sent`
          : html`not exercised${gap.reason !== undefined ? html` <span class="cov-reason">(${gap.reason})</span>` : ' (no reason recorded)'}`
      }</li>`,
  )}</ul>`;
}
