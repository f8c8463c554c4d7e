// Starts a TypeScript command of the project: tsx takes over for the project's own TypeScript.
import { register } from 'tsx/esm/api';

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node src/cli/launch.mjs SCRIPT.ts [args]\n');
  process.exit(2);
}
register();
process.argv = [process.argv[0], script, ...rest];
await import(new URL(script, `file://${process.cwd()}/`).href);
