/**
 * The one rule for where a request may go: a URL is requested only when its origin — scheme, host and
 * port, compared as parsed origins, never as string prefixes — is the base URL's. Every path of the run
 * that follows a URL a server wrote (next links in lists and query reads, sweep, diff, clean-up) asks
 * here first; a link elsewhere is named in the verdict and never requested, with or without a token.
 */

/** The origin of an absolute http(s) URL (scheme and host lower-cased, default port dropped), or undefined. */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
}

/** True when `url` is an absolute http(s) URL (any case of the scheme: `HTTP://` is one too). */
export function isAbsoluteHttpUrl(url: string): boolean {
  return originOf(url) !== undefined;
}

export function sameOrigin(url: string, base: string): boolean {
  const a = originOf(url);
  return a !== undefined && a === originOf(base);
}

export type Destination = { ok: true; url: string } | { ok: false; why: string };

/**
 * Whether `url`, written by a server, may be requested on a run against `base`: the absolute URL to
 * request, or why not in words a verdict can quote (the foreign origin named, so the user sees where
 * the target pointed).
 */
export function destination(url: string, base: string): Destination {
  const origin = originOf(url);
  if (origin === undefined) return { ok: false, why: `${JSON.stringify(url.slice(0, 200))} is not an absolute http(s) URL` };
  const own = originOf(base);
  if (origin !== own)
    return { ok: false, why: `${url.length > 200 ? `${url.slice(0, 200)}…` : url} is on another origin (${origin}), not the target's (${own}): not requested` };
  return { ok: true, url: new URL(url).href };
}

/**
 * The part of `url` after `base`'s path, when `url` is on `base`'s origin and under its path at a
 * segment boundary (`/beta` holds `/beta/x` and `/beta?x`, not `/betax`); undefined otherwise.
 */
export function relativeToBase(url: string, base: string): string | undefined {
  if (!sameOrigin(url, base)) return undefined;
  const target = new URL(url);
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  const rest = `${target.pathname}${target.search}`;
  if (basePath === '') return rest;
  if (rest === basePath) return '';
  return rest.startsWith(`${basePath}/`) || rest.startsWith(`${basePath}?`) ? rest.slice(basePath.length) : undefined;
}
