/**
 * White space folded as `s.replace(/\s+/g, ' ').trim()` folds it, without the
 * regular expression when there is nothing to fold. Most texts the snapshot
 * and the analysis fold are short and already folded ("Buy now", "$0.50", and
 * every block text again in the analysis, which the snapshot folded before):
 * one pass over the characters costs about a third of the replace once the
 * JIT has compiled it (measured in Node). Before that, on a page's first
 * calls, it can cost more (with no JIT at all, 75 characters: 14 µs against
 * 3 µs); on the benchmark's small shops the difference was lost in the noise.
 * tests/unit/engine/space.test.ts checks it against the regular expression.
 */

/** `\s` of a JavaScript regular expression (and of trim()), for a character other than U+0020. */
function isOtherSpace(c: number): boolean {
  if (c < 0xa0) return c >= 9 && c <= 13;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when folding would change nothing: no white space but single U+0020s between other characters. */
export function isFolded(s: string): boolean {
  // A space right after the start or after another space is one folding would remove.
  let afterSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (isOtherSpace(c)) return false;
    else afterSpace = false;
  }
  // A trailing space is one too.
  return !afterSpace || s.length === 0;
}

/**
 * Folds runs of white space into one space, trimmed. Trimmed first: most texts that need folding
 * need only that (a pretty-printed page's "\n    Buy now\n  ", or its white space between tags,
 * which folds to nothing), and trim() then leaves no run for the regular expression. trim() and
 * `\s` know the same white space, so the order changes nothing.
 */
export function foldSpace(s: string): string {
  if (isFolded(s)) return s;
  const t = s.trim();
  return isFolded(t) ? t : t.replace(/\s+/g, ' ');
}
