/**
 * What a mock that answers every request alike fails in --profile graph, and what Mockoon 9.9.0 cannot
 * serve from an OpenAPI description at all: read from the baselines the package ships
 * (baselines/prism.yaml, baselines/mockoon.yaml), the one place these lists and their reasons are
 * written. test/prism.test.ts and test/mockoon.test.ts pin each mock's failures to them, so that a
 * check failing for another reason shows, and run each mock with its baseline to exit 0.
 */
import { readBaseline, shippedBaseline, type Baseline } from '../../src/config/baseline.js';

function shipped(name: string): Baseline {
  const file = shippedBaseline(name);
  if (file === undefined) throw new Error(`baselines/${name}.yaml is missing`);
  return readBaseline(file);
}

/** Each shipped baseline, check id → reason, as `--baseline <name>` reads it. */
export const SHIPPED = { prism: shipped('prism'), mockoon: shipped('mockoon') };

/**
 * Its answer to `$filter=startswith(…)` holds a group outside the run's prefix (the slice's example), so the
 * run finds the filter ignored: capability filter-startswith absent. These rules then have no race-free
 * judgement and are skipped for it (`capability:filter-startswith`), not failed: a filter function is
 * not what the slice promises, and `query.filter` fails the ignored filter under its own name.
 */
export const SKIPPED_FOR_CAPABILITY = ['query.count', 'query.count-segment', 'query.orderby', 'query.skip', 'query.top-pages'];

/** What a shipped baseline's reason ends with when the check fails in --profile openapi too: Mockoon's own limits. */
export const OPENAPI_TOO = '(fails in --profile openapi too)';

/**
 * Mockoon 9.9.0's own limits, failing in both profiles: it serves only JSON bodies from an import, so a
 * `text/plain` `$count` comes back empty; and its routes are Express paths, in which `(` and `)` are
 * pattern syntax, so it never routes the OData key segments `applications(appId='…')` and
 * `applications(uniqueName='…')` and answers them with its HTML 404 page.
 */
export const MOCKOON_LIMITS = Object.entries(SHIPPED.mockoon)
  .filter(([, reason]) => reason.endsWith(OPENAPI_TOO))
  .map(([id]) => id)
  .sort();

/** Each mock's failures in --profile graph, sorted as idsWithStatus lists them. */
export const STATELESS_MOCK_FAILURES = {
  prism: Object.keys(SHIPPED.prism).sort(),
  mockoon: Object.keys(SHIPPED.mockoon).sort(),
};
