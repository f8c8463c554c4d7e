/**
 * One connectorGroup's life, request by request: create → get → patch → get → list → delete → get.
 * The same exchanges are judged by the operations' own checks (get.*, update.*, list.*, delete.*, in
 * both profiles) and by the lifecycle.* checks, which hold the target to Graph's behaviour across them.
 */
import type { Exchange } from '../client/exchange.js';
import { failed, GRAPH, judgedOn, notReached, passed, PASSED, type Check, type Stop, type Verdict } from './check.js';
import { GROUP_PATH } from './create.js';
import { collectionValue, parseJsonBody } from './http.js';
import { bodySchemaCheck, judgeError, type Judged } from './response.js';
import { keptAfterPatchesOf, keptFailure, updateReadBack, type UpdateReadBackSubject } from './update-read-back.js';

export interface LifecycleSubject extends Judged, UpdateReadBackSubject {
  /** The id create answered with; absent when create failed (then no later step ran). */
  id?: string;
  /** Why the sequence stopped early, if it did. */
  stoppedBecause?: Stop;
  update: { name: string; region: string | null };
  /** Retries each read needed before the write showed (eventual consistency). */
  settled?: { get?: number; getUpdated?: number; getDeleted?: number };
  steps: {
    create?: Exchange;
    get?: Exchange;
    update?: Exchange;
    getUpdated?: Exchange;
    /** Every page, following @odata.nextLink. */
    list?: Exchange[];
    /** Set when following nextLink stopped for a reason other than reaching the last page. */
    listProblem?: string;
    delete?: Exchange;
    getDeleted?: Exchange;
    /** The same DELETE once more, after the group is gone. */
    deleteAgain?: Exchange;
    /** A PATCH of the group after it is gone. */
    patchDeleted?: Exchange;
  };
  /** One PATCH of a single property per group of its own (decision update-partial); absent before any ran. */
  partial?: PartialUpdate[];
}

/** A group of its own: `kept` set away from what create gave it, then `sent` patched alone, then read back. */
export interface PartialUpdate {
  sent: 'name' | 'region';
  kept: 'name' | 'region';
  /** The first PATCH: the property to be kept, set away from its value at create. */
  set: Record<string, unknown>;
  /** The second PATCH: the one property sent. */
  patch: Record<string, unknown>;
  stoppedBecause?: Stop;
  /** Retries the read-back needed before the second PATCH showed (eventual consistency). */
  settled?: number;
  steps: { create?: Exchange; set?: Exchange; patch?: Exchange; get?: Exchange };
}

type Step = Exclude<keyof LifecycleSubject['steps'], 'list' | 'listProblem'>;

const step = (name: Step) => (s: LifecycleSubject) => s.steps[name];
const missing = (s: LifecycleSubject) => s.stoppedBecause;

export const updateBody = bodySchemaCheck<LifecycleSubject>({
  id: 'update.body',
  operation: 'update',
  title: '200 carries a valid connectorGroup, 204 no body',
  path: GROUP_PATH,
  method: 'patch',
  pick: step('update'),
  missing,
  schemaName: 'microsoft.graph.connectorGroup, or none for 204',
  decisions: ['update-status-200-or-204'],
  provenBy: ['update-200-invalid-body'],
});

export const listBodyValue: Check<LifecycleSubject> = {
  id: 'list.body.value',
  operation: 'list',
  title: 'a collection is an object with a value array',
  expectation: 'every page is a JSON object whose value is an array (Graph: collections are a root object with a value array)',
  provenBy: ['list-no-value'],
  profiles: GRAPH,
  run(subject) {
    return everyPage(subject, (page, n) =>
      collectionValue(page) ? undefined : failed(`page ${n} has no value array: ${page.response.body.slice(0, 160)}`, undefined, page),
    );
  },
};

