/**
 * Secrets of well-known formats, recognised by a maintained rule set rather than a hand list: the rules of
 * @secretlint/secretlint-rule-preset-recommend 12.0.0 (secretlint's recommended preset, pinned exactly in
 * package.json). They cover AWS access key ids, secret access keys and account ids, PEM private keys, npm,
 * GitHub, GitLab, Slack, SendGrid, Shopify, OpenAI, Anthropic, Groq, Hugging Face, Linear, Notion,
 * 1Password, HashiCorp Vault, Vercel, Databricks, Docker Hub, Figma and Grafana tokens, Slack webhooks,
 * and credentials in database connection strings and URLs. 12.0.0 is the last release whose engines allow
 * Node 20, which this package supports; later ones add Stripe (filled by patterns.ts STRIPE_KEY meanwhile),
 * Cloudflare and Tailscale rules. Upgrading the package
 * brings its new rules in; test/scrub.test.ts says what must still be found. Where its heuristics let a
 * real secret through, patterns.ts fills the gap (PEM_PRIVATE_KEY, AWS_SECRET_ASSIGNMENT, STRIPE_KEY say which).
 *
 * Why the rules are driven here and not through @secretlint/core: core's `lintSource` is asynchronous, and
 * scrubbing is synchronous wherever something is written (recordings, results.json, junit.xml, report.html,
 * messages built on the way). A rule of the preset is `create(context, options)` returning a `file(source)`
 * handler (the rule API of @secretlint/types), and the scanners' handlers run synchronously: each is created
 * once, against a context that collects what it reports. test/scrub.test.ts checks that this finds exactly
 * what @secretlint/core finds on the same text.
 *
 * What the preset leaves to its configuration, decided here:
 * - AWS access key ids (`AKIA…`) are reported (`enableIDScanRule`): off by default because an id alone is
 *   no credential in a repository, but here it names an account's key, and goes like the key.
 * - `secretlint-disable` comments are not honoured (the filter-comments rule is not run, and `ignore` does
 *   nothing): they would come from the target's own answers, and a target cannot switch scrubbing off.
 * - The preset's built-in exceptions stay: AWS's documentation examples (`AKIAIOSFODNN7EXAMPLE`,
 *   `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`) are public, and so is anything its rules judge a placeholder.
 *
 * Every pattern of the preset is bounded (its quantifiers have upper limits, at most 10,000 for a private
 * key's body, or a run ends at a character outside its class), so one match attempt looks at a bounded
 * number of characters and a scan stays linear in the text; test/scrub.test.ts times it on 300 kB runs.
 * A rule that throws makes scrubbing throw: nothing is written half-scrubbed.
 */
import { createRequire } from 'node:module';
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import type {
  SecretLintRuleContext,
  SecretLintRuleCreator,
  SecretLintRuleReportDescriptor,
  SecretLintRuleReportHandler,
  SecretLintSourceCode,
} from '@secretlint/types';

const PRESET = '@secretlint/secretlint-rule-preset-recommend';
const { version } = createRequire(import.meta.url)(`${PRESET}/package.json`) as { version: string };

/** The rule set as installed, package and version (the fixtures check names it when it finds a secret). */
export const SECRET_RULE_SET = `${PRESET}@${version}`;

/** One secret a rule reported: which rule, what it called it, and where it stands in the text. */
export interface SecretFinding {
  /** The rule's id, e.g. `@secretlint/secretlint-rule-aws`. */
  ruleId: string;
  /** What the rule called it, e.g. `AWSSecretAccessKey`, `GITHUB_TOKEN`, `PrivateKey`. */
  messageId: string;
  /** The range the rule reported, as it reported it. */
  range: readonly [number, number];
  /** What goes: the secret the rule names, where it stands (see secretSpan). */
  start: number;
  end: number;
}

const FILTER_COMMENTS = '@secretlint/secretlint-rule-filter-comments';
const OPTIONS: Record<string, object> = { '@secretlint/secretlint-rule-aws': { enableIDScanRule: true } };

/** Reports of the scan under way: scanning is synchronous, so one collector serves every call. */
let reported: SecretLintRuleReportDescriptor[] = [];

const context: SecretLintRuleContext = {
  sharedOptions: {},
  // The message text is never shown; the message id and the rule's data (the secret it found) are what count.
  createTranslator: () => (messageId, props) => ({ message: String(messageId), messageId: String(messageId), data: props }),
  report: (descriptor) => void reported.push(descriptor),
  ignore: () => {},
};

let handlers: { id: string; handler: SecretLintRuleReportHandler }[] | undefined;

