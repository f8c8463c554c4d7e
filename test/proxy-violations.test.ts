import { describe, expect, test } from 'vitest';
import { proxyViolations, withProxyReport } from '../src/checks/proxy-violations.js';

const entry = (message: string, severity = 'Error') => ({ location: ['response', 'body'], severity, code: 'type', message });

describe('proxyViolations', () => {
  test('no header, an empty one or an empty list: nothing to report', () => {
    expect(proxyViolations({})).toBeUndefined();
    expect(proxyViolations({ 'sl-violations': '  ' })).toBeUndefined();
    expect(proxyViolations({ 'content-type': 'application/json' })).toBeUndefined();
  });

  test("Prism's report on a correct Graph create", () => {
    const header = JSON.stringify([
      { location: ['response', 'body', '@odata.context'], severity: 'Error', code: 'type', message: 'Response body property @odata.context must be object' },
    ]);
    expect(proxyViolations({ 'sl-violations': header })).toBe('sl-violations (1 error): Response body property @odata.context must be object');
  });

  test('counts by severity, shows three messages and says how many more', () => {
    const header = JSON.stringify([entry('a'), entry('b', 'Warning'), entry('c'), entry('d'), entry('e', 'Warning')]);
    expect(proxyViolations({ 'sl-violations': header })).toBe('sl-violations (3 errors, 2 warnings): a; b; c; and 2 more');
  });

  test('the header name is matched case-insensitively and messages are kept on one line', () => {
    expect(proxyViolations({ 'SL-Violations': JSON.stringify([entry('line one\n  line two')]) })).toBe('sl-violations (1 error): line one line two');
  });

  test('a header Prism cut short: the complete entries it still holds', () => {
    const full = JSON.stringify([entry('first "quoted"'), entry('second'), entry('third is cut')]);
    const cut = `Too many violations! ${full.slice(0, full.indexOf('third') + 5)}`;
    expect(proxyViolations({ 'sl-violations': cut })).toBe('sl-violations (at least 2 errors, header cut short by Prism): first "quoted"; second');
  });

  test("something that is not Prism's JSON is quoted as it is, on one line", () => {
    expect(proxyViolations({ 'sl-violations': 'oops\nnot json' })).toBe('sl-violations: oops not json');
  });
});

describe('withProxyReport', () => {
  test("appends Prism's report to a check's message, naming neither role, and leaves it alone without one", () => {
    const headers = { 'sl-violations': JSON.stringify([entry('Response body property @odata.context must be object')]) };
    expect(withProxyReport('expected 201, got 500', headers)).toBe(
      "expected 201, got 500 (the answer carries Prism's validation report, from Prism as the mock or as a proxy in front: sl-violations (1 error): Response body property @odata.context must be object)",
    );
    expect(withProxyReport('expected 201, got 500', {})).toBe('expected 201, got 500');
    expect(withProxyReport('expected 201, got 500', undefined)).toBe('expected 201, got 500');
  });
});
