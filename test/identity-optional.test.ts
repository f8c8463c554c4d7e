/**
 * @azure/identity is an optional peer dependency: only a live run without a token needs it, and it is
 * imported then and there (src/auth/token.ts). Missing, the run stops with a usage error (exit 2) naming
 * the command that installs it; test/package.test.ts runs that in the installed tarball, without it.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { UsageError } from '../src/config/usage-error.js';
import { acquireToken, IDENTITY_INSTALL, IDENTITY_RANGE, identityLoader, isIdentityMissing, loadIdentity } from '../src/auth/token.js';
import { fromRoot } from '../src/project-root.js';

const manifest = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

/**
 * The error Node itself throws for `import('@azure/identity')` where it is not installed: a plain node
 * process (not vitest's module runner) in a folder with no node_modules anywhere above it.
 */
function nodesOwnError(): { code: string; message: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gc-no-identity-')), 'imports-identity.mjs');
  writeFileSync(
    file,
    "try { await import('@azure/identity'); console.log('{}'); } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }\n",
  );
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: path.dirname(file), encoding: 'utf8' })) as { code: string; message: string };
}

describe('@azure/identity, an optional peer', () => {
  test('package.json: an optional peer in the range the message names, not a dependency; the project pins it for its own tests', () => {
    expect(manifest.dependencies['@azure/identity']).toBeUndefined();
    expect(manifest.peerDependencies['@azure/identity']).toBe(IDENTITY_RANGE);
    expect(manifest.peerDependenciesMeta['@azure/identity']?.optional).toBe(true);
    const pinned = manifest.devDependencies['@azure/identity']!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    // The pinned version satisfies the caret range: same major, not below it.
    const [base, version] = [IDENTITY_RANGE.replace(/^\^/, ''), pinned].map((v) => v.split('.').map(Number));
    expect(IDENTITY_RANGE.startsWith('^') && version![0] === base![0] && version!.join('.') >= base!.join('.')).toBe(true);
  });

  test('is imported only by src/auth/token.ts, and only dynamically', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
      );
    const importers = [...files(fromRoot('src')), ...files(fromRoot('suites'))]
      .filter((file) => /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]@azure\/identity['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(fromRoot(), file));
    expect(importers).toEqual([path.join('src', 'auth', 'token.ts')]);
    expect(readFileSync(fromRoot('src', 'auth', 'token.ts'), 'utf8')).not.toMatch(/^import[^;]*from\s+['"]@azure\/identity['"]/m);
  });

  test('installed (as here), it loads', async () => {
    expect(typeof (await loadIdentity()).DefaultAzureCredential).toBe('function');
  });

  test("missing: Node's own error becomes one line naming what needs it and the install command", async () => {
    const missing = nodesOwnError();
    expect(missing.code).toBe('ERR_MODULE_NOT_FOUND');
    const error = await acquireToken(
      undefined,
      identityLoader(() => Promise.reject(Object.assign(new Error(missing.message), { code: missing.code }))),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `--target live without a token signs in through @azure/identity, which is not installed: run ${IDENTITY_INSTALL} (or give a token in GRAPH_ACCESS_TOKEN)`,
    );
    expect(IDENTITY_INSTALL).toBe(`npm install "@azure/identity@${IDENTITY_RANGE}"`);
  });

  test('only the package itself missing is that message: a module it fails to load is reported as it is', async () => {
    expect(
      isIdentityMissing({ code: 'ERR_MODULE_NOT_FOUND', message: "Cannot find package '@azure/identity' imported from /app/dist/src/auth/token.js" }),
    ).toBe(true);
    expect(
      isIdentityMissing({
        code: 'ERR_MODULE_NOT_FOUND',
        message: "Cannot find package '@azure/msal-node' imported from /app/node_modules/@azure/identity/x.js",
      }),
    ).toBe(false);
    const broken = new Error('boom');
    await expect(identityLoader(() => Promise.reject(broken))()).rejects.toBe(broken);
  });

  test('a credential given is used without loading @azure/identity', async () => {
    const never = () => Promise.reject(new Error('loaded'));
    await expect(acquireToken({ getToken: async () => ({ token: 't' }) }, never)).resolves.toBe('t');
  });
});
