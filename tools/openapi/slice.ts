/**
 * Cuts the project's contract out of Microsoft's published OpenAPI description: the path items and
 * methods specs/selection.yaml selects, the components they reach through `$ref`, the header and security,
 * with the project's decisions applied and prose removed.
 */
import { createHash } from 'node:crypto';
import { Document, isScalar } from 'yaml';
import { applyDecisions } from './apply-decisions.js';
import { componentClosure, parseComponentRef, type ComponentSet } from './closure.js';
import type { Decision } from '../../src/openapi/decisions.js';
import { stripProse } from './openapi-walk.js';
import { fullParse, indexedSource, isObject, looksLikeJson, objectSource, type DocumentSource, type Json, type JsonObject, type SourceMode } from './source.js';
import { LayoutError } from './yaml-index.js';
import { readSelection, selectedItem, selectsPath, type Selection } from './selection.js';

export class SliceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SliceError';
  }
}

export interface SliceOptions {
  /** Recorded as `info.x-slice.source`: a file's base name or the URL, never a local absolute path. */
  sourceName: string;
  decisions: readonly Decision[];
  /** `auto`: JSON.parse for JSON, the line index for YAML (full parse if the layout surprises it). */
  parser?: 'auto' | 'full';
  /** Which path items and methods to keep; specs/selection.yaml by default. */
  selection?: Selection;
  /** `info.x-slice.slicedAt`; today (UTC) by default. */
  slicedAt?: string;
}

export interface SliceResult {
  document: JsonObject;
  yaml: string;
  mode: SourceMode;
  paths: number;
  components: number;
  schemas: number;
  applied: string[];
  /** Worth telling the user on stderr: fallbacks, decisions that already held. */
  notices: string[];
}

/** Output order of component sections: OpenAPI's own order, which Microsoft's files follow. */
const SECTIONS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];
const HEADER = ['openapi', 'info', 'servers'];

export function sliceOpenApi(input: string | Buffer, options: SliceOptions): SliceResult {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  const sha256 = createHash('sha256').update(input).digest('hex');
  const notices: string[] = [];
  const source = openSource(text, options, notices);
  try {
    return sliceFrom(source, sha256, options, notices);
  } catch (error) {
    // Blocks are parsed lazily, so the index can still be caught out halfway through the slice.
    if (!(error instanceof LayoutError)) throw error;
    notices.push(`${options.sourceName}: ${error.message}; fell back to a full YAML parse`);
    return sliceFrom(objectSource(parseOrFail(text, options.sourceName), 'full-parse'), sha256, options, notices);
  }
}

function openSource(text: string, options: SliceOptions, notices: string[]): DocumentSource {
  if (looksLikeJson(text, options.sourceName)) {
    try {
      return objectSource(JSON.parse(text.replace(/^\uFEFF/, '')), 'json');
    } catch (error) {
      if (error instanceof SyntaxError) notices.push(`${options.sourceName}: not JSON (${error.message}); read as YAML`);
      else throw new SliceError(`${options.sourceName}: ${(error as Error).message}`);
    }
  }
  if (options.parser === 'full') return objectSource(parseOrFail(text, options.sourceName), 'full-parse');
  try {
    return indexedSource(text);
  } catch (error) {
    if (!(error instanceof LayoutError)) throw error;
    notices.push(`${options.sourceName}: not in the block layout the line index expects (${error.message}); fell back to a full YAML parse`);
    return objectSource(parseOrFail(text, options.sourceName), 'full-parse');
  }
}

