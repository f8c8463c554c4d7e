/**
 * Nothing committed under fixtures/ may identify anyone or carry a credential: no JWT, no GUID that is
 * neither a pseudonym (5ca1ab1e-0000-4000-8000-…) nor a harness GUID (5eed0000-…), no address outside
 * example.invalid, no tenant domain. Recordings are scrubbed on the way to disk (src/scrub/), so a hit
 * means a file was written some other way, or before scrubbing knew about it: record it again.
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
  '  npx tsx test/double/cli.ts --port 4010 &',
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

const files = committedFixtures();

describe('committed fixtures are scrubbed', () => {
  test('there are fixtures to look at', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('%s holds no JWT, raw GUID, address or tenant domain', (file) => {
    const bytes = readFileSync(path.join(PROJECT_ROOT, file));
    if (bytes.includes(0)) return; // binary: nothing textual to leak through a diff
    const leaks = findLeaks(bytes.toString('utf8'));
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

  test('an upper-case GUID counts, a GUID that merely starts like a harness GUID too', () => {
    expect(findLeaks('3E6F4C35-A04B-4D03-B98A-66FFF89B72E6').map((l) => l.kind)).toEqual(['guid']);
    expect(findLeaks('5eed0000-1a2b-7c3d-8e4f-5a6b7c8d9e0f').map((l) => l.kind)).toEqual(['guid']);
  });
});
