/**
 * Capabilities of a target beyond what the slice states: things Graph lets one server offer and another
 * not, which some rules need in order to be judged the way they are written. A rule names what it needs in
 * its record (`needs`); the run finds out once whether the target has each (a suite probes it, or the user
 * declares it with --capabilities / CONFORMANCE_CAPABILITIES), and reports what it found. A rule whose
 * capability is absent is judged another way where a race-free judgement exists, and skipped with the
 * reason `capability:<name>` otherwise: a capability the slice does not promise is never a failure.
 */
import { skipped, type Verdict } from './check.js';

/** Every capability, with what it means; the one place a capability is named. */
export const CAPABILITIES = {
  'filter-startswith':
    "$filter takes startswith(name,'…') on the connectorGroups list and applies it, so a read can be scoped to the run's own groups (Graph: filter support varies by operation)",
} as const satisfies Record<string, string>;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function isCapability(name: string): name is Capability {
  return Object.hasOwn(CAPABILITIES, name);
}

/** What the run knows of one capability, and how it came to know it. */
export interface CapabilityFinding {
  present: boolean;
  how: 'probed' | 'declared';
  /** What the target answered to the probe, or who declared it. */
  detail: string;
}

export type CapabilityFindings = Partial<Record<Capability, CapabilityFinding>>;

/** Capabilities the user declared, by name: true for `=yes`, false for `=no`. */
export type DeclaredCapabilities = Partial<Record<Capability, boolean>>;

/** A declared capability as a finding: nothing was sent to find out. */
export function declaredFinding(present: boolean, by: string): CapabilityFinding {
  return { present, how: 'declared', detail: `declared ${present ? 'present' : 'absent'} by ${by}; not probed` };
}

/** The rule cannot be judged without the capability: skipped, naming it and what the target refused. */
export function withoutCapability(capability: Capability, finding: CapabilityFinding | undefined, why: string): Verdict {
  return skipped(`capability:${capability}: ${why}; ${finding?.detail ?? 'not known'}`);
}

/** The one terminal line for a capability. */
export function capabilityLine(capability: Capability, finding: CapabilityFinding): string {
  return `capability ${capability}: ${finding.present ? 'present' : 'absent'} — ${finding.detail}`;
}

/** What a suite's subject says it found (`capabilities` on the subject), for the run to report. */
export function capabilitiesOf(subject: unknown): CapabilityFindings {
  const found = (subject as { capabilities?: unknown } | null | undefined)?.capabilities;
  if (typeof found !== 'object' || found === null) return {};
  return Object.fromEntries(Object.entries(found).filter(([name]) => isCapability(name))) as CapabilityFindings;
}
