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
  | { readonly name: 'application'; readonly groupId: string; readonly applicationId: string };

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
  // applications/{id}, its logo and alternate keys: none can exist here, every method ends in 404.
  application: ['GET', 'PUT', 'PATCH', 'DELETE'],
};

export type RouteMatch =
  | { readonly ok: true; readonly profileId: string; readonly route: Route }
  | { readonly ok: false; readonly unknownSegment: string };

const is = (segment: string | undefined, name: string): boolean => segment?.toLowerCase() === name.toLowerCase();

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

export function matchRoute(pathname: string): RouteMatch {
  const segments = decodeSegments(pathname);
  if (!segments) return { ok: false, unknownSegment: pathname };
  const [root, profileId, set, groupId, navigation, child, leaf, ...rest] = segments;
  const unknown = (segment: string | undefined): RouteMatch => ({ ok: false, unknownSegment: segment ?? '' });
  const found = (route: Route): RouteMatch => ({ ok: true, profileId: profileId ?? '', route });

  if (!is(root, 'onPremisesPublishingProfiles') || profileId === undefined) return unknown(root);
  if (!is(set, 'connectorGroups')) return unknown(set ?? profileId);
  if (groupId === undefined) return found({ name: 'groups' });
  if (navigation === undefined) return found(is(groupId, '$count') ? { name: 'groupsCount' } : { name: 'group', groupId });

  if (is(navigation, 'members')) {
    if (child === undefined) return found({ name: 'members', groupId });
    if (leaf === undefined) {
      if (is(child, '$count')) return found({ name: 'membersCount', groupId });
      if (is(child, '$ref')) return found({ name: 'memberRefs', groupId });
      return found({ name: 'member', groupId, connectorId: child });
    }
    if (is(leaf, '$ref') && rest.length === 0) return found({ name: 'memberRef', groupId, connectorId: child });
    return unknown(leaf);
  }
  if (is(navigation, 'applications')) {
    if (child === undefined) return found({ name: 'applications', groupId });
    if (is(child, '$count') && leaf === undefined) return found({ name: 'applicationsCount', groupId });
    return found({ name: 'application', groupId, applicationId: child });
  }
  return unknown(navigation);
}

/** Operations whose request body is a JSON document. */
export function takesJsonBody(route: Route, method: string): boolean {
  return (
    (route.name === 'groups' && method === 'POST') ||
    (route.name === 'group' && method === 'PATCH') ||
    (route.name === 'memberRefs' && method === 'POST')
  );
}
