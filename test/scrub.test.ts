/** Credentials never reach a recording or a report: each kind planted here must come out removed. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Faker, base, en } from '@faker-js/faker';
import { afterEach, describe, expect, test } from 'vitest';
import type { Exchange } from '../src/client/exchange.js';
import {
  allowHosts,
  allowTargetHost,
  harnessGuid,
  isHarnessGuid,
  isPseudonymGuid,
  resetAllowedHosts,
  scrubExchange,
  scrubHeaders,
  scrubText,
} from '../src/scrub/scrub.js';
import { findLeaks } from '../src/scrub/leaks.js';
import { SECRET_RULE_SET, findSecrets, secretRuleIds } from '../src/scrub/secret-rules.js';
import { cassetteOf } from '../src/engine/record.js';
import type { CassetteMeta } from '../src/engine/cassette.js';
import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { PLANTED_TOKENS, fragmentsOf, plantedPrivateKeys, type PlantedTokenKind } from './support/planted-secrets.js';

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

  test('leaves ordinary text alone, GUIDs apart', () => {
    // Before pseudonyms this test kept the id as it was; an id is an identifier now, replaced consistently.
    const id = '3e6f4c35-a04b-4d03-b98a-66fff89b72e6';
    expect(scrubText(`{"name":"conformance-abc","id":"${id}"}`)).toBe(`{"name":"conformance-abc","id":"${pseudonymOf(id)}"}`);
    const ordinary = [
      '{"@odata.context":"https://graph.microsoft.com/beta/$metadata#onPremisesPublishingProfiles(\'applicationProxy\')/connectorGroups/$entity",',
      '"members@odata.nextLink":"http://127.0.0.1:4010/x?$skiptoken=2","value@odata.count":3,"@microsoft.graph.tips":"x",',
      '"name":"conformance-mwygcpu335b2de-cultivated-numeracy","region":"aus","isDefault":false}',
      'https://login.microsoftonline.com/common/oauth2/v2.0/token http://localhost:4010/beta https://graph.microsoft.com/v1.0/me',
      // x-ms-ags-diagnostic without the machine: RoleInstance and ScaleUnit go (see 'Graph's diagnostic header' below)
      '{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5"}}',
      'sliceSha256 0e8e99a8000faf17d10b980b107272ee5065285bfdc77a958964310f3feba93c; vitest@4.1.12; a bearer token; Bearer realm="", error="invalid_token"',
      'alice@example.invalid bob@tenant-0badf00d.example.invalid',
    ].join('\n');
    expect(scrubText(ordinary)).toBe(ordinary);
  });
});

// --- planted identifiers and credentials ----------------------------------------------------------

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TENANT_UPPER = TENANT.toUpperCase();
const OBJECT_ID = '0c5b2d1e-9f3a-4e8b-a1c2-d3e4f5a6b7c8';
const REQUEST_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const UPN = 'alice.smith@contoso.onmicrosoft.com';
const EMAIL = 'Bob.Jones+graph@fabrikam.com';
const GUEST_UPN = 'carol_northwind.com#EXT#@contoso.onmicrosoft.com';
const CLIENT_SECRET = 'Q~8Xv.Form-Secret_abc123';
const QUERY_SECRET = 'Q~query-secret-9876';
const JSON_SECRET = 'Q~json-secret-5555';
const NESTED_SECRET = 'Q~nested-in-a-string-4242';
const OPAQUE_TOKEN = 'EwBwA8l6BAAURSN_opaque_access_token_0123456789';
const COOKIE = 'fpc=AkQ2session-cookie-value';
const URL_PASSWORD = 'p4ssw0rd-in-url';
const TENANT_DOMAIN = 'contoso.onmicrosoft.com';
const APP_PROXY_HOST = 'intranet-contoso.msappproxy.net';
const HARNESS = '5eed0000-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const ALREADY = '5ca1ab1e-0000-4000-8000-0123456789ab';

/** Every value that must not survive, each planted in more than one place below. */
const PLANTED = [
  JWT,
  ...JWT.split('.'),
  TENANT,
  TENANT_UPPER,
  OBJECT_ID,
  REQUEST_ID,
  UPN,
  EMAIL,
  GUEST_UPN,
  'alice.smith',
  'Bob.Jones',
  'carol_northwind',
  'fabrikam.com',
  'alice.smith%40contoso',
  CLIENT_SECRET,
  QUERY_SECRET,
  JSON_SECRET,
  NESTED_SECRET,
  OPAQUE_TOKEN,
  COOKIE,
  'AkQ2session',
  URL_PASSWORD,
  TENANT_DOMAIN,
  APP_PROXY_HOST,
  'contoso',
];

