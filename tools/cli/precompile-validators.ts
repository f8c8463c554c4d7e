/**
 * Part of `npm run build`: writes dist/validators.cjs, the slice's validators as Ajv's standalone code,
 * so that a run loads them instead of compiling them (~150 ms). The file names the sha256 of the slice it
 * was made from; a run against another slice compiles as before.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSlice } from '../../src/openapi/load.js';
import { sliceSha256 } from '../../src/openapi/hash.js';
import { PRECOMPILED_FILE, precompiledValidators } from '../../src/openapi/validator.js';

const started = performance.now();
const code = precompiledValidators(loadSlice(), sliceSha256());
mkdirSync(path.dirname(PRECOMPILED_FILE), { recursive: true });
writeFileSync(PRECOMPILED_FILE, code);
console.log(
  `precompile: ${path.relative(process.cwd(), PRECOMPILED_FILE)} (${Buffer.byteLength(code)} bytes) in ${Math.round(performance.now() - started)} ms`,
);