function ruleHandlers(): { id: string; handler: SecretLintRuleReportHandler }[] {
  handlers ??= (presetRules as SecretLintRuleCreator<object>[])
    .filter((rule) => rule.meta.type === 'scanner' && rule.meta.id !== FILTER_COMMENTS)
    .map((rule) => ({ id: rule.meta.id, handler: rule.create(context, OPTIONS[rule.meta.id] ?? {}) }));
  return handlers;
}

/** The ids of the rules that run. */
export function secretRuleIds(): string[] {
  return ruleHandlers().map((h) => h.id);
}

/** The text as the rules see it. Positions are for rules that report by line; no scanner of the preset does. */
function sourceOf(content: string): SecretLintSourceCode {
  let starts: number[] | undefined;
  const lineStarts = (): number[] => {
    if (starts === undefined) {
      starts = [0];
      for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    return starts;
  };
  const indexToPosition = (index: number): { line: number; column: number } => {
    const starts = lineStarts();
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= index) line++;
    return { line: line + 1, column: index - starts[line]! };
  };
  const positionToIndex = ({ line, column }: { line: number; column: number }): number => (lineStarts()[line - 1] ?? content.length) + column;
  return {
    hasBOM: false,
    content,
    filePath: undefined,
    physicalFilePath: undefined,
    contentType: 'text',
    // No extension: the rules that read whole files of a kind (a GCP key file, a .p12) have none to read.
    ext: '',
    getFilePath: () => undefined,
    getPhysicalFilePath: () => undefined,
    indexToPosition,
    positionToIndex,
    rangeToLocation: ([start, end]) => ({ start: indexToPosition(start), end: indexToPosition(end) }),
    locationToRange: ({ start, end }) => [positionToIndex(start), positionToIndex(end)],
  };
}

/** A datum this short is no secret worth locating on its own (it could be found inside the name before it). */
const LOCATABLE = 8;
/** How far from a match's start its secret may stand (past a name, quotes and white space). */
const REACH = 1024;

/**
 * What goes for one report. A rule names the secret it found in its message data (TOKEN, KEY, ID, URI,
 * CREDENTIAL; GitHub's also says which kind); for most rules that is exactly the reported range. A few
 * report the start of the whole match with the length of the secret inside it (the AWS secret access key
 * after `aws_secret_access_key=`, an npm `_authToken=`, a token in an `x-oauth-basic` URL): there the
 * range would cut the secret in two, so the secret is located near the range's start instead, and the name
 * before it stays. Looking no further than REACH keeps this linear, whatever the rules report.
 */
function secretSpan(content: string, descriptor: SecretLintRuleReportDescriptor): [number, number] {
  const [start, end] = descriptor.range;
  const data = Object.values((descriptor.message.data ?? {}) as Record<string, unknown>);
  const values = data.filter((value): value is string => typeof value === 'string' && value !== '');
  if (values.length === 0 || values.includes(content.slice(start, end))) return [start, end];
  for (const value of values) {
    const at = content.slice(start, Math.max(end, start + REACH) + value.length).indexOf(value);
    if (at === -1) continue;
    const [from, to] = [start + at, start + at + value.length];
    return value.length >= LOCATABLE ? [from, to] : [Math.min(start, from), Math.max(end, to)];
  }
  return [start, end];
}

/** Every secret the rules report in `text`, in order of position. */
export function findSecrets(text: string): SecretFinding[] {
  if (text === '') return [];
  const source = sourceOf(text);
  const found: SecretFinding[] = [];
  for (const { id, handler } of ruleHandlers()) {
    reported = [];
    const answer = handler.file?.(source);
    if (answer !== undefined && typeof (answer as Promise<void>).then === 'function') {
      // Nothing here can wait for it: a rule that became asynchronous must fail loudly, never be skipped.
      (answer as Promise<void>).then(undefined, () => {});
      throw new Error(`${id} (${SECRET_RULE_SET}) answered asynchronously; the scrubber runs rules synchronously and cannot use it`);
    }
    for (const descriptor of reported) {
      const [start, end] = secretSpan(text, descriptor);
      found.push({ ruleId: id, messageId: descriptor.message.messageId, range: [descriptor.range[0], descriptor.range[1]], start, end });
    }
  }
  reported = [];
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** `text` with every secret the rules report replaced by `replacement` (overlapping ones as one). */
export function redactKnownSecrets(text: string, replacement: string): string {
  const found = findSecrets(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of found) {
    if (end <= at) continue;
    if (start >= at) out += `${text.slice(at, start)}${replacement}`;
    at = end;
  }
  return out + text.slice(at);
}
