/** The results.json document (CONTRACT.md), built from what vitest reports of each check's test. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestCase, TestModule } from 'vitest/node';
import type { RunConfig } from '../config/run-config.js';
import type { CheckMeta } from '../runtime/suite.js';
import { scrubText } from '../scrub/scrub.js';

export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'warned';

export interface CheckResult {
  id: string;
  operation: string;
  title: string;
  status: CheckStatus;
  durationMs: number;
  message?: string;
  expectation?: string;
  /** Decision ids (specs/decisions.yaml) that governed what this check accepted. */
  decisions?: string[];
  evidence?: CheckMeta['evidence'];
  /** Present when --baseline lists the check: known (failed as expected, does not fail the run) or fixed. */
  baseline?: CheckMeta['baseline'];
}

export interface RunResults {
  target: string;
  baseUrl: string;
  profile: string;
  seed: number;
  runId: string;
  startedAt: string;
  durationMs: number;
  sliceSha256: string;
  /** `known`: failures the baseline expects (counted in failed too); `fixed`: baseline entries that passed. */
  summary: { passed: number; failed: number; skipped: number; warned: number; known: number; fixed: number };
  /** `i/n` when the run was one shard of n. */
  shard?: string;
  /** Every decision a reported check relied on, with what it says. */
  decisions: Record<string, string>;
  /** Suite files that could not run at all (a harness or configuration problem). */
  errors: string[];
  checks: CheckResult[];
}

export function checkResultOf(test: TestCase): CheckResult | undefined {
  const meta = test.meta().check;
  if (!meta) return undefined;
  const result = test.result();
  const durationMs = Math.round(test.diagnostic()?.duration ?? 0);
  const base = {
    id: meta.id,
    operation: meta.operation,
    title: meta.title,
    expectation: meta.expectation,
    durationMs,
    decisions: [...meta.decisions],
    ...(meta.baseline && { baseline: meta.baseline }),
  };
  if (meta.baseline?.state === 'known') return { ...base, status: 'failed', message: meta.message, evidence: meta.evidence };
  switch (result.state) {
    case 'skipped':
      return { ...base, status: 'skipped', message: result.note };
    case 'failed':
      return { ...base, status: 'failed', message: meta.message ?? result.errors[0]?.message ?? 'failed', evidence: meta.evidence };
    case 'passed':
      if (meta.status === 'warned') return { ...base, status: 'warned', message: meta.message, evidence: meta.evidence };
      return meta.message ? { ...base, status: 'passed', message: meta.message } : { ...base, status: 'passed' };
    default:
      return { ...base, status: 'skipped', message: 'did not run' };
  }
}

export function collectChecks(modules: ReadonlyArray<TestModule>): { checks: CheckResult[]; errors: string[] } {
  const checks: CheckResult[] = [];
  const errors: string[] = [];
  for (const module of modules) {
    for (const error of module.errors()) errors.push(`${path.basename(module.moduleId)}: ${error.message}`);
    for (const test of module.children.allTests()) {
      const result = checkResultOf(test);
      if (result) checks.push(result);
    }
  }
  checks.sort((a, b) => a.id.localeCompare(b.id));
  return { checks, errors };
}

export function summarise(checks: readonly CheckResult[]): RunResults['summary'] {
  const summary = { passed: 0, failed: 0, skipped: 0, warned: 0, known: 0, fixed: 0 };
  for (const check of checks) {
    summary[check.status]++;
    if (check.baseline) summary[check.baseline.state]++;
  }
  return summary;
}

/** 0 all passed (warnings allowed), 1 a check failed, 2 nothing ran or a suite could not run. */
export function exitCodeOf(results: RunResults): 0 | 1 | 2 {
  if (results.summary.failed > results.summary.known) return 1;
  if (results.errors.length > 0) return 2;
  if (results.summary.passed + results.summary.warned + results.summary.known === 0) return 2;
  return 0;
}

export function writeResults(config: RunConfig, results: RunResults): string {
  mkdirSync(config.reportDir, { recursive: true });
  const file = path.join(config.reportDir, 'results.json');
  // Evidence is scrubbed where it is captured; this second pass guards messages and anything added later.
  writeFileSync(file, `${scrubText(JSON.stringify(results, null, 2))}\n`);
  return file;
}
