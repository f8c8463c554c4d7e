/** npm run generate: specs/openapi.yaml → generated/openapi.ts and generated/openapi.json; specs/decisions.yaml → generated/decisions.json. Exit 2 with a one-line message on failure. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromRoot } from '../../src/project-root.js';
import { GENERATED_FILE, GENERATED_JSON, generateJson, generateTypes } from '../openapi/generate.js';
import { DECISIONS_FILE, DECISIONS_JSON, generateDecisionsJson } from '../../src/openapi/decisions.js';

async function main(): Promise<void> {
  const started = performance.now();
  const specFile = fromRoot('specs', 'openapi.yaml');
  let spec: string;
  try {
    spec = await readFile(specFile, 'utf8');
  } catch {
    throw new Error(`cannot read ${path.relative(process.cwd(), specFile)}: run npm run spec:slice first`);
  }
  const out = fromRoot(GENERATED_FILE);
  const code = await generateTypes(spec);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, code);
  const json = generateJson(spec);
  await writeFile(fromRoot(GENERATED_JSON), json);
  const decisions = generateDecisionsJson(await readFile(DECISIONS_FILE, 'utf8'));
  await writeFile(DECISIONS_JSON, decisions);
  console.log(
    `generate: ${GENERATED_FILE} (${Buffer.byteLength(code)} bytes), ${GENERATED_JSON} (${Buffer.byteLength(json)} bytes) in ${Math.round(performance.now() - started)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(`generate: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  process.exitCode = 2;
});
