/**
 * Nothing secret reaches disk: a target that sends credentials, tenant ids and addresses back in every
 * place it can (headers, cookies, bodies, error messages) is recorded and reported, and no file the run
 * writes — recordings, results.json, junit.xml, report.html — holds any of them.
 */
import { expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runConformance } from './support/run-cli.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6InBsYW50ZWQifQ.eyJ0aWQiOiI5YzFmMmQ0ZS1wbGFudGVkIn0.c2lnbmVkLWJ5LXRoZS10ZXN0';
const ECHOED_JWT = 'eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiJlY2hvZWQifQ.ZWNob2VkLXNpZ25hdHVyZQ';
const TENANT = '9c1f2d4e-8b7a-4c3d-9e2f-1a0b3c4d5e6f';
const OBJECT = 'd2a4c6e8-1b3d-4f5a-8c7e-9a0b1c2d3e4f';
const UPN = 'alice.admin@contoso.onmicrosoft.com';
const SECRET = 'Zx9~planted.client.secret~Qw';
const COOKIE = 'planted-session-cookie-value';

const PLANTED = [TOKEN, ...TOKEN.split('.'), ECHOED_JWT, ...ECHOED_JWT.split('.'), TENANT, OBJECT, UPN, 'contoso', SECRET, COOKIE];

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
      };
      if (req.method === 'POST') {
        res.writeHead(201, headers);
        res.end(
          JSON.stringify({
            '@odata.context': `https://graph.microsoft.com/beta/$metadata#tenants('${TENANT}')/connectorGroups/$entity`,
            id: OBJECT,
            name: UPN,
            connectorGroupType: 'applicationProxy',
            isDefault: false,
            region: 'nam',
            notes: `client_secret=${SECRET}&upn=${UPN}`,
            debug: { token: ECHOED_JWT, client_secret: SECRET },
          }),
        );
        return;
      }
      res.writeHead(404, headers);
      res.end(JSON.stringify({ error: { code: 'Request_ResourceNotFound', message: `Resource '${OBJECT}' of tenant ${TENANT} (${UPN}) does not exist.` } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('a leaky target recorded and reported leaves no credential, tenant id or address on disk', async () => {
  const { baseUrl, server } = await leakyServer();
  const fixtures = mkdtempSync(path.join(tmpdir(), 'gc-leak-fixtures-'));
  try {
    const run = await runConformance(['--base-url', baseUrl, '--token', TOKEN, '--record', '--fixtures-dir', fixtures, '--only', 'create.,negative.unknown-id']);
    // The leaky target fails checks (its name is not what was sent): their messages quote it, scrubbed.
    expect(run.code, run.stderr).toBe(1);
    const written = [...filesUnder(fixtures), ...filesUnder(run.reportDir)];
    expect(written.map((f) => path.basename(f)).sort()).toEqual(['create.json', 'junit.xml', 'negative.json', 'report.html', 'results.json']);
    for (const file of written) {
      const text = readFileSync(file, 'utf8');
      for (const secret of PLANTED) expect(text.includes(secret), `${path.basename(file)} holds ${secret}`).toBe(false);
    }
    // Scrubbed, not dropped: the recording still says what came back, in pseudonyms.
    const recorded = readFileSync(path.join(fixtures, 'create.json'), 'utf8');
    expect(recorded).toMatch(/"id": "5ca1ab1e-0000-4000-8000-[0-9a-f]{12}"/);
    expect(recorded).toMatch(/"name": "user-[0-9a-f]{8}@example\.invalid"/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
