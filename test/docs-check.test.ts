/**
 * docs-check: the page scanner, the http block reader, the URL → operation resolver, the checks on the
 * fixture pages in test/fixtures/docs/ (one per block form and violation kind), and the command itself,
 * spawned as a user runs it. All offline, against the project's slice.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parsePage } from '../src/docs-check/parse-page.js';
import { locateJson, parseHttpBlock } from '../src/docs-check/http-block.js';
import { apiPath, matchTemplate, resolveOperation } from '../src/docs-check/resolve.js';
import { checkPage, type BlockResult } from '../src/docs-check/check-page.js';
import { formatPage, summarize, summaryLine } from '../src/docs-check/format.js';
import { loadSlice } from '../src/openapi/load.js';
import { fromRoot } from '../src/project-root.js';
import { runCommand } from './support/run-cli.js';

const slice = loadSlice();
const FIXTURES = 'test/fixtures/docs';
const fixture = (name: string): string => path.join(FIXTURES, name);
const read = (name: string): string => readFileSync(fromRoot(FIXTURES, name), 'utf8');
const check = (name: string): BlockResult[] => checkPage(read(name), fixture(name), slice);
/** The 1-based line of the fixture holding `needle` (the n-th occurrence). */
function lineOf(name: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = read(name).split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === occurrence) return i + 1;
  throw new Error(`${needle} not in ${name}`);
}
const byName = (results: BlockResult[], name: string, blockType: string): BlockResult => {
  const found = results.find((r) => r.name === name && r.blockType === blockType);
  if (!found) throw new Error(`no ${blockType} ${name}`);
  return found;
};
const lines = (text: string) => text.split('\n').map((t, i) => ({ line: i + 1, text: t }));

const CREATE = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups';
const ITEM = `${CREATE}/{connectorGroup-id}`;

describe('parsePage', () => {
  test('finds single- and multi-line annotations with the fence after them, blank lines allowed', () => {
    const blocks = parsePage(read('conforming.md'));
    expect(blocks.map((b) => [b.blockType, b.annotation.line, b.fence?.line, b.fence?.info])).toEqual([
      ['ignored', lineOf('conforming.md', '"blockType": "ignored"'), lineOf('conforming.md', '"blockType": "ignored"') + 1, 'http'],
      ['request', lineOf('conforming.md', '<!-- {', 2), lineOf('conforming.md', 'POST https://') - 1, 'http'],
      ['response', lineOf('conforming.md', '<!-- {', 3), lineOf('conforming.md', 'HTTP/1.1 201') - 1, 'http'],
      ['request', lineOf('conforming.md', '<!-- {', 4), lineOf('conforming.md', '```msgraph-interactive'), 'msgraph-interactive'],
      ['response', lineOf('conforming.md', '<!-- {', 5), lineOf('conforming.md', 'HTTP/1.1 200') - 1, 'http'],
      ['request', lineOf('conforming.md', '"name": "delete_connectorgroup"'), lineOf('conforming.md', '~~~http'), 'http'],
      ['response', lineOf('conforming.md', '{ "blockType": "response" }'), lineOf('conforming.md', 'HTTP/1.1 204') - 1, 'http'],
    ]);
  });

  test('the closing #page.annotation and other comments are not blocks; comments inside a fence are code', () => {
    const page = ['<!-- uuid: 8fcb5dbc -->', '```http', '<!-- { "blockType": "request" } -->', '```', '<!--', '{ "type": "#page.annotation" }', '-->'].join(
      '\n',
    );
    expect(parsePage(page)).toEqual([]);
  });

  test('the fence keeps its lines with their page line numbers, indentation of the fence removed', () => {
    const page = ['- item', '  <!-- { "blockType": "request" } -->', '  ```http', '  GET https://x/beta/a', '  ```'].join('\n');
    const [block] = parsePage(page);
    expect(block?.fence).toEqual({ line: 3, info: 'http', lines: [{ line: 4, text: 'GET https://x/beta/a' }], endLine: 5, closed: true });
  });

  test('a malformed annotation is kept with the line its JSON goes wrong on', () => {
    const [block] = parsePage(read('malformed-annotation.md'));
    expect(block?.annotation.error).toMatch(/not valid JSON: expected a double-quoted property name/);
    expect(block?.annotation.errorLine).toBe(lineOf('malformed-annotation.md', '} -->'));
    expect(block?.fence?.info).toBe('http');
  });

  test('an unclosed fence runs to the end of the page', () => {
    const [block] = parsePage('<!-- { "blockType": "request" } -->\n```http\nGET /a\n');
    expect(block?.fence?.closed).toBe(false);
  });

  test('CRLF pages and a byte-order mark read the same', () => {
    const [block] = parsePage('\uFEFF<!-- { "blockType": "response" } -->\r\n```http\r\nHTTP/1.1 204 No Content\r\n```\r\n');
    expect(block?.fence?.lines).toEqual([{ line: 3, text: 'HTTP/1.1 204 No Content' }]);
  });
});

