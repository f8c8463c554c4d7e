/**
 * Takes SIGINT/SIGTERM over from vitest for the length of a run. Vitest's own handler exits the
 * process a millisecond after the signal; a conformance run must first stop its suites and delete what
 * they created, so the guard cancels the run instead and lets the command clean up and exit 130.
 */
import type { Reporter, Vitest } from 'vitest/node';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export class InterruptGuard implements Reporter {
  signal: NodeJS.Signals | undefined;
  private readonly before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  private readonly handler = (signal: NodeJS.Signals) => {
    if (this.signal) return;
    this.signal = signal;
    this.write(`\n${signal}: stopping the run; what it created is deleted before it exits`);
    void this.vitest?.cancelCurrentRun('keyboard-input');
  };
  private vitest: Vitest | undefined;

  constructor(private readonly write: (line: string) => void) {
    for (const s of SIGNALS) process.on(s, this.handler);
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    for (const s of SIGNALS) {
      for (const listener of process.listeners(s)) {
        if (listener !== this.handler && !this.before.get(s)!.has(listener)) process.off(s, listener);
      }
    }
  }

  /** Hands the signals back once the run is over. */
  release(): void {
    for (const s of SIGNALS) process.off(s, this.handler);
  }
}
