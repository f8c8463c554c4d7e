import { loadDecisions } from './decisions.js';

/** What each cited decision says, for reports: the reader sees which rule a check applied. */
export function decisionSummaries(ids: readonly string[]): Record<string, string> {
  const decisions = loadDecisions();
  return Object.fromEntries([...new Set(ids)].sort().map((id) => [id, decisions.get(id).summary]));
}
