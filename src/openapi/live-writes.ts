/**
 * What a live run may write: one decision per entity set (specs/decisions.yaml, `live-writes`) names the
 * kinds of write allowed in it. A set with no such decision is only read on a tenant. Writes a live run
 * may not make are sent to url targets only (a mock, a proxy, the emulator); `--dry-run` lists the ones it
 * would make.
 */
import type { DecisionSet, WriteKind } from './decisions.js';
import type { TableOperation } from './operation-table.js';

const isKey = (segment: string) => /^\{.+\}$/.test(segment);

/** The entity set an operation belongs to: the first segment after the profile's key; `profile` for the profile itself. */
export function entitySetOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const keyAt = segments.findIndex(isKey);
  return segments[keyAt + 1] ?? 'profile';
}

/** The kind of write a request of this operation is; undefined for a read. */
export function writeKind(op: Pick<TableOperation, 'method' | 'path'>): WriteKind | undefined {
  if (op.method === 'get') return undefined;
  if (op.path.endsWith('/$ref')) return 'link';
  if (op.method === 'post') return 'create';
  if (op.method === 'delete') return 'delete';
  return 'update';
}

export interface LiveWriteVerdict {
  allowed: boolean;
  /** The decision that rules, when one does. */
  decision?: string;
  /** Why not, in words, when not allowed. */
  why?: string;
}

/** Whether a live run may send this operation. Reads are always allowed. */
export function liveMayWrite(decisions: DecisionSet, op: Pick<TableOperation, 'method' | 'path'>): LiveWriteVerdict {
  const kind = writeKind(op);
  if (kind === undefined) return { allowed: true };
  const set = entitySetOf(op.path);
  const decision = decisions.decisions.find((d) => d.liveWrites?.set === set);
  if (!decision) return { allowed: false, why: `no decision says a live run may write ${set}` };
  if (decision.liveWrites!.allow.includes(kind)) return { allowed: true, decision: decision.id };
  return { allowed: false, decision: decision.id, why: `a live run makes no ${kind} write in ${set} (decision ${decision.id})` };
}
