/** Credentials never reach a recording or a report: each kind planted here must come out removed. */
import { describe, expect, test } from 'vitest';
import { scrubExchange, scrubText } from '../src/scrub/scrub.js';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOiJ0ZW5hbnQifQ.c2lnbmF0dXJl';

describe('scrubbing', () => {
  test('drops credential headers and replaces JWTs and secret forms anywhere', () => {
    const scrubbed = scrubExchange({
      request: {
        method: 'POST',
        url: `https://example.invalid/x?access_token=${JWT}`,
        headers: { authorization: `Bearer ${JWT}`, cookie: 'session=abc', 'x-trace': JWT },
        body: `client_id=app&client_secret=s3cr3t-value&grant_type=client_credentials`,
      },
      response: { status: 200, headers: { 'set-cookie': 'a=b', 'x-echo': `Bearer ${JWT}` }, body: JSON.stringify({ token: JWT }) },
      durationMs: 1,
    });
    const text = JSON.stringify(scrubbed);
    for (const secret of [JWT, ...JWT.split('.'), 's3cr3t-value', 'session=abc']) expect(text).not.toContain(secret);
    expect(scrubbed.request.headers).not.toHaveProperty('authorization');
    expect(scrubbed.request.headers).not.toHaveProperty('cookie');
    expect(scrubbed.response.headers).not.toHaveProperty('set-cookie');
    expect(scrubbed.request.body).toContain('client_id=app');
  });

  test('leaves ordinary text alone', () => {
    expect(scrubText('{"name":"conformance-abc","id":"3e6f4c35-a04b-4d03-b98a-66fff89b72e6"}')).toBe('{"name":"conformance-abc","id":"3e6f4c35-a04b-4d03-b98a-66fff89b72e6"}');
  });
});
