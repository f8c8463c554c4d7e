/** What `diff` wrote: its differences, and the ids among them, for the tests that pin a mock's. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface WrittenDiff {
  id: string;
  recorded: unknown;
  target: unknown;
  operation: string;
}

export function diffsIn(reportDir: string): { diffs: WrittenDiff[]; ids: Set<string> } {
  const { diffs } = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as { diffs: WrittenDiff[] };
  return { diffs, ids: new Set(diffs.map((d) => d.id)) };
}

/** The operations whose answers carried a request-id as Graph's do: none, for a mock that sends none of Graph's headers. */
export function operationsAnsweredWithRequestId({ diffs, ids }: ReturnType<typeof diffsIn>): string[] {
  return [...new Set(diffs.map((d) => d.operation))].filter((operation) => !ids.has(`diff.${operation}.header:request-id`));
}
