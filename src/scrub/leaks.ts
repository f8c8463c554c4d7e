/**
 * Finds what scrubbing should have removed: a JWT, a GUID that is neither a pseudonym nor a harness
 * GUID, an address outside example.invalid, a tenant domain. Used by the fixtures check; the scrubber's
 * output never has any (test/scrub.test.ts).
 */
import { ADDRESS, GUID, JWT, TENANT_HOST, isAnnotationDomain } from './patterns.js';
import { isKeptGuid, isPseudonymDomain } from './pseudonyms.js';

export type LeakKind = 'jwt' | 'guid' | 'address' | 'tenant-domain';

export interface Leak {
  kind: LeakKind;
  value: string;
  /** 1-based. */
  line: number;
  column: number;
}

const WHY: Record<LeakKind, string> = {
  jwt: 'a JWT (a bearer token or assertion)',
  guid: 'a GUID that is neither a pseudonym (5ca1ab1e-0000-4000-8000-…) nor a harness GUID (5eed0000-…)',
  address: 'an e-mail address or UPN outside example.invalid',
  'tenant-domain': 'a tenant domain (*.onmicrosoft.com, *.msappproxy.net)',
};

export function describeLeak(leak: Leak): string {
  return `${leak.value} is ${WHY[leak.kind]}`;
}

export function findLeaks(text: string): Leak[] {
  const found: { kind: LeakKind; value: string; index: number }[] = [];
  for (const m of text.matchAll(JWT)) found.push({ kind: 'jwt', value: m[0], index: m.index });
  for (const m of text.matchAll(ADDRESS)) {
    const domain = m[2] ?? '';
    if (!isPseudonymDomain(domain) && !isAnnotationDomain(domain)) found.push({ kind: 'address', value: m[0], index: m.index });
  }
  for (const m of text.matchAll(TENANT_HOST)) found.push({ kind: 'tenant-domain', value: m[0], index: m.index });
  for (const m of text.matchAll(GUID)) if (!isKeptGuid(m[0])) found.push({ kind: 'guid', value: m[0], index: m.index });
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
