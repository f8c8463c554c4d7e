/** Credentials: removed outright, never pseudonymised (nothing needs to match them on replay). */
import {
  BASIC,
  BEARER,
  CONNECTION_KEY,
  CREDENTIAL_PARAM,
  JWT,
  OPAQUE_TOKEN,
  REDACTED,
  SAS_SIGNATURE,
  SECRET_FORM,
  SECRET_JSON,
  SECRET_JSON_ESCAPED,
  URL_USERINFO,
  isBasicCredential,
  looksRandom,
} from './patterns.js';

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

/**
 * By value first, whatever the name around it: JWTs, opaque `0.A…`/`1.A…` tokens, `Bearer`/`Basic`
 * credentials, connection-string keys, SAS signatures, random values of `token=`/`key=`-like parameters;
 * then by name: `client_secret=`-style forms, JSON secret fields (plain and JSON-in-a-string), URL user-info.
 */
export function redactCredentials(text: string): string {
  return text
    .replace(JWT, `${REDACTED}:jwt`)
    .replace(OPAQUE_TOKEN, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(BASIC, (all: string, scheme: string, base64: string) => (isBasicCredential(base64) ? `${scheme}${REDACTED}` : all))
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(CONNECTION_KEY, `$1${REDACTED}`)
    .replace(SAS_SIGNATURE, `$1${REDACTED}`)
    .replace(CREDENTIAL_PARAM, (all: string, name: string, value: string) => (looksRandom(value) ? `${name}${REDACTED}` : all))
    .replace(SECRET_FORM, `$1=${REDACTED}`)
    .replace(SECRET_JSON, `$1"${REDACTED}"`)
    .replace(SECRET_JSON_ESCAPED, (_member: string, name: string, escape: string) => `${name}${escape}"${REDACTED}${escape}"`);
}