export const listPaging: Check<LifecycleSubject> = {
  id: 'list.paging',
  operation: 'list',
  title: '@odata.nextLink pages through the whole collection',
  expectation: "each @odata.nextLink is an absolute URL on the target's own origin and answers 200; following them ends, and no group appears on two pages",
  provenBy: ['list-next-link-loop'],
  profiles: GRAPH,
  run(subject) {
    const pages = subject.steps.list;
    if (!pages?.length) return notReached('list', subject.stoppedBecause);
    if (subject.steps.listProblem) return failed(subject.steps.listProblem, undefined, pages.at(-1));
    const seen = new Set<string>();
    for (const [n, page] of pages.entries()) {
      if (n > 0 && page.response.status !== 200)
        return failed(`following @odata.nextLink to page ${n + 1} answered ${page.response.status}, not 200`, page.response.status, page);
      for (const id of idsOf(page)) {
        if (seen.has(id)) return failed(`group ${id} appears again on page ${n + 1}`, undefined, page);
        seen.add(id);
      }
    }
    return pages.length > 1 ? passed(`${pages.length} pages followed`) : passed('one page, no @odata.nextLink');
  },
};

export const lifecycleGetSame: Check<LifecycleSubject> = {
  id: 'lifecycle.get-same',
  operation: 'lifecycle',
  title: 'get returns the entity create returned',
  expectation: 'GET by the new id answers 200 with the same id, name, region, connectorGroupType and isDefault',
  provenBy: ['create-body-schema', 'create-echo-name', 'get-body-schema', 'get-not-found-after-create'],
  profiles: GRAPH,
  run(subject) {
    const { create, get } = subject.steps;
    if (!create || !get) return notReached('get', subject.stoppedBecause);
    // The status itself is get.status's business; only an answer that is not a success carries no entity.
    if (get.response.status >= 300) return failed(`GET by id answered ${get.response.status}${settledNote(subject.settled?.get)}`, get.response.status, get);
    return withSettledNote(
      sameEntity(
        { said: 'the create answered', entity: entityOf(create) },
        { said: 'GET by id answers', entity: entityOf(get) },
        ['id', 'name', 'region', 'connectorGroupType', 'isDefault'],
        get,
      ),
      subject.settled?.get,
    );
  },
};

export const lifecycleGetUpdated: Check<LifecycleSubject> = {
  id: 'lifecycle.get-updated',
  operation: 'lifecycle',
  title: 'get after patch shows the change',
  expectation: 'after PATCH of name and region, GET answers 200 with the new name and region',
  provenBy: ['get-not-found-after-create', 'update-ignored', 'store-ascii-only'],
  profiles: GRAPH,
  run(subject) {
    const { getUpdated } = subject.steps;
    if (!getUpdated) return notReached('get after patch', subject.stoppedBecause);
    if (getUpdated.response.status >= 300)
      return failed(
        `GET after PATCH answered ${getUpdated.response.status}${settledNote(subject.settled?.getUpdated)}`,
        getUpdated.response.status,
        getUpdated,
      );
    return withSettledNote(
      sameEntity(
        { said: 'the PATCH sent', entity: subject.update },
        { said: 'GET after the PATCH answers', entity: entityOf(getUpdated) },
        ['name', 'region'],
        getUpdated,
      ),
      subject.settled?.getUpdated,
    );
  },
};

export const lifecycleListContains: Check<LifecycleSubject> = {
  id: 'lifecycle.list-contains',
  operation: 'lifecycle',
  title: 'the list contains the group, as updated',
  expectation: 'some page of GET …/connectorGroups holds the new id with the patched name',
  provenBy: ['list-no-value', 'update-ignored', 'store-ascii-only'],
  profiles: GRAPH,
  run(subject) {
    const pages = subject.steps.list;
    if (!pages?.length || !subject.id) return notReached('list', subject.stoppedBecause);
    for (const [n, page] of pages.entries()) {
      const entity = itemsOf(page).find((g) => g.id === subject.id);
      if (entity)
        return sameEntity(
          { said: 'the PATCH sent', entity: subject.update },
          { said: `the list (page ${n + 1} of ${pages.length}) shows`, entity },
          ['name'],
          page,
        );
    }
    return failed(`no page of the list (${pages.length} followed) holds ${subject.id}`, undefined, pages.at(-1));
  },
};

