/**
 * Nothing committed under fixtures/ may identify anyone or carry a credential: no JWT, no opaque
 * identity-platform token (0.A…), no Bearer/Basic credential, connection-string key, SAS signature or
 * random token=/key= value, no GUID that is neither a pseudonym (5ca1ab1e-0000-4000-8000-…) nor a harness
 * GUID (5eed0000-…), no address outside example.invalid, no tenant domain, no host outside the allow-list
 * (a recording's own target, its meta.baseUrl, is allowed). Recordings are scrubbed on the way to disk
 * (src/scrub/), so a hit means a file was written some other way, or before scrubbing knew about it:
 * record it again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeLeak, findLeaks, type Leak } from '../src/scrub/leaks.js';
import { PROJECT_ROOT } from '../src/project-root.js';

const FIXTURES = 'fixtures';
/** Enough to act on; the rest are counted. */
const SHOWN = 20;

const HOW_TO_FIX = [
  'Fix: do not edit the values by hand. Record the file again, which scrubs it on the way to disk:',
  '  npm run double -- --port 4010 &',
  '  npm run conformance -- --base-url http://127.0.0.1:4010 --record',
  '(a factory or other hand-written fixture: use a 5eed0000-… harness GUID, a 5ca1ab1e-0000-4000-8000-… pseudonym',
  'or an address @example.invalid instead).',
].join('\n');

/** The committed files under fixtures/ (git ls-files); without git, or outside a checkout, every file there. */
function committedFixtures(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--', FIXTURES], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = out.split('\0').filter((f) => f !== '' && existsSync(path.join(PROJECT_ROOT, f)));
    if (files.length > 0) return files.sort();
  } catch {
    // no git, or not a checkout: walk the folder instead
  }
  return walk(FIXTURES).sort();
}

function walk(relative: string): string[] {
  const absolute = path.join(PROJECT_ROOT, relative);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute).flatMap((name) => walk(path.posix.join(relative, name)));
}

function leakReport(file: string, leaks: readonly Leak[]): string {
  const lines = leaks.slice(0, SHOWN).map((leak) => `  ${file}:${leak.line}:${leak.column}: ${describeLeak(leak)}`);
  if (leaks.length > SHOWN) lines.push(`  … and ${leaks.length - SHOWN} more in ${file}`);
  return [`${file} holds ${leaks.length} identifier(s) or credential(s) that scrubbing removes:`, ...lines, HOW_TO_FIX].join('\n');
}

/** A recording's own target (meta.baseUrl) is allowed in it, as it was when it was scrubbed. */
function recordedTarget(text: string): string[] {
  try {
    const baseUrl = (JSON.parse(text) as { meta?: { baseUrl?: unknown } }).meta?.baseUrl;
    return typeof baseUrl === 'string' ? [new URL(baseUrl).hostname.replace(/^\[(.*)\]$/, '$1')] : [];
  } catch {
    return [];
  }
}

const files = committedFixtures();

