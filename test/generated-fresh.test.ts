import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../src/project-root.js';
import { parse } from 'yaml';
import { GENERATED_FILE, GENERATED_JSON, generateJson, generateTypes } from '../tools/openapi/generate.js';
import { loadSlice, loadSliceFrom } from '../src/openapi/load.js';
import { DECISIONS_FILE, DECISIONS_JSON, generateDecisionsJson, loadDecisions, parseDecisions } from '../src/openapi/decisions.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

  it('holds the slice as JSON, made from specs/openapi.yaml as it is, which the runtime loads', () => {
    const spec = readFileSync(fromRoot('specs', 'openapi.yaml'), 'utf8');
    let committed = '';
    try {
      committed = readFileSync(fromRoot(GENERATED_JSON), 'utf8');
    } catch {
      // Reported below as out of date.
    }
    expect(committed === generateJson(spec), `${GENERATED_JSON} is out of date with specs/openapi.yaml: run npm run generate`).toBe(true);
    expect(loadSlice()).toEqual(parse(spec));
  });

  it('holds the decisions as JSON, made from specs/decisions.yaml as it is, which the runtime loads', () => {
    const text = readFileSync(DECISIONS_FILE, 'utf8');
    let committed = '';
    try {
      committed = readFileSync(DECISIONS_JSON, 'utf8');
    } catch {
      // Reported below as out of date.
    }
    expect(committed === generateDecisionsJson(text), 'generated/decisions.json is out of date with specs/decisions.yaml: run npm run generate').toBe(true);
    expect(loadDecisions().decisions).toEqual(parseDecisions(text, DECISIONS_FILE).decisions);
  });

  it('a JSON copy made from another YAML is never used', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-json-'));
    const yamlFile = path.join(dir, 'openapi.yaml');
    const jsonFile = path.join(dir, 'openapi.json');
    writeFileSync(yamlFile, 'openapi: 3.0.1\ninfo: {title: now, version: "2"}\npaths: {}\n');
    writeFileSync(jsonFile, generateJson('openapi: 3.0.1\ninfo: {title: before, version: "1"}\npaths: {}\n'));
    expect(loadSliceFrom(yamlFile, jsonFile).info).toEqual({ title: 'now', version: '2' });
    writeFileSync(jsonFile, generateJson(readFileSync(yamlFile, 'utf8')).replace('"now"', '"from-json"'));
    expect(loadSliceFrom(yamlFile, jsonFile).info).toEqual({ title: 'from-json', version: '2' });
  });
});
