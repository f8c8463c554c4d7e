/**
 * report.html of `diff`: what the target was compared with (meta.source, said loudly when it is not a
 * tenant), and every difference as a row — id, request, pointer, recorded value, target value. Values
 * come from the target and are escaped like every other report.
 */
import { html, Markup } from './escape.js';
import { CSS, PAGE_HEAD_BEFORE_TITLE } from './style.js';
import type { RecordingSource } from '../../engine/cassette.js';

export interface DiffReportInput {
  baseUrl: string;
  sources: Record<string, RecordingSource>;
  requests: number;
  diffs: Array<{ id: string; request: string; pointer: string; recorded: unknown; target: unknown; recording: string; known?: string }>;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function renderDiffReport(input: DiffReportInput): string {
  const unknown = input.diffs.filter((d) => d.known === undefined).length;
  const notTenant = Object.entries(input.sources).filter(([, source]) => source !== 'graph-tenant');
  const verdict = unknown === 0 ? 'NO DIFFERENCE' : `${unknown} DIFFERENCE${unknown === 1 ? '' : 'S'}`;
  const rows = input.diffs.map(
    (d) =>
      html`<tr><td><code>${d.id}</code>${d.known !== undefined ? html` <em>(known: ${d.known})</em>` : ''}</td><td><code>${d.request}</code></td><td><pre>${show(d.recorded)}</pre></td><td><pre>${show(d.target)}</pre></td></tr>`,
  );
  return html`${new Markup(PAGE_HEAD_BEFORE_TITLE)}<title>${verdict} · graph-conformance diff · ${input.baseUrl}</title>
<style>${new Markup(CSS)}</style>
</head>
<body>
<header class="top"><div class="title-row"><h1>graph-conformance diff</h1><p class="verdict ${unknown === 0 ? 'verdict-passed' : 'verdict-failed'}">${verdict}</p></div>
<p><code>${input.baseUrl}</code> against the recordings, ${input.requests} requests.</p>
${notTenant.length > 0 ? html`<p class="verdict verdict-warned">Compared with recordings not made against Microsoft Graph: ${notTenant.map(([name, source]) => `${name} (${source})`).join(', ')}.</p>` : ''}
</header>
<main>
<table><thead><tr><th>difference</th><th>request</th><th>recorded</th><th>target</th></tr></thead><tbody>
${rows}
</tbody></table>
</main>
</body>
</html>
`.value;
}
