/**
 * Nothing secret reaches disk: a target that sends credentials, tenant ids and addresses back in every
 * place it can (headers, cookies, bodies, error messages, a next link) is recorded and reported, and no
 * file the run writes — recordings, results.json, junit.xml, report.html — holds any of them. Most are
 * planted under names that say nothing (`note`, `x-link`), so only scrubbing by value can catch them;
 * credential headers (`x-api-key`, `Ocp-Apim-Subscription-Key`, …) carry values only their names give away.
 * What a request carries cannot be planted through a target: the writers are given such requests directly.
 */
import { expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runConformance } from './support/run-cli.js';
import { PLANTED_TOKENS, fragmentsOf, plantedPrivateKeys } from './support/planted-secrets.js';
import type { Exchange } from '../src/client/exchange.js';
import { writeCassette, type CassetteMeta } from '../src/engine/cassette.js';
import { cassetteOf } from '../src/engine/record.js';
import type { CheckResult, RunResults } from '../src/report/results.js';
import { writeReports } from '../src/report/reporter.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InBsYW50ZWQifQ.eyJ0aWQiOiI5YzFmMmQ0ZS1wbGFudGVkIn0.c2lnbmVkLWJ5LXRoZS10ZXN0';
const ECHOED_JWT = 'eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiJlY2hvZWQifQ.ZWNob2VkLXNpZ25hdHVyZQ';
const TENANT = '9c1f2d4e-8b7a-4c3d-9e2f-1a0b3c4d5e6f';
const OBJECT = 'd2a4c6e8-1b3d-4f5a-8c7e-9a0b1c2d3e4f';
const UPN = 'alice.admin@contoso.onmicrosoft.com';
const SECRET = 'Zx9~planted.client.secret~Qw';
const COOKIE = 'planted-session-cookie-value';

