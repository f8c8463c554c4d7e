/**
 * The differences of a diff grouped by behaviour: one behaviour is one difference id
 * (`diff.<operation>.<pointer>`) across every request that shows it — the same part of the same
 * operation's answer differing, which is one thing the target does, however many requests meet it. The id
 * is also what --baseline accepts, so a behaviour is known or not as a whole. A report shows each once, with
 * its count and its first difference as the example; results.json keeps every difference besides.
 */
import type { DifferenceKind } from './compare.js';
import type { DiffEntry } from './run-diff.js';

export interface Behaviour {
  id: string;
  kind: DifferenceKind;
  /** Its differences: one per answer that shows it. */
  count: number;
  /** The baseline's reason, when --baseline lists the id. */
  known?: string;
  /** The first difference of it, in the order the recordings were sent. */
  example: Pick<DiffEntry, 'recording' | 'request' | 'pointer' | 'recorded' | 'target'>;
}

/** In the order each behaviour first showed. */
export function behavioursOf(diffs: readonly DiffEntry[]): Behaviour[] {
  const byId = new Map<string, Behaviour>();
  for (const d of diffs) {
    const seen = byId.get(d.behaviour.id);
    if (seen !== undefined) {
      seen.count++;
      continue;
    }
    const { recording, request, pointer, recorded, target } = d;
    byId.set(d.behaviour.id, {
      id: d.behaviour.id,
      kind: d.behaviour.kind,
      count: 1,
      ...(d.known !== undefined && { known: d.known }),
      example: { recording, request, pointer, recorded, target },
    });
  }
  return [...byId.values()];
}
