// Starts a TypeScript command of the project. vitest's node API is imported natively first: loaded
// through tsx's loader it costs about half a second more per run (npm run bench), and every conformance
// run loads it. Then tsx takes over for the project's own TypeScript.
import { register } from 'tsx/esm/api';

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node src/cli/launch.mjs SCRIPT.ts [args]\n');
  process.exit(2);
}
if (script.endsWith('conformance.ts') && !rest.includes('--help') && !rest.includes('-h')) await import('vitest/node');
register();
process.argv = [process.argv[0], script, ...rest];
await import(new URL(script, `file://${process.cwd()}/`).href);
