/**
 * Identifiers (tenant/object/request ids, UPNs and addresses, tenant domains and other hosts, the machine
 * in Graph's diagnostics): replaced by deterministic pseudonyms (./pseudonyms.ts, ./hosts.ts), so a
 * recording stays consistent with itself and replays.
 */
import { pseudonymiseHosts } from './hosts.js';
import { ADDRESS, DIAGNOSTIC_MEMBER, GUID, REDACTED, TENANT_HOST, isAnnotationDomain } from './patterns.js';
import { isKeptGuid, isPseudonymDomain, pseudonymAddress, pseudonymGuid, pseudonymTenantDomain } from './pseudonyms.js';

/**
 * Addresses first (a GUID or tenant domain inside one goes with it), then tenant hosts (their own
 * `tenant-…` form), then every other host outside the allow-list, then GUIDs.
 */
export function pseudonymiseIdentifiers(text: string): string {
  return pseudonymiseHosts(
    text
      .replace(ADDRESS, (address: string, _local: string, domain: string) =>
        isPseudonymDomain(domain) || isAnnotationDomain(domain) ? address : pseudonymAddress(decodeAddress(address)),
      )
      .replace(TENANT_HOST, (host: string) => pseudonymTenantDomain(host)),
  )
    .replace(DIAGNOSTIC_MEMBER, `$1$2${REDACTED}`)
    .replace(GUID, (guid: string) => (isKeptGuid(guid) ? guid : pseudonymGuid(guid)));
}

/** `alice%40contoso.com` and `alice@contoso.com` are one address and get one pseudonym. */
function decodeAddress(address: string): string {
  return address.replace(/%(40|23|2B)/gi, (_escape: string, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
