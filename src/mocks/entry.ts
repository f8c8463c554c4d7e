/**
 * What check-mocks judges, whatever tool the file is for: one entry per answer the tool can give (a Dev
 * Proxy mock; one response of a Mockoon route), the slice operations it addresses, and what the tool would
 * serve for it. The readers (dev-proxy.ts, mockoon.ts) model their tool; src/cli/check-mocks.ts judges
 * entries with the derived checks, as a run judges answers, and never looks at a file itself.
 */
import type { TableOperation } from '../openapi/operation-table.js';

/** What the tool answers: status, headers (lower-case names) and body text, as they reach the client. */
export interface Served {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body the tool was told to serve is not there (an @file or a file path that does not exist): body.schema fails with this. */
  bodyProblem?: string;
  /** The body is made by the tool at request time (a template): body.schema is skipped with this reason. */
  bodyUnjudged?: string;
  /** Headers the tool makes at request time, by lower-case name: their checks are skipped with the reason. */
  headersUnjudged?: Record<string, string>;
  /** Nothing of the answer can be known from the file (a Mockoon CRUD route): every check is skipped with this. */
  unjudged?: string;
}

export type Addressed = { operations: TableOperation[] } | { outside: string };

export interface MockEntry {
  /** Check ids start with it: `mock.3` (the fourth Dev Proxy mock), `mock.2.1` (route 2's second response, Mockoon). */
  id: string;
  method: string;
  /** As the file gives it: a URL (Dev Proxy), the route's path (Mockoon). */
  url: string;
  /** What selects this answer beyond its URL, for titles: a Mockoon response's place, label and rules. */
  detail?: string;
  addressed: Addressed;
  served: Served;
  /** What the tool can never serve, by check aspect (`header.client-request-id`): skipped as the tool's limit. */
  limits: Readonly<Record<string, string>>;
}

export type MockTool = 'dev-proxy' | 'mockoon';

/** A mocks file read: which tool's, and its entries in file order. */
export interface MocksSource {
  tool: MockTool;
  file: string;
  entries: MockEntry[];
  /** How the file's own units are counted in the closing line: "12 mocks", "8 routes". */
  units: string;
}

/** What cannot be read as a mocks file: the command's exit 2, in one line naming the file. */
export class MocksFileError extends Error {}

/** The client-request-id the judged "request" carries, so an echo can be judged. */
export const SENT_CLIENT_REQUEST_ID = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