/** An opaque refresh token (no JWT), a SAS signature, a storage account key, a Basic and an opaque Bearer credential, a random key. */
const REFRESH_TOKEN = '0.AVYAplAnTeDrefreshTokenZ9y2xq1dK8m3pZ7wQeR4tUiOpAsDfGhJk.AgABAAEAAAD--DLA3VO7Qrdd';
const SAS_SIG = 'pl4ntedSasSiGnature%2Fxyz%3D';
const SAS_URL = `https://plantedstore.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-01-01&sp=r&sig=${SAS_SIG}`;
const ACCOUNT_KEY = 'cGxhbnRlZEFjY291bnRLZXk0Mg+/9x==';
const CONNECTION = `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const BASIC = 'cGxhbnRlZC11c2VyOnBsYW50ZWQtcGFzcw=='; // planted-user:planted-pass
const BEARER_OPAQUE = 'EwBplantedOpaqueBearer0123456789abcdef';
const RANDOM_KEY = 'k3yPl4ntedRandomValue0987xyz';
/** Well-known formats (found by the rule set or the patterns beside it) and credential headers (found by name). */
const PEM = plantedPrivateKeys().rsa.trim();
const AKIA = PLANTED_TOKENS['aws-access-key-id'];
const AWS_SECRET = PLANTED_TOKENS['aws-secret-access-key'];
const GITHUB = PLANTED_TOKENS['github-token'];
const SLACK = PLANTED_TOKENS['slack-token'];
const JWT = PLANTED_TOKENS.jwt;
const WELL_KNOWN = `${GITHUB} ${SLACK} ${AKIA} aws_secret_access_key=${AWS_SECRET} ${JWT} ${PEM}`;
const CREDENTIAL_HEADERS = {
  'x-api-key': 'PlantedXApiKeyValue01',
  'api-key': 'PlantedApiKeyValue02',
  'Ocp-Apim-Subscription-Key': 'PlantedApimSubscription03',
  'x-functions-key': 'PlantedFunctionsKey04',
};
const ROLE_INSTANCE = 'PLANTEDROLE0001';
const SCALE_UNIT = 'PLANTEDSCALEUNIT';
/** Customer hosts: one in URLs (bodies, messages, Location, Content-Location), one standing alone in messages. */
const CUSTOMER_HOST = 'portal.fabrikam.com';
const BARE_DOMAIN = 'northwind.net';

const PLANTED = [
  TOKEN,
  ...TOKEN.split('.'),
  ECHOED_JWT,
  ...ECHOED_JWT.split('.'),
  TENANT,
  OBJECT,
  UPN,
  'contoso',
  SECRET,
  COOKIE,
  REFRESH_TOKEN,
  REFRESH_TOKEN.slice(5, 40),
  'pl4ntedSasSiGnature',
  ACCOUNT_KEY,
  'cGxhbnRlZEFjY291bnRLZXk0',
  BASIC,
  BEARER_OPAQUE,
  RANDOM_KEY,
  ROLE_INSTANCE,
  SCALE_UNIT,
  'plantedstore',
  'fabrikam',
  'northwind',
  ...[PEM, AKIA, AWS_SECRET, GITHUB, SLACK, JWT].flatMap(fragmentsOf),
  ...Object.values(CREDENTIAL_HEADERS),
];

/** Graph's diagnostic header, naming the machine that answered. */
const DIAGNOSTIC = JSON.stringify({ ServerInfo: { DataCenter: 'West Europe', Slice: 'E', Ring: '5', ScaleUnit: SCALE_UNIT, RoleInstance: ROLE_INSTANCE } });

/** A target that leaks everything it can, in Graph's shapes. */
function leakyServer(): Promise<{ baseUrl: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const headers = {
        'content-type': 'application/json',
        'request-id': OBJECT,
        'client-request-id': String(req.headers['client-request-id'] ?? ''),
        'set-cookie': `session=${COOKIE}; HttpOnly`,
        'x-ms-tenant-id': TENANT,
        'x-echoed-authorization': `Bearer ${TOKEN}`,
        'x-ms-ags-diagnostic': DIAGNOSTIC,
        'x-note': REFRESH_TOKEN,
        'x-link': SAS_URL,
        'x-config': CONNECTION,
        'x-echo': `Basic ${BASIC}`,
        'x-said': `Bearer ${BEARER_OPAQUE}`,
        'content-location': `https://${CUSTOMER_HOST}/beta/connectorGroups`,
        ...CREDENTIAL_HEADERS,
        'x-github': GITHUB,
        'x-aws': `${AKIA} aws_secret_access_key=${AWS_SECRET}`,
      };
      // Same-origin, as Graph sends it: the cursor stays, what is planted beside it goes.
      const nextLink = `http://${req.headers.host}/onPremisesPublishingProfiles/applicationProxy/connectorGroups?$skiptoken=keep-this-cursor&sig=${SAS_SIG}&key=${RANDOM_KEY}&note=${encodeURIComponent(REFRESH_TOKEN)}`;
      if (req.method === 'POST') {
        res.writeHead(201, headers);
        res.end(
          JSON.stringify({
            '@odata.context': `https://graph.microsoft.com/beta/$metadata#tenants('${TENANT}')/connectorGroups/$entity`,
            id: OBJECT,
            // create.body.echo quotes the name in its failure message: junit.xml carries it too
            name: `${UPN} via https://${CUSTOMER_HOST}/ with ${REFRESH_TOKEN} sig=${SAS_SIG} Basic ${BASIC} Bearer ${BEARER_OPAQUE} ${BARE_DOMAIN} ${WELL_KNOWN}`,
            connectorGroupType: 'applicationProxy',
            isDefault: false,
            region: 'nam',
            notes: `client_secret=${SECRET}&upn=${UPN}`,
            debug: { token: ECHOED_JWT, client_secret: SECRET },
            '@odata.nextLink': nextLink,
            note: REFRESH_TOKEN,
            link: SAS_URL,
            cfg: CONNECTION,
            echo: `Authorization: Basic ${BASIC}`,
            said: `Authorization: Bearer ${BEARER_OPAQUE}`,
            help: `see https://${CUSTOMER_HOST}/help or ${BARE_DOMAIN}`,
            inner: JSON.stringify({ note: REFRESH_TOKEN, diag: DIAGNOSTIC, said: WELL_KNOWN }),
          }),
        );
        return;
      }
      res.writeHead(404, { ...headers, location: `https://${CUSTOMER_HOST}/beta/connectorGroups/${OBJECT}` });
      res.end(
        JSON.stringify({
          error: {
            code: 'Request_ResourceNotFound',
            message:
              `Resource '${OBJECT}' of tenant ${TENANT} (${UPN}) does not exist. Retry with ${REFRESH_TOKEN} at ${SAS_URL} ` +
              `(${CONNECTION}); sent Authorization: Basic ${BASIC} and Bearer ${BEARER_OPAQUE}; ask ${BARE_DOMAIN} or https://${CUSTOMER_HOST}/. ` +
              `Stored credentials: ${WELL_KNOWN}`,
            innerError: { note: `key=${RANDOM_KEY}`, diag: DIAGNOSTIC },
          },
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('a leaky target recorded and reported leaves no credential, tenant id or address on disk', async () => {
  const { baseUrl, server } = await leakyServer();
  const fixtures = mkdtempSync(path.join(tmpdir(), 'gc-leak-fixtures-'));
  try {
    const run = await runConformance([
      '--base-url',
      baseUrl,
      '--token',
      TOKEN,
      '--record',
      '--fixtures-dir',
      fixtures,
      '--only',
      'create.,negative.unknown-id',
    ]);
    // The leaky target fails checks (its name is not what was sent): their messages quote it, scrubbed.
    expect(run.code, run.stderr).toBe(1);
    const written = [...filesUnder(fixtures), ...filesUnder(run.reportDir)];
    expect(written.map((f) => path.basename(f)).sort()).toEqual(['contract.json', 'create.json', 'junit.xml', 'negative.json', 'report.html', 'results.json']);
    for (const file of written) {
      const text = readFileSync(file, 'utf8');
      for (const secret of PLANTED) expect(text.includes(secret), `${path.basename(file)} holds ${secret}`).toBe(false);
    }
    // Scrubbed, not dropped: the recording still says what came back, in pseudonyms.
    const recorded = readFileSync(path.join(fixtures, 'create.json'), 'utf8');
    expect(recorded).toMatch(/"id": "5ca1ab1e-0000-4000-8000-[0-9a-f]{12}"/);
    expect(recorded).toMatch(
      /"name": "user-[0-9a-f]{8}@example\.invalid via https:\/\/host-[0-9a-f]{8}\.example\.invalid\/ with <redacted> sig=<redacted> Basic <redacted> Bearer <redacted> host-[0-9a-f]{8}\.example\.invalid <redacted> <redacted> <redacted> aws_secret_access_key=<redacted> <redacted>:jwt <redacted>"/,
    );
    // ...and so does the failure message that quotes it (junit.xml writes messages as they are)
    expect(readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8')).toMatch(
      /with &lt;redacted(&gt;|>) sig=&lt;redacted(&gt;|>) Basic &lt;redacted(&gt;|>) Bearer &lt;redacted(&gt;|>) host-/,
    );
    const created = (JSON.parse(recorded) as { interactions: { response: { headers: Record<string, string>; body?: Record<string, string> } }[] })
      .interactions[0]!.response;
    expect(created.body?.['@odata.nextLink']).toBe(
      `${baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups?$skiptoken=keep-this-cursor&sig=<redacted>&key=<redacted>&note=<redacted>`,
    );
    expect(created.body).toMatchObject({ note: '<redacted>', echo: 'Authorization: Basic <redacted>', said: 'Authorization: Bearer <redacted>' });
    expect(created.body?.['link']).toMatch(/^https:\/\/host-[0-9a-f]{8}\.example\.invalid\/c\/b\?sv=2022-11-02&se=2026-01-01&sp=r&sig=<redacted>$/);
    expect(created.body?.['cfg']).toMatch(
      /^DefaultEndpointsProtocol=https;AccountName=x;AccountKey=<redacted>;EndpointSuffix=host-[0-9a-f]{8}\.example\.invalid$/,
    );
    expect(created.headers['x-ms-ags-diagnostic']).toBe('{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5"}}');
    expect(created.headers['content-location']).toMatch(/^https:\/\/host-[0-9a-f]{8}\.example\.invalid\/beta\/connectorGroups$/);
    // Credential headers are dropped by name; a well-known token under a neutral name is redacted by value.
    for (const name of Object.keys(CREDENTIAL_HEADERS)) expect(created.headers).not.toHaveProperty(name.toLowerCase());
    expect(created.headers['x-github']).toBe('<redacted>');
    expect(created.headers['x-aws']).toBe('<redacted> aws_secret_access_key=<redacted>');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('credential headers and well-known secrets in a request never reach a recording or a report, even written from an exchange never scrubbed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-leak-writers-'));
  const baseUrl = 'http://127.0.0.1:4010/beta';
  const exchange: Exchange = {
    request: {
      method: 'POST',
      url: `${baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups?note=${GITHUB}`,
      headers: { ...CREDENTIAL_HEADERS, 'content-type': 'application/json', 'x-note': `${SLACK} ${AKIA}` },
      body: JSON.stringify({ name: 'g', region: 'eur', note: WELL_KNOWN }),
    },
    response: {
      status: 400,
      headers: { ...CREDENTIAL_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify({ error: { code: 'Request_BadRequest', message: `Rejected: ${WELL_KNOWN}` } }),
    },
    durationMs: 1,
  };
  const check: CheckResult = {
    id: 'create.body.echo',
    operation: 'create',
    title: 'the created group echoes what was sent',
    status: 'failed',
    durationMs: 1,
    message: `the name came back other than sent: ${WELL_KNOWN}`,
    evidence: { request: exchange.request, response: exchange.response },
  };
  const results: RunResults = {
    target: 'url',
    baseUrl,
    profile: 'openapi',
    seed: 1,
    runId: 'planted',
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    sliceSha256: '0'.repeat(64),
    summary: { passed: 0, failed: 1, skipped: 0, warned: 0, blocked: 0, known: 0, fixed: 0 },
    decisions: {},
    errors: [],
    checks: [check],
  };
  const meta = {
    operation: 'create',
    source: 'url-target',
    target: 'url',
    recordedAt: new Date(0).toISOString(),
    sliceSha256: '0'.repeat(64),
    seed: 1,
    runId: 'planted',
    profile: 'openapi',
    baseUrl,
    note: '',
  } satisfies CassetteMeta;
  const written = [
    writeCassette(dir, cassetteOf([exchange], baseUrl, meta)),
    ...Object.values(writeReports(results, { reportDir: dir, checksBySuite: new Map([['create', [check]]]) })),
  ];
  expect(written.map((f) => path.basename(f)).sort()).toEqual(['create.json', 'junit.xml', 'report.html', 'results.json']);
  for (const file of written) {
    const text = readFileSync(file, 'utf8');
    for (const secret of PLANTED) expect(text.includes(secret), `${path.basename(file)} holds ${secret}`).toBe(false);
    expect(text, path.basename(file)).toMatch(/redacted/);
  }
  const recorded = JSON.parse(readFileSync(written[0]!, 'utf8')) as { interactions: { request: { headers: Record<string, string> } }[] };
  expect(recorded.interactions[0]!.request.headers).toEqual({ 'content-type': 'application/json', 'x-note': '<redacted> <redacted>' });
});
