/** Credentials: removed outright, never pseudonymised (nothing needs to match them on replay). */
import {
  AWS_SECRET_ASSIGNMENT,
  BASIC,
  BEARER,
  CONNECTION_KEY,
  CREDENTIAL_HEADER_NAMES,
  CREDENTIAL_KEY_WORDS,
  CREDENTIAL_PARAM,
  JWT,
  OPAQUE_TOKEN,
  PEM_PRIVATE_KEY,
  STRIPE_KEY,
  REDACTED,
  SAS_SIGNATURE,
  SECRET_FORM,
  SECRET_JSON,
  SECRET_JSON_ESCAPED,
  URL_USERINFO,
  isBasicCredential,
  looksRandom,
} from './patterns.js';
import { redactKnownSecrets } from './secret-rules.js';

export { REDACTED };

const DROPPED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-ms-client-secret', ...CREDENTIAL_HEADER_NAMES]);

/**
 * Parts of a name that say its value is a credential: secret, token, cookie, password, passwd,
 * authorization (`proxy-authorization`, `x-ms-authorization-auxiliary`), and the keys services are called
 * with (patterns.ts CREDENTIAL_KEY_WORDS): `x-api-key`, `api-key` (Azure OpenAI, AI Search), `apikey`,
 * `x-goog-api-key`, `ocp-apim-subscription-key` (API Management, Azure AI services), `x-functions-key`
 * (Azure Functions), `x-ms-encryption-key` and `x-amz-server-side-encryption-customer-key` (a customer's own
 * encryption key), `x-auth-key` (Cloudflare). `x-amz-security-token` and `x-goog-iam-authorization-token`
 * say token.
 */
const CREDENTIAL_NAME_PARTS = [
  'secret',
  'token',
  'cookie',
  'password',
  'passwd',
  'authorization',
  ...CREDENTIAL_KEY_WORDS.flatMap((word) => [`${word}-key`, `${word}_key`, `${word}key`]),
];

/** Correlation ids: their names are no credential, whatever a broader rule might think. */
const KEPT_HEADERS = new Set(['client-request-id', 'request-id']);

/** Credential headers are dropped whole: the explicit ones, and any whose name holds a credential part above. */
export function isCredentialHeader(name: string): boolean {
  const n = name.toLowerCase();
  if (KEPT_HEADERS.has(n)) return false;
  return DROPPED_HEADERS.has(n) || CREDENTIAL_NAME_PARTS.some((part) => n.includes(part));
}

/**
 * By value first, whatever the name around it: PEM private keys, JWTs, opaque `0.A…`/`1.A…` tokens,
 * `Bearer`/`Basic` credentials, connection-string keys, SAS signatures, random values of `token=`/`key=`-like
 * parameters; then by name: AWS secret access keys, `client_secret=`-style forms, JSON secret fields (plain
 * and JSON-in-a-string), URL user-info; last, by value again, the well-known formats of a maintained rule
 * set (./secret-rules.ts: cloud keys, private keys, service tokens). The rule set comes last so that what
 * the patterns keep readable (`https://<redacted>@host`, `aws_secret_access_key=<redacted>`) is already in
 * that form, and the rules see the rest.
 */
export function redactCredentials(text: string): string {
  const known = redacted.get(text);
  if (known !== undefined) return known;
  const out = redactKnownSecrets(redactByPattern(text), REDACTED);
  remember(text, out);
  return out;
}

/**
 * What was redacted already, by the text it was read from: a run's reports scrub the same bodies and headers
 * once per check that cites them, in every report (redaction depends on the text alone). The oldest go first
 * past REDACTED_MEMO_CHARS.
 */
const redacted = new Map<string, string>();
const REDACTED_MEMO_CHARS = 4_000_000;
let memoChars = 0;

function remember(text: string, out: string): void {
  if (text.length > REDACTED_MEMO_CHARS / 8) return;
  redacted.set(text, out);
  memoChars += text.length + out.length;
  for (const [oldest, value] of redacted) {
    if (memoChars <= REDACTED_MEMO_CHARS) break;
    redacted.delete(oldest);
    memoChars -= oldest.length + value.length;
  }
}

function redactByPattern(text: string): string {
  return text
    .replace(PEM_PRIVATE_KEY, REDACTED)
    .replace(STRIPE_KEY, REDACTED)
    .replace(JWT, `${REDACTED}:jwt`)
    .replace(OPAQUE_TOKEN, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(BASIC, (all: string, scheme: string, base64: string) => (isBasicCredential(base64) ? `${scheme}${REDACTED}` : all))
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(CONNECTION_KEY, `$1${REDACTED}`)
    .replace(SAS_SIGNATURE, `$1${REDACTED}`)
    .replace(CREDENTIAL_PARAM, (all: string, name: string, value: string) => (looksRandom(value) ? `${name}${REDACTED}` : all))
    .replace(AWS_SECRET_ASSIGNMENT, `$1${REDACTED}`)
    .replace(SECRET_FORM, `$1=${REDACTED}`)
    .replace(SECRET_JSON, `$1"${REDACTED}"`)
    .replace(SECRET_JSON_ESCAPED, (_member: string, name: string, escape: string) => `${name}${escape}"${REDACTED}${escape}"`);
}
