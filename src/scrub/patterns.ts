/**
 * The shapes the scrubber replaces and the fixtures check looks for, in one place so the two never
 * disagree. All are global: use them with `replace`/`matchAll` only (never `.test`, which keeps state).
 *
 * Every pattern may start a match only where a run of its own characters starts (a negative lookbehind
 * on those characters), so each character of a long unbroken body is looked at a bounded number of
 * times and scanning stays linear (test/scrub.test.ts times each one on 300 kB runs). A `name=value`
 * pattern (`sig=`, `key=`, `AccountKey=`) starts at its name and, once past the `=`, always matches, so
 * the value it consumes is never scanned again from inside. Patterns built
 * with `runStart` also start right after a `%XX` escape (`%3DeyJ…`, `%2Fcontoso.com`) and right after a
 * JSON escape such as `\n` (a message inside results.json): the run the pattern is after starts there,
 * even though the character in front is a letter or digit.
 */

/** What a removed credential is replaced by (`<redacted>:jwt` for a JWT). */
export const REDACTED = '<redacted>';

/**
 * Where a match may start, for a pattern whose runs are made of `chars` (a character-class body): not
 * right after one of them, nor inside a `%XX` escape, nor on the letter of a `\n`/`\r`/`\t` JSON escape;
 * or right after a whole `%XX` escape or such a JSON escape.
 */
function runStart(chars: string): string {
  return `(?:(?<![%${chars}]|%[0-9A-Fa-f])(?!(?<=\\\\)[nrt])|(?<=%[0-9A-Fa-f]{2}|\\\\[nrt]))`;
}

/**
 * A JSON Web Token: three base64url segments, the first a JSON header (`{"…` is `eyJ`). It starts where a
 * run of base64url characters starts, which also keeps the scan linear on long unbroken strings.
 */
export const JWT = new RegExp(`${runStart('A-Za-z0-9_-')}eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*`, 'g');

/**
 * An opaque Microsoft identity platform token (refresh tokens, authorization codes, some access tokens):
 * `0.A` or `1.A` and then a long base64url-and-dot run, 40 characters or more (`0.AXEAplanted…`). Nothing
 * ordinary looks like that: a version number (`1.0`, `0.A`) is short, a GUID has no `.A`.
 */
export const OPAQUE_TOKEN = new RegExp(`${runStart('A-Za-z0-9_.-')}[01]\\.A[A-Za-z0-9_.-]{40,}`, 'g');

/**
 * A token after an HTTP authentication scheme, echoed somewhere other than Authorization (a body, a
 * message): `Bearer …`, `Negotiate …`, `NTLM …`, 16 characters or more. A challenge's parameters
 * (`Bearer realm="", error="invalid_token"`) are none, and prose ("a bearer token") is too short. JWTs
 * are caught by JWT already. Group 1 is the scheme.
 */
export const BEARER = /\b(Bearer|bearer|BEARER|Negotiate|NTLM)\s+(?![A-Za-z_-]+=")[A-Za-z0-9._~+/-]{16,}=*/g;

/**
 * `Basic <base64>`: group 1 the scheme and the space, group 2 the base64. A candidate only: it is a
 * credential when it decodes to `user:password` text (isBasicCredential), so `Basic realm="x"` and
 * prose ("Basic checks passed") stay.
 */
export const BASIC = /\b((?:Basic|basic|BASIC)\s+)([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=_-])/g;

/** True when `base64` decodes to printable UTF-8 text holding a `:` (what Basic credentials encode). */
export function isBasicCredential(base64: string): boolean {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(base64, 'base64'));
  } catch {
    return false;
  }
  return decoded.includes(':') && !/[\u0000-\u001f\u007f\ufffd]/.test(decoded);
}

/**
 * A key in a storage or service connection string: `AccountKey=…`, `AccessKey=…`, `SharedAccessKey=…`,
 * `SharedAccessSignature=…` (whose value is a whole SAS query, `&` and all). Group 1 the name and `=`;
 * the value stops at `;`, white space, a quote, a backslash or `<` (so `<redacted>` is left as it is).
 * `AccountName=`, `EndpointSuffix=` and `SharedAccessKeyName=` are no secret and stay.
 */
