/**
 * A group's members (connectors) and applications. Connectors are installed on-premises and
 * applications live elsewhere, so the suite cannot make either: it checks what a group without them
 * must do (empty collections, unknown ids refused with Graph's error envelope), adds and removes a
 * connector the target already has (found read-only in its groups' members), and says plainly what it
 * could not check.
 */
import type { Exchange } from '../client/exchange.js';
import { BOTH, GRAPH, failed, judgedOn, notReached, passed, skipped, type Check, type Stop, type Verdict } from './check.js';
import { GROUP_PATH } from './create.js';
import { judgeBody, judgeError, type Judged } from './response.js';
import { collectionValue, errorWords } from './http.js';

export const MEMBERS_PATH = `${GROUP_PATH}/members`;
export const MEMBER_REF_PATH = `${GROUP_PATH}/members/{connector-id}/$ref`;
export const MEMBER_REFS_PATH = `${GROUP_PATH}/members/$ref`;
export const APPLICATIONS_PATH = `${GROUP_PATH}/applications`;
export const APPLICATION_PATH = `${GROUP_PATH}/applications/{application-id}`;

export interface NavigationSubject extends Judged {
  stoppedBecause?: Stop;
  members?: Exchange;
  addUnknownMember?: Exchange;
  removeUnknownMember?: Exchange;
  applications?: Exchange;
  unknownApplication?: Exchange;
  /** Why no connector could be added: none of the target's groups lists one (the reads say which). */
  noConnector?: string;
  /** The connector added and removed, and the group it was found in. */
  connector?: { id: string; foundIn: string };
  addMember?: Exchange;
  membersAfterAdd?: Exchange;
  removeMember?: Exchange;
  membersAfterRemove?: Exchange;
}

/** Whether a members list names the connector. */
export function listsMember(exchange: Exchange, connectorId: string): boolean {
  return (collectionValue(exchange) ?? []).some((item) => (item as { id?: unknown } | null)?.id === connectorId);
}

const succeeded = (e: Exchange) => e.response.status >= 200 && e.response.status <= 299;

/** Add, list, remove, list: each step judged in order, the first that goes wrong named. */
function judgeAddRemove(s: NavigationSubject): Verdict {
  if (s.noConnector !== undefined) return skipped(s.noConnector);
  const id = s.connector?.id;
  if (!s.addMember || id === undefined) return notReached('add a connector', s.stoppedBecause);
  const add = s.addMember;
  if (!succeeded(add))
    return failed(
      `POST …/members/$ref naming connector ${id} (found in group ${s.connector!.foundIn}) answered ${add.response.status}: ${errorWords(add)}`,
      add.response.status,
      add,
    );
  if (!s.membersAfterAdd) return notReached('members after the add', s.stoppedBecause);
  if (s.membersAfterAdd.response.status !== 200)
    return failed(`GET …/members after the add answered ${s.membersAfterAdd.response.status}`, s.membersAfterAdd.response.status, s.membersAfterAdd);
  if (!listsMember(s.membersAfterAdd, id)) {
    return failed(
      `POST …/members/$ref answered ${add.response.status}, but GET …/members does not list connector ${id}`,
      s.membersAfterAdd.response.body,
      s.membersAfterAdd,
    );
  }
  if (!s.removeMember) return notReached('remove the connector', s.stoppedBecause);
  if (!succeeded(s.removeMember)) {
    return failed(
      `DELETE …/members/${id}/$ref answered ${s.removeMember.response.status}: ${errorWords(s.removeMember)}`,
      s.removeMember.response.status,
      s.removeMember,
    );
  }
  if (!s.membersAfterRemove) return notReached('members after the removal', s.stoppedBecause);
  if (listsMember(s.membersAfterRemove, id)) {
    return failed(
      `DELETE …/members/${id}/$ref answered ${s.removeMember.response.status}, but GET …/members still lists the connector`,
      s.membersAfterRemove.response.body,
      s.membersAfterRemove,
    );
  }
  return passed();
}

type Step = Exclude<keyof NavigationSubject, keyof Judged | 'stoppedBecause' | 'noConnector' | 'connector'>;

function onStep(subject: NavigationSubject, step: Step, judge: (e: Exchange) => Verdict): Verdict {
  const exchange = subject[step];
  if (!exchange) return notReached(step, subject.stoppedBecause);
  return judgedOn(exchange, judge(exchange));
}