describe('parseHttpBlock', () => {
  test('request line, headers, blank line, JSON body with the line of each value', () => {
    const block = parseHttpBlock(
      lines('POST https://graph.microsoft.com/beta/a HTTP/1.1\nContent-type: application/json\n\n{\n  "name": "x",\n  "tags": [1, {"k": true}]\n}'),
      'request',
      0,
    );
    expect(block.ok && block.start).toEqual({ kind: 'request', method: 'POST', url: 'https://graph.microsoft.com/beta/a', line: 1 });
    if (!block.ok || !block.body?.json?.ok) throw new Error('expected a JSON body');
    expect(block.headers).toEqual([{ name: 'Content-type', value: 'application/json', line: 2 }]);
    expect(block.body.json.value).toEqual({ name: 'x', tags: [1, { k: true }] });
    expect(Object.fromEntries(block.body.json.lines)).toEqual({ '': 4, '/name': 5, '/tags': 6, '/tags/0': 6, '/tags/1': 6, '/tags/1/k': 6 });
  });

  test('a body right after the headers, without the blank line, is still the body', () => {
    const block = parseHttpBlock(lines('PATCH https://x/beta/a\nContent-Type: application/json\n{ "a": 1 }'), 'request', 0);
    expect(block.ok && block.body?.json).toMatchObject({ ok: true, value: { a: 1 } });
  });

  test('a URL with spaces in its query stays whole', () => {
    const block = parseHttpBlock(lines("GET https://x/beta/a?$filter=name eq 'b c'"), 'request', 0);
    expect(block.ok && block.start).toMatchObject({ method: 'GET', url: "https://x/beta/a?$filter=name eq 'b c'" });
  });

  test('status line, no body', () => {
    const block = parseHttpBlock(lines('HTTP/1.1 204 No Content'), 'response', 0);
    expect(block).toEqual({ ok: true, start: { kind: 'response', status: 204, reason: 'No Content', line: 1 }, headers: [] });
  });

  test.each([
    ['request', 'The following example shows a request.', /request line is not parseable/],
    ['request', 'FETCH https://x/a', /request line is not parseable/],
    ['response', '201 Created', /status line is not parseable/],
    ['response', '', /the block is empty/],
  ] as const)('%s block %j is not parseable', (kind, text, reason) => {
    const block = parseHttpBlock(lines(text), kind, 7);
    expect(block.ok).toBe(false);
    expect(!block.ok && block.reason).toMatch(reason);
  });

  test('a non-JSON body is kept as text, not parsed', () => {
    const block = parseHttpBlock(lines('HTTP/1.1 200 OK\nContent-Type: text/plain\n\n42'), 'response', 0);
    expect(block.ok && block.body).toEqual({ line: 4, text: '42', contentType: 'text/plain' });
  });

  test('malformed JSON names what was expected and where', () => {
    const block = parseHttpBlock(lines('POST https://x/a\nContent-Type: application/json\n\n{\n  "a": 1,\n}'), 'request', 0);
    expect(block.ok && block.body?.json).toEqual({
      ok: false,
      message: 'the body is not valid JSON: expected a double-quoted property name, found "}" (line 6)',
      line: 6,
    });
  });
});

describe('locateJson agrees with JSON.parse', () => {
  test.each(['{}', '[]', '"a\\u00e9\\n"', '-0.5e+3', 'null', '{"a~b/c": [true, false]}', ' \n {"a" : {"b":[[],{}]}} \n'])('accepts %j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJson(text).ok).toBe(true);
  });
  test.each(['', '{', '{"a"}', '{"a":1,}', '[1 2]', "{'a':1}", '01', '"tab\there"', '{"a":1} x', 'nul', '-'])('rejects %j', (text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJson(text).ok).toBe(false);
  });
  test('escapes ~ and / in pointers', () => {
    const located = locateJson('{"a~b/c": 1}');
    expect(located.ok && [...located.lines.keys()]).toEqual(['', '/a~0b~1c']);
  });
});

