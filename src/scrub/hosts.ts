/**
 * Hosts: every host outside a short allow-list is replaced by a deterministic pseudonym
 * (`host-<8 hex>.example.invalid`, ./pseudonyms.ts), wherever it is recognisable as a host: in an absolute
 * URL (plain or URL-encoded), in a `Host`, `X-Forwarded-Host`, `Location` or `Content-Location` header
 * (and serialised `"host": "…"` members), and standing alone in text when it ends in a public suffix
 * (patterns.ts BARE_DOMAIN). Addresses and tenant domains have their own pseudonyms (./identifiers.ts).
 *
 * Always allowed: graph.microsoft.com, login.microsoftonline.com, `invalid` and anything under it
 * (example.invalid, where every pseudonym lives, and the replay host), and loopback (localhost and
 * *.localhost, 127.x.x.x, ::1), so the project's own tests that record against 127.0.0.1 keep their URLs.
 *
 * The target's own host: a run against another base URL (a proxy, an emulator, a national cloud) keeps
 * it as it is (the cassette's `meta.baseUrl` and the URLs in it then keep that host, and replay maps next
 * links back to it). The run owns that list: `runAllowedHosts(baseUrl)` makes it, and everything scrubbed
 * inside `withAllowedHosts(hosts, work)` — the run's suites, its recordings and reports — keeps those
 * hosts. Two runs in one process (the API, the tests) each keep only their own target's host.
 *
 * Outside a run, scrubbing uses the built-in list; `allowHosts(...hosts)` and `allowTargetHost(baseUrl)`
 * extend that default for callers that scrub on their own (`resetAllowedHosts()` undoes it).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { BARE_DOMAIN, HOST_MEMBER, URL_HOST, isAnnotationDomain } from './patterns.js';
import { pseudonymHost } from './pseudonyms.js';

const ALWAYS_ALLOWED = ['graph.microsoft.com', 'login.microsoftonline.com'];

/** The default list, used where no run is in scope. */
const allowed = new Set<string>(ALWAYS_ALLOWED);

/** The hosts of the run whose work is in progress (its async scope), beside the default list. */
const ofRun = new AsyncLocalStorage<ReadonlySet<string>>();

/** The hosts a run keeps as they are: its base URL's host (none without one). Throws on a malformed URL. */
export function runAllowedHosts(baseUrl: string | undefined): ReadonlySet<string> {
  const hosts = new Set<string>();
  const host = hostOf(baseUrl);
  if (host !== undefined) hosts.add(host);
  return hosts;
}

/** Runs `work` (and everything it awaits) scrubbing with `hosts` allowed beside the default list. */
export function withAllowedHosts<T>(hosts: ReadonlySet<string>, work: () => T): T {
  return ofRun.run(hosts, work);
}

/** `[::1]` and `::1`, `Graph.Microsoft.com.` and `graph.microsoft.com` are one host. */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** Adds hosts (names or IP addresses, without scheme or port) that are kept as they are. */
export function allowHosts(...hosts: string[]): void {
  for (const host of hosts) {
    const h = normaliseHost(host);
    if (h !== '') allowed.add(h);
  }
}

/** Allows the host of the run's base URL (`--base-url`); nothing to do without one. Throws on a malformed URL. */
export function allowTargetHost(baseUrl: string | undefined): void {
  const host = hostOf(baseUrl);
  if (host !== undefined) allowHosts(host);
}

function hostOf(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined || baseUrl === '') return undefined;
  let hostname: string;
  try {
    hostname = new URL(baseUrl).hostname;
  } catch {
    throw new TypeError(`allowTargetHost needs an absolute URL, got ${JSON.stringify(baseUrl)}`);
  }
  const h = normaliseHost(hostname);
  return h === '' ? undefined : h;
}

/** Back to the built-in allow-list (tests that allowed a host of their own). */
export function resetAllowedHosts(): void {
  allowed.clear();
  for (const host of ALWAYS_ALLOWED) allowed.add(host);
}

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** True for a host kept as it is: the built-in list, loopback, *.invalid, and what was allowed. */
export function isAllowedHost(host: string, extra?: ReadonlySet<string>): boolean {
  const h = normaliseHost(host);
  if (h === 'invalid' || h.endsWith('.invalid')) return true;
  if (h === 'localhost' || h.endsWith('.localhost') || LOOPBACK_V4.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return allowed.has(h) || (ofRun.getStore()?.has(h) ?? false) || (extra?.has(h) ?? false);
}

/** The host as it is when allowed, its pseudonym otherwise. */
export function scrubHost(host: string): string {
  return isAllowedHost(host) ? host : pseudonymHost(normaliseHost(host));
}

/** `host`, `host:port`, `[v6]:port`: the host part scrubbed, the port kept. */
function scrubHostAndPort(value: string): string {
  const m = /^(\[[^\]]*\]|[^:]+)(:\d*)?$/.exec(value);
  // Anything else (a bare IPv6 address, odd text under a host name) is scrubbed whole.
  if (!m) return value === '' ? value : scrubHost(value);
  return `${scrubHost(m[1]!)}${m[2] ?? ''}`;
}

/** A `Host` or `X-Forwarded-Host` value (a comma-separated list for the latter). */
export function scrubHostHeader(value: string): string {
  return value
    .split(',')
    .map((part) => part.replace(/\S+/, (hostAndPort) => scrubHostAndPort(hostAndPort)))
    .join(',');
}

/** A `Location` or `Content-Location` value: absolute URLs are caught in text; a `//host/…` one here. */
export function scrubLocationHeader(value: string): string {
  return value.replace(/^(\s*\/\/)(\[[^\]]*\]|[^/?#:\s]+)/, (_all: string, slashes: string, host: string) => `${slashes}${scrubHost(host)}`);
}

/** Hosts in text: URL hosts, serialised host members, then bare domains. */
export function pseudonymiseHosts(text: string): string {
  return text
    .replace(URL_HOST, (_url: string, scheme: string, userInfo: string, host: string) => `${scheme}${userInfo}${scrubHost(host)}`)
    .replace(HOST_MEMBER, (_member: string, escape: string, head: string, value: string) => `${escape}${head}${scrubHostAndPort(value)}`)
    .replace(BARE_DOMAIN, (domain: string) => (isAnnotationDomain(domain) ? domain : scrubHost(domain)));
}