function planted(): Exchange {
  return {
    request: {
      method: 'POST',
      url:
        `https://svc:${URL_PASSWORD}@graph.microsoft.com/beta/organization/${TENANT}/users/${OBJECT_ID}` +
        `?assertion=${JWT}&client_secret=${QUERY_SECRET}&$filter=${encodeURIComponent(`userPrincipalName eq '${UPN}'`)}&mail=${EMAIL}&guest=${encodeURIComponent(GUEST_UPN)}`,
      headers: {
        authorization: `Bearer ${JWT}`,
        'proxy-authorization': 'Basic dXNlcjpwYXNz',
        cookie: COOKIE,
        'x-forwarded-assertion': JWT,
        'x-ms-tenant': TENANT_UPPER,
        'x-refresh-token': OPAQUE_TOKEN,
        'x-app-secret': CLIENT_SECRET,
        'client-request-id': HARNESS,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `grant_type=client_credentials&client_id=${OBJECT_ID}&client_secret=${CLIENT_SECRET}&client_assertion=${JWT}&scope=https://graph.microsoft.com/.default&password=${JSON_SECRET}`,
    },
    response: {
      status: 200,
      headers: {
        'set-cookie': `${COOKIE}; path=/; secure`,
        'request-id': REQUEST_ID,
        'client-request-id': HARNESS,
        'x-echo': `Bearer ${OPAQUE_TOKEN}`,
        'www-authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/${TENANT}/oauth2/authorize", client_id="${OBJECT_ID}"`,
        'x-ms-ags-diagnostic': '{"ServerInfo":{"DataCenter":"West Europe","Slice":"E"}}',
        'x-ms-token-expiry': '3600',
      },
      body: JSON.stringify({
        '@odata.context': 'https://graph.microsoft.com/beta/$metadata#users/$entity',
        id: OBJECT_ID,
        tenantId: TENANT,
        userPrincipalName: UPN,
        mail: EMAIL,
        otherMails: [GUEST_UPN],
        verifiedDomain: TENANT_DOMAIN,
        externalUrl: `https://${APP_PROXY_HOST}/`,
        access_token: JWT,
        client_secret: JSON_SECRET,
        clientSecret: JSON_SECRET,
        nested: { note: `issued ${JWT} for ${UPN} in tenant ${TENANT}`, probe: HARNESS, already: ALREADY },
        // JSON holding JSON, as a body inside results.json: secrets in the inner string go too.
        innerBody: JSON.stringify({ client_secret: NESTED_SECRET, token: JWT, tenant: TENANT }),
      }),
    },
    durationMs: 1,
  };
}

function pseudonymOf(guid: string): string {
  return `5ca1ab1e-0000-4000-8000-${createHash('sha256').update(guid.toLowerCase()).digest('hex').slice(0, 12)}`;
}

function expectClean(text: string): void {
  for (const value of PLANTED) expect(text, `${value} survived`).not.toContain(value);
  expect(findLeaks(text)).toEqual([]);
}

describe('secrets and identifiers planted everywhere', () => {
  test('none survives scrubExchange', () => {
    const scrubbed = scrubExchange(planted());
    expectClean(JSON.stringify(scrubbed));
    expect(Object.keys(scrubbed.request.headers).sort()).toEqual(['client-request-id', 'content-type', 'x-forwarded-assertion', 'x-ms-tenant']);
    expect(Object.keys(scrubbed.response.headers).sort()).toEqual(['client-request-id', 'request-id', 'www-authenticate', 'x-echo', 'x-ms-ags-diagnostic']);
    // What is left is still usable: the body is JSON, the structure and the harmless parts are kept.
    const body = JSON.parse(scrubbed.response.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: pseudonymOf(OBJECT_ID),
      tenantId: pseudonymOf(TENANT),
      client_secret: '<redacted>',
      clientSecret: '<redacted>',
      access_token: '<redacted>:jwt',
    });
    expect(body['userPrincipalName']).toMatch(/^user-[0-9a-f]{8}@example\.invalid$/);
    expect(body['verifiedDomain']).toMatch(/^tenant-[0-9a-f]{8}\.example\.invalid$/);
    expect(body['externalUrl']).toMatch(/^https:\/\/tenant-[0-9a-f]{8}\.example\.invalid\/$/);
    expect(JSON.parse(body['innerBody'] as string)).toEqual({ client_secret: '<redacted>', token: '<redacted>:jwt', tenant: pseudonymOf(TENANT) });
    expect(scrubbed.request.body).toContain('grant_type=client_credentials&client_id=5ca1ab1e-');
    expect(scrubbed.request.body).toContain('scope=https://graph.microsoft.com/.default');
    expect(scrubbed.request.url).toMatch(/^https:\/\/<redacted>@graph\.microsoft\.com\/beta\/organization\/5ca1ab1e-/);
    expect(scrubbed.response.headers['www-authenticate']).toBe(
      `Bearer realm="", authorization_uri="https://login.microsoftonline.com/${pseudonymOf(TENANT)}/oauth2/authorize", client_id="${pseudonymOf(OBJECT_ID)}"`,
    );
    expect(scrubbed.response.headers['x-ms-ags-diagnostic']).toBe('{"ServerInfo":{"DataCenter":"West Europe","Slice":"E"}}');
  });

  test('none survives scrubText, even over a whole serialised exchange whose headers were never scrubbed (results.json)', () => {
    const raw = planted();
    expectClean(scrubText(JSON.stringify(raw)));
    expectClean(scrubText(JSON.stringify(raw, null, 2)));
    expectClean(scrubText(`${raw.request.url}\n${raw.request.body ?? ''}\n${raw.response.body}`));
  });

  test('drops every header named for a secret, a token or a cookie, and keeps correlation ids', () => {
    const kept = scrubHeaders({
      Authorization: 'x',
      'Proxy-Authorization': 'x',
      Cookie: 'x',
      'Set-Cookie': 'x',
      'X-MS-Client-Secret': 'x',
      'x-api-token': 'x',
      'X-Csrf-Cookie': 'x',
      'x-ms-secret-hint': 'x',
      'client-request-id': HARNESS,
      'request-id': ALREADY,
      'x-ms-ags-diagnostic': '{}',
      'www-authenticate': 'Bearer realm=""',
    });
    expect(kept).toEqual({ 'client-request-id': HARNESS, 'request-id': ALREADY, 'x-ms-ags-diagnostic': '{}', 'www-authenticate': 'Bearer realm=""' });
  });
});

describe('pseudonyms', () => {
  test('a GUID is 5ca1ab1e-0000-4000-8000- and 12 hex digits of the SHA-256 of its lower-cased self', () => {
    const p = scrubText(TENANT);
    expect(p).toBe(pseudonymOf(TENANT));
    expect(p).toMatch(/^5ca1ab1e-0000-4000-8000-[0-9a-f]{12}$/);
    expect(isPseudonymGuid(p)).toBe(true);
    // still a GUID (version 4, RFC variant), so request-id checks pass on replayed recordings
    expect(p).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(scrubText(TENANT_UPPER)).toBe(p);
    expect(scrubText(OBJECT_ID)).not.toBe(p);
  });

  test('the same GUID gets the same pseudonym in a URL path, a header and a JSON body, so replay matches', () => {
    const scrubbed = scrubExchange(planted());
    const tenant = pseudonymOf(TENANT);
    expect(scrubbed.request.url).toContain(`/organization/${tenant}/users/${pseudonymOf(OBJECT_ID)}`);
    expect(scrubbed.request.headers['x-ms-tenant']).toBe(tenant);
    expect(JSON.parse(scrubbed.response.body)).toMatchObject({ tenantId: tenant });
    expect(scrubbed.response.headers['request-id']).toBe(pseudonymOf(REQUEST_ID));
  });

  test('a recording made of create then GET by the created id still pairs them (cassetteOf)', () => {
    const groups = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
    const base = 'http://127.0.0.1:4010/beta';
    const exchanges: Exchange[] = [
      {
        request: { method: 'POST', url: `${base}${groups}`, headers: { 'client-request-id': HARNESS }, body: '{"name":"g","isDefault":false,"region":"eur"}' },
        response: { status: 201, headers: { 'request-id': REQUEST_ID }, body: JSON.stringify({ id: OBJECT_ID, name: 'g' }) },
        durationMs: 1,
      },
      {
        request: { method: 'GET', url: `${base}${groups}/${OBJECT_ID.toUpperCase()}?$select=id`, headers: {} },
        response: { status: 200, headers: {}, body: JSON.stringify({ id: OBJECT_ID, '@odata.nextLink': `${base}${groups}?$skiptoken=${OBJECT_ID}` }) },
        durationMs: 1,
      },
    ];
    const meta = { operation: 'create', seed: 1 } as CassetteMeta;
    const cassette = cassetteOf(exchanges, base, meta);
    const created = (cassette.interactions[0]?.response.body as { id: string }).id;
    expect(created).toBe(pseudonymOf(OBJECT_ID));
    expect(cassette.interactions[1]?.request.path).toBe(`${groups}/${created}?$select=id`);
    expect(cassette.interactions[1]?.response.body).toEqual({ id: created, '@odata.nextLink': `${base}${groups}?$skiptoken=${created}` });
    expect(cassette.interactions[0]?.request.headers['client-request-id']).toBe(HARNESS);
    expect(findLeaks(JSON.stringify(cassette, null, 2))).toEqual([]);
  });

  test('an address becomes user-<8 hex>@example.invalid, the same in a body and a URL-encoded query', () => {
    const inBody = scrubText(JSON.stringify({ upn: UPN }));
    const inQuery = scrubText(`/users?$filter=${encodeURIComponent(`userPrincipalName eq '${UPN}'`)}`);
    const pseudonym = `user-${createHash('sha256').update(UPN.toLowerCase()).digest('hex').slice(0, 8)}@example.invalid`;
    expect(inBody).toBe(JSON.stringify({ upn: pseudonym }));
    expect(inQuery).toBe(`/users?$filter=userPrincipalName%20eq%20'${pseudonym}'`);
    expect(scrubText(UPN.toUpperCase())).toBe(pseudonym);
    expect(scrubText(`"${GUEST_UPN}"`)).toMatch(/^"user-[0-9a-f]{8}@example\.invalid"$/);
  });

  test('a tenant domain becomes tenant-<8 hex>.example.invalid; Microsoft and local hosts stay', () => {
    expect(scrubText(`https://login.microsoftonline.com/${TENANT_DOMAIN}/v2.0`)).toMatch(
      /^https:\/\/login\.microsoftonline\.com\/tenant-[0-9a-f]{8}\.example\.invalid\/v2\.0$/,
    );
    expect(scrubText(TENANT_DOMAIN)).toBe(scrubText(TENANT_DOMAIN.toUpperCase()));
    for (const host of [
      'https://graph.microsoft.com/beta',
      'https://login.microsoftonline.com/common',
      'http://127.0.0.1:4010',
      'http://localhost:4010',
      'https://x.example.invalid',
      'https://a.invalid',
    ]) {
      expect(scrubText(host)).toBe(host);
    }
  });

  test('scrubbing is idempotent', () => {
    const once = scrubExchange(planted());
    expect(scrubExchange(once)).toEqual(once);
    const text = JSON.stringify(planted(), null, 2);
    expect(scrubText(scrubText(text))).toBe(scrubText(text));
    expect(scrubText(JSON.stringify(once))).toBe(JSON.stringify(once));
  });

  test('harness GUIDs and pseudonyms are left as they are', () => {
    for (const guid of [HARNESS, ALREADY, ALREADY.toUpperCase(), harnessGuid(() => TENANT)]) {
      expect(scrubText(`/groups/${guid}?x=${guid} {"id":"${guid}"}`)).toBe(`/groups/${guid}?x=${guid} {"id":"${guid}"}`);
    }
    // the prefix alone is not enough: a GUID that merely starts like one is still replaced
    expect(scrubText('5eed0000-1a2b-7c3d-8e4f-5a6b7c8d9e0f')).toMatch(/^5ca1ab1e-/);
    expect(scrubText('5ca1ab1e-1111-4000-8000-0123456789ab')).toBe(pseudonymOf('5ca1ab1e-1111-4000-8000-0123456789ab'));
  });
});

