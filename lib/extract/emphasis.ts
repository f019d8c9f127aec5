/**
 * Capitals written for emphasis are not an acronym: "keep our border SAFE and SECURE" says nothing about
 * the SAFE task force. A one-word all-capital match that spells an ordinary English word, with an all-capital
 * ordinary word next to it in the same phrase (a short lower-case word may sit between: "and", "or"),
 * is emphasis. A
 * neighbour that is no English word keeps the match: "ICE and CBP agents", "the FBI said".
 *
 * Used when the index is built (lib/extract/build.ts), where the dictionary is at hand: the cards then
 * never quote such a sentence about the name.
 */
import type { English } from './english';

const WORD = /[\p{L}\p{M}'’]+/gu;
/** How far on each side the neighbours are looked for. */
const NEIGHBOUR_CHARS = 60;
const PUNCTUATION = /[:;,.!?()[\]"“”]/u;
const isAllCapitals = (word: string) => /^\p{Lu}[\p{Lu}'’]+$/u.test(word);
const isShortLowerCase = (word: string) => word.length <= 3 && /^\p{Ll}+$/u.test(word);

/** The nearest word on one side, or the one past it when the nearest is short and lower-case. */
function neighbour(words: string[]): string | undefined {
  const [first, second] = words;
  return first !== undefined && isShortLowerCase(first) ? second : first;
}

export function isEmphasis(text: string, start: number, end: number, english: English): boolean {
  const emphatic = (w: string | undefined) =>
    w !== undefined && w.length >= 3 && isAllCapitals(w) && english.isOrdinary(w);
  const matched = text.slice(start, end).match(WORD) ?? [];
  // One word only: a name of several words in capitals is a heading ("THE WHITE HOUSE", "BY JOHN
  // SMITH"), still about the name.
  if (matched.length !== 1 || !emphatic(matched[0])) return false;
  // Punctuation ends the phrase: "HOAX: WIRED falsely claimed" is a label, then the magazine.
  const before = text
    .slice(Math.max(0, start - NEIGHBOUR_CHARS), start)
    .split(PUNCTUATION)
    .at(-1)!;
  const after = text.slice(end, end + NEIGHBOUR_CHARS).split(PUNCTUATION)[0]!;
  return (
    emphatic(neighbour((before.match(WORD) ?? []).reverse())) ||
    emphatic(neighbour(after.match(WORD) ?? []))
  );
}
