/**
 * Read access to an OpenAPI document by part: its header, a path item, a component. Two ways behind
 * one interface: over a line index (parses only the blocks asked for; for large YAML inputs) and over
 * an already parsed object (JSON inputs, and the full-parse fallback).
 */
import { parse } from 'yaml';
import { buildYamlIndex, LayoutError, type Block, type YamlIndex } from './yaml-index.js';
import { isObject, type Json, type JsonObject } from '../../src/openapi/json.js';

export { isObject, type Json, type JsonObject };

export type SourceMode = 'line-index' | 'full-parse' | 'json';

export interface DocumentSource {
  readonly mode: SourceMode;
  /** A top-level value (`openapi`, `info`, `servers`, `security`, …), or undefined. */
  top(key: string): Json | undefined;
  /** Path keys in document order. */
  pathKeys(): string[];
  pathItem(key: string): Json | undefined;
  /** Component names of a section, in document order. */
  componentNames(section: string): string[];
  component(section: string, name: string): Json | undefined;
}

/** Over a parsed document; the reference behaviour the line index must match. */
export function objectSource(doc: unknown, mode: SourceMode): DocumentSource {
  if (!isObject(doc)) throw new Error('the document is not a YAML/JSON object');
  const paths = isObject(doc.paths) ? doc.paths : {};
  const components = isObject(doc.components) ? doc.components : {};
  const sectionOf = (section: string): JsonObject => {
    const s = components[section];
    return isObject(s) ? s : {};
  };
  return {
    mode,
    top: (key) => (Object.hasOwn(doc, key) ? doc[key] : undefined),
    pathKeys: () => Object.keys(paths),
    pathItem: (key) => (Object.hasOwn(paths, key) ? paths[key] : undefined),
    componentNames: (section) => Object.keys(sectionOf(section)),
    component: (section, name) => {
      const s = sectionOf(section);
      return Object.hasOwn(s, name) ? s[name] : undefined;
    },
  };
}

/**
 * Over the line index. Each block is parsed on its own and must come back as exactly the one key the
 * index read; any surprise (an alias to an anchor in another block, a key the index misread) is a
 * LayoutError, which sends the caller to the full parse.
 */
export function indexedSource(text: string, index: YamlIndex = buildYamlIndex(text)): DocumentSource {
  const cache = new Map<Block, Json>();
  const valueOf = (block: Block | undefined, key: string): Json | undefined => {
    if (block === undefined) return undefined;
    const hit = cache.get(block);
    if (hit !== undefined) return hit;
    let parsed: unknown;
    try {
      parsed = parse(text.slice(block.start, block.end));
    } catch (error) {
      throw new LayoutError(`block ${JSON.stringify(key)} does not parse on its own: ${(error as Error).message.split('\n')[0]}`, block.line);
    }
    if (!isObject(parsed) || Object.keys(parsed).length !== 1 || !Object.hasOwn(parsed, key)) {
      throw new LayoutError(`block ${JSON.stringify(key)} is not the single key the index read`, block.line);
    }
    const value = parsed[key] as Json;
    cache.set(block, value);
    return value;
  };
  return {
    mode: 'line-index',
    top: (key) => valueOf(index.top.get(key), key),
    pathKeys: () => [...index.paths.keys()],
    pathItem: (key) => valueOf(index.paths.get(key), key),
    componentNames: (section) => [...(index.components.get(section)?.keys() ?? [])],
    component: (section, name) => valueOf(index.components.get(section)?.get(name), name),
  };
}

/** JSON when it looks like JSON (`.json`, or a body starting with `{`), YAML otherwise. */
export function looksLikeJson(text: string, name: string): boolean {
  return /\.json$/i.test(name) || /^\uFEFF?\s*\{/.test(text);
}

export function fullParse(text: string): unknown {
  return parse(text);
}