describe('harnessGuid', () => {
  test('replaces the first 8 hex digits by 5eed0000 and keeps version 4 and the RFC variant', () => {
    const faker = new Faker({ locale: [en, base] });
    faker.seed(20261127);
    for (let i = 0; i < 200; i++) {
      const drawn = i % 2 === 0 ? faker.string.uuid() : faker.string.uuid({ version: 7 });
      const guid = harnessGuid(() => drawn);
      expect(guid).toMatch(/^5eed0000-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isHarnessGuid(guid)).toBe(true);
      expect(isPseudonymGuid(guid)).toBe(false);
      expect(guid.slice(9, 13)).toBe(drawn.slice(9, 13));
      expect(guid.slice(24)).toBe(drawn.slice(24));
    }
    expect(harnessGuid(() => 'AB6F4C35-A04B-4D03-B98A-66FFF89B72E6')).toBe('5eed0000-a04b-4d03-b98a-66fff89b72e6');
    expect(harnessGuid(() => '3e6f4c35-a04b-1d03-c98a-66fff89b72e6')).toBe('5eed0000-a04b-4d03-898a-66fff89b72e6');
  });

  test('is as deterministic as the seed, and draws exactly once (later seeded values do not shift)', () => {
    const a = new Faker({ locale: [en, base] });
    const b = new Faker({ locale: [en, base] });
    a.seed(7);
    b.seed(7);
    const first = harnessGuid(() => a.string.uuid());
    const plain = b.string.uuid();
    expect(first).toBe(harnessGuid(() => plain));
    expect(a.word.noun()).toBe(b.word.noun());
  });

  test('refuses what is not UUID-like', () => {
    expect(() => harnessGuid(() => 'not-a-uuid')).toThrow(/UUID-like/);
  });
});

// --- by value, under neutral names ----------------------------------------------------------------

/** Opaque identity-platform tokens (refresh token, access token): no JWT, and under names that say nothing. */
const REFRESH_TOKEN = '0.AVYAplAnTeD9y2xq1dK8m3pZ7wQeR4tUiOpAsDfGhJkLzXcVbNm-_aSdFgHjKlQwErTy.AgABAAEAAAD--DLA3VO7QrddgJg7Wevr';
const OPAQUE_ACCESS = '1.AQkAplantedOpaqueAccessTokenZZ9y2xq1dK8m3pZ7wQeR4tUiOpAsDf';
/** An opaque bearer token that is neither a JWT nor of the 0.A shape. */
const BEARER_OPAQUE = 'EwBplantedOpaqueBearer0123456789abcdef';
const SAS_SIG = 'pl4ntedSiGnature%2Fabc%3D';
const SAS_URL = `https://store.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-01-01&sp=r&sig=${SAS_SIG}`;
const ACCOUNT_KEY = 'cGxhbnRlZEFjY291bnRLZXk0Mg+/abc123==';
const CONNECTION = `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const SERVICE_BUS = 'Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=c2JQbGFudGVkS2V5MTIzNDU2Nzg5MA=';
/** base64 of `planted-user:planted-pass`. */
const BASIC_CREDENTIAL = 'cGxhbnRlZC11c2VyOnBsYW50ZWQtcGFzcw==';
const RANDOM_KEY = 'k3yPl4ntedRandomValue0987xyz';
const DIAGNOSTIC = '{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5","ScaleUnit":"001","RoleInstance":"AM2PEPF0000DB1E"}}';

/** Every value that must not survive the by-value rules. */
const PLANTED_BY_VALUE = [
  REFRESH_TOKEN,
  REFRESH_TOKEN.slice(4, 30),
  OPAQUE_ACCESS,
  OPAQUE_ACCESS.slice(4, 30),
  BEARER_OPAQUE,
  'pl4nted',
  'SiGnature',
  ACCOUNT_KEY,
  'cGxhbnRlZEFjY291bnRLZXk0',
  'c2JQbGFudGVkS2V5',
  BASIC_CREDENTIAL,
  'dXNlcjpwYXNz',
  RANDOM_KEY,
  'AM2PEPF0000DB1E',
  'contoso',
  'fabrikam',
  'northwind',
  'store.blob',
  'portal.',
];

function neutral(): Exchange {
  return {
    request: {
      method: 'GET',
      url: `https://graph.microsoft.com/beta/x?key=${RANDOM_KEY}&$skiptoken=RFNwdAIAAQAAACE6MTIzNDU2Nzg5MDEy&redirect=${encodeURIComponent('https://app.fabrikam.com/cb')}`,
      headers: {
        host: 'portal.contoso.com:8443',
        'x-forwarded-host': 'portal.contoso.com',
        'client-request-id': HARNESS,
        'x-note': `Basic ${BASIC_CREDENTIAL}`,
      },
    },
    response: {
      status: 200,
      headers: {
        'x-ms-ags-diagnostic': DIAGNOSTIC,
        location: 'https://portal.contoso.com/beta/x/1',
        'content-location': '//portal.contoso.com/beta/x/2',
        'x-note': `Bearer ${BEARER_OPAQUE}`,
        'x-link': SAS_URL,
      },
      body: JSON.stringify({
        note: REFRESH_TOKEN,
        other: `issued ${OPAQUE_ACCESS}`,
        link: SAS_URL,
        encoded: encodeURIComponent(SAS_URL),
        cfg: CONNECTION,
        bus: SERVICE_BUS,
        echo: `Authorization: Basic ${BASIC_CREDENTIAL}`,
        echo2: 'Authorization: Basic dXNlcjpwYXNz',
        said: `Authorization: Bearer ${BEARER_OPAQUE}`,
        '@odata.nextLink': 'https://portal.contoso.com/beta/x?$skiptoken=abc',
        x: 'see https://contoso.com/help',
        message: 'Ask support.northwind.org or contoso.com.\nThen fabrikam.co.uk',
        // JSON holding JSON, as a body inside results.json
        inner: JSON.stringify({
          note: REFRESH_TOKEN,
          cfg: CONNECTION,
          link: SAS_URL,
          echo: `Basic ${BASIC_CREDENTIAL}`,
          diag: JSON.parse(DIAGNOSTIC) as unknown,
        }),
      }),
    },
    durationMs: 1,
  };
}

