/**
 * The shapes the scrubber replaces and the fixtures check looks for, in one place so the two never
 * disagree. All are global: use them with `replace`/`matchAll` only (never `.test`, which keeps state).
 */

/** What a removed credential is replaced by (`<redacted>:jwt` for a JWT). */
export const REDACTED = '<redacted>';

/**
 * A JSON Web Token: three base64url segments, the first a JSON header (`{"…` is `eyJ`). It starts where a
 * run of base64url characters starts, which also keeps the scan linear on long unbroken strings.
 */
export const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

/** Any 8-4-4-4-12 hex GUID, whatever surrounds it (a path segment, `%2F…`, a JSON string). */
export const GUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/g;

/**
 * An e-mail address or UPN, also URL-encoded (`alice%40contoso.com`) and as a guest UPN
 * (`bob_fabrikam.com#EXT#@contoso.onmicrosoft.com`). Group 1 the local part, 2 the domain. It never
 * starts inside a `%XX` escape or inside a run of local-part characters (which also keeps it linear on long
 * unbroken strings: a match can start only where such a run starts), and the domain ends in a letters-only
 * label (so `pkg@1.2.3` is none).
 */
export const ADDRESS = /(?<!%[0-9A-Fa-f]?|[A-Za-z0-9._+#-])((?:[A-Za-z0-9._+#-]|%2[3Bb])+)(?:@|%40)((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?![A-Za-z0-9-])/g;

/** OData / Graph annotations look like addresses (`members@odata.nextLink`) and are none. */
export function isAnnotationDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return d.startsWith('odata.') || d.startsWith('microsoft.graph.');
}

/**
 * Hosts that name a tenant: `contoso.onmicrosoft.com`, `contoso.mail.onmicrosoft.com`, and app proxy's
 * `app-contoso.msappproxy.net`. Nothing else is touched (graph.microsoft.com, login.microsoftonline.com,
 * localhost, 127.0.0.1, *.invalid never match).
 */
export const TENANT_HOST = /(?<![A-Za-z0-9.-])(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+\.(?:onmicrosoft\.com|msappproxy\.net)(?![A-Za-z0-9-])/gi;

/** Names whose values are credentials, in forms and query strings (`name=value`). */
const SECRET_NAMES = 'client_secret|client_assertion|refresh_token|access_token|id_token|password';

/**
 * JSON members whose string (or number) value is a credential: the form names, `secretText`, and any
 * name ending in secret, token, password, cookie, authorization or assertion (`clientSecret`,
 * `"x-refresh-token"`, a serialised `"set-cookie"` or `"authorization"` header). Objects, arrays and
 * booleans under such names are left alone: they are structure, not the secret.
 */
const SECRET_KEY = `(?:${SECRET_NAMES}|secretText|[A-Za-z0-9_.-]*(?:secret|token|password|cookie|authorization|assertion))`;

/** `client_secret=…` in a query or form body; the value stops at `&`, white space, a quote or a backslash. */
export const SECRET_FORM = new RegExp(`(${SECRET_NAMES})=[^&\\s"'\\\\]+`, 'gi');

/** `"client_secret": "…"` (or a bare number) in JSON; a value already redacted stays as it is. */
export const SECRET_JSON = new RegExp(`("${SECRET_KEY}"\\s*:\\s*)(?:"(?!${REDACTED}(?::jwt)?")(?:[^"\\\\]|\\\\.)*"|-?[0-9][0-9.eE+-]*)`, 'gi');

/**
 * The same inside JSON held in a JSON string, at any depth of escaping (`\"client_secret\":\"…\"`, a body
 * inside results.json; `\\\"…` one level further). Group 2 is the escape in front of each quote.
 */
export const SECRET_JSON_ESCAPED = new RegExp(
  `((\\\\+)"${SECRET_KEY}\\2"\\s*:\\s*)(?:\\2"(?!${REDACTED}(?::jwt)?\\2")(?:[^"\\\\]|\\\\.)*?(?<!\\\\)\\2"|-?[0-9][0-9.eE+-]*)`,
  'gi',
);

/** Credentials in a URL's user-info: `https://user:password@host`; the scheme starts a run (linear scan). */
export const URL_USERINFO = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@:"'\\]+:[^\s/?#@"'\\]+@/gi;

/** An opaque bearer token echoed somewhere other than Authorization (JWTs are caught by JWT already). */
export const BEARER = /\b(Bearer)\s+(?![A-Za-z_-]+=")[A-Za-z0-9._~+/-]{16,}=*/g;