export const lifecycleGetAfterDelete: Check<LifecycleSubject> = {
  id: 'lifecycle.get-after-delete',
  operation: 'lifecycle',
  title: 'a deleted group is gone',
  expectation: 'GET by id after DELETE answers 404',
  provenBy: ['delete-not-deleting', 'unknown-id-400'],
  profiles: GRAPH,
  run(subject) {
    const { getDeleted } = subject.steps;
    if (!getDeleted) return notReached('get after delete', subject.stoppedBecause);
    return getDeleted.response.status === 404
      ? withSettledNote(PASSED, subject.settled?.getDeleted)
      : failed(`GET after DELETE answered ${getDeleted.response.status}${settledNote(subject.settled?.getDeleted)}`, getDeleted.response.status, getDeleted);
  },
};

/** A request for the group after its DELETE: Graph answers 404 with its error envelope (decision unknown-id-404). */
function afterDelete(
  id: string,
  step: 'deleteAgain' | 'patchDeleted',
  method: 'delete' | 'patch',
  what: string,
  provenBy: readonly string[],
): Check<LifecycleSubject> {
  return {
    id,
    operation: 'lifecycle',
    title: `${what} a deleted group is a 404`,
    expectation: `${what} the group after its DELETE answers 404 with Graph's error envelope`,
    profiles: GRAPH,
    decisions: ['unknown-id-404'],
    provenBy,
    run(subject) {
      const exchange = subject.steps[step];
      if (!exchange) return notReached(`${method.toUpperCase()} after delete`, subject.stoppedBecause);
      return judgedOn(exchange, judgeError(subject, 'graph', exchange, { statuses: [404], path: GROUP_PATH, method }));
    },
  };
}

export const lifecycleDeleteTwice = afterDelete('lifecycle.delete-twice', 'deleteAgain', 'delete', 'deleting', [
  'delete-not-deleting',
  'error-envelope-not-graph',
  'delete-twice-204',
]);
export const lifecyclePatchAfterDelete = afterDelete('lifecycle.patch-after-delete', 'patchDeleted', 'patch', 'patching', [
  'delete-not-deleting',
  'error-envelope-not-graph',
  'patch-unknown-204',
]);

export const updatePartial: Check<LifecycleSubject> = {
  id: 'update.partial',
  operation: 'update',
  title: 'PATCH changes only the properties it was sent',
  expectation:
    'on a group of its own, after a PATCH set region away from what create gave, a PATCH of name alone leaves that region; and after a PATCH set the name, a PATCH of region alone leaves that name (GET shows the sent property changed, the other kept); and after every other PATCH a 2xx accepted, in any suite of the run and of every entity set the run made, the read after it shows each property it was not sent as it was before (as created, patched or last read)',
  provenBy: ['update-replaces', 'update-ignored', 'get-not-found-after-create', 'store-ascii-only'],
  profiles: GRAPH,
  decisions: ['update-partial'],
  overRun: true,
  run(subject) {
    const own = ownPartials(subject);
    if (own.status === 'failed') return own;
    // Every other PATCH of the run (the contract suite leaves one property out of each): a fault there is a
    // fault, even when the group's own chains could not run.
    const { judged, mismatches } = keptAfterPatchesOf(subject.exchanges);
    const elsewhere = keptFailure(mismatches);
    if (elsewhere) return elsewhere;
    if (own.status !== 'passed') return own;
    const others = judged - (subject.partial?.length ?? 0);
    return others > 0
      ? { ...own, note: [own.note, `and ${others} other PATCH${others === 1 ? '' : 'es'} of the run kept what they were not sent`].filter(Boolean).join('; ') }
      : own;
  },
};