function expectNoneByValue(text: string): void {
  for (const value of PLANTED_BY_VALUE) expect(text, `${value} survived`).not.toContain(value);
  expect(findLeaks(text)).toEqual([]);
}

function hostPseudonym(host: string): string {
  return `host-${createHash('sha256').update(host.toLowerCase()).digest('hex').slice(0, 8)}.example.invalid`;
}

describe('secrets planted under neutral names are found by value', () => {
  test('none survives scrubExchange, and what is left says where it was', () => {
    const scrubbed = scrubExchange(neutral());
    expectNoneByValue(JSON.stringify(scrubbed));
    const body = JSON.parse(scrubbed.response.body) as Record<string, string>;
    const portal = hostPseudonym('portal.contoso.com');
    expect(body).toMatchObject({
      note: '<redacted>',
      other: 'issued <redacted>',
      link: `https://${hostPseudonym('store.blob.core.windows.net')}/c/b?sv=2022-11-02&se=2026-01-01&sp=r&sig=<redacted>`,
      cfg: `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=<redacted>;EndpointSuffix=${hostPseudonym('core.windows.net')}`,
      bus: `Endpoint=sb://${hostPseudonym('bus.servicebus.windows.net')}/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<redacted>`,
      echo: 'Authorization: Basic <redacted>',
      echo2: 'Authorization: Basic <redacted>',
      said: 'Authorization: Bearer <redacted>',
      '@odata.nextLink': `https://${portal}/beta/x?$skiptoken=abc`,
      x: `see https://${hostPseudonym('contoso.com')}/help`,
      message: `Ask ${hostPseudonym('support.northwind.org')} or ${hostPseudonym('contoso.com')}.\nThen ${hostPseudonym('fabrikam.co.uk')}`,
    });
    expect(body['encoded']).toBe(
      encodeURIComponent(`https://${hostPseudonym('store.blob.core.windows.net')}/c/b?sv=2022-11-02&se=2026-01-01&sp=r&sig=`) + '<redacted>',
    );
    expect(JSON.parse(body['inner']!)).toMatchObject({
      note: '<redacted>',
      echo: 'Basic <redacted>',
      diag: { ServerInfo: { ScaleUnit: '<redacted>', RoleInstance: '<redacted>' } },
    });
    // one host, one pseudonym: in the next link, Location, Content-Location, Host and X-Forwarded-Host
    expect(scrubbed.request.headers).toMatchObject({ host: `${portal}:8443`, 'x-forwarded-host': portal, 'x-note': 'Basic <redacted>' });
    expect(scrubbed.response.headers).toMatchObject({
      location: `https://${portal}/beta/x/1`,
      'content-location': `//${portal}/beta/x/2`,
      'x-note': 'Bearer <redacted>',
    });
    // a paging cursor stays as it was (replay matches it); a random key= value does not
    expect(scrubbed.request.url).toBe(
      `https://graph.microsoft.com/beta/x?key=<redacted>&$skiptoken=RFNwdAIAAQAAACE6MTIzNDU2Nzg5MDEy&redirect=${encodeURIComponent(`https://${hostPseudonym('app.fabrikam.com')}/cb`)}`,
    );
  });

  test('none survives scrubText over a whole serialised exchange whose headers were never scrubbed (results.json)', () => {
    const raw = neutral();
    expectNoneByValue(scrubText(JSON.stringify(raw)));
    expectNoneByValue(scrubText(JSON.stringify(raw, null, 2)));
    expectNoneByValue(scrubText(JSON.stringify({ results: [JSON.stringify(raw)] })));
  });

  test.each([
    ['{"note": "0.AAAAxyzabcdefghijklmnopqrstuvwxyz0123456789_-ABC.DEFGH"}', '{"note": "<redacted>"}'],
    [
      '{"link": "https://store.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-01-01&sp=r&sig=abc%2Fdef%3D"}',
      `{"link": "https://${hostPseudonym('store.blob.core.windows.net')}/c/b?sv=2022-11-02&se=2026-01-01&sp=r&sig=<redacted>"}`,
    ],
    [
      '{"cfg": "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc123==;EndpointSuffix=core.windows.net"}',
      `{"cfg": "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=<redacted>;EndpointSuffix=${hostPseudonym('core.windows.net')}"}`,
    ],
    ['{"echo": "Authorization: Basic dXNlcjpwYXNz"}', '{"echo": "Authorization: Basic <redacted>"}'],
    [
      '{"@odata.nextLink": "https://portal.contoso.com/beta/x?$skiptoken=abc"}',
      `{"@odata.nextLink": "https://${hostPseudonym('portal.contoso.com')}/beta/x?$skiptoken=abc"}`,
    ],
    ['{"x": "see https://contoso.com/help"}', `{"x": "see https://${hostPseudonym('contoso.com')}/help"}`],
    ['SharedAccessSignature sr=bus&sig=AbC%2BdEf%3D&se=1767225600&skn=send', 'SharedAccessSignature sr=bus&sig=<redacted>&se=1767225600&skn=send'],
    [
      'Endpoint=sb://x.invalid/;SharedAccessSignature=SharedAccessSignature sr=a&sig=b&se=1',
      'Endpoint=sb://x.invalid/;SharedAccessSignature=<redacted> sr=a&sig=<redacted>&se=1',
    ],
    [
      'https://s3.invalid/o?X-Amz-Credential=AKIA%2F20260101&X-Amz-Signature=0f1e2d3c4b5a',
      'https://s3.invalid/o?X-Amz-Credential=AKIA%2F20260101&X-Amz-Signature=<redacted>',
    ],
    ['url=https%3A%2F%2Fa.invalid%2Fb%3Fsv%3D1%26sig%3DxYz%252F%26se%3D2', 'url=https%3A%2F%2Fa.invalid%2Fb%3Fsv%3D1%26sig%3D<redacted>%26se%3D2'],
    [
      '?token=abcDEF1234567890xyz&api-key=Zm9vYmFyYmF6cXV4MTIzNDU2&subscription-key=0123456789abcdef0123456789abcdef',
      '?token=<redacted>&api-key=<redacted>&subscription-key=<redacted>',
    ],
    ['WWW-Authenticate: Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg', 'WWW-Authenticate: Negotiate <redacted>'],
    [
      '{"a":"x%3DeyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2ln","b":"line\\neyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2ln"}',
      '{"a":"x%3D<redacted>:jwt","b":"line\\n<redacted>:jwt"}',
    ],
  ])('%s', (text, expected) => {
    expect(scrubText(text)).toBe(expected);
    expect(scrubText(expected)).toBe(expected);
    expect(findLeaks(expected)).toEqual([]);
  });

  test('scrubbing is idempotent', () => {
    const once = scrubExchange(neutral());
    expect(scrubExchange(once)).toEqual(once);
    const text = JSON.stringify(neutral(), null, 2);
    expect(scrubText(scrubText(text))).toBe(scrubText(text));
    expect(scrubText(JSON.stringify(once))).toBe(JSON.stringify(once));
  });
});

