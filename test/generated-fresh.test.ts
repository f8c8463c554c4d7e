import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/project-root.js';
import { GENERATED_FILE, generateTypes } from '../src/spec/generate.js';

describe('generated/', () => {
  it('is up to date with specs/openapi.yaml', async () => {
    const spec = readFileSync(fromRoot('specs', 'openapi.yaml'), 'utf8');
    let committed = '';
    try {
      committed = readFileSync(fromRoot(GENERATED_FILE), 'utf8');
    } catch {
      // Reported below as out of date.
    }
    const fresh = await generateTypes(spec);
    // A boolean, not a text diff: the file is ~80 KB and the fix is the same whatever differs.
    expect(committed === fresh, `${GENERATED_FILE} is out of date with specs/openapi.yaml: run npm run generate`).toBe(true);
  });
});
