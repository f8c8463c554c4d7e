/**
 * Maps a docs request line (`GET https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/{id}`)
 * to the slice's operation: the path template it matches and the method.
 *
 * The URL loses its scheme and host, query and fragment, and a leading version segment (`beta`, `v1.0`);
 * the rest is matched segment by segment against every path template of the slice. A `{param}` segment
 * matches any one segment; a segment with a key in it (`applications(appId='{appId}')`) matches that shape.
 * When several templates match, literal segments win over keys, keys over parameters, left to right
 * (`connectorGroups/$count` is the count, not a group with id `$count`). Graph's segments are
 * case-insensitive, so when nothing matches as written the match is tried again ignoring case.
 */
import type { HttpMethod, OpenApiDocument } from '../openapi/operations.js';

export type Resolution =
  | {
      ok: true;
      /** The slice's path template. */
      template: string;
      method: HttpMethod;
      /** The URL's path as matched: no host, query or version. */
      path: string;
      /** True when the path matched only ignoring case. */
      caseInsensitive: boolean;
    }
  | { ok: false; path: string; reason: string };

const VERSIONS = new Set(['beta', 'v1.0']);
const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete'];

/** The path of a docs URL relative to the API root: `/onPremisesPublishingProfiles/applicationProxy/connectorGroups`. */
export function apiPath(url: string): string {
  let rest = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  rest = rest.replace(/[?#].*$/s, '');
  const segments = rest
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSegment);
  if (segments.length > 0 && VERSIONS.has(segments[0]!.toLowerCase())) segments.shift();
  return `/${segments.join('/')}`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The slice operation a docs request line calls, or why there is none. */
export function resolveOperation(doc: OpenApiDocument, method: string, url: string): Resolution {
  const path = apiPath(url);
  const template = matchTemplate(Object.keys(doc.paths ?? {}), path);
  if (!template) return { ok: false, path, reason: `${path} is not in the slice (no path template matches it)` };
  const lower = method.toLowerCase() as HttpMethod;
  const item = doc.paths[template.template] ?? {};
  if (!METHODS.includes(lower) || typeof item[lower] !== 'object' || item[lower] === null) {
    const documented = METHODS.filter((m) => typeof item[m] === 'object' && item[m] !== null).map((m) => m.toUpperCase());
    return {
      ok: false,
      path,
      reason: `the slice has ${template.template} but no ${method.toUpperCase()} operation on it (documented: ${documented.join(', ') || 'none'})`,
    };
  }
  return { ok: true, template: template.template, method: lower, path, caseInsensitive: template.caseInsensitive };
}

/** The best template matching `path`: as written first, then ignoring case. */
export function matchTemplate(templates: readonly string[], path: string): { template: string; caseInsensitive: boolean } | undefined {
  const segments = path.split('/').filter((s) => s !== '');
  for (const caseInsensitive of [false, true]) {
    let best: { template: string; score: number[] } | undefined;
    for (const template of templates) {
      const score = matchSegments(template, segments, caseInsensitive);
      if (score && (!best || compareScores(score, best.score) > 0)) best = { template, score };
    }
    if (best) return { template: best.template, caseInsensitive };
  }
  return undefined;
}

/** Per segment 3 = literal, 2 = key segment, 1 = parameter; undefined when the template does not match. */
function matchSegments(template: string, segments: readonly string[], caseInsensitive: boolean): number[] | undefined {
  const parts = template.split('/').filter((s) => s !== '');
  if (parts.length !== segments.length) return undefined;
  const score: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (/^\{[^{}]+\}$/.test(part)) {
      score.push(1);
    } else if (part.includes('{')) {
      if (!segmentPattern(part, caseInsensitive).test(segment)) return undefined;
      score.push(2);
    } else {
      if (caseInsensitive ? part.toLowerCase() !== segment.toLowerCase() : part !== segment) return undefined;
      score.push(3);
    }
  }
  return score;
}

function segmentPattern(part: string, caseInsensitive: boolean): RegExp {
  const source = part
    .split(/(\{[^{}]+\})/)
    .map((piece) => (/^\{[^{}]+\}$/.test(piece) ? '(.+)' : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, caseInsensitive ? 'i' : '');
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}