describe('ordinary values stay byte-identical', () => {
  test.each([
    // Graph's dotted names are no hosts
    'microsoft.graph.connectorGroup',
    'Directory.ReadWrite.All',
    '{"@odata.type":"#microsoft.graph.connectorGroup","scp":"Directory.ReadWrite.All Application.Read.All"}',
    '"value@odata.nextLink","@odata.nextLink","odata.nextLink"',
    'content-type: application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    'checks negative.auth.no create.body.echo lifecycle.get-after-delete; System.IO ASP.NET node.js report.html results.json vitest.config.ts v1.0',
    // paging cursors are kept, however random (replay must match them)
    'https://graph.microsoft.com/beta/x?$top=2&$skiptoken=RFNwdAIAAQAAACE6MTIzNDU2Nzg5MDEyMzQ1Njc4OTA%3D',
    'http://127.0.0.1:4010/beta/x?$deltatoken=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5&$skiptoken=2',
    // allowed hosts
    'https://graph.microsoft.com/beta https://login.microsoftonline.com/common/oauth2/v2.0/token graph.microsoft.com login.microsoftonline.com',
    'http://127.0.0.1:4010/x http://127.12.0.3/x http://localhost:4010 http://api.localhost/x http://[::1]:4010/x',
    'https://replay.graph-conformance.invalid/beta https://host-0badf00d.example.invalid/x https://a.invalid user-0badf00d@example.invalid',
    // SAS parameters beside no signature, connection-string parts that are no key
    '?sv=2022-11-02&se=2026-01-01&sp=r&spr=https&srt=sco&ss=b&sr=c&st=2025-01-01',
    'DefaultEndpointsProtocol=https;AccountName=x;SharedAccessKeyName=RootManageSharedAccessKey',
    // challenges and prose are no credentials
    'WWW-Authenticate: Basic realm="graph", Bearer realm="", error="invalid_token"',
    'Basic checks passed; basic information; a bearer token; Bearer token required',
    // short or word-like values of credential-ish names are no credentials; a GUID is pseudonymised, never redacted
    'code=Request_ResourceNotFound&token=short&key=value&secret=none',
    'version 1.0 and 0.A and 1.Ab are short',
    // a bare name outside the recognised suffixes stays (in a URL it would not)
    'contoso.local corp.internal CONTOSO.COM.',
    // public keys and certificates are no secret; prefixes and names of secrets alone are none either
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEplanted\n-----END PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----\nMIIBplanted\n-----END CERTIFICATE-----',
    'AKIA starts an access key id, xoxb- a Slack bot token, ghp_ a GitHub token; set aws_secret_access_key in ~/.aws/credentials',
    'task-list sk-1 SG.1.2 npm_ci -----BEGIN PRIVATE KEY',
    '{"idempotency-key":"a1","keyId":"k1","publicKey":"MIIBplanted","key":"value"}',
  ])('%s', (text) => {
    expect(scrubText(text)).toBe(text);
    expect(findLeaks(text)).toEqual([]);
  });

  test('a GUID under a credential-ish name stays GUID-shaped (pseudonymised, so replay matches it)', () => {
    expect(scrubText(`?key=${OBJECT_ID}&token=${HARNESS}`)).toBe(`?key=${pseudonymOf(OBJECT_ID)}&token=${HARNESS}`);
  });

  test('a JWT-shaped skiptoken is a JWT all the same', () => {
    expect(scrubText(`?$skiptoken=${JWT}`)).toBe('?$skiptoken=<redacted>:jwt');
  });
});

