// `npm run docs-check -- [--json] FILE.md…`: the same command as `graph-conformance docs-check`.
import { docsCheck } from '../docs-check/docs-check-command.js';

process.exitCode = docsCheck(process.argv.slice(2));
