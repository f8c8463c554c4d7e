/**
 * One gate per run and target: a throttled answer (429 or 503 with Retry-After) closes it for the time
 * the target asked, and every request of the run waits at the gate before it is sent, not only the one
 * that was throttled. The gate counts how often and how long the run waited, for the report.
 */
export class ThrottleGate {
  private openAt = 0;
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

  /** Closes the gate for `ms` from now, unless it is already closed for longer. */
  pause(ms: number): void {
    const now = Date.now();
    const until = now + ms;
    if (until <= this.openAt) return;
    if (this.openAt <= now) this.pauses++;
    this.waitedMs += until - Math.max(this.openAt, now);
    this.openAt = until;
  }
}

const gates = new Map<string, ThrottleGate>();

/** The gate of a run (its run id) against a target (its origin): shared by every suite of the run. */
export function throttleGateFor(runId: string, baseUrl: string): ThrottleGate {
  const key = `${runId} ${new URL(baseUrl).origin}`;
  let gate = gates.get(key);
  if (!gate) gates.set(key, (gate = new ThrottleGate()));
  return gate;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
