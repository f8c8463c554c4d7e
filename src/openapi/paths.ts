/** The connectorGroups paths as the slice writes them, and as a client calls them. */
export const PROFILE_ID = 'applicationProxy';
export const GROUPS_PATH = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups';
export const GROUP_PATH = `${GROUPS_PATH}/{connectorGroup-id}`;
/** The collection with the one profile that has connector groups filled in. */
export const GROUPS_URL_PATH = `/onPremisesPublishingProfiles/${PROFILE_ID}/connectorGroups`;

/** Every path of the slice starts with the same profile prefix and key; what differs comes after them. */
export function shortPath(path: string): string {
  const key = /^\/[^/{]+\/\{[^}]+\}(?=\/)/.exec(path);
  return key ? `…${path.slice(key[0].length)}` : path;
}

/** A request's path the same way: `/beta/onPremisesPublishingProfiles/applicationProxy/<set>/1` → `…/<set>/1`. */
export function shortRequestPath(pathname: string): string {
  const profile = /^.*?\/onPremisesPublishingProfiles\/[^/]+(?=\/)/.exec(pathname);
  return profile ? `…${pathname.slice(profile[0].length)}` : pathname;
}