describe('hosts', () => {
  afterEach(() => resetAllowedHosts());

  test('a foreign host becomes host-<8 hex>.example.invalid from SHA-256 of its lower-cased self, the same wherever it is', () => {
    const p = hostPseudonym('portal.contoso.com');
    expect(scrubText('https://Portal.Contoso.com:8443/x')).toBe(`https://${p}:8443/x`);
    expect(scrubText('https%3A%2F%2Fportal.contoso.com%2Fx')).toBe(`https%3A%2F%2F${p}%2Fx`);
    expect(scrubText('"https:\\/\\/portal.contoso.com\\/x"')).toBe(`"https:\\/\\/${p}\\/x"`);
    expect(scrubText('{"host":"portal.contoso.com:443","x-forwarded-host":"portal.contoso.com"}')).toBe(`{"host":"${p}:443","x-forwarded-host":"${p}"}`);
    expect(scrubText(JSON.stringify(JSON.stringify({ host: 'portal.contoso.com' })))).toBe(JSON.stringify(JSON.stringify({ host: p })));
    expect(scrubText('wss://portal.contoso.com ftp://portal.contoso.com')).toBe(`wss://${p} ftp://${p}`);
    expect(scrubHeaders({ Host: 'portal.contoso.com', Location: '//portal.contoso.com/a', 'Content-Location': 'https://portal.contoso.com/b' })).toEqual({
      Host: p,
      Location: `//${p}/a`,
      'Content-Location': `https://${p}/b`,
    });
  });

  test('IP addresses and single-label names are hosts too; loopback is not foreign', () => {
    expect(scrubText('http://10.1.2.3:8080/x http://[2001:db8::1]/x http://intranet/x')).toBe(
      `http://${hostPseudonym('10.1.2.3')}:8080/x http://${hostPseudonym('2001:db8::1')}/x http://${hostPseudonym('intranet')}/x`,
    );
    expect(scrubHeaders({ host: '127.0.0.1:4010', 'x-forwarded-host': 'localhost, [::1]:443' })).toEqual({
      host: '127.0.0.1:4010',
      'x-forwarded-host': 'localhost, [::1]:443',
    });
  });

  test('user-info goes, the host after it is judged as any other', () => {
    expect(scrubText('https://svc:pw@portal.contoso.com/x')).toBe(`https://<redacted>@${hostPseudonym('portal.contoso.com')}/x`);
    expect(scrubText('https://svc:pw@graph.microsoft.com/x')).toBe('https://<redacted>@graph.microsoft.com/x');
  });

  test("the target's own host is kept once allowed (allowTargetHost), and only then", () => {
    const text = 'https://graph-proxy.contoso.com:8443/beta/x?$skiptoken=1 and graph-proxy.contoso.com, https://other.contoso.com/';
    const before = scrubText(text);
    expect(before).not.toContain('graph-proxy.contoso.com');
    allowTargetHost('https://Graph-Proxy.contoso.com:8443/beta');
    expect(scrubText(text)).toBe(
      `https://graph-proxy.contoso.com:8443/beta/x?$skiptoken=1 and graph-proxy.contoso.com, https://${hostPseudonym('other.contoso.com')}/`,
    );
    expect(scrubHeaders({ host: 'graph-proxy.contoso.com:8443' })).toEqual({ host: 'graph-proxy.contoso.com:8443' });
    expect(findLeaks(scrubText(text))).toEqual([]);
    resetAllowedHosts();
    expect(scrubText(text)).toBe(before);
  });

  test('allowHosts allows more hosts; allowTargetHost takes nothing for no URL and refuses a malformed one', () => {
    allowHosts('Partner.Example.COM', '[2001:db8::2]');
    expect(scrubText('https://partner.example.com/x http://[2001:db8::2]/y partner.example.com')).toBe(
      'https://partner.example.com/x http://[2001:db8::2]/y partner.example.com',
    );
    expect(() => allowTargetHost(undefined)).not.toThrow();
    expect(() => allowTargetHost('not a url')).toThrow(/absolute URL/);
  });

  test('a foreign next link gets the same pseudonym in every interaction, so a recording still pairs its pages', () => {
    const base = 'http://127.0.0.1:4010/beta';
    const groups = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
    const exchanges: Exchange[] = [
      {
        request: { method: 'GET', url: `${base}${groups}?$top=1`, headers: {} },
        response: {
          status: 200,
          headers: { location: `https://portal.contoso.com/beta${groups}` },
          body: JSON.stringify({ '@odata.nextLink': `https://portal.contoso.com/beta${groups}?$skiptoken=abc`, value: [] }),
        },
        durationMs: 1,
      },
      {
        request: { method: 'GET', url: `${base}${groups}?$skiptoken=abc`, headers: {} },
        response: {
          status: 200,
          headers: {},
          body: JSON.stringify({ '@odata.nextLink': `${base}${groups}?$skiptoken=def`, value: [], note: 'from https://PORTAL.contoso.com/' }),
        },
        durationMs: 1,
      },
    ];
    const cassette = cassetteOf(exchanges, base, { operation: 'navigation', seed: 1 } as CassetteMeta);
    const p = hostPseudonym('portal.contoso.com');
    expect(cassette.interactions[0]?.response.body).toEqual({ '@odata.nextLink': `https://${p}/beta${groups}?$skiptoken=abc`, value: [] });
    expect(cassette.interactions[0]?.response.headers['location']).toBe(`https://${p}/beta${groups}`);
    // same-origin (the target, loopback here) stays byte-identical, cursor and all
    expect(cassette.interactions[1]?.request.path).toBe(`${groups}?$skiptoken=abc`);
    expect(cassette.interactions[1]?.response.body).toEqual({ '@odata.nextLink': `${base}${groups}?$skiptoken=def`, value: [], note: `from https://${p}/` });
    expect(findLeaks(JSON.stringify(cassette, null, 2))).toEqual([]);
  });
});

describe('bare domains', () => {
  // Recognised only when they end in a common public suffix (lower case): .com .net .org .io .dev .cloud .co.uk.
  test.each(['contoso.com', 'support.fabrikam.net', 'northwind.org', 'tailspin.io', 'wingtip.dev', 'adatum.cloud', 'litware.co.uk', 'Contoso.com'])(
    '%s in a message is pseudonymised',
    (domain) => {
      const text = `{"message":"Domain ${domain} is not verified (${domain}).","path":"/domains/${domain}"}`;
      const p = hostPseudonym(domain);
      expect(scrubText(text)).toBe(`{"message":"Domain ${p} is not verified (${p}).","path":"/domains/${p}"}`);
      expect(findLeaks(text).map((l) => l.kind)).toEqual(['host', 'host', 'host']);
    },
  );

  test('a tenant domain keeps its tenant- pseudonym, an address its user- one', () => {
    expect(scrubText('contoso.onmicrosoft.com alice@contoso.com %2Fcontoso.onmicrosoft.com%2F')).toMatch(
      /^tenant-[0-9a-f]{8}\.example\.invalid user-[0-9a-f]{8}@example\.invalid %2Ftenant-[0-9a-f]{8}\.example\.invalid%2F$/,
    );
  });
});

describe("Graph's diagnostic header", () => {
  // Decision: reduced, not dropped. DataCenter, Slice and Ring say where a request was served (useful
  // next to a failure); ScaleUnit and RoleInstance name the machine, and go.
  test('x-ms-ags-diagnostic keeps DataCenter, Slice and Ring only', () => {
    for (const name of ['x-ms-ags-diagnostic', 'X-MS-AGS-Diagnostic']) {
      const scrubbed = scrubHeaders({ [name]: DIAGNOSTIC });
      expect(scrubbed).toEqual({ [name]: '{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5"}}' });
      expect(scrubHeaders(scrubbed)).toEqual(scrubbed);
    }
    expect(scrubHeaders({ 'x-ms-ags-diagnostic': '{"ServerInfo":{"RoleInstance":"AM2PEPF0000DB1E","Extra":"x"},"Machine":"y"}' })).toEqual({
      'x-ms-ags-diagnostic': '{"ServerInfo":{}}',
    });
    expect(scrubHeaders({ 'x-ms-ags-diagnostic': '{}' })).toEqual({ 'x-ms-ags-diagnostic': '{}' });
  });

  test('what is not such JSON is dropped whole', () => {
    for (const value of ['RoleInstance=AM2PEPF0000DB1E', '[1]', '{"ServerInfo":"AM2PEPF0000DB1E"}', 'null'])
      expect(scrubHeaders({ 'x-ms-ags-diagnostic': value })).toEqual({});
  });

  test('serialised whole, as in results.json, its RoleInstance and ScaleUnit are redacted', () => {
    const once = scrubText(JSON.stringify({ headers: { 'x-ms-ags-diagnostic': DIAGNOSTIC } }));
    expect(once).not.toContain('AM2PEPF0000DB1E');
    expect(JSON.parse(JSON.parse(once).headers['x-ms-ags-diagnostic'] as string)).toEqual({
      ServerInfo: { DataCenter: 'West Europe', Slice: 'E', Ring: '5', ScaleUnit: '<redacted>', RoleInstance: '<redacted>' },
    });
    expect(scrubText(DIAGNOSTIC)).toBe(
      '{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5","ScaleUnit":"<redacted>","RoleInstance":"<redacted>"}}',
    );
    expect(scrubText(once)).toBe(once);
  });
});

/** Far below what a quadratic pattern takes on 300 kB (28–70 s), far above a linear one on a loaded machine. */
const LINEAR_BOUND_MS = 8_000;

