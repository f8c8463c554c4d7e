/**
 * The report dir belongs to one run at a time, and what a reader finds there is always whole: a lock
 * refuses a second run while the first is alive (and is taken over from a dead one), report files are
 * renamed into place, and a file where a folder belongs is said in one line.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { LOCK_FILE, lockReportDir, type LockHolder } from '../src/run/report-lock.js';
import { writeReportFile } from '../src/report/results.js';
import { UsageError } from '../src/config/usage-error.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { fromRoot } from '../src/project-root.js';
import { childEnv, runCommand, runConformance } from './support/run-cli.js';

const dir = () => mkdtempSync(path.join(tmpdir(), 'gc-report-dir-'));
const lockOf = (d: string) => path.join(d, LOCK_FILE);
const OPTION = '--report-dir / CONFORMANCE_REPORT_DIR';

/** The pid of a process that has ended (and been reaped): no process has it now. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '']);
  return done.pid!;
}

function plantLock(d: string, holder: Partial<LockHolder>): void {
  writeFileSync(lockOf(d), `${JSON.stringify({ host: hostname(), startedAt: '2025-01-01T00:00:00.000Z', token: 'planted', ...holder })}\n`);
}

describe('the report dir lock', () => {
  test('held: a second run is refused naming the holder and the dir; released: the lock is gone', () => {
    const d = dir();
    const lock = lockReportDir(d, OPTION, () => {});
    const holder = JSON.parse(readFileSync(lockOf(d), 'utf8')) as LockHolder;
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockReportDir(d, OPTION, () => {})).toThrow(UsageError);
    expect(() => lockReportDir(d, OPTION, () => {})).toThrow(`${OPTION}: ${d} is in use by another run (pid ${process.pid}, started ${holder.startedAt})`);
    lock.release();
    lock.release();
    expect(readdirSync(d)).toEqual([]);
    lockReportDir(d, OPTION, () => {}).release();
    expect(readdirSync(d)).toEqual([]);
  });

  test('a live process elsewhere holds it: refused', () => {
    const d = dir();
    // This test's parent (vitest's main process) is alive for as long as the test runs.
    plantLock(d, { pid: process.ppid });
    expect(() => lockReportDir(d, OPTION, () => {})).toThrow(
      new RegExp(`is in use by another run \\(pid ${process.ppid}, started 2025-01-01T00:00:00.000Z\\).*delete ${lockOf(d)}`),
    );
    expect(JSON.parse(readFileSync(lockOf(d), 'utf8'))).toMatchObject({ pid: process.ppid, token: 'planted' });
  });

  test('a run on another host cannot be looked at: taken to be alive', () => {
    const d = dir();
    plantLock(d, { pid: deadPid(), host: 'build-agent-7' });
    expect(() => lockReportDir(d, OPTION, () => {})).toThrow(/in use by another run \(pid \d+ on build-agent-7,/);
  });

  test('a dead run’s lock is taken over, with a note naming it', () => {
    const d = dir();
    const dead = deadPid();
    plantLock(d, { pid: dead });
    const notes: string[] = [];
    const lock = lockReportDir(d, OPTION, (line) => notes.push(line));
    expect(notes).toEqual([`note: ${d} was locked by a run that is no longer running (pid ${dead}, started 2025-01-01T00:00:00.000Z); this run takes it over`]);
    expect(JSON.parse(readFileSync(lockOf(d), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(readdirSync(d)).toEqual([]);
  });

  test('a lock of this pid that this process does not hold is an earlier process’s (a container reuses pids): taken over', () => {
    const d = dir();
    plantLock(d, { pid: process.pid, token: 'earlier-container' });
    const notes: string[] = [];
    lockReportDir(d, OPTION, (line) => notes.push(line)).release();
    expect(notes[0]).toMatch(/no longer running \(pid \d+,/);
  });

  test('an unreadable lock file is taken over', () => {
    const d = dir();
    writeFileSync(lockOf(d), 'not json');
    const notes: string[] = [];
    lockReportDir(d, OPTION, (line) => notes.push(line)).release();
    expect(notes).toEqual([`note: ${d} held an unreadable lock file (${LOCK_FILE}); this run takes it over`]);
    expect(readdirSync(d)).toEqual([]);
  });

  test('releasing never deletes a lock that another run took over meanwhile', () => {
    const d = dir();
    const lock = lockReportDir(d, OPTION, () => {});
    plantLock(d, { pid: process.ppid, token: 'the-other-run' });
    lock.release();
    expect(JSON.parse(readFileSync(lockOf(d), 'utf8'))).toMatchObject({ token: 'the-other-run' });
  });
});

describe('report files are renamed into place', () => {
  test('a reader of the previous file keeps reading it whole; the name gives the new one; nothing else is left', () => {
    const d = dir();
    const file = path.join(d, 'results.json');
    writeReportFile(file, 'previous run\n');
    const reader = openSync(file, 'r');
    try {
      writeReportFile(file, 'this run\n');
      const buffer = Buffer.alloc(64);
      expect(buffer.subarray(0, readSync(reader, buffer, 0, 64, 0)).toString()).toBe('previous run\n');
    } finally {
      closeSync(reader);
    }
    expect(readFileSync(file, 'utf8')).toBe('this run\n');
    expect(readdirSync(d)).toEqual(['results.json']);
  });

  test('a file that cannot be put in place: the usage error, and no temporary file left behind', () => {
    const d = dir();
    mkdirSync(path.join(d, 'report.html'));
    expect(() => writeReportFile(path.join(d, 'report.html'), '<html>')).toThrow(/cannot write .*report\.html \(EISDIR\); choose a writable --report-dir/);
    expect(readdirSync(d)).toEqual(['report.html']);
  });
});

describe.concurrent('a file where a folder belongs: exit 2, one line, no stack', () => {
  const file = () => {
    const f = path.join(dir(), 'a-file');
    writeFileSync(f, 'not a folder');
    return f;
  };

  test('--fixtures-dir is a file', async () => {
    const f = file();
    const run = await runConformance(['--fixtures-dir', f]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: --fixtures-dir / CONFORMANCE_FIXTURES_DIR: ${f} is a file, not a folder; point it at a folder of recordings\n`);
  });

  test('--fixtures-dir is below a file', async () => {
    const f = file();
    const run = await runConformance(['--fixtures-dir', path.join(f, 'recordings')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: --fixtures-dir / CONFORMANCE_FIXTURES_DIR: cannot use ${f}/recordings: ${f} is a file, not a folder; point it at a folder of recordings\n`,
    );
  });

  test('--report-dir is a file', async () => {
    const f = file();
    const run = await runConformance(['--report-dir', f]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${OPTION}: ${f} is a file, not a folder; choose a folder this user can write\n`);
  });

  test('--report-dir is below a file', async () => {
    const f = file();
    const run = await runConformance(['--report-dir', path.join(f, 'reports')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${OPTION}: cannot write to ${f}/reports (ENOTDIR): ${f} is a file, not a folder; choose a folder this user can write\n`);
  });

  test('diff with --fixtures-dir a file', async () => {
    const f = file();
    const run = await runCommand('src/cli/conformance.ts', ['diff', '--base-url', 'http://127.0.0.1:9', '--fixtures-dir', f, '--report-dir', dir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: --fixtures-dir / CONFORMANCE_FIXTURES_DIR: ${f} is a file, not a folder; point it at a folder of recordings\n`);
  });
});

describe('one run per report dir, through the command', () => {
  let slow: RunningEmulator;
  beforeAll(async () => {
    // Its create is stored at once and answered only after 20 s: the first run below is certainly still
    // running (and holding the report dir) when the second starts, however loaded the machine; its
    // clean-up after the interrupt reads and deletes, which are answered at once.
    slow = await startEmulator({ faults: { slowCreateReplyMs: 20_000 } });
  });
  afterAll(() => slow.close());

  test('a second run into the same dir is refused (exit 2, naming the first run’s pid and the dir); the first, interrupted, leaves no lock', async () => {
    const d = dir();
    const first = spawn(
      process.execPath,
      [fromRoot('bin/graph-conformance.mjs'), '--base-url', slow.baseUrl, '--report-dir', d, '--only', 'create.', '--timeout', '30000'],
      {
        cwd: fromRoot(),
        env: childEnv({}),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    first.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => first.on('close', resolve));
    // The run prints its first line once it holds the lock and its suites begin.
    const started = new Promise<void>((resolve) =>
      first.stdout.on('data', (c: Buffer) => {
        output += c.toString();
        if (output.includes('graph-conformance: target')) resolve();
      }),
    );
    // Should the first run end instead, its lock is gone and the next line says so.
    await Promise.race([started, exited]);
    expect(existsSync(lockOf(d)), output).toBe(true);

    const second = await runConformance(['--base-url', slow.baseUrl, '--report-dir', d]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(
      new RegExp(
        `^error: ${OPTION.replaceAll('/', '\\/')}: ${d} is in use by another run \\(pid ${first.pid}, started [\\dT:.Z-]+\\); wait for it to end or choose another report dir`,
      ),
    );
    expect(second.stdout).toBe('');

    first.kill('SIGINT');
    expect(await exited, output).toBe(130);
    expect(readdirSync(d).sort()).toEqual(['junit.xml', 'report.html', 'results.json']);
  });

  test('a dead run’s lock is taken over with a note; a finished run leaves no lock and no temporary file', async () => {
    const d = dir();
    const dead = deadPid();
    plantLock(d, { pid: dead });
    const run = await runConformance(['--only', 'create.status', '--report-dir', d]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `note: ${d} was locked by a run that is no longer running (pid ${dead}, started 2025-01-01T00:00:00.000Z); this run takes it over`,
    );
    expect(readdirSync(d).sort()).toEqual(['junit.xml', 'report.html', 'results.json']);
  });

  test('a run that stops on a usage error after taking the lock leaves none', async () => {
    const d = dir();
    const run = await runConformance(['--base-url', 'http://127.0.0.1:9', '--report-dir', d]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/target unreachable/);
    expect(readdirSync(d)).toEqual([]);
  });
});
