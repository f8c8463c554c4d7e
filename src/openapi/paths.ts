/** The connectorGroups paths as the slice writes them, and as a client calls them. */
export const PROFILE_ID = 'applicationProxy';
export const GROUPS_PATH = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups';
export const GROUP_PATH = `${GROUPS_PATH}/{connectorGroup-id}`;
/** The collection with the one profile that has connector groups filled in. */
export const GROUPS_URL_PATH = `/onPremisesPublishingProfiles/${PROFILE_ID}/connectorGroups`;