export const CONNECTION_KEY = new RegExp(`${runStart('A-Za-z0-9_-')}((?:AccountKey|AccessKey|SharedAccessKey|SharedAccessSignature)=)[^;\\s"'\\\\<>]+`, 'gi');

/**
 * A signature in a query string, plain or URL-encoded: a SAS `sig=` (Azure Storage, Service Bus), and
 * `signature=`, `X-Amz-Signature=`, `X-Goog-Signature=`. Whatever its length, the value goes; the SAS
 * parameters beside it (`sv=`, `se=`, `sp=`, `st=`, `spr=`, `srt=`, `ss=`, `sr=`) are harmless and stay.
 * Group 1 the name and `=` (or `%3D`); the value stops at `&` or `%26`, `#`, `;`, white space, a quote, a
 * backslash or `<`.
 */
export const SAS_SIGNATURE = new RegExp(
  `${runStart('A-Za-z0-9_.$-')}((?:sig|signature|x-amz-signature|x-goog-signature)(?:=|%3D))(?:(?!%26)[^&#;\\s"'\\\\<>])+`,
  'gi',
);

/**
 * A credential-looking query or form parameter under a neutral name: `token=`, `key=`, `apikey=`,
 * `api_key=`, `api-key=`, `subscription-key=`, `access_key=`, `secret=`, `code=`, `sas=`, `auth=` (plain
 * or URL-encoded `%3D`), group 1 the name and `=`, group 2 the value. A candidate only: redacted when the
 * value looks random (looksRandom). The name must be the whole name, so `$skiptoken=` and `$deltatoken=`,
 * OData's paging cursors, never match: they identify no one, and replay needs them exactly as recorded
 * (a JWT-shaped one is caught by JWT all the same).
 */
export const CREDENTIAL_PARAM = new RegExp(
  `${runStart('A-Za-z0-9_.$-')}((?:x-)?(?:token|key|api[_-]?key|subscription[_-]key|access[_-]?key|secret|code|sas|auth)(?:=|%3D))((?:(?!%26)[A-Za-z0-9%+/=_.~-])+)`,
  'gi',
);

/** An 8-4-4-4-12 hex GUID and nothing more (`looksRandom` leaves these to the pseudonyms). */
const WHOLE_GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

/**
 * A random-looking run: 16 characters or more, with a digit or one of `+/=%~`, and no GUID (a GUID is an
 * identifier, pseudonymised so that replay still matches it). `Request_ResourceNotFound` is none.
 */
export function looksRandom(value: string): boolean {
  return value.length >= 16 && /[0-9+/=%~]/.test(value) && !WHOLE_GUID.test(value);
}

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
export const TENANT_HOST = new RegExp(
  `${runStart('A-Za-z0-9.-')}(?:[A-Za-z0-9-]+\\.)*[A-Za-z0-9-]+\\.(?:onmicrosoft\\.com|msappproxy\\.net)(?![A-Za-z0-9-])`,
  'gi',
);

/**
 * The host of an absolute URL: `scheme://[user-info@]host`, also URL-encoded (`https%3A%2F%2Fhost`) and
 * with JSON's escaped slashes (`https:\/\/host`).
 * Group 1 the scheme and `://`, 2 the user-info and `@` (often `<redacted>@` by then), 3 the host (a
 * name, an IPv4 address or a bracketed IPv6 one); a port and what follows are left as they are.
 */
export const URL_HOST = new RegExp(
  `${runStart('A-Za-z0-9+.-')}([A-Za-z][A-Za-z0-9+.-]*(?::\\/\\/|:\\\\\\/\\\\\\/|%3A%2F%2F))((?:[^\\s/?#@"'\\\\%]*@)?)(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*)`,
  'gi',
);

/**
 * A serialised host header, in JSON (`"host": "portal.contoso.com:443"`) or in JSON inside a JSON string
 * (`\"host\":\"…\"`), as in an exchange written whole without its headers scrubbed. Group 1 the escape in
 * front of each quote, 2 everything up to the value, 3 the value.
 */
