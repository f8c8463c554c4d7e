/**
 * A bearer token for a live run: the one given (--token / GRAPH_ACCESS_TOKEN), or one from
 * @azure/identity's DefaultAzureCredential (client secret or certificate from the environment,
 * workload identity federation in CI, managed identity, or the Azure CLI's sign-in). It lives in memory
 * only; scrubbing keeps it out of recordings and reports.
 */
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { UsageError } from '../config/usage-error.js';
import { requiredPermission } from '../openapi/permissions.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export async function acquireToken(credential: TokenCredential = new DefaultAzureCredential()): Promise<string> {
  let failure: string;
  try {
    const token = await credential.getToken(GRAPH_SCOPE);
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
