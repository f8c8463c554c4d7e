/** The request and response a check captured, as collapsible blocks: headers, then the body pretty-printed. */
import type { CheckResult } from '../results.js';
import type { BodyCut } from '../../engine/outcome.js';
import { html, Markup } from './escape.js';

type Message = NonNullable<CheckResult['evidence']>['request'];
type Reply = NonNullable<NonNullable<CheckResult['evidence']>['response']>;

/** Bodies longer than this are cut in the page (results.json keeps them as the evidence holds them). */
export const MAX_BODY_CHARS = 100_000;

export function evidence(request: Message, response: Reply | undefined, open: boolean, retries?: number, resentAfter?: 'reset' | 'closed'): Markup {
  return html`<div class="evidence">
${retriesNote(retries)}${resentNote(resentAfter)}<details class="exchange exchange-request"><summary><span class="ex-label">request</span> <code>${request.method} ${request.url}</code></summary>
${headersTable(request.headers)}${bodyBlock(request.body, request.headers, request)}
</details>
${
  response
    ? html`<details class="exchange exchange-response"${open ? new Markup(' open') : ''}><summary><span class="ex-label">response</span> <code>${response.status}</code> <span class="ex-type">${headerValue(response.headers, 'content-type') ?? 'no content type'}</span></summary>
${headersTable(response.headers)}${bodyBlock(response.body, response.headers, response)}
</details>`
    : html`<p class="note">No response: the request never got one.</p>`
}
</div>`;
}

/** Said above a request sent twice: its first connection ended before any answer (a stale keep-alive connection, most often). */
function resentNote(resentAfter: 'reset' | 'closed' | undefined): Markup | string {
  if (!resentAfter) return '';
  return html`<p class="note retries">The first connection carrying this request was ${resentAfter} before any answer, and it was sent once more; the response below answers the second attempt.</p>
`;
}

/** Said above a request the target throttled first: the attempts before the answer judged are not shown. */
function retriesNote(retries: number | undefined): Markup | string {
  if (!retries) return '';
  return html`<p class="note retries">The target throttled this request first: ${retries} answer${retries === 1 ? '' : 's'} (429/503) waited out and sent again; the response below is the one judged.</p>
`;
}

function headersTable(headers: Record<string, string>): Markup {
  const entries = Object.entries(headers);
  if (entries.length === 0) return html`<p class="note">no headers</p>`;
  return html`<table class="headers"><tbody>${entries.map(([name, value]) => html`<tr><th scope="row">${name}</th><td><code>${value}</code></td></tr>`)}</tbody></table>`;
}

function bodyBlock(body: string | undefined, headers: Record<string, string>, kept: BodyCut): Markup {
  if (body === undefined || body === '') return html`<p class="note">no body</p>`;
  if (kept.bodyTruncated) return cutBodyBlock(body, kept);
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

/**
 * A body the evidence kept cut (MAX_EVIDENCE_BODY_BYTES): shown as the text it is, since its head is
 * not JSON to pretty-print, with how much of it this is and the digest that names the whole.
 */
function cutBodyBlock(body: string, cut: BodyCut): Markup {
  const kept = Buffer.byteLength(body);
  const total = cut.bodyBytes === undefined ? 'an untold number of' : cut.bodyBytes.toLocaleString('en-US');
  return html`<div class="body body-cut"><div class="body-kind">body · cut: the first ${kept.toLocaleString('en-US')} of ${total} bytes</div><pre>${body}</pre><p class="note">… the body goes on: ${total} bytes in all${
    cut.bodySha256 ? html`, sha256 <code class="digest">${cut.bodySha256}</code>` : ''
  }. Neither results.json nor this page keeps more of it.</p></div>`;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