describe('resolve: docs URL → slice operation', () => {
  test.each([
    [
      'https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups',
      '/onPremisesPublishingProfiles/applicationProxy/connectorGroups',
    ],
    ['https://graph.microsoft.com/v1.0/a/b/?$select=id#x', '/a/b'],
    ['/onPremisesPublishingProfiles/applicationProxy/connectorGroups/%24count', '/onPremisesPublishingProfiles/applicationProxy/connectorGroups/$count'],
    ['https://graph.microsoft.com/applications/{id}', '/applications/{id}'],
  ])('apiPath(%j) = %j', (url, expected) => {
    expect(apiPath(url)).toBe(expected);
  });

  test('a {param} matches one segment, whatever it holds', () => {
    expect(resolveOperation(slice, 'GET', 'https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/{id}')).toMatchObject(
      { ok: true, template: ITEM, method: 'get', caseInsensitive: false },
    );
  });

  test('literal segments win over parameters: $count and $ref are not ids', () => {
    expect(
      resolveOperation(slice, 'GET', `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/$count`),
    ).toMatchObject({ ok: true, template: `${CREATE}/$count` });
    expect(
      resolveOperation(slice, 'POST', `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/g1/members/$ref`),
    ).toMatchObject({ ok: true, template: `${ITEM}/members/$ref` });
  });

  test("key segments: applications(appId='…')", () => {
    expect(
      resolveOperation(
        slice,
        'GET',
        `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/g1/applications(appId='00000003-0000-0000-c000-000000000000')`,
      ),
    ).toMatchObject({
      ok: true,
      template: `${ITEM}/applications(appId='{appId}')`,
    });
  });

  test('case-sensitive first, then ignoring case', () => {
    expect(matchTemplate(['/a/B', '/a/{x}'], '/a/b')).toEqual({ template: '/a/{x}', caseInsensitive: false });
    expect(matchTemplate(['/a/B/c'], '/A/b/C')).toEqual({ template: '/a/B/c', caseInsensitive: true });
    expect(resolveOperation(slice, 'GET', 'https://graph.microsoft.com/beta/onpremisespublishingprofiles/applicationProxy/connectorgroups')).toMatchObject({
      ok: true,
      template: CREATE,
      caseInsensitive: true,
    });
  });

  test('a path outside the slice says which path and that it is not in the slice', () => {
    expect(resolveOperation(slice, 'PUT', 'https://graph.microsoft.com/beta/applications/{id}/connectorGroup/$ref')).toEqual({
      ok: false,
      path: '/applications/{id}/connectorGroup/$ref',
      reason: '/applications/{id}/connectorGroup/$ref is not in the slice (no path template matches it)',
    });
  });

  test('a path in the slice without that method names the methods it has', () => {
    const r = resolveOperation(slice, 'PUT', 'https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/has .*connectorGroups but no PUT operation on it \(documented: GET, POST\)/);
  });
});

describe('checkPage on the fixture pages', () => {
  test('a conforming page: every request and response conforms, the ignored block is skipped', () => {
    const results = check('conforming.md');
    expect(results.map((r) => [r.blockType, r.name, r.status])).toEqual([
      ['ignored', undefined, 'skipped'],
      ['request', 'create_connectorgroup', 'conforming'],
      ['response', 'create_connectorgroup', 'conforming'],
      ['request', 'list_connectorgroups', 'conforming'],
      ['response', 'list_connectorgroups', 'conforming'],
      ['request', 'delete_connectorgroup', 'conforming'],
      ['response', 'delete_connectorgroup', 'conforming'],
    ]);
    expect(results[0]!.reason).toBe('blockType "ignored" is not a request or response block');
    expect(byName(results, 'create_connectorgroup', 'response')).toMatchObject({
      operation: { method: 'POST', template: CREATE },
      httpStatus: 201,
      documentedAs: '201',
      schema: 'microsoft.graph.connectorGroup',
    });
    expect(byName(results, 'list_connectorgroups', 'response').schema).toBe('collection of microsoft.graph.connectorGroup');
    expect(byName(results, 'delete_connectorgroup', 'request').operation).toMatchObject({ method: 'DELETE', template: ITEM });
  });

  test('enum: the value, the allowed values and the line holding it, in requests and responses', () => {
    const results = check('enum.md');
    expect(byName(results, 'create_bad_type', 'request').violations).toEqual([
      {
        kind: 'schema',
        keyword: 'enum',
        pointer: '/connectorGroupType',
        line: lineOf('enum.md', '"connectorGroupType-value"'),
        message: '/connectorGroupType must be equal to one of the allowed values (allowed: "applicationProxy")',
        value: 'connectorGroupType-value',
      },
    ]);
    const [region] = byName(results, 'create_bad_type', 'response').violations;
    expect(region).toMatchObject({ kind: 'schema', keyword: 'enum', pointer: '/region', line: lineOf('enum.md', '"mars"'), value: 'mars' });
    expect(region!.message).toMatch(/allowed: "nam", "eur", "aus", "asia", "ind", "unknownFutureValue", null\)/);
  });

  test('wrong types, each on its own line; a 204 with no body conforms', () => {
    const results = check('wrong-type.md');
    expect(byName(results, 'update_wrong_types', 'request').violations.map((v) => [v.keyword, v.pointer, v.line, v.value])).toEqual([
      ['type', '/name', lineOf('wrong-type.md', '"name": 5'), 5],
      ['type', '/isDefault', lineOf('wrong-type.md', '"isDefault"'), 'false'],
    ]);
    expect(byName(results, 'update_wrong_types', 'response')).toMatchObject({ status: 'conforming', httpStatus: 204, documentedAs: '204' });
  });

  test('a status the operation does not document; `default` does not document a success', () => {
    const results = check('status.md');
    const create = byName(results, 'create_answered_200', 'response');
    expect(create.violations).toEqual([
      {
        kind: 'status',
        keyword: 'status',
        pointer: '',
        line: lineOf('status.md', 'HTTP/1.1 200 OK'),
        message: `HTTP 200 is not documented for POST ${CREATE}: the slice documents 201; \`default\` documents errors, not a success status`,
      },
    ]);
    expect(byName(results, 'delete_answered_200', 'response').violations.map((v) => v.message)).toEqual([
      expect.stringMatching(/HTTP 200 is not documented for DELETE .*the slice documents 204/),
    ]);
  });

  test('truncated: missing required properties are allowed, wrong ones are not', () => {
    const results = check('truncated.md');
    expect(byName(results, 'get_missing_ok', 'response')).toMatchObject({
      status: 'conforming',
      documentedAs: 'default',
      schema: 'microsoft.graph.ODataErrors.ODataError',
    });
    expect(byName(results, 'get_missing_not_truncated', 'response').violations).toEqual([
      {
        kind: 'schema',
        keyword: 'required',
        pointer: '/error',
        line: lineOf('truncated.md', '"error": { "code": "itemNotFound" }', 2),
        message: "/error must have required property 'message'",
      },
    ]);
    expect(byName(results, 'get_truncated_wrong', 'response').violations).toEqual([
      {
        kind: 'schema',
        keyword: 'type',
        pointer: '/error/code',
        line: lineOf('truncated.md', '"code": 404'),
        message: '/error/code must be string',
        value: 404,
      },
    ]);
  });

  test('isCollection: each item against the named type; a body without value; a type not in the slice falls back', () => {
    const results = check('collection.md');
    expect(byName(results, 'list_one_bad_item', 'response').violations.map((v) => [v.keyword, v.pointer, v.line, v.value])).toEqual([
      ['enum', '/value/1/region', lineOf('collection.md', '"region-value"'), 'region-value'],
    ]);
    expect(byName(results, 'list_not_a_collection', 'response').violations).toEqual([
      expect.objectContaining({ keyword: 'isCollection', pointer: '/value', message: expect.stringMatching(/must be an object with a "value" array/) }),
    ]);
    const fallback = byName(results, 'list_type_not_in_slice', 'response');
    expect(fallback).toMatchObject({ status: 'conforming', schema: 'microsoft.graph.connectorGroupCollectionResponse' });
    expect(fallback.notes).toEqual([
      '@odata.type microsoft.graph.somethingElse is not in the slice; validated against the documented response schema (microsoft.graph.connectorGroupCollectionResponse)',
    ]);
  });

  test('an unmapped path is skipped with the path and why, and so is its response', () => {
    const results = check('unmapped.md');
    expect(results.map((r) => [r.blockType, r.status, r.reason])).toEqual([
      ['request', 'skipped', 'unmappable: /onPremisesPublishingProfiles/applicationProxy/widgets/{id} is not in the slice (no path template matches it)'],
      [
        'response',
        'skipped',
        expect.stringMatching(/^its request block \(line 4\) was skipped, so its operation is unknown: unmappable: .*widgets\/\{id\} is not in the slice/),
      ],
      ['example', 'skipped', 'blockType "example" is not a request or response block'],
    ]);
  });

  test('a malformed annotation is a malformed violation, and the page is still checked after it', () => {
    const results = check('malformed-annotation.md');
    expect(results.map((r) => [r.name, r.blockType, r.status])).toEqual([
      ['broken_annotation', 'request', 'violations'],
      ['broken_annotation', 'response', 'skipped'],
      ['after_the_broken_one', 'request', 'conforming'],
      ['after_the_broken_one', 'response', 'conforming'],
    ]);
    expect(results[0]!.violations).toEqual([
      expect.objectContaining({
        kind: 'malformed',
        keyword: 'annotation',
        line: lineOf('malformed-annotation.md', '} -->'),
        message: expect.stringMatching(/^malformed annotation: the annotation is not valid JSON/),
      }),
    ]);
  });

  test('a malformed JSON body is a malformed violation on the line it breaks', () => {
    const results = check('malformed-body.md');
    expect(byName(results, 'broken_body', 'request').violations).toEqual([
      {
        kind: 'malformed',
        keyword: 'json',
        pointer: '',
        line: lineOf('malformed-body.md', '"region": eur'),
        message: `malformed block: the body is not valid JSON: expected a JSON value, found "eur" (line ${lineOf('malformed-body.md', '"region": eur')})`,
      },
    ]);
    expect(byName(results, 'broken_body', 'response').status).toBe('conforming');
  });

  test('an annotated type the operation does not return is an odata-type violation', () => {
    const page = [
      '<!-- { "blockType": "request", "name": "get" } -->',
      '```http',
      'GET https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/{id}',
      '```',
      '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.connector", "isCollection": true } -->',
      '```http',
      'HTTP/1.1 200 OK',
      '',
      '{ "value": [] }',
      '```',
    ].join('\n');
    const [, response] = checkPage(page, 'inline.md', slice);
    expect(response!.violations).toEqual([
      {
        kind: 'odata-type',
        keyword: '@odata.type',
        pointer: '',
        line: 5,
        message: 'the annotation names a collection of microsoft.graph.connector, but the slice documents microsoft.graph.connectorGroup for HTTP 200 (200)',
      },
    ]);
  });

  test('an undeclared property holding a string is named as such, not as "must be object"', () => {
    const page = [
      '<!-- { "blockType": "request" } -->',
      '```http',
      'POST https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups',
      '',
      '{ "displayName": "x" }',
      '```',
    ].join('\n');
    expect(checkPage(page, 'inline.md', slice)[0]!.violations).toEqual([
      {
        kind: 'schema',
        keyword: 'additionalProperties',
        pointer: '/displayName',
        line: 5,
        message:
          '/displayName is not a property of microsoft.graph.connectorGroup (an undeclared member must be an object, per additionalProperties: {type: object})',
        value: 'x',
      },
    ]);
  });

  test('a response with no request before it, a request line that is prose, a missing body where one is required', () => {
    const page = [
      '<!-- { "blockType": "response" } -->',
      '```http',
      'HTTP/1.1 200 OK',
      '```',
      '<!-- { "blockType": "request", "name": "prose" } -->',
      '```http',
      'Send the request below.',
      '```',
      '<!-- { "blockType": "request", "name": "bodiless" } -->',
      '```http',
      'POST https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups',
      '```',
    ].join('\n');
    const results = checkPage(page, 'inline.md', slice);
    expect(results.map((r) => r.reason ?? r.violations.map((v) => `${v.kind}: ${v.message}`).join())).toEqual([
      'no request block before it, so its operation is unknown',
      'the request line is not parseable: expected "METHOD URL", got "Send the request below."',
      `body: the example sends no body, but the slice requires one for POST ${CREATE}`,
    ]);
  });
});

