/**
 * A one-word alias inside a longer capitalised name is usually someone or something else: "Washington"
 * in "The Washington Post", "Trump" in "Melania Trump" or "Trump Tower". Such matches are dropped unless
 * the neighbouring capitalised word is a title ("Secretary Noem"), an ordinary word at a sentence start
 * ("In Washington"), a month or day, or a possessive ("El Salvador's Bukele").
 */
import { MONTHS_AND_DAYS, ORDINARY_WORDS, PERSON_TITLES } from '../words';

/** How much text on each side of a match `standsAlone` needs to see. */
export const NEIGHBOUR_CHARS = 40;

const WORD_BEFORE = /(\p{Lu}[\p{L}\p{M}.'’-]*)[ \t\n\r\u00a0]+$/u;
const WORD_AFTER = /^[ \t\n\r\u00a0]+(\p{Lu}[\p{L}\p{M}'’-]*)/u;
const POSSESSIVE_AFTER = /^['’]s?(?![\p{L}\p{N}])/u;

/** A capitalised neighbour that does not make a longer name: a title, an ordinary word, a month or day. */
export function isNeutral(word: string): boolean {
  const w = word.toLowerCase().replace(/[.]+$/, '');
  return (
    ORDINARY_WORDS.has(w) ||
    MONTHS_AND_DAYS.has(w) ||
    PERSON_TITLES.has(w) ||
    PERSON_TITLES.has(`${w}.`)
  );
}

/** The gap WORD_BEFORE and WORD_AFTER allow between a match and its neighbouring word. */
function isGap(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
}

/**
 * Whether `standsAlone` needs the text before a match, given the character right before it (NaN: none):
 * a neighbouring word counts only across a gap. Spares the caller reading text that decides nothing.
 */
export function readsBefore(previous: number): boolean {
  return isGap(previous);
}

/** Whether `standsAlone` needs the text after a match, given the character right after it (NaN: none). */
export function readsAfter(next: number): boolean {
  return isGap(next) || next === 0x27 || next === 0x2019;
}

/**
 * Whether a one-word match stands on its own, given the text just before and just after it. The regular
 * expressions run only when the first character allows them to match: this runs for most mentions.
 */
export function standsAlone(before: string, after: string): boolean {
  const prev = readsBefore(before.charCodeAt(before.length - 1))
    ? WORD_BEFORE.exec(before)?.[1]
    : undefined;
  if (prev && !/['’]s?$/u.test(prev) && !isNeutral(prev)) return false;
  const first = after.charCodeAt(0);
  if (!readsAfter(first)) return true;
  if (POSSESSIVE_AFTER.test(after)) return true;
  const next = isGap(first) ? WORD_AFTER.exec(after)?.[1] : undefined;
  return !next || isNeutral(next);
}

/**
 * A name hyphenated into another word is part of that word: "SAFE" in "SAFE-guarded", "Trump" in
 * "Trump-style". The alias itself may hold a hyphen ("MS-13"): only the text outside the match counts.
 * Two exceptions keep the mark: a capitalised word on the other side ("Trump-Vance", "Biden-Harris" —
 * names joined) and a prefix that qualifies the name ("anti-Trump", "pro-Bukele", "ex-Secretary"), because
 * the reader is reading about that name. An underscore joins a name into an identifier or handle.
 */
const HYPHEN_THEN_LOWER = /^[-\u2010\u2011][\p{Ll}]/u;
const UNDERSCORE_THEN_WORD = /^_[\p{L}\p{N}]/u;
const WORD_THEN_UNDERSCORE = /[\p{L}\p{N}]_$/u;
const WORD_THEN_HYPHEN = /([\p{L}\p{M}]+)[-\u2010\u2011]$/u;
const NAME_PREFIXES = new Set([
  'anti',
  'pro',
  'ex',
  'non',
  'post',
  'pre',
  'neo',
  'pseudo',
  'mid',
  'then',
  'un',
]);

export function joinedIntoWord(before: string, after: string): boolean {
  // "@Sec_Noem", "TRUMP_BUKELE": an underscore between word characters makes one identifier, while
  // "_Trump_" is a name in plain-text emphasis.
  if (UNDERSCORE_THEN_WORD.test(after) || WORD_THEN_UNDERSCORE.test(before)) return true;
  if (HYPHEN_THEN_LOWER.test(after)) return true;
  const prev = WORD_THEN_HYPHEN.exec(before)?.[1];
  return !!prev && /^\p{Ll}/u.test(prev) && !NAME_PREFIXES.has(prev.toLowerCase());
}

/** Whether a character (NaN: none) is one of the hyphens or the underscore `joinedIntoWord` looks at. */
export function isJoiner(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x5f;
}

/** How much text around a match `joinedIntoWord` needs. */
export const JOINER_CHARS = 12;
