/**
 * report.html of `diff`: what the target was compared with (meta.source, said loudly when it is not a
 * tenant), and the differences by behaviour (src/diff/behaviours.ts): a row each — id, kind, how many
 * answers show it, one example request with its recorded and target values — and the other requests that
 * show it folded under the example, so one way the target differs reads as one row however many requests
 * meet it. Values come from the target and are escaped like every other report.
 */
import { html, Markup } from './escape.js';
import { CSS, PAGE_HEAD_BEFORE_TITLE } from './style.js';
import type { RecordingSource } from '../../engine/cassette.js';
import type { Behaviour } from '../../diff/behaviours.js';

export interface DiffReportInput {
  baseUrl: string;
  sources: Record<string, RecordingSource>;
  requests: number;
  diffs: Array<{ id: string; request: string; pointer: string; recorded: unknown; target: unknown; recording: string; known?: string }>;
  behaviours: readonly Behaviour[];
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function renderDiffReport(input: DiffReportInput): string {
  const unknown = input.diffs.filter((d) => d.known === undefined).length;
  const notTenant = Object.entries(input.sources).filter(([, source]) => source !== 'graph-tenant');
  const verdict = unknown === 0 ? 'NO DIFFERENCE' : `${unknown} DIFFERENCE${unknown === 1 ? '' : 'S'}`;
  const rows = input.behaviours.map((b) => {
    const all = input.diffs.filter((d) => d.id === b.id);
    const others =
      all.length > 1
        ? html`<details><summary>all ${all.length} requests</summary><ul>${all.map(
            (d) => html`<li><code>${d.request}</code>: recorded <code>${show(d.recorded)}</code>, target <code>${show(d.target)}</code></li>`,
          )}</ul></details>`
        : '';
    return html`<tr><td><code>${b.id}</code>${b.known !== undefined ? html` <em>(known: ${b.known})</em>` : ''}</td><td>${b.kind}</td><td>${b.count}</td><td><code>${b.example.request}</code>${others}</td><td><pre>${show(b.example.recorded)}</pre></td><td><pre>${show(b.example.target)}</pre></td></tr>`;
  });
  const behaviours = `${input.behaviours.length} behaviour${input.behaviours.length === 1 ? '' : 's'}`;
  return html`${new Markup(PAGE_HEAD_BEFORE_TITLE)}<title>${verdict} · graph-conformance diff · ${input.baseUrl}</title>
<style>${new Markup(CSS)}</style>
</head>
<body>
<header class="top"><div class="title-row"><h1>graph-conformance diff</h1><p class="verdict ${unknown === 0 ? 'verdict-passed' : 'verdict-failed'}">${verdict}</p></div>
<p><code>${input.baseUrl}</code> against the recordings, ${input.requests} requests: ${input.diffs.length} difference${input.diffs.length === 1 ? '' : 's'} in ${behaviours}, one row each with one example.</p>
${notTenant.length > 0 ? html`<p class="verdict verdict-warned">Compared with recordings not made against Microsoft Graph: ${notTenant.map(([name, source]) => `${name} (${source})`).join(', ')}.</p>` : ''}
</header>
<main>
<table><thead><tr><th>behaviour</th><th>kind</th><th>answers</th><th>example request</th><th>recorded</th><th>target</th></tr></thead><tbody>
${rows}
</tbody></table>
</main>
</body>
</html>
`.value;
}
