/** Property-based create bodies: every valid one accepted (and echoed), every invalid one refused. */
import type { PropertyOutcome } from '../engine/property.js';
import { BOTH, failed, GRAPH, notReached, passed, type Check } from './check.js';

export interface PropertySubject {
  valid?: PropertyOutcome<unknown>;
  invalid?: PropertyOutcome<{ kind: string; body: unknown }>;
}

function judgeOutcome(outcome: PropertyOutcome<unknown> | undefined, what: string, describe: (value: unknown) => string) {
  if (!outcome) return notReached(what, undefined);
  if (!outcome.failure) return passed(`${outcome.runs} ${what} in ${outcome.durationMs} ms`);
  const { value, message, exchange, path, shrinks } = outcome.failure;
  return failed(
    `${message} — smallest failing body after ${shrinks} shrinks: ${describe(value)} (reproduce: --seed ${outcome.seed}; fast-check path ${path})`,
    value,
    exchange,
  );
}

export const propertyValidBodies: Check<PropertySubject> = {
  id: 'property.valid-bodies',
  operation: 'property',
  title: 'accepts every valid body',
  expectation: 'each generated valid create body is answered with the documented status (graph: and the entity echoes it)',
  provenBy: [
    'create-status-200',
    'create-echo-name',
    'region-ind-rejected',
    'error-envelope-not-graph',
    'non-ascii-mangled',
    'long-name-500',
    'region-null-refused',
  ],
  profiles: BOTH,
  decisions: ['region-values', 'is-default-false-on-create', 'input-space'],
  run: (s) => judgeOutcome(s.valid, 'valid bodies accepted', (v) => JSON.stringify(v)),
};

export const propertyInvalidBodies: Check<PropertySubject> = {
  id: 'property.invalid-bodies',
  operation: 'property',
  title: 'refuses every invalid body',
  expectation: 'each generated body the slice says is invalid is refused: 400 with the error envelope',
  provenBy: ['invalid-body-accepted', 'error-envelope-not-graph'],
  profiles: GRAPH,
  decisions: ['input-space'],
  notStated: 'what a target answers to a body the slice calls invalid (the slice describes only answers to valid requests)',
  run: (s) =>
    judgeOutcome(s.invalid, 'invalid bodies refused', (v) => {
      const { kind, body } = v as { kind: string; body: unknown };
      return `${JSON.stringify(body)} [${kind}]`;
    }),
};

export const PROPERTY_CHECKS: readonly Check<PropertySubject>[] = [propertyValidBodies, propertyInvalidBodies];
