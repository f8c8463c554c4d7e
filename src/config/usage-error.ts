/** A problem with how the run was asked for: exit code 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An option as a parser declares it (node:util parseArgs's shape). */
type OptionSpec = { type: string; short?: string };

/**
 * The command line's words refused by node:util parseArgs, said in one line: an unknown option with the
 * known one it most likely meant (`unknown option --base-ur; did you mean --base-url?`), or where the
 * options are listed; an option missing its value, or a switch given one. Never parseArgs's own advice
 * about positional arguments, which is about a mistake nobody made.
 */
export function argvError(error: unknown, argv: readonly string[], options: Readonly<Record<string, OptionSpec>>, help: string): UsageError {
  const err = error as Error & { code?: string };
  const message = err.message ?? String(error);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const word = unknownWord(argv, options) ?? /'([^']+)'/.exec(message)?.[1] ?? '?';
    const meant = closestOption(word, Object.keys(options));
    return new UsageError(`unknown option ${word}; ${meant ? `did you mean --${meant}?` : `${help} lists the options`}`);
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return new UsageError(`${missing[1]} needs a value: ${missing[1]} VALUE (${help} lists the options)`);
  const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(message);
  if (ambiguous)
    return new UsageError(
      `${ambiguous[1]} needs a value, and the word after it is an option; a value that starts with a dash is written ${ambiguous[1]}=VALUE`,
    );
  const switchValue = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
  if (switchValue) return new UsageError(`${switchValue[1]} is a switch and takes no value: give ${switchValue[1]} alone`);
  // Anything else parseArgs refuses: its own words, on one line.
  return new UsageError(`${message.split('\n')[0]}; ${help} lists the options`);
}

/**
 * The first word of `argv` that is an option the parser does not know, as the user typed it (with its
 * dashes, without `=value`): parseArgs names only the first letter of `-base-url`, `-b`.
 */
function unknownWord(argv: readonly string[], options: Readonly<Record<string, OptionSpec>>): string | undefined {
  const shorts = new Set(Object.values(options).flatMap((o) => (o.short ? [o.short] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (!arg.startsWith('-') || arg === '-') continue;
    const [written] = arg.split('=', 1) as [string];
    if (written.startsWith('--')) {
      const spec = options[written.slice(2)];
      if (!spec) return written;
      // A value option's value is the next word unless given with `=`.
      if (spec.type === 'string' && !arg.includes('=')) i++;
      continue;
    }
    if (![...written.slice(1)].every((c) => shorts.has(c))) return written;
  }
  return undefined;
}

/**
 * The known option `word` most likely meant, or undefined when none is close: the same name in another
 * case or with `_` for `-`, the one option it is the start of, or the nearest by edit distance within a
 * third of its length (at most 3), the first in the list on a tie.
 */
export function closestOption(word: string, known: readonly string[]): string | undefined {
  const name = word.replace(/^-+/, '').toLowerCase().replace(/_/g, '-');
  if (name === '') return undefined;
  if (known.includes(name)) return name;
  const started = known.filter((k) => name.length >= 3 && k.startsWith(name));
  if (started.length === 1) return started[0];
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: { option: string; distance: number } | undefined;
  for (const option of known) {
    const distance = editDistance(name, option);
    if (distance <= limit && (!best || distance < best.distance)) best = { option, distance };
  }
  return best?.option;
}

/** Levenshtein distance, an adjacent swap counting as one edit (`--basre-url`). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}
