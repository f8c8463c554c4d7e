/**
 * members.add-remove judged through the run, both ways: a correct server whose order and page size put
 * the default group on a later page still lets it find a connector (pages followed); a tenant with no
 * connector skips it saying what was read; a defect that answers the add but links nothing fails it,
 * naming the connector and the group it came from.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runConformance } from '../src/index.js';
import { EMPTY_SEED, startEmulator, type EmulatorOptions } from '../src/emulator/index.js';

async function judged(options: EmulatorOptions) {
  const emulator = await startEmulator(options);
  try {
    const run = await runConformance({
      baseUrl: emulator.baseUrl,
      token: 'T',
      settleMs: 0,
      only: 'members.add-remove',
      reportDir: mkdtempSync(path.join(tmpdir(), 'gc-members-')),
      env: {},
    });
    return {
      check: run.results.checks.find((c) => c.id === 'members.add-remove'),
      requests: emulator.requests.map((r) => `${r.method} ${r.path}`),
      // What the adds named: the suite also adds a connector that does not exist (members.add.unknown-connector).
      added: emulator.requests
        .filter((r) => r.method === 'POST' && r.path.endsWith('/members/$ref'))
        .map((r) => (JSON.parse(r.body) as { '@odata.id': string })['@odata.id']),
    };
  } finally {
    await emulator.close();
  }
}

describe.concurrent('members.add-remove', () => {
  test('newest first, two a page: the default group is on the second page, followed, and the check passes', async () => {
    const { check, requests, added } = await judged({ unorderedAs: 'newest-first', pageSize: 2 });
    expect(check?.status, check?.message).toBe('passed');
    expect(requests.some((r) => /^GET \/onPremisesPublishingProfiles\/applicationProxy\/connectorGroups\?\$skiptoken=/.test(r))).toBe(true);
    // One of the default group's connectors (its members list is newest first too), added once and removed.
    const real = added.filter((url) => /\/connectors\/5ca1ab1e-0000-4000-8000-00000000c00[12]$/.test(url));
    expect(real).toHaveLength(1);
    const connector = real[0]!.split('/').at(-1)!;
    expect(requests.filter((r) => r.startsWith('DELETE') && r.endsWith(`/members/${connector}/$ref`))).toHaveLength(1);
  });

  test('no connector in the tenant: skipped, saying what was read; nothing is added', async () => {
    const { check, added } = await judged({ seed: EMPTY_SEED });
    expect(check?.status).toBe('skipped');
    expect(check?.message).toMatch(/^no connector to add: the members of 0 of the target's connector groups/);
    // Only the unknown connector the suite always tries.
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/\/connectors\/5eed0000-/);
  });

  test('members-add-not-stored: failed, naming the connector, the group it came from and what the list showed', async () => {
    const { check } = await judged({ defects: ['members-add-not-stored'] });
    expect(check?.status).toBe('failed');
    expect(check?.message).toBe('POST …/members/$ref answered 204, but GET …/members does not list connector 5ca1ab1e-0000-4000-8000-00000000c001');
  });
});