describe('committed fixtures are scrubbed', () => {
  test('there are fixtures to look at', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('%s holds no credential, raw GUID, address, tenant domain or foreign host', (file) => {
    const bytes = readFileSync(path.join(PROJECT_ROOT, file));
    if (bytes.includes(0)) return; // binary: nothing textual to leak through a diff
    const text = bytes.toString('utf8');
    const leaks = findLeaks(text, { allowedHosts: recordedTarget(text) });
    if (leaks.length > 0) expect.fail(leakReport(file, leaks));
  });
});

describe('the detector fires', () => {
  const planted = [
    '{',
    '  "id": "3e6f4c35-a04b-4d03-b98a-66fff89b72e6",',
    '  "token": "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2ln",',
    '  "upn": "alice@contoso.com",',
    '  "query": "/users?$filter=mail%20eq%20\'bob%40fabrikam.com\'",',
    '  "tenant": "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0",',
    '  "fine": ["5ca1ab1e-0000-4000-8000-0123456789ab", "5eed0000-1a2b-4c3d-8e4f-5a6b7c8d9e0f", "user-0badf00d@example.invalid",',
    '           "tenant-0badf00d.example.invalid", "value@odata.nextLink", "sha 0e8e99a8000faf17d10b980b107272ee5065285bfdc77a958964310f3feba93c"]',
    '}',
  ].join('\n');

  test('on a real-looking GUID, a JWT, addresses and a tenant domain, with their line and column', () => {
    expect(findLeaks(planted).map(({ kind, value, line, column }) => ({ kind, value, line, column }))).toEqual([
      { kind: 'guid', value: '3e6f4c35-a04b-4d03-b98a-66fff89b72e6', line: 2, column: 10 },
      { kind: 'jwt', value: 'eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2ln', line: 3, column: 13 },
      { kind: 'address', value: 'alice@contoso.com', line: 4, column: 11 },
      { kind: 'address', value: 'bob%40fabrikam.com', line: 5, column: 41 },
      { kind: 'tenant-domain', value: 'contoso.onmicrosoft.com', line: 6, column: 48 },
    ]);
  });

  test('and its message names the file, the line and the value, and says how to fix it', () => {
    const message = leakReport('fixtures/recordings/planted.json', findLeaks(planted));
    expect(message).toContain('fixtures/recordings/planted.json:2:10: 3e6f4c35-a04b-4d03-b98a-66fff89b72e6 is a GUID that is neither a pseudonym');
    expect(message).toContain('fixtures/recordings/planted.json:3:13: eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2ln is a JWT');
    expect(message).toContain('fixtures/recordings/planted.json:4:11: alice@contoso.com is an e-mail address or UPN outside example.invalid');
    expect(message).toContain('--record');
  });

  const byValue = [
    '{',
    '  "note": "0.AVYAplAnTeD9y2xq1dK8m3pZ7wQeR4tUiOpAsDfGhJkLzXcVbNm-_aSdF",',
    '  "link": "https://store.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=abc%2Fdef%3D",',
    '  "cfg": "AccountName=x;AccountKey=abc123==;EndpointSuffix=core.windows.net",',
    '  "echo": "Authorization: Basic dXNlcjpwYXNz", "said": "Bearer EwBplantedOpaqueBearer0123",',
    '  "query": "?api-key=Zm9vYmFyYmF6cXV4MTIzNDU2&$skiptoken=RFNwdAIAAQAAACE6MTIzNDU2Nzg5",',
    '  "@odata.nextLink": "https://portal.contoso.com/beta/x?$skiptoken=abc", "x": "see fabrikam.com",',
    '  "headers": { "host": "portal.contoso.com:8443" },',
    '  "fine": ["https://graph.microsoft.com/beta", "http://127.0.0.1:4010", "https://host-0badf00d.example.invalid", "sig=<redacted>",',
    '           "AccountKey=<redacted>", "Basic <redacted>", "Basic realm=\\"x\\"", "microsoft.graph.connectorGroup", "Directory.ReadWrite.All"]',
    '}',
  ].join('\n');

  test('on opaque tokens, SAS signatures, connection-string keys, Basic and Bearer credentials, random keys and foreign hosts', () => {
    expect(findLeaks(byValue).map(({ kind, value, line, column }) => ({ kind, value, line, column }))).toEqual([
      { kind: 'opaque-token', value: '0.AVYAplAnTeD9y2xq1dK8m3pZ7wQeR4tUiOpAsDfGhJkLzXcVbNm-_aSdF', line: 2, column: 12 },
      { kind: 'host', value: 'store.blob.core.windows.net', line: 3, column: 20 },
      { kind: 'sas-signature', value: 'sig=abc%2Fdef%3D', line: 3, column: 71 },
      { kind: 'connection-key', value: 'AccountKey=abc123==', line: 4, column: 25 },
      { kind: 'host', value: 'core.windows.net', line: 4, column: 60 },
      { kind: 'basic-credential', value: 'Basic dXNlcjpwYXNz', line: 5, column: 27 },
      { kind: 'bearer-token', value: 'Bearer EwBplantedOpaqueBearer0123', line: 5, column: 57 },
      { kind: 'credential-parameter', value: 'api-key=Zm9vYmFyYmF6cXV4MTIzNDU2', line: 6, column: 14 },
      { kind: 'host', value: 'portal.contoso.com', line: 7, column: 31 },
      { kind: 'host', value: 'fabrikam.com', line: 7, column: 84 },
      { kind: 'host', value: 'portal.contoso.com:8443', line: 8, column: 25 },
    ]);
    const message = leakReport('fixtures/recordings/planted.json', findLeaks(byValue));
    expect(message).toContain('planted.json:3:71: sig=abc%2Fdef%3D is a SAS or URL signature');
    expect(message).toContain('planted.json:7:31: portal.contoso.com is a host outside the allow-list');
  });

  test("a recording's own target host is allowed in it, and only in it", () => {
    const recording = JSON.stringify({
      meta: { baseUrl: 'https://graph-proxy.contoso.com/beta' },
      interactions: [{ body: { '@odata.nextLink': 'https://graph-proxy.contoso.com/beta/x' } }],
    });
    expect(findLeaks(recording, { allowedHosts: recordedTarget(recording) })).toEqual([]);
    expect(findLeaks(recording).map((l) => l.value)).toEqual(['graph-proxy.contoso.com', 'graph-proxy.contoso.com']);
  });

  test('an upper-case GUID counts, a GUID that merely starts like a harness GUID too', () => {
    expect(findLeaks('3E6F4C35-A04B-4D03-B98A-66FFF89B72E6').map((l) => l.kind)).toEqual(['guid']);
    expect(findLeaks('5eed0000-1a2b-7c3d-8e4f-5a6b7c8d9e0f').map((l) => l.kind)).toEqual(['guid']);
  });
});
