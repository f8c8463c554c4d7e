/**
 * The slice's selection (specs/selection.yaml): which path items of Microsoft's description, and which of
 * their methods, the slicer keeps and the drift report compares. Read once, validated, then two questions.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from '../../src/project-root.js';

export const SELECTION_FILE = fromRoot('specs', 'selection.yaml');

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'] as const;

export interface Selection {
  /** Every path at or below this one (segment by segment). */
  under: string;
  exclude: readonly { path: string; methods: readonly string[]; why: string }[];
}

export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

export function readSelection(file = SELECTION_FILE): Selection {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SelectionError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  return checkSelection(raw, file);
}

export function checkSelection(raw: unknown, file = 'the selection'): Selection {
  const fail = (why: string) => new SelectionError(`${file}: ${why}`);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw fail('expected a mapping with `under` and `exclude`');
  const { under, exclude = [], ...rest } = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length > 0) throw fail(`unknown key ${unknownKeys.map((k) => `\`${k}\``).join(', ')} (expected under, exclude)`);
  if (typeof under !== 'string' || !under.startsWith('/')) throw fail('`under` must be a path that starts with /');
  if (!Array.isArray(exclude)) throw fail('`exclude` must be a list');
  const entries = exclude.map((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    if (typeof e.path !== 'string') throw fail(`exclude[${i}].path must be a path`);
    if (!Array.isArray(e.methods) || e.methods.some((m) => !(METHODS as readonly unknown[]).includes(m)))
      throw fail(`exclude[${i}].methods must list HTTP methods in lower case (${METHODS.join(', ')})`);
    if (typeof e.why !== 'string' || e.why.trim() === '') throw fail(`exclude[${i}].why must say why`);
    return { path: e.path, methods: e.methods as string[], why: e.why };
  });
  return { under: under.replace(/\/+$/, ''), exclude: entries };
}

/** A path item is kept when it is `under` or below it. */
export function selectsPath(selection: Selection, path: string): boolean {
  return path === selection.under || path.startsWith(`${selection.under}/`);
}

/** The path item as the slice keeps it: the excluded methods taken out. */
export function selectedItem<T extends Record<string, unknown>>(selection: Selection, path: string, item: T): T {
  const excluded = selection.exclude.filter((e) => e.path === path).flatMap((e) => e.methods);
  if (excluded.length === 0) return item;
  return Object.fromEntries(Object.entries(item).filter(([key]) => !excluded.includes(key))) as T;
}
