/** Credentials: removed outright, never pseudonymised (nothing needs to match them on replay). */
import { BEARER, JWT, REDACTED, SECRET_FORM, SECRET_JSON, SECRET_JSON_ESCAPED, URL_USERINFO } from './patterns.js';

export { REDACTED };

const DROPPED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-ms-client-secret']);
/** Correlation ids: their names are no credential, whatever a broader rule might think. */
const KEPT_HEADERS = new Set(['client-request-id', 'request-id']);

/** Credential headers are dropped whole: the explicit ones, and any whose name says secret, token or cookie. */
export function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  if (KEPT_HEADERS.has(n)) return false;
  return DROPPED_HEADERS.has(n) || n.includes('secret') || n.includes('token') || n.includes('cookie');
}

/** JWTs anywhere, opaque bearer tokens, `client_secret=`-style forms, JSON secret fields (plain and JSON-in-a-string), URL user-info. */
export function redactCredentials(text: string): string {
  return text
    .replace(JWT, `${REDACTED}:jwt`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(SECRET_FORM, `$1=${REDACTED}`)
    .replace(SECRET_JSON, `$1"${REDACTED}"`)
    .replace(SECRET_JSON_ESCAPED, (_member: string, name: string, escape: string) => `${name}${escape}"${REDACTED}${escape}"`);
}
