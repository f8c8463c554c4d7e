/**
 * Takes SIGINT/SIGTERM/SIGHUP for the length of a run: the first signal aborts what is in flight (the
 * suites' requests end at once) so the command can delete what the run created and exit 130. SIGHUP
 * too: a closed terminal or SSH session would otherwise end the process with the run's groups left behind.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export class InterruptGuard {
  signal: NodeJS.Signals | undefined;
  private readonly controller = new AbortController();
  private readonly handler = (signal: NodeJS.Signals) => {
    if (this.signal) return;
    this.signal = signal;
    // A hangup means the terminal is gone: what the run still prints fails (EIO, EPIPE), and a failed
    // line must not stop the clean-up.
    if (signal === 'SIGHUP') for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
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
