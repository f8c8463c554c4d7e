/**
 * Replay is the offline default, so it must be as strict as a live run: a doctored recording fails
 * exactly the matching check, and a recording made against any host replays without the network.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import type { Cassette } from '../src/engine/cassette.js';
import { startEmulator } from '../src/emulator/index.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';

const SHIPPED = fromRoot('fixtures', 'recordings');

type Recorded = Cassette['interactions'][number];

/**
 * The recorded connector-group create: in the create recording its one POST; in the contract recording the step
 * `create#0`, among the creates of every set the contract suite sends side by side.
 */
const groupCreate = (recording: string) => (all: Recorded[]) =>
  all.find(
    (i) =>
      (recording !== 'contract' || i.tag === 'create#0') &&
      i.request.method === 'POST' &&
      new URL(i.request.path, 'http://x').pathname.endsWith('/applicationProxy/connectorGroups'),
  );

/** A copy of the shipped recordings with one response of one recording changed by `doctor`. */
function doctored(doctor: (response: Recorded['response']) => void, recording = 'create', pick = groupCreate(recording)): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-doctored-'));
  cpSync(SHIPPED, dir, { recursive: true });
  const file = path.join(dir, `${recording}.json`);
  const cassette = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
  const interaction = pick(cassette.interactions);
  if (!interaction) throw new Error(`the shipped ${recording} recording has no such request`);
  doctor(interaction.response);
  writeFileSync(file, JSON.stringify(cassette));
  return dir;
}

describe('the shipped recordings', () => {
  test('say they come from the reference double, not from Graph', () => {
    for (const file of readdirSync(SHIPPED)) {
      const { meta } = JSON.parse(readFileSync(path.join(SHIPPED, file), 'utf8')) as Cassette;
      expect(meta.source, file).toBe('reference-double');
      expect(meta.note, file).toMatch(/not against Microsoft Graph/);
    }
  });

  test('replay passes with no options, exit 0, with the recording seed', async () => {
    const { meta } = JSON.parse(readFileSync(path.join(SHIPPED, 'create.json'), 'utf8')) as Cassette;
    const run = await runConformance([]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.results).toMatchObject({ target: 'replay', seed: meta.seed, runId: meta.runId, summary: { failed: 0 } });
    expect(run.results?.checks.length).toBeGreaterThan(30);
  });
});

describe.concurrent('a doctored recording fails exactly the matching check', () => {
  // create.status, .header.content-type and .body.schema are derived and judged in the contract suite.
  test.each<[string, (r: Cassette['interactions'][number]['response']) => void, string, string[]]>([
    ['status 200', (r) => void (r.status = 200), 'contract', ['create.status']],
    ['no request-id', (r) => void delete r.headers['request-id'], 'create', ['create.header.request-id']],
    ['text/plain', (r) => void (r.headers['content-type'] = 'text/plain'), 'contract', ['create.header.content-type']],
    ['connectorGroupType syncFabric', (r) => void ((r.body as Record<string, unknown>).connectorGroupType = 'syncFabric'), 'contract', ['create.body.schema']],
    ['isDefault true', (r) => void ((r.body as Record<string, unknown>).isDefault = true), 'create', ['create.body.echo']],
  ])('%s', async (_name, doctor, recording, expected) => {
    const run = await runConformance(['--fixtures-dir', doctored(doctor, recording), '--only', 'create.']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(idsWithStatus(run.results, 'failed')).toEqual(expected);
  });

  test('a recording of a target that keeps deleted groups fails the same checks in replay as live', async () => {
    // Recorded from the double switched into the defect: the reads after delete retried (still 200), the
    // second DELETE and the PATCH of the deleted group answered, the clean-up deleting it again.
    const double = await startEmulator({ defects: ['delete-not-deleting'] });
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-kept-'));
    try {
      const live = await runConformance(['--base-url', double.baseUrl, '--record', '--fixtures-dir', dir, '--only', 'lifecycle.', '--settle-ms', '0']);
      expect(idsWithStatus(live.results, 'failed')).toEqual(['lifecycle.delete-twice', 'lifecycle.get-after-delete', 'lifecycle.patch-after-delete']);
    } finally {
      await double.close();
    }
    const run = await runConformance(['--fixtures-dir', dir, '--only', 'lifecycle.']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(idsWithStatus(run.results, 'failed')).toEqual(['lifecycle.delete-twice', 'lifecycle.get-after-delete', 'lifecycle.patch-after-delete']);
  });

  test('a recording made against another version of the slice is named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-old-slice-'));
    cpSync(SHIPPED, dir, { recursive: true });
    const file = path.join(dir, 'create.json');
    const cassette = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
    cassette.meta.sliceSha256 = '0'.repeat(64);
    writeFileSync(file, JSON.stringify(cassette));
    const run = await runConformance(['--fixtures-dir', dir, '--only', 'create.']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('note: create.json recorded against another version of specs/openapi.yaml');
  });

  test('the report names the decision behind a failure', async () => {
    const run = await runConformance([
      '--fixtures-dir',
      doctored((r) => void ((r.body as Record<string, unknown>).connectorGroupType = 'syncFabric'), 'contract'),
      '--only',
      'create.',
    ]);
    const failure = run.results?.checks.find((c) => c.status === 'failed');
    expect(failure?.message).toMatch(/connectorGroupType.*allowed: "applicationProxy"/);
    expect(failure?.decisions).toContain('connector-group-type-values');
    expect(run.results?.decisions['connector-group-type-values']).toBeTypeOf('string');
    // The violation travels as data, at its JSON pointer, for reports to read without parsing the message.
    expect(failure?.violations).toContainEqual(expect.objectContaining({ pointer: '/connectorGroupType', keyword: 'enum' }));
  });
});

describe('recording', () => {
  test('records against a local target, keeps no token, and replays offline', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJwbGFudGVkIn0.c2lnbmF0dXJlLXBsYW50ZWQ';
    const fixtures = mkdtempSync(path.join(tmpdir(), 'gc-rec-'));
    const double = await startEmulator();
    let recorded;
    try {
      recorded = await runConformance([
        '--base-url',
        double.baseUrl,
        '--token',
        token,
        '--record',
        '--fixtures-dir',
        fixtures,
        '--seed',
        '11',
        '--only',
        'create.,negative.',
      ]);
    } finally {
      await double.close();
    }
    expect(recorded.code, recorded.stdout + recorded.stderr).toBe(0);
    expect(double.requests.some((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
    for (const dir of [fixtures, recorded.reportDir]) {
      for (const file of readdirSync(dir)) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        for (const part of token.split('.')) expect(text, `${dir}/${file}`).not.toContain(part);
        expect(text).not.toMatch(/"authorization"\s*:/i);
      }
    }
    const cassette = JSON.parse(readFileSync(path.join(fixtures, 'create.json'), 'utf8')) as Cassette;
    expect(cassette.meta).toMatchObject({ source: 'reference-double', target: 'url', seed: 11 });

    const replayed = await runConformance(['--fixtures-dir', fixtures, '--only', 'create.,negative.']);
    expect(replayed.code, replayed.stdout + replayed.stderr).toBe(0);
    expect(replayed.results?.seed).toBe(11);
  });
});