describe('checkPage on broken block shapes', () => {
  test('an annotation with no fence after it is skipped; a fence never closed is malformed', () => {
    const page = [
      '<!-- { "blockType": "request", "name": "lonely" } -->',
      'Some prose.',
      '',
      '<!-- { "blockType": "request", "name": "open" } -->',
      '```http',
      'GET https://graph.microsoft.com/beta/x',
      '',
    ].join('\n');
    const results = checkPage(page, 'inline.md', slice);
    expect(results.map((r) => [r.name, r.status, r.reason ?? r.violations.map((v) => `${v.kind}/${v.keyword} line ${v.line}: ${v.message}`).join()])).toEqual([
      ['lonely', 'skipped', 'the annotation is not followed by a fenced code block'],
      ['open', 'violations', 'malformed/fence line 5: malformed block: the fenced block opened on line 5 is never closed'],
    ]);
  });
});

describe('format', () => {
  test('one line per block, one per violation with file:line, and the summary line', () => {
    const results = check('enum.md');
    const text = formatPage('enum.md', results);
    expect(text.split('\n')[0]).toBe('enum.md');
    expect(text).toContain(`  FAIL  line 4  request create_bad_type: POST ${CREATE} → microsoft.graph.connectorGroup — 1 violation`);
    expect(text).toContain(`        enum.md:${lineOf('enum.md', '"mars"')}  schema/enum  /region must be equal to one of the allowed values`);
    expect(text).toContain('(got "mars")');
    expect(summaryLine(summarize([...results, ...check('unmapped.md'), ...check('conforming.md')]))).toBe(
      '12 blocks: 6 conforming, 2 with violations, 4 skipped',
    );
  });
});

