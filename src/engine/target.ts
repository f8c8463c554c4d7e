/**
 * The target one suite talks to: replay from its recording, a URL, or live Graph, optionally recorded.
 * What a suite's target needs is decided once, before the suite runs (`suiteTarget`, called by the run's
 * plan with the recording it read): the seed and run id the requests are built from, where recorded links
 * point, whether the recording is stale. `openTarget` then sets it up (nock for replay) and `finish` ends
 * it (stops replay, or writes the recording). Nothing else reads or writes recordings during a run.
 */
import type { RunConfig } from '../config/run-config.js';
import type { CapturedResponse, Exchange } from '../client/exchange.js';
import { sliceSha256 } from '../openapi/hash.js';
import { readRecording, REFERENCE_DOUBLE_HEADER, writeCassette, type Cassette, type RecordingRead, type RecordingSource } from './cassette.js';
import { cassetteOf } from './record.js';
import { notRecorded } from './unrecorded.js';

export interface SuiteTarget {
  kind: RunConfig['target'];
  /** Where requests go: the configured base URL (in replay, the host nock answers on). */
  baseUrl: string;
  /** The seed the suite's requests are built from: the recording's in replay (the recorded bodies came from it), the run's otherwise. */
  seed: number;
  /** The run id the suite's names carry: the recording's in replay, the run's otherwise. */
  runId: string;
  /** The base URL absolute links in responses start with: the recorded one in replay, else the target's. */
  linkBase: string;
  /** Replay: the suite's recording, read once by the plan. */
  recording?: Cassette;
  /** Replay: why the suite's recording cannot be replayed (missing, not JSON, no meta); the suite is blocked by it. */
  unusable?: string;
  /** Replay: the recording was made against another version of specs/openapi.yaml. */
  stale: boolean;
}

/**
 * The target of suite `name` in a run of `config`. In replay, `read` is its recording as the plan read it
 * (read here when not given); `slice` is the sha256 of the slice the run judges against.
 */
export function suiteTarget(config: RunConfig, name: string, read?: RecordingRead, slice: string = sliceSha256()): SuiteTarget {
  const own = { kind: config.target, baseUrl: config.baseUrl, seed: config.seed, runId: config.runId, linkBase: config.baseUrl, stale: false };
  if (config.target !== 'replay') return own;
  const { cassette, unusable } = read ?? readRecording(config.fixturesDir, name);
  if (!cassette) return { ...own, unusable: unusable ?? `recording ${name} cannot be replayed` };
  return {
    ...own,
    seed: cassette.meta.seed,
    runId: cassette.meta.runId,
    linkBase: cassette.meta.baseUrl ?? config.baseUrl,
    recording: cassette,
    stale: isStale(cassette.meta, slice),
  };
}

/** A recording is stale when it was made against another version of the slice (`slice`, its sha256). */
export function isStale(meta: { sliceSha256?: unknown }, slice: string): boolean {
  return meta.sliceSha256 !== slice;
}

export interface OpenTarget {
  /** Says why an answer is not the target's at all (replay: a request the recording does not hold). */
  notTheTarget?: (response: CapturedResponse) => string | undefined;
  /**
   * Ends the target once the suite is done: stops replay, or (with --record, unless the run was
   * interrupted) writes the suite's recording. Throws when the recording cannot be written.
   */
  finish(exchanges: readonly Exchange[], interrupted: boolean): void;
}

/** Sets the target up; throws (the suite is then blocked by its recording) when replay cannot start. */
export async function openTarget(config: RunConfig, name: string, target: SuiteTarget): Promise<OpenTarget> {
  if (target.kind === 'replay') {
    if (!target.recording) throw new Error(target.unusable ?? `no recording for '${name}'`);
    // Loaded only here: importing nock patches fetch for the whole process (see record.ts).
    const { installReplay } = await import('./replay.js');
    const replay = await installReplay(target.recording, target.baseUrl);
    return { notTheTarget: notRecorded, finish: () => replay.stop() };
  }
  return {
    finish(exchanges, interrupted) {
      if (!config.record || interrupted) return;
      const source = recordingSource(target, exchanges);
      const cassette = cassetteOf(exchanges, target.baseUrl, {
        operation: name,
        source,
        target: target.kind === 'live' ? 'live' : 'url',
        recordedAt: new Date().toISOString(),
        sliceSha256: sliceSha256(),
        seed: target.seed,
        runId: target.runId,
        profile: config.profile,
        baseUrl: target.baseUrl,
        note: SOURCE_NOTES[source],
      });
      writeCassette(config.fixturesDir, cassette);
    },
  };
}

/** The project's reference double says so in a header; only `live` recordings come from Graph. */
function recordingSource(target: SuiteTarget, exchanges: readonly Exchange[]): RecordingSource {
  if (exchanges.some((e) => e.response.headers[REFERENCE_DOUBLE_HEADER] !== undefined)) return 'reference-double';
  return target.kind === 'live' ? 'graph-tenant' : 'url-target';
}

const SOURCE_NOTES: Record<RecordingSource, string> = {
  'reference-double':
    "Recorded against graph-conformance's own emulator (graph-conformance emulate, the project's reference double), not against Microsoft Graph.",
  'graph-tenant': 'Recorded against Microsoft Graph with a real tenant; scrubbed before writing.',
  'url-target': 'Recorded against a URL target (a mock, emulator or proxy), not against Microsoft Graph.',
};
