/**
 * A message shortened for a line of its own (the terminal's check lines, report.html's "Needs attention"):
 * cut in the middle, never at the end, so that both its start (what failed) and its end survive — a
 * property check's message ends with what reproduces it, `(reproduce: --seed N; fast-check path …)`.
 * The whole message is always in results.json and in the check's row of report.html.
 */
export interface Cut {
  head: string;
  /** Characters left out between head and tail; 0 when the text is whole (then tail is empty). */
  cut: number;
  tail: string;
}

/** Fewer characters than this are never cut out: the note saying so is about as long. */
const MIN_CUT = 80;

/**
 * `text` in at most about `max` characters: whole when it fits; otherwise its head and its tail, the
 * tail starting at the last ` (` within `tailMax` of the end when there is one (a closing parenthesis
 * kept whole), else its last `tailMax / 2` characters. Never splits a surrogate pair.
 */
export function cutMiddle(text: string, max: number, tailMax = Math.floor(max / 2)): Cut {
  if (text.length <= max) return { head: text, cut: 0, tail: '' };
  const paren = text.lastIndexOf(' (', text.length - 2);
  const tailStart = whole(text, paren >= 0 && text.length - paren <= tailMax ? paren + 1 : text.length - Math.floor(tailMax / 2));
  const headEnd = whole(text, Math.max(0, max - (text.length - tailStart)));
  // A cut saves less than the note that says so would cost: whole, then.
  if (tailStart - headEnd <= MIN_CUT) return { head: text, cut: 0, tail: '' };
  return { head: text.slice(0, headEnd), cut: tailStart - headEnd, tail: text.slice(tailStart) };
}

/** An index moved off the second half of a surrogate pair, so a cut never splits a character. */
function whole(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}
