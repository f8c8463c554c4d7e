/**
 * One gate per run (the run's plan makes it and hands it to every suite): a throttled answer (429 or 503 with Retry-After) closes it for the time
 * the target asked, and every request of the run waits at the gate before it is sent, not only the one
 * that was throttled. The gate counts how often and how long the run waited, for the report.
 */
export class ThrottleGate {
  private openAt = 0;
  /** Longest total closed time the run accepts (--throttle-budget); past it, throttling is the verdict. */
  budgetMs: number;
  /** Told each time the gate closes or stays closed longer, with how long and why: the run says it is waiting. */
  onWait?: (ms: number, why: string) => void;
  /** Wall time the gate was closed, overlapping pauses counted once. */
  waitedMs = 0;
  /** Times the gate closed after being open. */
  pauses = 0;

  constructor(budgetMs = Number.POSITIVE_INFINITY) {
    this.budgetMs = budgetMs;
  }

  /** Resolves once the gate is open (at once when it is), or when `signal` aborts. */
  async pass(signal?: AbortSignal): Promise<void> {
    for (let wait = this.openAt - Date.now(); wait > 0 && !signal?.aborted; wait = this.openAt - Date.now()) {
      await sleep(wait, signal);
    }
  }

  /**
   * Closes the gate for `ms` from now, unless it is already closed for longer. Returns false, and
   * closes nothing, when that would take the run's total wait past its budget.
   */
  pause(ms: number, why = 'the target throttled the run'): boolean {
    const now = Date.now();
    const until = now + ms;
    if (until <= this.openAt) return true;
    const added = until - Math.max(this.openAt, now);
    if (this.waitedMs + added > this.budgetMs) return false;
    const wasOpen = this.openAt <= now;
    if (wasOpen) this.pauses++;
    this.waitedMs += added;
    this.openAt = until;
    // Side-by-side requests throttled together nudge the gate by milliseconds: one line per real wait.
    if (ms > 0 && (wasOpen || added >= 1000)) this.onWait?.(ms, why);
    return true;
  }

  /** What is left of the budget, in ms. */
  get budgetLeftMs(): number {
    return Math.max(0, this.budgetMs - this.waitedMs);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
