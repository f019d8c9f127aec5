/**
 * Splits article text into sentences, keeping character offsets so every sentence can be traced back to
 * (and emphasised in) the article. A line break always ends a sentence; ".", "!" and "?" end one when the
 * next word starts like a sentence — except after abbreviations such as "U.S.", "Dr." or "Jan.".
 */

// Lower-cased, without the final dot. Titles and month/weekday forms never end a sentence; "U.S."-style
// initialisms are handled by shape below.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'gen',
  'lt',
  'col',
  'capt',
  'cmdr',
  'sgt',
  'rep',
  'sen',
  'gov',
  'pres',
  'rev',
  'hon',
  'amb',
  'supt',
  'det',
  'insp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thurs',
  'fri',
  'sat',
  'sun',
  'inc',
  'corp',
  'co',
  'ltd',
  'vs',
  'etc',
  'no',
  'nos',
  'vol',
  'p',
  'pp',
  'fig',
  'approx',
  'dept',
  'est',
  'univ',
  'assn',
  'ave',
  'blvd',
  'rd',
  'sec',
]);

/** True when the word ending just before `dotIndex` is an abbreviation, so the dot does not end a sentence. */
function isAbbreviationDot(text: string, dotIndex: number): boolean {
  let start = dotIndex;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  const word = text.slice(start, dotIndex);
  if (word === '') return false;
  // Initialisms written with dots: U.S., U.K., e.g., a.m.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  // A single capital initial: "John F. Kennedy".
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

export type Span = [start: number, end: number];

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push([s, e]);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Let closing quotes and brackets stay with the sentence they close.
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text[end]!)) end++;
    if (end < text.length && !/[ \t]/.test(text[end]!)) {
      if (text[end] !== '\n') continue;
    }
    let next = end;
    while (next < text.length && /[ \t]/.test(text[next]!)) next++;
    if (next >= text.length || text[next] === '\n') {
      push(end);
      start = end;
      i = end - 1;
      continue;
    }
    const following = text[next]!;
    // A new sentence starts with a capital, a digit or an opening quote/bracket.
    if (!/[\p{Lu}\p{N}"“‘'([]/u.test(following)) continue;
    if (ch === '.' && isAbbreviationDot(text, i)) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(text.length);
  return spans;
}