function parseOrFail(text: string, name: string): unknown {
  let doc: unknown;
  try {
    doc = fullParse(text);
  } catch (error) {
    throw new SliceError(`${name} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isObject(doc)) throw new SliceError(`${name} is not an OpenAPI document (no mapping at its root)`);
  return doc;
}

function sliceFrom(source: DocumentSource, sha256: string, options: SliceOptions, earlier: readonly string[]): SliceResult {
  const notices = [...earlier];
  const openapi = source.top('openapi');
  if (typeof openapi !== 'string' || !openapi.startsWith('3.')) {
    throw new SliceError(`${options.sourceName} is not an OpenAPI 3.x document (openapi: ${JSON.stringify(openapi ?? null)})`);
  }
  const selection = options.selection ?? readSelection();
  const paths: JsonObject = {};
  for (const key of source.pathKeys()) {
    if (!selectsPath(selection, key)) continue;
    const item = structuredClone(source.pathItem(key) ?? null);
    paths[key] = isObject(item) ? selectedItem(selection, key, item) : item;
  }
  if (Object.keys(paths).length === 0) throw new SliceError(`${options.sourceName} has no path at or below ${selection.under} (specs/selection.yaml)`);

  const roots = () => Object.entries(paths).map(([key, item]): [string, Json] => [`paths.${key}`, item]);
  const fromSource = (section: string, name: string) => {
    const value = source.component(section, name);
    return value === undefined ? undefined : structuredClone(value);
  };
  // Decisions edit what the paths reach, and may add or drop references: close, edit, close again.
  const draft = componentClosure(roots(), fromSource);
  const { applied, notices: decisionNotices } = applyDecisions(
    {
      paths,
      component: (section, name) => asObject(draft.get(section)?.get(name)),
      *components() {
        for (const [section, entries] of draft) for (const [name, value] of entries) yield [section, name, value];
      },
    },
    options.decisions,
  );
  notices.push(...decisionNotices);
  const components = componentClosure(roots(), (section, name) => draft.get(section)?.get(name) ?? fromSource(section, name));

  const securitySchemes = source.componentNames('securitySchemes');
  if (securitySchemes.length > 0) {
    const section = new Map<string, Json>();
    for (const name of securitySchemes) section.set(name, source.component('securitySchemes', name) ?? null);
    components.set('securitySchemes', section);
  }

  const document: JsonObject = {};
  for (const key of HEADER) {
    const value = source.top(key);
    if (value !== undefined) document[key] = value;
  }
  document.paths = literalSegmentsFirst(paths);
  document.components = orderedComponents(components, source);
  const security = source.top('security');
  if (security !== undefined) document.security = security;

  const stripped = stripProse(document) as JsonObject;
  pruneDiscriminatorMappings(stripped, notices);
  const info = isObject(stripped.info) ? stripped.info : {};
  const schemas = components.get('schemas')?.size ?? 0;
  info['x-slice'] = {
    source: options.sourceName,
    sourceSha256: sha256,
    slicedAt: options.slicedAt ?? new Date().toISOString().slice(0, 10),
    decisions: applied,
    paths: Object.keys(paths).length,
    schemas,
  };
  stripped.info = info;

  let count = 0;
  for (const section of components.values()) count += section.size;
  return {
    document: stripped,
    yaml: toYaml(stripped),
    mode: source.mode,
    paths: Object.keys(paths).length,
    components: count,
    schemas,
    applied,
    notices,
  };
}

export function toYaml(document: JsonObject): string {
  const doc = new Document(document, { aliasDuplicateObjects: false });
  // YAML 1.1 readers would take a bare 2026-01-31 for a timestamp rather than the string it is.
  const slicedAt = doc.getIn(['info', 'x-slice', 'slicedAt'], true);
  if (isScalar(slicedAt)) slicedAt.type = 'QUOTE_SINGLE';
  return doc.toString({ lineWidth: 0, singleQuote: true });
}

function asObject(value: Json | undefined): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

/** Sections in OpenAPI's order, components in the order the source lists them. */
function orderedComponents(components: ComponentSet, source: DocumentSource): JsonObject {
  const out: JsonObject = {};
  const sections = [...SECTIONS, ...[...components.keys()].filter((s) => !SECTIONS.includes(s))];
  for (const section of sections) {
    const found = components.get(section);
    if (!found || found.size === 0) continue;
    const rank = new Map(source.componentNames(section).map((name, i) => [name, i]));
    const names = [...found.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
    const entries: JsonObject = {};
    for (const name of names) entries[name] = found.get(name) ?? null;
    out[section] = entries;
  }
  return out;
}

/**
 * Graph's main description maps every derived type in `entity`'s discriminator; following those would
 * pull in the whole document. The mapping is a hint, so entries whose schema is not in the slice go.
 */
function pruneDiscriminatorMappings(document: JsonObject, notices: string[]): void {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  let dropped = 0;
  for (const schema of Object.values(schemas)) {
    visitSchemas(schema, (s) => {
      const d = s.discriminator;
      if (!isObject(d) || !isObject(d.mapping)) return;
      for (const [key, ref] of Object.entries(d.mapping)) {
        const target = typeof ref === 'string' ? parseComponentRef(ref) : undefined;
        if (!target || target.section !== 'schemas' || !Object.hasOwn(schemas, target.name)) {
          delete d.mapping[key];
          dropped++;
        }
      }
    });
  }
  if (dropped > 0) notices.push(`dropped ${dropped} discriminator mapping entries whose schema is not in the slice`);
}

function visitSchemas(node: Json, visit: (schema: JsonObject) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) visitSchemas(n, visit);
  } else if (isObject(node)) {
    visit(node);
    for (const [key, value] of Object.entries(node))
      if (!key.startsWith('x-') && key !== 'enum' && key !== 'example' && key !== 'default') visitSchemas(value, visit);
  }
}

/**
 * Paths in segment order, so that a literal segment (`$count`, `$ref`, `applications`) comes before a
 * parameter (`{connectorGroup-id}`) at the same place: mock servers that match routes in document order
 * (Mockoon) would otherwise send `…/connectorGroups/$count` to the `{connectorGroup-id}` route. `{` sorts
 * after every character a literal segment starts with.
 */
function literalSegmentsFirst(paths: JsonObject): JsonObject {
  const segments = (path: string) => path.split('/');
  const compare = (a: string, b: string) => {
    const [x, y] = [segments(a), segments(b)];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return x.length - y.length;
  };
  return Object.fromEntries(
    Object.keys(paths)
      .sort(compare)
      .map((key) => [key, paths[key]!]),
  );
}
