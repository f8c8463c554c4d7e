/**
 * Finds what scrubbing should have removed: a JWT, an opaque identity-platform token, a `Bearer`/`Basic`
 * credential, a connection-string key, a SAS signature, a random `token=`/`key=` value, a PEM private key,
 * an AWS secret access key assigned by name, a secret of a well-known format (./secret-rules.ts: cloud
 * keys, service tokens), a GUID that is neither a pseudonym nor a harness GUID, an address outside
 * example.invalid, a tenant domain, a host outside the allow-list (./hosts.ts). Used by the fixtures
 * check; the scrubber's output never has any (test/scrub.test.ts).
 *
 * Graph's x-ms-ags-diagnostic RoleInstance is reduced by scrubbing but is not looked for here: it names
 * a machine of Microsoft's, nobody's tenant, and recordings made before scrubbing reduced it still hold it.
 */
import { isAllowedHost, normaliseHost } from './hosts.js';
import {
  ADDRESS,
  AWS_SECRET_ASSIGNMENT,
  BARE_DOMAIN,
  BASIC,
  BEARER,
  CONNECTION_KEY,
  CREDENTIAL_PARAM,
  GUID,
  HOST_MEMBER,
  JWT,
  OPAQUE_TOKEN,
  PEM_PRIVATE_KEY,
  STRIPE_KEY,
  SAS_SIGNATURE,
  TENANT_HOST,
  URL_HOST,
  isAnnotationDomain,
  isBasicCredential,
  looksRandom,
} from './patterns.js';
import { isKeptGuid, isPseudonymDomain } from './pseudonyms.js';
import { SECRET_RULE_SET, findSecrets } from './secret-rules.js';

export type LeakKind =
  | 'jwt'
  | 'opaque-token'
  | 'bearer-token'
  | 'basic-credential'
  | 'connection-key'
  | 'sas-signature'
  | 'credential-parameter'
  | 'private-key'
  | 'aws-secret-key'
  | 'known-secret'
  | 'guid'
  | 'address'
  | 'tenant-domain'
  | 'host';

export interface Leak {
  kind: LeakKind;
  value: string;
  /** 1-based. */
  line: number;
  column: number;
}

export interface LeakOptions {
  /** Hosts kept as they are besides the allow-list: a recording's own target (its meta.baseUrl host). */
  allowedHosts?: Iterable<string>;
}

const WHY: Record<LeakKind, string> = {
  jwt: 'a JWT (a bearer token or assertion)',
  'opaque-token': 'an opaque identity-platform token (0.A… / 1.A…: a refresh token, code or access token)',
  'bearer-token': 'a token after Bearer, Negotiate or NTLM',
  'basic-credential': 'a Basic credential (base64 of user:password)',
  'connection-key': 'a connection-string key (AccountKey, AccessKey, SharedAccessKey, SharedAccessSignature)',
  'sas-signature': 'a SAS or URL signature (sig=, signature=)',
  'credential-parameter': 'a random-looking value of a token=, key=, secret=-like parameter',
  'private-key': 'a PEM private key (-----BEGIN … PRIVATE KEY-----)',
  'aws-secret-key': 'an AWS secret access key assigned by name (aws_secret_access_key = …)',
  'known-secret': `a secret of a well-known format (a cloud key, a private key, a service token: ${SECRET_RULE_SET})`,
  guid: 'a GUID that is neither a pseudonym (5ca1ab1e-0000-4000-8000-…) nor a harness GUID (5eed0000-…)',
  address: 'an e-mail address or UPN outside example.invalid',
  'tenant-domain': 'a tenant domain (*.onmicrosoft.com, *.msappproxy.net)',
  host: 'a host outside the allow-list (graph.microsoft.com, login.microsoftonline.com, *.invalid, loopback, the target)',
};

export function describeLeak(leak: Leak): string {
  return `${leak.value} is ${WHY[leak.kind]}`;
}

export function findLeaks(text: string, options: LeakOptions = {}): Leak[] {
  const extra = new Set([...(options.allowedHosts ?? [])].map(normaliseHost));
  const foreign = (host: string): boolean => !isAllowedHost(host, extra);
  const found: { kind: LeakKind; value: string; index: number }[] = [];
  const add = (kind: LeakKind, value: string, index: number): void => void found.push({ kind, value, index });
  for (const m of text.matchAll(JWT)) add('jwt', m[0], m.index);
  for (const m of text.matchAll(OPAQUE_TOKEN)) add('opaque-token', m[0], m.index);
  for (const m of text.matchAll(BEARER)) add('bearer-token', m[0], m.index);
  for (const m of text.matchAll(BASIC)) if (isBasicCredential(m[2] ?? '')) add('basic-credential', m[0], m.index);
  for (const m of text.matchAll(CONNECTION_KEY)) add('connection-key', m[0], m.index);
  for (const m of text.matchAll(SAS_SIGNATURE)) add('sas-signature', m[0], m.index);
  for (const m of text.matchAll(CREDENTIAL_PARAM)) if (looksRandom(m[2] ?? '')) add('credential-parameter', m[0], m.index);
  for (const m of text.matchAll(PEM_PRIVATE_KEY)) add('private-key', m[0], m.index);
  for (const m of text.matchAll(STRIPE_KEY)) add('known-secret', m[0], m.index);
  for (const m of text.matchAll(AWS_SECRET_ASSIGNMENT)) add('aws-secret-key', m[0], m.index);
  for (const s of findSecrets(text)) add('known-secret', text.slice(s.start, s.end), s.start);
  for (const m of text.matchAll(ADDRESS)) {
    const domain = m[2] ?? '';
    if (!isPseudonymDomain(domain) && !isAnnotationDomain(domain)) add('address', m[0], m.index);
  }
  for (const m of text.matchAll(TENANT_HOST)) add('tenant-domain', m[0], m.index);
  // A host is reported once: not again where an address or a tenant domain already starts.
  const reported = new Set(found.map((f) => f.index));
  const addHost = (value: string, index: number): void => {
    if (reported.has(index)) return;
    reported.add(index);
    add('host', value, index);
  };
  for (const m of text.matchAll(URL_HOST)) {
    const host = m[3] ?? '';
    // A URL whose user-info is an address (`https://alice@contoso.com`) is reported as the address.
    const userInfoIsAddress = (m[2] ?? '') !== '' && !(m[2] ?? '').startsWith('<');
    if (foreign(host) && !userInfoIsAddress) addHost(host, m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0));
  }
  for (const m of text.matchAll(HOST_MEMBER)) {
    const value = m[3] ?? '';
    const colons = value.split(':').length - 1;
    const host = value.startsWith('[') ? value.replace(/\].*$/, ']') : colons > 1 ? value : value.replace(/:\d*$/, '');
    if (foreign(host)) addHost(value, m.index + m[0].length - value.length);
  }
  for (const m of text.matchAll(BARE_DOMAIN)) {
    const domain = m[1] ?? '';
    const afterAt = text.slice(Math.max(0, m.index - 3), m.index).toLowerCase() === '%40';
    if (foreign(domain) && !isAnnotationDomain(domain) && !afterAt) addHost(domain, m.index);
  }
  for (const m of text.matchAll(GUID)) if (!isKeptGuid(m[0])) add('guid', m[0], m.index);
  found.sort((a, b) => a.index - b.index);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return found.map(({ kind, value, index }) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { kind, value, line: lo + 1, column: index - lineStarts[lo]! + 1 };
  });
}
