/**
 * Takes SIGINT/SIGTERM for the length of a run: the first signal aborts what is in flight (the suites'
 * requests end at once) so the command can delete what the run created and exit 130.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export class InterruptGuard {
  signal: NodeJS.Signals | undefined;
  private readonly controller = new AbortController();
  private readonly handler = (signal: NodeJS.Signals) => {
    if (this.signal) return;
    this.signal = signal;
    this.write(`\n${signal}: stopping the run; what it created is deleted before it exits`);
    this.controller.abort(new Error(`interrupted by ${signal}`));
  };

  constructor(private readonly write: (line: string) => void) {
    for (const s of SIGNALS) process.on(s, this.handler);
  }

  /** Aborted when the run is interrupted. */
  get abortSignal(): AbortSignal {
    return this.controller.signal;
  }

  /** Hands the signals back once the run is over. */
  release(): void {
    for (const s of SIGNALS) process.off(s, this.handler);
  }
}