/** 200 with a collection that validates against the documented schema and holds a value array. */
function judgeCollection(subject: NavigationSubject, path: string, exchange: Exchange): Verdict {
  if (exchange.response.status !== 200) return failed(`expected 200, got ${exchange.response.status}`, exchange.response.status);
  const body = judgeBody(subject, path, 'get', exchange);
  if (body.status !== 'passed') return body;
  return collectionValue(exchange) ? body : failed('the collection has no value array', exchange.response.body);
}

export const membersList: Check<NavigationSubject> = {
  id: 'members.list',
  operation: 'members',
  title: 'lists a new group’s connectors',
  expectation: 'GET …/members answers 200 with a connector collection (empty for a new group is valid)',
  provenBy: ['members-list-not-collection'],
  profiles: BOTH,
  decisions: ['list-members-status-200'],
  run: (s) => onStep(s, 'members', (e) => judgeCollection(s, MEMBERS_PATH, e)),
};

export const membersAddUnknown: Check<NavigationSubject> = {
  id: 'members.add.unknown-connector',
  operation: 'members',
  title: 'refuses to add a connector that does not exist',
  expectation: 'POST …/members/$ref naming an unknown connector: 404 with Graph’s error envelope (openapi: a documented response, whichever it is)',
  provenBy: ['members-add-accepts-unknown', 'error-envelope-not-graph'],
  profiles: BOTH,
  run: (s, profile) => onStep(s, 'addUnknownMember', (e) => judgeError(s, profile, e, { statuses: [404, 400], path: MEMBER_REFS_PATH, method: 'post' })),
};

export const membersRemoveUnknown: Check<NavigationSubject> = {
  id: 'members.remove.unknown-connector',
  operation: 'members',
  title: 'refuses to remove a connector that is not a member',
  expectation: 'DELETE …/members/{unknown}/$ref: 404 with Graph’s error envelope (openapi: a documented response, whichever it is)',
  provenBy: ['members-remove-unknown-204', 'error-envelope-not-graph'],
  profiles: BOTH,
  run: (s, profile) => onStep(s, 'removeUnknownMember', (e) => judgeError(s, profile, e, { statuses: [404], path: MEMBER_REF_PATH, method: 'delete' })),
};

export const membersWithConnector: Check<NavigationSubject> = {
  id: 'members.add-remove',
  operation: 'members',
  title: 'adds and removes a real connector',
  expectation:
    'a connector the target already has (found read-only in its groups’ members) added to the run’s group with POST …/members/$ref is listed by GET …/members; removed with DELETE …/members/{id}/$ref, it is no longer listed. Skipped, with what was read, when no group lists a connector',
  provenBy: ['members-add-not-stored'],
  // The slice documents the calls, not that a link persists: a stateless mock of it is not wrong in openapi.
  profiles: GRAPH,
  run: judgeAddRemove,
};

export const applicationsList: Check<NavigationSubject> = {
  id: 'applications.list',
  operation: 'applications',
  title: 'lists a new group’s applications',
  expectation: 'GET …/applications answers 200 with an application collection (empty for a new group is valid)',
  provenBy: ['applications-list-not-collection'],
  profiles: BOTH,
  decisions: ['list-applications-status-200'],
  run: (s) => onStep(s, 'applications', (e) => judgeCollection(s, APPLICATIONS_PATH, e)),
};

export const applicationsGetUnknown: Check<NavigationSubject> = {
  id: 'applications.get.unknown',
  operation: 'applications',
  title: 'an application the group does not hold is not found',
  expectation: 'GET …/applications/{unknown}: 404 with Graph’s error envelope (openapi: a documented response, whichever it is)',
  provenBy: ['applications-get-unknown-200', 'error-envelope-not-graph'],
  profiles: BOTH,
  run: (s, profile) => onStep(s, 'unknownApplication', (e) => judgeError(s, profile, e, { statuses: [404], path: APPLICATION_PATH, method: 'get' })),
};

export const applicationsRef: Check<NavigationSubject> = {
  id: 'applications.assign',
  operation: 'applications',
  title: 'assigns an application to the group',
  expectation: 'PUT /applications/{id}/connectorGroup/$ref, then the group lists the application',
  provenBy: [],
  unproven: 'never judged here: it is always skipped (needs an application published through Application Proxy)',
  profiles: BOTH,
  unavailable:
    'needs an application published through Application Proxy, and the assignment call (PUT /applications/{id}/connectorGroup/$ref) is outside the connectorGroups slice',
  run: () => skipped(applicationsRef.unavailable!),
};

export const NAVIGATION_CHECKS: readonly Check<NavigationSubject>[] = [
  membersList,
  membersAddUnknown,
  membersRemoveUnknown,
  membersWithConnector,
  applicationsList,
  applicationsGetUnknown,
  applicationsRef,
];
