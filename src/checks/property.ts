/** Property-based create bodies: every valid one accepted (and echoed, and read back as sent), every invalid one refused. */
import type { PropertyOutcome } from '../engine/property.js';
import { blocked, BOTH, failed, GRAPH, notReached, passed, type Check } from './check.js';

export interface PropertySubject {
  valid?: PropertyOutcome<unknown>;
  invalid?: PropertyOutcome<{ kind: string; body: unknown }>;
  /** The same valid bodies, each accepted one read back by id before it was deleted. */
  readBack?: PropertyOutcome<unknown>;
  /** Valid bodies a 2xx accepted without an id: none of them could be read back. */
  unread?: { count: number; first: string };
}

/** What was sent in an accepted create body: the properties a read-back compares. */
export interface ReadBackSent {
  name: string;
  region?: string | null;
  isDefault?: boolean;
}

/**
 * JSON as a reader can see it: separators other than the ASCII space, and control and format characters
 * (a no-break space, a zero-width joiner, a tab), written as \u escapes, since a report would show them
 * as blanks or nothing at all.
 */
export function visibleJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'undefined').replace(/(?! )[\p{Z}\p{C}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/**
 * What a read-back gets wrong about the body that was accepted (empty when it holds what was sent), by
 * decision read-back-exact: name exactly, region exactly when sent (null included), isDefault as sent or false.
 */
export function readBackDifferences(sent: ReadBackSent, entity: unknown): string[] {
  const read = (entity ?? {}) as Record<string, unknown>;
  const wrong: string[] = [];
  if (read.name !== sent.name) wrong.push(`name: sent ${visibleJson(sent.name)}, read back ${visibleJson(read.name)}`);
  // undefined is no JSON: a region the read leaves out is named as absent, not silently equal.
  const shown = (v: unknown) => (v === undefined ? '(absent)' : visibleJson(v));
  if (sent.region !== undefined && read.region !== sent.region) wrong.push(`region: sent ${JSON.stringify(sent.region)}, read back ${shown(read.region)}`);
  const isDefault = sent.isDefault ?? false;
  if (read.isDefault !== isDefault) wrong.push(`isDefault: sent ${JSON.stringify(isDefault)}, read back ${shown(read.isDefault)}`);
  return wrong;
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
  run: (s) => judgeOutcome(s.valid, 'valid bodies accepted', visibleJson),
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
      return `${visibleJson(body)} [${kind}]`;
    }),
};

export const propertyReadBack: Check<PropertySubject> = {
  id: 'property.read-back',
  operation: 'property',
  title: 'stores every accepted body as sent',
  expectation:
    'each generated valid body a create accepted (2xx with an id) reads back by id with the name exactly as sent, the region as sent (null included) and isDefault as sent or false; a 404 is read again while the create may not have shown',
  provenBy: ['store-ascii-only', 'non-ascii-mangled', 'get-not-found-after-create'],
  profiles: GRAPH,
  decisions: ['input-space', 'read-back-exact'],
  run(s) {
    const verdict = judgeOutcome(s.readBack, 'accepted bodies read back', visibleJson);
    // A body stored wrongly is a failure whatever else happened; a pass over bodies that were never read is not one.
    if (verdict.status !== 'passed' || !s.unread) return verdict;
    const { count, first } = s.unread;
    return blocked(
      'create.body.id',
      `${count} accepted bod${count === 1 ? 'y was' : 'ies were'} answered 2xx without an id, so nothing could be read back (first: ${first}); create.body.id judges the missing id`,
    );
  },
};

export const PROPERTY_CHECKS: readonly Check<PropertySubject>[] = [propertyValidBodies, propertyInvalidBodies, propertyReadBack];
