/**
 * Copies of specs/openapi.yaml, changed in one named way, for the tests that start a third-party mock on
 * them: the mock then answers as a mock of that copy would, and the suite judges it against the slice.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { SLICE_FILE } from '../../src/openapi/load.js';

// A parsed OpenAPI document, edited freely: the copies are checked by what reads them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const CREATE = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups';

function write(dir: string, name: string, edit: (doc: Obj) => void): string {
  const doc = parse(readFileSync(SLICE_FILE, 'utf8')) as Obj;
  edit(doc);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, stringify(doc));
  return file;
}

/** Without the examples the decisions add: Microsoft's description has none, and a mock samples the schema. */
export function writeSliceWithoutExamples(dir: string): string {
  return write(dir, 'openapi.without-examples.yaml', (doc) => {
    let removed = 0;
    for (const schema of Object.values(doc.components.schemas as Obj)) {
      if (!('example' in schema)) continue;
      delete schema.example;
      removed++;
    }
    if (removed === 0) throw new Error('the slice has no schema examples any more; this copy has nothing to remove');
  });
}

/**
 * A slice broken the way a mock author's description might be: create documents 200 instead of 201 (the
 * mock answers 200), and the list example's connectorGroupType is outside the enum (the mock answers it).
 */
export function writeDoctoredSlice(dir: string): string {
  return write(dir, 'openapi.doctored.yaml', (doc) => {
    const responses = doc.paths[CREATE].post.responses as Obj;
    doc.paths[CREATE].post.responses = { '200': responses['201'], default: responses.default };
    const list = doc.components.schemas['microsoft.graph.connectorGroupCollectionResponse'].example;
    list.value[0].connectorGroupType = 'syncFabric';
  });
}
