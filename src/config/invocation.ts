/**
 * How the user started the command, so the commands a run suggests (a sweep to finish a clean-up, a
 * seed to reproduce) can be pasted as they are: `npm run conformance --` in a clone, the installed
 * `graph-conformance` command otherwise.
 */
export function invocation(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'conformance' ? 'npm run conformance --' : 'npx graph-conformance';
}
