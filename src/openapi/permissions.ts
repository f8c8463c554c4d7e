/** The permission a run needs, as the project's decision create-permissions records it. */
import { loadDecisions } from './decisions.js';

export function requiredPermission(): string {
  const decision = loadDecisions().find('create-permissions');
  const facts = decision?.permissions;
  if (!facts) return 'Directory.ReadWrite.All';
  const grants = (['delegatedWork', 'application'] as const)
    .map((scheme) => [scheme, facts[scheme]] as const)
    .filter(([, grant]) => grant !== 'not-supported')
    .map(
      ([scheme, grant]) =>
        `${typeof grant === 'object' ? grant.leastPrivileged.join(' or ') : ''} (${scheme === 'application' ? 'application' : 'delegated, work or school account'})`,
    );
  return `${grants.join(', or ')} — decision create-permissions in specs/decisions.yaml`;
}
