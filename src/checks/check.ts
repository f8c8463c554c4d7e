/**
 * A check is one small named function with a stable id (`<operation>.<aspect>`): it looks at what one
 * exchange produced and says passed, failed or warned, and why. Checks never perform requests, so the
 * same exchange can be judged by many of them and each can fail alone.
 */
import type { Profile } from '../config/run-config.js';

export type Verdict =
  | { status: 'passed' }
  | { status: 'failed' | 'warned'; message: string; actual?: unknown };

export interface Check<Subject> {
  /** Dotted and stable: never changes meaning once released. */
  id: string;
  operation: string;
  title: string;
  /** What a conforming target does, in words a report reader understands. */
  expectation: string;
  profiles: readonly Profile[];
  /** Ids in specs/decisions.yaml that decide what this check accepts. */
  decisions?: readonly string[];
  run(subject: Subject): Verdict;
}

export const PASSED: Verdict = { status: 'passed' };

export function failed(message: string, actual?: unknown): Verdict {
  return { status: 'failed', message, actual };
}

/** Matches a check id against `--only` patterns: a glob (`create.*`) or a prefix (`create.header`). */
export function selectedBy(patterns: readonly string[], id: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((pattern) => {
    if (!pattern.includes('*')) return id === pattern || id.startsWith(pattern);
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    return regex.test(id);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
