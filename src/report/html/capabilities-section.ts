/**
 * The report's Capabilities section: what the run found of the capabilities its rules need beyond the
 * slice, probed or declared, in the target's own words. A rule skipped for a capability says
 * `capability:<name>`; this is where the reader sees why.
 */
import { CAPABILITIES, isCapability, type CapabilityFindings } from '../../checks/capabilities.js';
import { html, type Markup } from './escape.js';

export function capabilitiesSection(capabilities: CapabilityFindings | undefined): Markup | string {
  const found = Object.entries(capabilities ?? {}).filter(([name]) => isCapability(name));
  if (found.length === 0) return '';
  return html`<section class="capabilities" id="capabilities" aria-labelledby="capabilities-h">
<h2 id="capabilities-h">Capabilities</h2>
<ul class="capability-list">${found.map(
    ([name, finding]) =>
      html`<li class="capability capability-${finding.present ? 'present' : 'absent'}"><code>${name}</code> <strong>${finding.present ? 'present' : 'absent'}</strong> (${finding.how}) — ${finding.detail}<br><span class="capability-what">${CAPABILITIES[name as keyof typeof CAPABILITIES]}</span></li>`,
  )}</ul>
</section>`;
}
