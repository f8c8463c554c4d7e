/** What the tests share about the emulator: where its connector groups live, and the groups a test's run left. */
import type { Entity, RunningEmulator } from '../../src/emulator/index.js';
import { GROUPS_URL_PATH } from '../../src/openapi/paths.js';

export const GROUPS_COLLECTION = GROUPS_URL_PATH.slice(1);

/** The connector groups the emulator holds now. */
export const groupsOf = (emulator: RunningEmulator): Entity[] => emulator.entities(GROUPS_COLLECTION);

/** Groups a run made and did not clean up. */
export const leftGroups = (emulator: RunningEmulator, prefix = 'conformance-'): Entity[] =>
  groupsOf(emulator).filter((g) => typeof g.name === 'string' && g.name.startsWith(prefix));

/** A connector group as the emulator stores it. */
export interface GroupRecord {
  id: string;
  name: string;
  connectorGroupType: string;
  isDefault: boolean;
  region: string | null;
}

/** The emulator's connector groups by id, as they are now (a snapshot). */
export const groupMap = (emulator: RunningEmulator): Map<string, GroupRecord> => new Map(groupsOf(emulator).map((g) => [g.id, g as unknown as GroupRecord]));