export const HOST_MEMBER = /(?<!\\)(\\*)("(?:host|x-forwarded-host|x-original-host)\1"\s*:\s*\1")([A-Za-z0-9_.:[\]-]+)(?=\1")/gi;

/**
 * Public suffixes a bare domain is recognised by. Deliberately short and lower-case only: longer lists
 * catch check ids and code (`negative.auth.no`, `pages.at`, `stripped.info`, `run.ms`, `System.IO`,
 * `ASP.NET`), and none of Graph's dotted names (`microsoft.graph.connectorGroup`,
 * `Directory.ReadWrite.All`, `odata.nextLink`, `odata.metadata=minimal`) ends in one of these.
 */
const PUBLIC_SUFFIXES = 'com|net|org|io|dev|cloud|co\\.uk';

/**
 * A domain standing alone in text (`contoso.com`, `login.contoso.co.uk`; not in a URL, an address or a
 * host header, which are caught before): dot-separated labels ending in a public suffix (lower case), not
 * followed by a further label. Group 1 the domain.
 */
export const BARE_DOMAIN = new RegExp(`${runStart('A-Za-z0-9_.@$#-')}((?:[A-Za-z0-9_-]+\\.)+(?:${PUBLIC_SUFFIXES}))(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, 'g');

/**
 * Graph's `x-ms-ags-diagnostic` says which machine answered (`"RoleInstance":"AM2PEPF0000DB1E"`) and in
 * which scale unit: in JSON, plain or inside a JSON string (group 1 the escape), the value goes. The
 * header itself is reduced by scrubHeaders; this catches it serialised whole.
 */
export const DIAGNOSTIC_MEMBER = /(?<!\\)(\\*)("(?:RoleInstance|ScaleUnit)\1"\s*:\s*\1")[^"\\]*(?=\1")/g;

/** Names whose values are credentials, in forms and query strings (`name=value`). */
const SECRET_NAMES = 'client_secret|client_assertion|refresh_token|access_token|id_token|password';

/**
 * The keys services are called with, credentials whatever their value looks like: `<word>-key`,
 * `<word>_key` or `<word>key` for each word (`x-api-key`, `apiKey`, `ocp-apim-subscription-key`,
 * `x-functions-key`, `SecretAccessKey`, `private_key`, `x-ms-encryption-key`,
 * `x-amz-server-side-encryption-customer-key`, `x-parse-master-key`, Cloudflare's `x-auth-key`). Shared by
 * headers (./credentials.ts drops a header whose name holds one) and JSON members (SECRET_KEY), so the
 * two never disagree. A key that is no credential (`idempotency-key`, `sec-websocket-key`) has none of these.
 */
export const CREDENTIAL_KEY_WORDS = [
  'api',
  'subscription',
  'functions',
  'access',
  'private',
  'encryption',
  'customer',
  'master',
  'account',
  'application',
  'signing',
  'auth',
  'license',
];

/**
 * Well-known credential headers whose names say nothing the rules above catch: Sentry's `x-sentry-auth`
 * (its key and secret), Honeycomb's team key, Artifactory's API key, Mashape's key.
 */
export const CREDENTIAL_HEADER_NAMES = ['x-sentry-auth', 'x-honeycomb-team', 'x-jfrog-art-api', 'x-mashape-key'];

/**
 * JSON members whose string (or number) value is a credential: the form names, `secretText`, the
 * credential header names, and any name ending in secret, token, password, passwd, cookie, authorization
 * or assertion (`clientSecret`, `"x-refresh-token"`, a serialised `"set-cookie"` or `"authorization"`
 * header) or in a key word and `key` (CREDENTIAL_KEY_WORDS: `"x-api-key"`, `"apiKey"`,
 * `"Ocp-Apim-Subscription-Key"`). Objects, arrays and booleans under such names are left alone: they are
 * structure, not the secret.
 */
const SECRET_KEY =
  `(?:${SECRET_NAMES}|secretText|${CREDENTIAL_HEADER_NAMES.join('|')}|[A-Za-z0-9_.-]*(?:secret|token|password|passwd|cookie|authorization|assertion|` +
  `(?:${CREDENTIAL_KEY_WORDS.join('|')})[-_]?key))`;

/** `client_secret=…` in a query or form body; the value stops at `&`, white space, a quote or a backslash. */
export const SECRET_FORM = new RegExp(`(${SECRET_NAMES})=[^&\\s"'\\\\]+`, 'gi');

/** `"client_secret": "…"` (or a bare number) in JSON; a value already redacted stays as it is. */
export const SECRET_JSON = new RegExp(`("${SECRET_KEY}"\\s*:\\s*)(?:"(?!${REDACTED}(?::jwt)?")(?:[^"\\\\]|\\\\.)*"|-?[0-9][0-9.eE+-]*)`, 'gi');

/**
 * The same inside JSON held in a JSON string, at any depth of escaping (`\"client_secret\":\"…\"`, a body
 * inside results.json; `\\\"…` one level further). Group 2 is the escape in front of each quote. It starts
 * only where a run of backslashes starts (a start at every backslash of a long run was quadratic).
 */
export const SECRET_JSON_ESCAPED = new RegExp(
  `(?<!\\\\)((\\\\+)"${SECRET_KEY}\\2"\\s*:\\s*)(?:\\2"(?!${REDACTED}(?::jwt)?\\2")(?:[^"\\\\]|\\\\.)*?(?<!\\\\)\\2"|-?[0-9][0-9.eE+-]*)`,
  'gi',
);

/**
 * A PEM private key, whatever its kind (`RSA`, `EC`, `DSA`, `OPENSSH`, `ENCRYPTED`, PKCS#8's none, PGP's
 * `PRIVATE KEY BLOCK`): from its BEGIN line through its END line, its lines joined by real newlines or by
 * JSON's escaped ones. The rule set (./secret-rules.ts) finds a key only when its base64 is 100 characters
 * or more and starts as RSA's and most others' do (`MI…`), so an Ed25519 key (`MC4C…`, 64 characters), an
 * EC P-256 key (`MHcC…`) and an encrypted one (headers before the base64) would go through. The body stops
 * at anything no PEM holds (a quote, so a JSON string is never left) and at a run of five dashes; a key cut
 * short (no END line) goes up to there. Bounded, so a BEGIN line with no END costs at most 20,000 steps.
 */
export const PEM_PRIVATE_KEY =
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[A-Za-z0-9+/=\s\\:,.]|-(?!----)){0,20000}(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?/g;

/**
 * An AWS secret access key assigned by name, as in ~/.aws/credentials, an environment dump or a config
 * quoted in a message: `aws_secret_access_key = …`, `AWS_SECRET_ACCESS_KEY=…`, `secret_access_key: "…"`.
 * The rule set finds such a key by value only when it ends in a letter or a digit, so about one key in 32
 * (ending in `/` or `+`) would go through, and so would one quoted inside a JSON string (`\"…\"`), which
 * it never finds. Group 1 the name, connector and opening quote (escaped or not); the value stops at white
 * space, a quote, `&`, `;`, a backslash or `<` (so `<redacted>` stays as it is). A match starts only at the
 * name (it is literal), and the white space after a name is looked at once.
 */
export const AWS_SECRET_ASSIGNMENT = /((?:aws_?)?secret_?access_?key(?:\\*["'])?\s*(?::|=>|=)\s*(?:\\*["'])?)[^\s"'&;\\<>]+/gi;

/**
 * A Stripe secret or restricted key (`sk_live_…`, `rk_test_…`), as gitleaks' `stripe-access-token` rule
 * describes it. The rule set pinned here (./secret-rules.ts, the last release that runs on Node 20) has no
 * Stripe rule; later releases do. A run of word characters is looked at once from its `sk_`/`rk_` start.
 */
export const STRIPE_KEY = /\b(?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99}\b/g;

/** Credentials in a URL's user-info: `https://user:password@host`; the scheme starts a run (linear scan). */
export const URL_USERINFO = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@:"'\\]+:[^\s/?#@"'\\]+@/gi;