describe('scrubbing long bodies', () => {
  // Not a benchmark: a pattern that rescans a run from every position takes minutes on a large body
  // (it took 28 s on 150 kB), and a recording or report must never hang on one. The bound is generous:
  // the slowest unit takes ~0.5 s on an idle machine and must not fail on a busy one.
  test.each(['a'.repeat(300_000), 'ab.'.repeat(100_000), 'eyJ'.repeat(100_000), 'aB3-'.repeat(75_000), `${'x'.repeat(300_000)}@`])(
    'a %# unbroken 300 kB string is scrubbed in one pass',
    (text) => {
      const started = performance.now();
      scrubText(text);
      expect(performance.now() - started).toBeLessThan(LINEAR_BOUND_MS);
    },
  );

  // One unit per pattern, repeated to 300 kB: where each pattern could start again and again. The backslash
  // run was quadratic in the JSON-in-a-string secret pattern (70 s on 300 kB) before it started only where a
  // run of backslashes starts.
  const UNITS = [
    '\\',
    '\\"token\\":\\"a',
    '0.A',
    '0.AAAAA-',
    'sig=',
    'sig=a&',
    'sig%3D',
    '%26sig%3D',
    'token%3D',
    'token=1',
    'key=a1',
    'x-api-key=',
    'AccountKey=',
    'AccountKey=a;',
    'password=',
    'Basic ',
    'Basic dXNlcjpwYXNz',
    'Bearer ',
    'Negotiate ',
    'https://',
    'https%3A%2F%2F',
    'https:\\/\\/',
    'a://x:',
    'https://[',
    'a.com.',
    'a.co.uk.',
    'a.',
    '%2Fa',
    '\\na',
    '"host":"a"',
    '"host":"',
    '"RoleInstance":"',
    '\\"RoleInstance\\":\\"',
    // PEM keys, AWS secrets by name, and where the rule set's patterns could start again and again
    '-----BEGIN PRIVATE KEY-----',
    '-----BEGIN PRIVATE KEY-----\\nMI',
    '-----BEGIN A ',
    '-----BEGIN PRIVATE KEY-----a-',
    'aws_secret_access_key=',
    'secret_access_key = \\"',
    'AKIA',
    'AKIAAAAAAAAAAAAAAAAA',
    'ghs_1_-',
    'ghp_',
    'SG.x.',
    'xoxb-a-',
    'https://a:b@',
    'http://a:x-oauth-basic@',
    'mongodb://a:b@',
    'postgres://a:',
    'sk-ant-api03-',
    'ops_ey',
    '_authToken=',
    'account: ',
    'glc_',
    'hvs.',
    '"x-api-key":"',
  ];
  test.each(UNITS)('%j repeated to 300 kB is scrubbed, and looked through for leaks, in one pass', (unit) => {
    const text = unit.repeat(Math.ceil(300_000 / unit.length));
    let started = performance.now();
    scrubText(text);
    expect(performance.now() - started, 'scrubText').toBeLessThan(LINEAR_BOUND_MS);
    started = performance.now();
    findLeaks(text);
    expect(performance.now() - started, 'findLeaks').toBeLessThan(LINEAR_BOUND_MS);
  });
});

// --- well-known secrets (the rule set, ./secret-rules.ts) and credential headers -------------------

const PRIVATE_KEYS = plantedPrivateKeys();

/** How each planted token stands in text: an AWS secret access key after its name (how it is told apart), the others alone. */
function asWritten(kind: string, value: string): string {
  if (kind === 'aws-secret-access-key') return `aws_secret_access_key=${value}`;
  if (kind === 'aws-secret-access-key-slash') return `AWS_SECRET_ACCESS_KEY = "${value}"`;
  return value;
}

/** [kind, the secret, the secret as written]: every planted token, then PEM private keys of four kinds. */
const WELL_KNOWN: [string, string, string][] = [
  ...(Object.entries(PLANTED_TOKENS) as [PlantedTokenKind, string][]).map(([kind, value]): [string, string, string] => [kind, value, asWritten(kind, value)]),
  ...Object.entries(PRIVATE_KEYS).map(([kind, pem]): [string, string, string] => [`${kind} private key`, pem, pem]),
];

/** An answer quoting `planted` where a target might: an error message, a header under a neutral name, a form it echoes. */
function quoting(planted: string): Exchange {
  return {
    request: { method: 'POST', url: 'http://127.0.0.1:4010/beta/x', headers: { 'content-type': 'text/plain' }, body: `note: ${planted}` },
    response: {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-note': planted.replace(/\n/g, ' ') },
      body: JSON.stringify({ error: { code: 'Request_BadRequest', message: `The service said: ${planted}; try again.`, innerError: { detail: planted } } }),
    },
    durationMs: 1,
  };
}

/** Core and the preset as secretlint's own command line runs them, configured as ./secret-rules.ts is. */
async function secretlintCore(content: string): Promise<string[]> {
  const result = await lintSource({
    source: { filePath: 'planted.txt', content, contentType: 'text' },
    options: {
      noPhysicFilePath: true,
      config: {
        rules: [
          {
            id: recommendedPreset.meta.id,
            rule: recommendedPreset,
            rules: [
              { id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } },
              { id: '@secretlint/secretlint-rule-filter-comments', disabled: true },
            ],
          },
        ],
      },
    },
  });
  return result.messages.map((m) => `${m.ruleId} ${m.messageId} ${m.range[0]}-${m.range[1]}`).sort();
}

