/**
 * One run at a time per report dir (docs/contract.md, "Report files"). Two runs writing the same
 * results.json, junit.xml and report.html would leave a set made of both; so a run holds a lock file in
 * the dir — its pid, host and start time — from before it sends anything until it exits, and a second run
 * that finds the lock held by a live process is refused (exit 2) naming that process. A lock whose process
 * is gone (killed with SIGKILL, the machine restarted) is taken over, with a note.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from '../config/usage-error.js';

export const LOCK_FILE = '.graph-conformance.lock';

/** What a lock file holds. `token` tells this run's lock from another's of the same pid (a reused pid, or two runs in one process). */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export interface ReportLock {
  file: string;
  /** Deletes the lock if it is still this run's; safe to call more than once. */
  release(): void;
}

/** The signals that end a process by default: the lock goes first, whatever else is running. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Tokens of the locks this process holds (runConformance can run twice at once in one process). */
const heldHere = new Set<string>();

/**
 * Locks `dir` (which exists) for this run, or throws a UsageError naming the run that holds it. `option`
 * names the setting in messages; `note` receives the line said when a dead run's lock is taken over.
 */
export function lockReportDir(dir: string, option: string, note: (line: string) => void): ReportLock {
  const file = path.join(dir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  // Written whole under a name of its own, then linked to the lock's name: the link is refused when a
  // lock exists, and a lock that exists is never half-written for another run to misread.
  const draft = `${file}.${mine.pid}.${mine.token}`;
  try {
    writeFileSync(draft, `${JSON.stringify(mine)}\n`);
  } catch (error) {
    throw new UsageError(
      `${option}: cannot write to ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); choose a folder this user can write`,
    );
  }
  try {
    // A few rounds: a lock released, or a dead run's taken over, between looking and linking.
    for (let round = 0; round < 5; round++) {
      if (create(draft, file)) return held(file, mine);
      const found = readLock(file);
      if (found === undefined) continue;
      if (found.holder && alive(found.holder, mine)) {
        const { pid, host, startedAt } = found.holder;
        throw new UsageError(
          `${option}: ${dir} is in use by another run (pid ${pid}${host === mine.host ? '' : ` on ${host}`}, started ${startedAt}); ` +
            `wait for it to end or choose another report dir (if no such run exists, delete ${file})`,
        );
      }
      if (takeOver(file, found.text, mine.token)) {
        note(
          found.holder
            ? `note: ${dir} was locked by a run that is no longer running (pid ${found.holder.pid}, started ${found.holder.startedAt}); this run takes it over`
            : `note: ${dir} held an unreadable lock file (${LOCK_FILE}); this run takes it over`,
        );
      }
    }
    throw new UsageError(`${option}: ${dir} is being locked and released by other runs over and over; run again, or choose another report dir`);
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Creates the lock from the draft, exclusively; false when a lock is there already. */
function create(draft: string, file: string): boolean {
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create, written at once (a reader that finds it
    // empty takes it for unreadable only in that instant).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV') {
      try {
        writeFileSync(file, readFileSync(draft), { flag: 'wx' });
        return true;
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw inner;
      }
    }
    throw error;
  }
}

/** The lock's text and holder; undefined when there is no lock (any more). */
function readLock(file: string): { text: string; holder?: LockHolder } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(parsed.pid) && typeof parsed.host === 'string' && typeof parsed.startedAt === 'string' && typeof parsed.token === 'string') {
      return { text, holder: parsed as LockHolder };
    }
  } catch {
    // Not a lock this command wrote: taken over like a dead run's.
  }
  return { text };
}

/**
 * Whether the lock's process still runs. A process on another host (a shared folder) cannot be looked
 * at, so it is taken to be running; so is one whose pid this user may not signal.
 */
function alive(holder: LockHolder, mine: LockHolder): boolean {
  if (holder.host !== mine.host) return true;
  // This pid: a run of this process, or one of an earlier process that had the same pid (a container's
  // command often gets the same small pid every time).
  if (holder.pid === mine.pid) return heldHere.has(holder.token);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a dead run's lock, whose text was `stale`. It is first moved aside, which only one run can do:
 * should the lock moved be no longer the dead one (another run took it over in between), it goes back.
 */
function takeOver(file: string, stale: string, token: string): boolean {
  const aside = `${file}.stale.${process.pid}.${token}`;
  try {
    renameSync(file, aside);
  } catch {
    return false;
  }
  let moved: string | undefined;
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    moved = undefined;
  }
  if (moved !== stale) {
    try {
      linkSync(aside, file);
    } catch {
      // A third run holds the lock by now: it, not this one, is the holder the next look finds.
    }
  }
  rmSync(aside, { force: true });
  return moved === stale;
}

/** The lock, held: released when the run ends, by any way a process ends that runs code. */
function held(file: string, mine: LockHolder): ReportLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(mine.token);
    process.off('exit', release);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    try {
      // Only this run's: a lock taken over after this process was thought dead is the other run's now.
      if ((JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>).token === mine.token) unlinkSync(file);
    } catch {
      // Gone already (the dir removed): nothing to release.
    }
  };
  // While the run's own interrupt handling listens too, it ends the run (and the process exits through
  // 'exit'). Otherwise — a signal before the suites start, or after they stopped — the signal would end
  // the process at once without running any code: the lock is released, and the signal raised again.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    release();
    process.kill(process.pid, signal);
  };
  heldHere.add(mine.token);
  process.on('exit', release);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return { file, release };
}