/** The lifecycle's own proof: a group per property, the other property set away from what create gave first. */
function ownPartials(subject: LifecycleSubject): Verdict {
  const partials = subject.partial;
  if (!partials?.length) return notReached('partial PATCH', subject.stoppedBecause);
  let retries = 0;
  for (const p of partials) {
    const { set, patch, get } = p.steps;
    if (!set || !patch || !get) return notReached(`PATCH of ${p.sent} alone`, p.stoppedBecause);
    for (const [exchange, what] of [
      [set, `PATCH of ${p.kept} (before the one of ${p.sent} alone)`],
      [patch, `PATCH of ${p.sent} alone`],
    ] as const)
      if (exchange.response.status >= 300) return failed(`${what} answered ${exchange.response.status}`, exchange.response.status, exchange);
    if (get.response.status >= 300)
      return failed(`GET after the PATCH of ${p.sent} alone answered ${get.response.status}${settledNote(p.settled)}`, get.response.status, get);
    const entity = entityOf(get);
    const sent = p.patch[p.sent];
    if (JSON.stringify(entity[p.sent]) !== JSON.stringify(sent))
      return failed(
        `a PATCH of ${p.sent} alone sent ${JSON.stringify(sent)}, GET shows ${JSON.stringify(entity[p.sent])}${settledNote(p.settled)}`,
        entity[p.sent],
        get,
      );
    const kept = p.set[p.kept];
    if (JSON.stringify(entity[p.kept]) !== JSON.stringify(kept))
      return failed(
        `a PATCH of ${p.sent} alone did not keep ${p.kept}: the PATCH before set it to ${JSON.stringify(kept)}, GET shows ${JSON.stringify(entity[p.kept])} (the update page: properties not in the body "maintain their previous values")${settledNote(p.settled)}`,
        entity[p.kept],
        get,
      );
    retries += p.settled ?? 0;
  }
  return withSettledNote(PASSED, retries);
}

/**
 * The status, media type and schema of get, update, delete and list are derived from the slice and
 * judged in the contract suite (checks/derived.ts); these are what the slice cannot state.
 */
export const LIFECYCLE_CHECKS: readonly Check<LifecycleSubject>[] = [
  updateBody,
  listBodyValue,
  listPaging,
  lifecycleGetSame,
  lifecycleGetUpdated,
  updatePartial,
  updateReadBack as Check<LifecycleSubject>,
  lifecycleListContains,
  lifecycleGetAfterDelete,
  lifecycleDeleteTwice,
  lifecyclePatchAfterDelete,
];

/** Judges each page of the list in turn; the first verdict a page gets is the check's. */
function everyPage(subject: LifecycleSubject, judge: (page: Exchange, n: number) => Verdict | undefined): Verdict {
  const pages = subject.steps.list;
  if (!pages?.length) return notReached('list', subject.stoppedBecause);
  for (const [i, page] of pages.entries()) {
    const verdict = judge(page, i + 1);
    if (verdict) return verdict;
  }
  return PASSED;
}

function settledNote(retries: number | undefined): string {
  return retries ? ` (after ${retries} retr${retries === 1 ? 'y' : 'ies'} for eventual consistency)` : '';
}

/** A pass that needed retries says so: a slow-to-settle target is worth knowing about. */
function withSettledNote(verdict: Verdict, retries: number | undefined): Verdict {
  return verdict.status === 'passed' && retries ? passed(`readable${settledNote(retries)}`) : verdict;
}

function entityOf(exchange: Exchange): Record<string, unknown> {
  const parsed = parseJsonBody(exchange);
  return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : {};
}

function itemsOf(page: Exchange): Record<string, unknown>[] {
  return (collectionValue(page) ?? []) as Record<string, unknown>[];
}

export function idsOf(page: Exchange): string[] {
  return itemsOf(page)
    .map((g) => g.id)
    .filter((id): id is string => typeof id === 'string');
}

/** An entity and where it came from, in the words a message names it by: `the create answered`, `GET by id answers`. */
interface Said {
  said: string;
  entity: Record<string, unknown>;
}

/**
 * Each field on which `later` differs from `earlier`, each value named by where it came from, so the
 * message says which answer holds what: `connectorGroupType: the create answered 42, GET by id answers
 * "applicationProxy"` (the create's answer was the odd one; neither is called the expected value).
 */
function sameEntity(earlier: Said, later: Said, fields: readonly string[], exchange: Exchange): Verdict {
  const wrong = fields.filter((f) => JSON.stringify(earlier.entity[f]) !== JSON.stringify(later.entity[f]));
  if (wrong.length === 0) return PASSED;
  const shown = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));
  return failed(wrong.map((f) => `${f}: ${earlier.said} ${shown(earlier.entity[f])}, ${later.said} ${shown(later.entity[f])}`).join('; '), undefined, exchange);
}
