/**
 * Prism says what its validator found in an `sl-violations` response header, a JSON array of
 * `{location, severity, code, message}`, both as a mock (`prism mock`: the target itself) and as a
 * validating proxy in front of the target (`prism proxy --errors`, which also replaces the target's answer
 * by its own 500, so every check fails on a response the target never sent). The answer alone does not
 * say which role Prism played, so a failure names what was seen — Prism's report, quoted — and not who
 * stood where; the reader can then tell a fault of the server from an opinion of Prism's validator.
 */

export const PROXY_VIOLATIONS_HEADER = 'sl-violations';

/** Prism cuts a header longer than ~8 KB and prefixes what is left with this. */
const CUT_PREFIX = 'Too many violations! ';
const SHOWN = 3;

interface Entry {
  severity?: string;
  message: string;
}

/**
 * One line summing up Prism's `sl-violations` header, or undefined when there is none:
 * `sl-violations (1 error): Response body property @odata.context must be object`.
 */
export function proxyViolations(headers: Record<string, string>): string | undefined {
  const raw = headerValue(headers, PROXY_VIOLATIONS_HEADER)?.trim();
  if (!raw) return undefined;
  const cut = raw.startsWith(CUT_PREFIX);
  const json = cut ? raw.slice(CUT_PREFIX.length) : raw;
  const entries = parseEntries(json) ?? salvageEntries(json);
  if (entries.length === 0) return `${PROXY_VIOLATIONS_HEADER}: ${oneLine(raw).slice(0, 200)}`;

  const shown = entries.slice(0, SHOWN).map((e) => oneLine(e.message));
  const rest = entries.length - shown.length;
  const list = shown.join('; ') + (rest > 0 ? `; and ${rest} more` : '');
  const counts = countBySeverity(entries, cut);
  return `${PROXY_VIOLATIONS_HEADER} (${counts}${cut ? ', header cut short by Prism' : ''}): ${list}`;
}

/**
 * `message` with Prism's report appended when the response carries one. Prism writes the header as the
 * mock and as a proxy in front alike, and the answer does not say which, so the note claims neither.
 */
export function withProxyReport(message: string, headers: Record<string, string> | undefined): string {
  const report = headers ? proxyViolations(headers) : undefined;
  return report === undefined ? message : `${message} (the answer carries Prism's validation report, from Prism as the mock or as a proxy in front: ${report})`;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  if (headers[name] !== undefined) return headers[name];
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function parseEntries(json: string): Entry[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item): Entry[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { message, severity } = item as { message?: unknown; severity?: unknown };
    if (typeof message !== 'string') return [];
    return [{ message, ...(typeof severity === 'string' && { severity }) }];
  });
}

/** A cut header is no longer JSON: take the complete entries it still holds. */
function salvageEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const match of text.matchAll(/\{[^{}]*?"severity":"([^"]*)"[^{}]*?"message":"((?:[^"\\]|\\.)*)"[^{}]*\}/g)) {
    let message: string;
    try {
      message = JSON.parse(`"${match[2] ?? ''}"`) as string;
    } catch {
      continue;
    }
    entries.push({ message, ...(match[1] && { severity: match[1] }) });
  }
  return entries;
}

function countBySeverity(entries: readonly Entry[], cut: boolean): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const severity = (e.severity ?? 'unknown').toLowerCase();
    counts.set(severity, (counts.get(severity) ?? 0) + 1);
  }
  const atLeast = cut ? 'at least ' : '';
  return [...counts].map(([severity, n]) => `${atLeast}${n} ${severity}${n === 1 ? '' : 's'}`).join(', ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
