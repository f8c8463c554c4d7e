/**
 * Secrets of well-known formats, planted by the scrubbing tests (test/scrub.test.ts,
 * test/secrets-on-disk.test.ts). Each has the exact shape its format has, so the rule set recognises it,
 * and is made of a planted word and filler, so it names nothing real. Tokens are assembled from parts at
 * run time, so that this file itself holds no whole token for a repository's secret scanning to stop on;
 * the private keys are generated afresh for each run.
 */
import { generateKeyPairSync } from 'node:crypto';

const FILLER = 'x9K2mQ7vR4tZ8wL3nB6cJ1hF5dS0gYpE';

/** `word`, then filler, to exactly `length` characters. */
function fill(word: string, length: number): string {
  let text = word;
  while (text.length < length) text += FILLER;
  return text.slice(0, length);
}

const join = (...parts: string[]): string => parts.join('');

export const JWT_TOKEN = join(
  'eyJhbGciOiJSUzI1NiIsImtpZCI6InBsYW50ZWQifQ',
  '.',
  'eyJzdWIiOiJwbGFudGVkLXN1YmplY3QifQ',
  '.',
  'cGxhbnRlZC1zaWduYXR1cmUtb2YtdGhlLWp3dA',
);

/** Planted tokens and keys by kind; each kind's rule (or pattern) must find it under any name. */
export const PLANTED_TOKENS = {
  'aws-access-key-id': join('AK', 'IA', fill('QPLANTED', 16).toUpperCase()),
  // 40 characters ending in a digit: the rule set finds it by value after its name
  'aws-secret-access-key': fill('PlAnTeDaWsSeCrEt', 39) + '7',
  // ...and one ending in `/`, which the rule set's `\b` misses: found by name only
  'aws-secret-access-key-slash': fill('PlAnTeDaWsSlAsH', 39) + '/',
  'github-token': join('gh', 'p_', fill('PlAnTeDgItHuB', 36)),
  'github-fine-grained-token': join('github', '_pat_', fill('11PlAnTeDfInEgRaInEd_', 82)),
  'slack-token': join('xo', 'xb-', '1234567890123-1234567890123-', fill('PlAnTeDsLaCk', 24)),
  'slack-webhook': join('https://hooks.sl', 'ack.com/services/T', fill('PLANTED1', 10), '/B', fill('PLANTED2', 10), '/', fill('PlAnTeDhOoK', 24)),
  'npm-token': join('np', 'm_', fill('PlAnTeDnPm', 36)),
  'openai-key': join('sk-', 'proj-', fill('PlAnTeDoPeNaI', 74), 'T3Blbk', 'FJ', fill('PlAnTeDoPeNaI2', 74)),
  'anthropic-key': join('sk-', 'ant-api03-', fill('PlAnTeDaNtHrOpIc', 93), 'AA'),
  'sendgrid-key': join('S', 'G.', fill('PlAnTeDsEnDgRiD', 22), '.', fill('PlAnTeDsEnDgRiD2', 43)),
  'stripe-key': join('sk', '_live_', fill('PlAnTeDsTrIpE', 32)),
  'gitlab-token': join('gl', 'pat-', fill('PlAnTeDgItLaB', 20)),
  jwt: JWT_TOKEN,
} as const;

export type PlantedTokenKind = keyof typeof PLANTED_TOKENS;

/** PEM private keys of several kinds, generated for this run (small sizes: they only need the shape). */
export function plantedPrivateKeys(): Record<'rsa' | 'ec' | 'ed25519' | 'encrypted', string> {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  return {
    rsa: rsa.export({ type: 'pkcs1', format: 'pem' }) as string,
    ec: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string,
    ed25519: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    encrypted: rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'planted-passphrase' }) as string,
  };
}

/**
 * What must not survive of a planted value: the whole, and its head and tail (a redaction that cut a secret
 * in two leaves one of them); for a PEM key, every line of its base64 as well.
 */
export function fragmentsOf(value: string): string[] {
  if (value.includes('PRIVATE KEY-----')) {
    const lines = value.split('\n').filter((line) => line !== '' && !line.startsWith('-----') && !line.includes(':'));
    return [value, ...lines.map((line) => line.slice(0, 24)), ...lines.map((line) => line.slice(-16))];
  }
  return [value, value.slice(0, 16), value.slice(-12)];
}