describe.concurrent('npm run docs-check (spawned)', () => {
  test('a conforming page: exit 0, the summary line last', async () => {
    const run = await runCommand('src/cli/docs-check.ts', [fixture('conforming.md')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `  ok    line ${lineOf('conforming.md', 'HTTP/1.1 201') - 1}  response create_connectorgroup: HTTP 201 → microsoft.graph.connectorGroup`,
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('7 blocks: 6 conforming, 0 with violations, 1 skipped');
  });

  test('skips alone still exit 0', async () => {
    const run = await runCommand('src/cli/docs-check.ts', [fixture('unmapped.md')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'skip  line 4  request get_connector — unmappable: /onPremisesPublishingProfiles/applicationProxy/widgets/{id} is not in the slice',
    );
  });

  test('every fixture with --json: exit 1, an array of block results on stdout, the summary on stderr', async () => {
    const names = [
      'conforming.md',
      'enum.md',
      'wrong-type.md',
      'status.md',
      'truncated.md',
      'collection.md',
      'unmapped.md',
      'malformed-annotation.md',
      'malformed-body.md',
    ];
    const run = await runCommand('src/cli/docs-check.ts', ['--json', ...names.map(fixture)]);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as BlockResult[];
    expect(results).toEqual(names.flatMap(check));
    const kinds = new Set(results.flatMap((r) => r.violations.map((v) => `${v.kind}/${v.keyword}`)));
    expect([...kinds].sort()).toEqual([
      'malformed/annotation',
      'malformed/json',
      'schema/enum',
      'schema/isCollection',
      'schema/required',
      'schema/type',
      'status/status',
    ]);
    expect(run.stderr.trim()).toBe(summaryLine(summarize(results)));
  });

  test('a malformed page is reported, not a crash', async () => {
    const run = await runCommand('src/cli/docs-check.ts', [fixture('malformed-annotation.md'), fixture('malformed-body.md')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      `${fixture('malformed-annotation.md')}:${lineOf('malformed-annotation.md', '} -->')}  malformed/annotation  malformed annotation:`,
    );
    expect(run.stdout).toContain(
      `${fixture('malformed-body.md')}:${lineOf('malformed-body.md', '"region": eur')}  malformed/json  malformed block: the body is not valid JSON`,
    );
  });

  test('unreadable input exits 2 naming the file and why; readable files are still checked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-docs-'));
    const latin1 = path.join(dir, 'latin1.md');
    writeFileSync(latin1, Buffer.from('caf\xe9 <!-- { "blockType": "ignored" } -->\n', 'latin1'));
    const binary = path.join(dir, 'image.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const run = await runCommand('src/cli/docs-check.ts', [path.join(dir, 'missing.md'), latin1, binary, dir, fixture('conforming.md')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`docs-check: cannot read ${path.join(dir, 'missing.md')}: no such file`);
    expect(run.stderr).toContain(`docs-check: cannot read ${latin1}: not UTF-8 text`);
    expect(run.stderr).toContain(`docs-check: cannot read ${binary}: not text (it contains NUL bytes)`);
    expect(run.stderr).toContain(`docs-check: cannot read ${dir}: it is a directory`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('7 blocks: 6 conforming, 0 with violations, 1 skipped; 4 files not checked');
  });

  test.each([
    [[], /docs-check: no file given; usage: graph-conformance docs-check \[--json\] FILE\.md…/],
    [['--bogus', 'x.md'], /docs-check: Unknown option '--bogus'/],
  ])('%j exits 2 with a usage message', async (args, message) => {
    const run = await runCommand('src/cli/docs-check.ts', args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
