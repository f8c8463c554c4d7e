/**
 * Deterministic stand-ins for identifiers, so a scrubbed recording still replays: the same GUID or
 * address or host always becomes the same pseudonym (in paths, headers and bodies alike), and a
 * pseudonym maps to itself, so scrubbing twice changes nothing.
 *
 * Two GUID forms are recognisable at a glance and never replaced:
 * - pseudonyms `5ca1ab1e-0000-4000-8000-<12 hex>`: an identifier that was scrubbed;
 * - harness GUIDs `5eed0000-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`: made by the harness itself from the
 *   run's seed (client-request-id, unknown ids it probes with), so they identify no one, and replay
 *   re-sends them exactly as recorded.
 */
import { createHash } from 'node:crypto';

export const PSEUDONYM_GUID_PREFIX = '5ca1ab1e-0000-4000-8000-';
export const HARNESS_GUID_PREFIX = '5eed0000';
/** The domain every pseudonymous address and tenant domain lives under (RFC 2606: never resolvable). */
export const PSEUDONYM_DOMAIN = 'example.invalid';

const PSEUDONYM_GUID = /^5ca1ab1e-0000-4000-8000-[0-9a-f]{12}$/i;
const HARNESS_GUID = /^5eed0000-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function digest(text: string): string {
  return createHash('sha256').update(text.toLowerCase(), 'utf8').digest('hex');
}

export function isPseudonymGuid(value: string): boolean {
  return PSEUDONYM_GUID.test(value);
}

export function isHarnessGuid(value: string): boolean {
  return HARNESS_GUID.test(value);
}

/**
 * A harness GUID from a seeded UUID source (`() => faker.string.uuid()`): its first 8 hex digits become
 * `5eed0000`, the version nibble 4 and the variant nibble one of 8, 9, a, b. Draws exactly once from
 * `random`, so the seeded sequence (and with it every recorded request body) stays as it was.
 */
export function harnessGuid(random: () => string): string {
  const drawn = random();
  const hex = drawn.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`harnessGuid needs a UUID-like string (32 hex digits), got ${JSON.stringify(drawn)}`);
  const variant = (8 | (parseInt(hex[16]!, 16) & 3)).toString(16);
  const h = `${HARNESS_GUID_PREFIX}${hex.slice(8, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** GUIDs left as they are: pseudonyms already, or the harness's own. */
export function isKeptGuid(value: string): boolean {
  return isPseudonymGuid(value) || isHarnessGuid(value);
}

/** `5ca1ab1e-0000-4000-8000-` + 12 hex digits of SHA-256(lower-cased GUID); kept GUIDs map to themselves. */
export function pseudonymGuid(guid: string): string {
  if (isKeptGuid(guid)) return guid;
  return `${PSEUDONYM_GUID_PREFIX}${digest(guid).slice(0, 12)}`;
}

/** True for `example.invalid` and its subdomains: addresses and hosts there are already pseudonyms. */
export function isPseudonymDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return d === PSEUDONYM_DOMAIN || d.endsWith(`.${PSEUDONYM_DOMAIN}`);
}

/** `user-<8 hex>@example.invalid` from SHA-256 of the lower-cased address (UPN or e-mail). */
export function pseudonymAddress(address: string): string {
  return `user-${digest(address).slice(0, 8)}@${PSEUDONYM_DOMAIN}`;
}

/** `tenant-<8 hex>.example.invalid` from SHA-256 of the lower-cased tenant host. */
export function pseudonymTenantDomain(host: string): string {
  return `tenant-${digest(host).slice(0, 8)}.${PSEUDONYM_DOMAIN}`;
}

/**
 * `host-<8 hex>.example.invalid` from SHA-256 of the lower-cased host (a name, an IPv4 address or an IPv6
 * one without brackets), so the same foreign host is the same pseudonym in every URL, header and body.
 */
export function pseudonymHost(host: string): string {
  return `host-${digest(host).slice(0, 8)}.${PSEUDONYM_DOMAIN}`;
}
