/**
 * A baseline lists the checks known to fail against a target, each with the reason; they are reported
 * as known instead of failing the run. Either form works:
 *
 *   create.header.request-id: Prism sends none of Graph's headers
 *
 *   - id: create.header.request-id
 *     reason: Prism sends none of Graph's headers
 */
import { readFileSync } from 'node:fs';
import { parseYaml as parse } from '../openapi/decisions.js';
import { UsageError } from './usage-error.js';

export type Baseline = Record<string, string>;

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--baseline ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new UsageError(`--baseline ${file}: not YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (raw === null || raw === undefined) return {};
  const entries: [unknown, unknown][] = Array.isArray(raw)
    ? raw.map((e) => [(e as { id?: unknown })?.id, (e as { reason?: unknown })?.reason])
    : typeof raw === 'object'
      ? Object.entries(raw as Record<string, unknown>)
      : [];
  if (entries.length === 0 && !(typeof raw === 'object')) throw new UsageError(`--baseline ${file}: expected a mapping of check id to reason, or a list of {id, reason}`);
  const baseline: Baseline = {};
  for (const [id, reason] of entries) {
    // A check id (create.status) or a difference's (diff.create./name, array indices written *).
    if (typeof id !== 'string' || !(/^[a-z][\w-]*(\.[\w-]+)+$/.test(id) || /^diff\.[\w.-]+?\.(status|header:[\w-]+|\/\S*)$/.test(id))) {
      throw new UsageError(`--baseline ${file}: ${JSON.stringify(id)} is not a check id (like create.status) or a difference id (like diff.create./name)`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') throw new UsageError(`--baseline ${file}: ${id} needs a reason`);
    baseline[id] = reason.trim();
  }
  return baseline;
}
