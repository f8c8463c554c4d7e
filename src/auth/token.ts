/**
 * A bearer token for a live run: the one given (--token / GRAPH_ACCESS_TOKEN), or one from
 * @azure/identity's DefaultAzureCredential (client secret or certificate from the environment,
 * workload identity federation in CI, managed identity, or the Azure CLI's sign-in). It lives in memory
 * only; scrubbing keeps it out of recordings and reports.
 *
 * @azure/identity is an optional peer dependency (28 MB a mock user never needs): it is loaded here, and
 * only here, when a live run has no token. Missing, the run stops with a usage error naming the command
 * that installs it.
 */
import { UsageError } from '../config/usage-error.js';
import { requiredPermission } from '../openapi/permissions.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** The range package.json's peerDependencies give @azure/identity (test/action-bundle.test.ts holds them equal). */
export const IDENTITY_RANGE = '^4.13.0';
export const IDENTITY_INSTALL = `npm install "@azure/identity@${IDENTITY_RANGE}"`;

/** What the run asks of a credential: @azure/identity's TokenCredential, without needing its types. */
export interface TokenSource {
  getToken(scope: string): Promise<{ token: string } | null>;
}

/** The part of @azure/identity a live run uses. */
export interface Identity {
  DefaultAzureCredential: new () => TokenSource;
}

export type IdentityLoader = () => Promise<Identity>;

/** A loader of @azure/identity through `importer`: a usage error naming the install command when the package is not installed. */
export function identityLoader(importer: () => Promise<unknown> = () => import('@azure/identity')): IdentityLoader {
  return async () => {
    try {
      return (await importer()) as Identity;
    } catch (error) {
      if (isIdentityMissing(error)) throw identityMissing();
      throw error;
    }
  };
}

/** @azure/identity, imported only when called. */
export const loadIdentity: IdentityLoader = identityLoader();

/** The package itself is missing (not a module it imports): ERR_MODULE_NOT_FOUND naming it. */
export function isIdentityMissing(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && /['"]@azure\/identity['"]/.test(e.message ?? '');
}

export function identityMissing(): UsageError {
  return new UsageError(
    `--target live without a token signs in through @azure/identity, which is not installed: run ${IDENTITY_INSTALL} (or give a token in GRAPH_ACCESS_TOKEN)`,
  );
}

export async function acquireToken(credential?: TokenSource, load: IdentityLoader = loadIdentity): Promise<string> {
  const source = credential ?? new (await load()).DefaultAzureCredential();
  let failure: string;
  try {
    const token = await source.getToken(GRAPH_SCOPE);
    if (token?.token) return token.token;
    failure = 'the credential returned no token';
  } catch (error) {
    failure = firstLine((error as Error).message ?? String(error));
  }
  throw new UsageError(`--target live: no token (${failure}).\n${credentialHelp()}`);
}

/** What to set, and which permission the app needs, as the project's decision create-permissions records it. */
export function credentialHelp(): string {
  return [
    'Give the run a Microsoft Graph token in one of these ways:',
    '  --token TOKEN or GRAPH_ACCESS_TOKEN                      a token you already have',
    '  AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET   an app registration with a client secret',
    '  AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_CERTIFICATE_PATH   … or with a certificate',
    '  AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_FEDERATED_TOKEN_FILE      workload identity federation (CI)',
    '  az login --allow-no-subscriptions                         your own sign-in through the Azure CLI',
    `The app or user needs ${requiredPermission()}.`,
  ].join('\n');
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 300);
}