describe(`well-known secrets (${SECRET_RULE_SET})`, () => {
  test.each(WELL_KNOWN)('%s is removed wherever it stands, and the fixtures check would have found it', (_kind, value, planted) => {
    const raw = quoting(planted);
    expect(findLeaks(JSON.stringify(raw)).length, 'findLeaks on the raw exchange').toBeGreaterThan(0);
    const written = [
      JSON.stringify(scrubExchange(raw), null, 2), // evidence, as run-suite scrubs it
      JSON.stringify(cassetteOf([raw], 'http://127.0.0.1:4010/beta', { operation: 'x', seed: 1 } as CassetteMeta), null, 2), // a recording
      scrubText(JSON.stringify(raw, null, 2)), // results.json over an exchange never scrubbed
      scrubText(JSON.stringify(JSON.stringify(raw))), // JSON in JSON, one level further
      scrubText(`check failed: ${planted}\nnext line`), // a message, as junit.xml writes it
    ];
    for (const text of written) {
      for (const fragment of fragmentsOf(value)) expect(text, `${fragment} survived`).not.toContain(fragment);
      expect(text).toContain('<redacted>');
      expect(findLeaks(text)).toEqual([]);
    }
    for (const text of written.slice(2)) expect(scrubText(text)).toBe(text);
  });

  test('each kind is found by the rule named for it, or by the pattern that fills its gap', () => {
    const ruleOf = (text: string): string[] => [...new Set(findSecrets(text).map((f) => f.ruleId.replace('@secretlint/secretlint-rule-', '')))];
    const kindsOf = (text: string): string[] => [...new Set(findLeaks(text).map((l) => l.kind))];
    expect(ruleOf(asWritten('aws-access-key-id', PLANTED_TOKENS['aws-access-key-id']))).toEqual(['aws']);
    expect(ruleOf(asWritten('aws-secret-access-key', PLANTED_TOKENS['aws-secret-access-key']))).toEqual(['aws']);
    for (const kind of ['github-token', 'github-fine-grained-token'] as const) expect(ruleOf(PLANTED_TOKENS[kind])).toEqual(['github']);
    for (const kind of ['slack-token', 'slack-webhook'] as const) expect(ruleOf(PLANTED_TOKENS[kind])).toEqual(['slack']);
    expect(ruleOf(PLANTED_TOKENS['npm-token'])).toEqual(['npm']);
    expect(ruleOf(PLANTED_TOKENS['openai-key'])).toEqual(['openai']);
    expect(ruleOf(PLANTED_TOKENS['anthropic-key'])).toEqual(['anthropic']);
    expect(ruleOf(PLANTED_TOKENS['sendgrid-key'])).toEqual(['sendgrid']);
    // No Stripe rule in the release that runs on Node 20: STRIPE_KEY fills that gap.
    expect(ruleOf(PLANTED_TOKENS['stripe-key'])).toEqual([]);
    expect(kindsOf(PLANTED_TOKENS['stripe-key'])).toEqual(['known-secret']);
    expect(ruleOf(PLANTED_TOKENS['gitlab-token'])).toEqual(['gitlab']);
    expect(ruleOf(PRIVATE_KEYS.rsa)).toEqual(['privatekey']);
    // The rule set's gaps, filled by patterns.ts: short or non-`MI…` keys, encrypted keys, a secret key ending in `/`.
    for (const kind of ['ec', 'ed25519', 'encrypted'] as const) {
      expect(ruleOf(PRIVATE_KEYS[kind]), kind).toEqual([]);
      expect(kindsOf(PRIVATE_KEYS[kind]), kind).toEqual(['private-key']);
    }
    const slash = asWritten('aws-secret-access-key-slash', PLANTED_TOKENS['aws-secret-access-key-slash']);
    expect(ruleOf(slash)).toEqual([]);
    expect(kindsOf(slash)).toEqual(['aws-secret-key']);
    expect(kindsOf(PLANTED_TOKENS.jwt)).toEqual(['jwt']);
  });

  test("the AWS secret key goes and its name stays, though the rule reports the match's start", () => {
    const key = PLANTED_TOKENS['aws-secret-access-key'];
    const [finding] = findSecrets(`x aws_secret_access_key=${key}`);
    expect(finding?.range).toEqual([2, 2 + key.length]);
    expect(finding && [finding.start, finding.end]).toEqual([24, 24 + key.length]);
    expect(scrubText(`aws_secret_access_key=${key}\naws_secret_access_key = '${key}'`)).toBe(
      "aws_secret_access_key=<redacted>\naws_secret_access_key = '<redacted>'",
    );
    expect(scrubText(JSON.stringify({ message: `export AWS_SECRET_ACCESS_KEY="${key}"` }))).toBe('{"message":"export AWS_SECRET_ACCESS_KEY=\\"<redacted>\\""}');
  });

  test('finds exactly what @secretlint/core finds with the same preset and options', async () => {
    const corpus = [
      ...WELL_KNOWN.map(([, , planted]) => planted),
      JSON.stringify({ message: `key ${PRIVATE_KEYS.rsa}`, token: PLANTED_TOKENS['github-token'] }),
      `postgres://app:Pl4nted-Pa55word@db.invalid:5432/app`,
      'account_id: 1234-5678-9012',
      'ordinary text with no secret at all',
    ].join('\n');
    const ours = findSecrets(corpus)
      .map((f) => `${f.ruleId} ${f.messageId} ${f.range[0]}-${f.range[1]}`)
      .sort();
    expect(ours.length).toBeGreaterThanOrEqual(14);
    expect(ours).toEqual(await secretlintCore(corpus));
    // every scanner of the preset runs, its comment filter apart
    const presetIds = (recommendedPreset.rules ?? []).map((rule) => rule.meta.id).filter((id) => id !== '@secretlint/secretlint-rule-filter-comments');
    expect(secretRuleIds().sort()).toEqual(presetIds.sort());
  });

  test('a secretlint-disable comment in what the target sent switches nothing off', () => {
    const token = PLANTED_TOKENS['github-token'];
    for (const text of [
      `// secretlint-disable\n${token}\n// secretlint-enable`,
      `${token} // secretlint-disable-line`,
      `<!-- secretlint-disable -->${token}`,
    ]) {
      expect(scrubText(text)).not.toContain(token);
    }
  });
});

describe('credential headers, by name', () => {
  /** Values no value pattern would catch: only their names say they are credentials. */
  const CREDENTIAL_HEADERS: Record<string, string> = {
    'x-api-key': 'PlantedXApiKeyValue01',
    'api-key': 'PlantedApiKeyValue02',
    'Ocp-Apim-Subscription-Key': 'PlantedApimSubscription03',
    'x-functions-key': 'PlantedFunctionsKey04',
    'x-goog-api-key': 'PlantedGoogApiKey05',
    'x-amz-security-token': 'PlantedAmzSecurity06',
    'Proxy-Authorization': 'PlantedProxyAuth07',
    'x-ms-client-secret': 'PlantedMsClientSecret08',
    'x-ms-encryption-key': 'PlantedMsEncryption09',
    'x-amz-server-side-encryption-customer-key': 'PlantedAmzSseCustomer10',
    apikey: 'PlantedBareApikey11',
    'X-Auth-Key': 'PlantedCloudflareAuth12',
    'x-sentry-auth': 'PlantedSentryAuth13',
  };
  const ORDINARY = {
    'content-type': 'application/json',
    'idempotency-key': 'a1',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'access-control-allow-credentials': 'true',
  };
  const raw = (): Exchange => ({
    request: { method: 'GET', url: 'http://127.0.0.1:4010/beta/x', headers: { ...CREDENTIAL_HEADERS, ...ORDINARY } },
    response: { status: 200, headers: { ...CREDENTIAL_HEADERS, ...ORDINARY }, body: '{}' },
    durationMs: 1,
  });
  const expectNone = (text: string): void => {
    for (const value of Object.values(CREDENTIAL_HEADERS)) expect(text, `${value} survived`).not.toContain(value);
  };

  test('are dropped from requests and responses; keys that are no credential stay', () => {
    expect(scrubHeaders({ ...CREDENTIAL_HEADERS, ...ORDINARY })).toEqual(ORDINARY);
    const scrubbed = scrubExchange(raw());
    expect(scrubbed.request.headers).toEqual(ORDINARY);
    expect(scrubbed.response.headers).toEqual(ORDINARY);
    expectNone(JSON.stringify(scrubbed));
  });

  test('never reach a recording, nor a report that serialises an exchange whose headers were never scrubbed', () => {
    const cassette = cassetteOf([raw()], 'http://127.0.0.1:4010/beta', { operation: 'x', seed: 1 } as CassetteMeta);
    expectNone(JSON.stringify(cassette, null, 2));
    expect(cassette.interactions[0]?.request.headers).toEqual(ORDINARY);
    for (const text of [scrubText(JSON.stringify(raw(), null, 2)), scrubText(JSON.stringify(JSON.stringify(raw())))]) {
      expectNone(text);
      expect(scrubText(text)).toBe(text);
    }
  });
});

test('the rule set is pinned exactly, and named with its version where the scrubber uses it', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
  const [name, version] = [SECRET_RULE_SET.slice(0, SECRET_RULE_SET.lastIndexOf('@')), SECRET_RULE_SET.slice(SECRET_RULE_SET.lastIndexOf('@') + 1)];
  expect(manifest.dependencies[name]).toBe(version);
  expect(readFileSync(new URL('../src/scrub/secret-rules.ts', import.meta.url), 'utf8')).toContain(`${name} ${version}`);
});
