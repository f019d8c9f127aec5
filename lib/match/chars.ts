/**
 * Character classes and folding for matching. Pages mix curly and straight apostrophes, NBSPs, soft and
 * non-breaking hyphens; names must match whichever the page uses. Classes are cached per UTF-16 code unit
 * in typed arrays, so the hot loop does one array read per character and never allocates.
 */

// Plain numeric constants (not an enum object) so the hot loop compares small integers.
export const UNKNOWN = 0;
/** Letters, digits, combining marks: the inside of a word. */
export const WORD = 1;
/** Spaces and hyphens of every kind: all fold to one separator, and runs collapse. */
export const SEPARATOR_CLASS = 2;
/** Invisible characters (soft hyphen, zero-width space/joiners): skipped entirely. */
export const IGNORED = 3;
/** Everything else: punctuation and symbols, kept as themselves. */
export const PUNCTUATION = 4;
/**
 * Han, kana and Thai letters: scripts written without spaces, so every letter may start or end a name
 * ("北京" inside "在北京举行"). They count as word characters inside a name, never as its neighbours.
 */
export const UNSPACED = 5;
export type CharClass = 0 | 1 | 2 | 3 | 4 | 5;

function isUnspacedScript(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x0e00 && code <= 0x0e7f)
  );
}

/** The folded symbol every separator becomes. */
export const SEPARATOR = 0x20;
export const APOSTROPHE = 0x27;
export const DOUBLE_QUOTE = 0x22;

/** Class of each UTF-16 code unit, filled lazily (0 = not yet classified). Read directly by hot loops. */
export const CLASSES = new Uint8Array(65536);
/** Folded symbol of each code unit (valid once classified). */
export const FOLDED = new Uint16Array(65536);
const classes = CLASSES;
const folded = FOLDED;
/** 1 for lower-case letters (valid once classified): a `requireCapital` alias must not start with one. */
export const LOWER = new Uint8Array(65536);
const lower = LOWER;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

function classify(code: number): void {
  const ch = String.fromCharCode(code);
  let cls: CharClass;
  let fold = code;
  if (code >= 0xd800 && code <= 0xdfff) {
    // Halves of astral characters (emoji, rare CJK): treat as word parts without folding.
    cls = WORD;
  } else if (
    code === 0xad ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    code === 0xfeff
  ) {
    cls = IGNORED;
  } else if (
    /\s/.test(ch) ||
    code === 0x2d ||
    (code >= 0x2010 && code <= 0x2013) ||
    code === 0x2212 ||
    code === 0xfe63 ||
    code === 0xff0d
  ) {
    cls = SEPARATOR_CLASS;
    fold = SEPARATOR;
  } else if (isUnspacedScript(code)) {
    cls = UNSPACED;
  } else if (WORD_RE.test(ch)) {
    cls = WORD;
    const lowerCase = ch.toLowerCase();
    if (lowerCase.length === 1) fold = lowerCase.charCodeAt(0);
    if (ch !== ch.toUpperCase()) lower[code] = 1;
  } else {
    cls = PUNCTUATION;
    if (
      code === 0x2019 ||
      code === 0x2018 ||
      code === 0x02bc ||
      code === 0x2032 ||
      code === 0xff07
    ) {
      fold = APOSTROPHE;
    } else if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x2033) {
      fold = DOUBLE_QUOTE;
    }
  }
  classes[code] = cls;
  folded[code] = fold;
}

for (let code = 0; code < 128; code++) classify(code);

export function charClass(code: number): CharClass {
  const cls = classes[code]! as CharClass;
  if (cls !== UNKNOWN) return cls;
  classify(code);
  return classes[code]! as CharClass;
}

/**
 * The class of the last character before `at` in `text` that counts (invisible ones do not), or `none`
 * when there is none.
 */
export function classBefore(text: string, at: number, none: number): number {
  for (let j = at - 1; j >= 0; j--) {
    const cls = charClass(text.charCodeAt(j));
    if (cls !== IGNORED) return cls;
  }
  return none;
}

/** The class of the first character from `at` in `text` that counts, or `none` when there is none. */
export function classFrom(text: string, at: number, none: number): number {
  for (let j = at; j < text.length; j++) {
    const cls = charClass(text.charCodeAt(j));
    if (cls !== IGNORED) return cls;
  }
  return none;
}

/** Lower-cased, apostrophe- and separator-normalised form of one code unit. Call charClass first. */
export function foldedChar(code: number): number {
  return folded[code]!;
}

/** True for lower-case letters (call charClass first). */
export function isLowerCase(code: number): boolean {
  return lower[code] === 1;
}

/** The same normalisation as the matcher applies to pages, for one alias: folded or not. */
export function normalizeForMatch(text: string, fold: boolean): number[] {
  const out: number[] = [];
  let lastWasSeparator = true; // drop leading separators
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === IGNORED) continue;
    if (cls === SEPARATOR_CLASS) {
      if (!lastWasSeparator) out.push(SEPARATOR);
      lastWasSeparator = true;
      continue;
    }
    lastWasSeparator = false;
    const f = foldedChar(code);
    // Punctuation is folded (curly → straight) either way; only letters keep their case when not folding.
    out.push(fold || cls === PUNCTUATION ? f : code);
  }
  if (out[out.length - 1] === SEPARATOR) out.pop();
  return out;
}
