/**
 * One gate per run and target: a throttled answer (429 or 503 with Retry-After) closes it for the time
 * the target asked, and every request of the run waits at the gate before it is sent, not only the one
 * that was throttled. The gate counts how often and how long the run waited, for the report.
 */
export class ThrottleGate {
  private openAt = 0;
  /** Longest total closed time the run accepts (--throttle-budget); past it, throttling is the verdict. */
  budgetMs = Number.POSITIVE_INFINITY;
  /** Told each time the gate closes or stays closed longer, with how long and why: the run says it is waiting. */
  onWait?: (ms: number, why: string) => void;
  /** Wall time the gate was closed, overlapping pauses counted once. */
  waitedMs = 0;
  /** Times the gate closed after being open. */
  pauses = 0;

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

const gates = new Map<string, ThrottleGate>();

/** The gate of a run (its run id) against a target (its origin): shared by every suite of the run. */
export function throttleGateFor(runId: string, baseUrl: string, budgetMs?: number): ThrottleGate {
  const key = `${runId} ${new URL(baseUrl).origin}`;
  let gate = gates.get(key);
  if (!gate) gates.set(key, (gate = new ThrottleGate()));
  if (budgetMs !== undefined) gate.budgetMs = budgetMs;
  return gate;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
