// Maps a request path onto the connectorGroups routes. Graph matches resource names case-insensitively but
// keys exactly (call-api.md: "Path URL resource names … are case insensitive … entity IDs … are case-sensitive").

export type Route =
  | { readonly name: 'groups' }
  | { readonly name: 'groupsCount' }
  | { readonly name: 'group'; readonly groupId: string }
  | { readonly name: 'members'; readonly groupId: string }
  | { readonly name: 'membersCount'; readonly groupId: string }
  | { readonly name: 'memberRefs'; readonly groupId: string }
  | { readonly name: 'member'; readonly groupId: string; readonly connectorId: string }
  | { readonly name: 'memberRef'; readonly groupId: string; readonly connectorId: string }
  | { readonly name: 'applications'; readonly groupId: string }
  | { readonly name: 'applicationsCount'; readonly groupId: string }
  | { readonly name: 'application'; readonly groupId: string; readonly applicationId: string }
  | { readonly name: 'applicationLogo'; readonly groupId: string; readonly applicationId: string }
  | { readonly name: 'applicationByKey'; readonly groupId: string; readonly key: ApplicationKey; readonly value: string };

/** The alternate keys the slice addresses applications by: `applications(appId='…')`, `applications(uniqueName='…')`. */
export type ApplicationKey = 'appId' | 'uniqueName';

export type RouteName = Route['name'];

export const ALLOWED_METHODS: Readonly<Record<RouteName, readonly string[]>> = {
  groups: ['GET', 'POST'],
  groupsCount: ['GET'],
  group: ['GET', 'PATCH', 'DELETE'],
  members: ['GET'],
  membersCount: ['GET'],
  memberRefs: ['GET', 'POST', 'DELETE'],
  member: ['GET'],
  memberRef: ['DELETE'],
  applications: ['GET'],
  applicationsCount: ['GET'],
  // No application can exist here, so every method ends in 404; only GET (and the logo's three) are documented.
  application: ['GET', 'PUT', 'PATCH', 'DELETE'],
  applicationLogo: ['GET', 'PUT', 'DELETE'],
  applicationByKey: ['GET'],
};

export type RouteMatch = { readonly ok: true; readonly profileId: string; readonly route: Route } | { readonly ok: false; readonly unknownSegment: string };

const is = (segment: string | undefined, name: string): boolean => segment?.toLowerCase() === name.toLowerCase();

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

// Segments arrive percent-decoded, so %27 and a literal quote read the same; quotes inside are doubled.
const APPLICATION_BY_KEY = /^applications\((appId|uniqueName)='((?:[^']|'')*)'\)$/i;

export function matchRoute(pathname: string): RouteMatch {
  const segments = decodeSegments(pathname);
  if (!segments) return { ok: false, unknownSegment: pathname };
  const [root, profileId, set, groupId, navigation, child, leaf, ...rest] = segments;
  const unknown = (segment: string | undefined): RouteMatch => ({ ok: false, unknownSegment: segment ?? '' });
  const found = (route: Route): RouteMatch => ({ ok: true, profileId: profileId ?? '', route });

  if (!is(root, 'onPremisesPublishingProfiles') || profileId === undefined) return unknown(root);
  if (!is(set, 'connectorGroups')) return unknown(set ?? profileId);
  if (groupId === undefined) return found({ name: 'groups' });
  // Literal segments ($count, $ref) are tried before the {id} they would otherwise be taken for, and end the path.
  if (is(groupId, '$count')) return navigation === undefined ? found({ name: 'groupsCount' }) : unknown(navigation);
  if (navigation === undefined) return found({ name: 'group', groupId });

  if (is(navigation, 'members')) {
    if (child === undefined) return found({ name: 'members', groupId });
    if (is(child, '$count') || is(child, '$ref')) {
      if (leaf !== undefined) return unknown(leaf);
      return found(is(child, '$count') ? { name: 'membersCount', groupId } : { name: 'memberRefs', groupId });
    }
    if (leaf === undefined) return found({ name: 'member', groupId, connectorId: child });
    if (is(leaf, '$ref') && rest.length === 0) return found({ name: 'memberRef', groupId, connectorId: child });
    return unknown(leaf);
  }
  const byKey = APPLICATION_BY_KEY.exec(navigation);
  if (byKey) {
    if (child !== undefined) return unknown(child);
    const key: ApplicationKey = byKey[1]?.toLowerCase() === 'appid' ? 'appId' : 'uniqueName';
    return found({ name: 'applicationByKey', groupId, key, value: (byKey[2] ?? '').replaceAll("''", "'") });
  }
  if (is(navigation, 'applications')) {
    if (child === undefined) return found({ name: 'applications', groupId });
    if (is(child, '$count')) return leaf === undefined ? found({ name: 'applicationsCount', groupId }) : unknown(leaf);
    if (leaf === undefined) return found({ name: 'application', groupId, applicationId: child });
    if (is(leaf, 'logo') && rest.length === 0) return found({ name: 'applicationLogo', groupId, applicationId: child });
    return unknown(leaf);
  }
  return unknown(navigation);
}

/** Operations whose request body is a JSON document. */
export function takesJsonBody(route: Route, method: string): boolean {
  return (route.name === 'groups' && method === 'POST') || (route.name === 'group' && method === 'PATCH') || (route.name === 'memberRefs' && method === 'POST');
}
