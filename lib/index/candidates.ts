/**
 * Finds name candidates in one article: runs of capitalised words with their connectors ("Tren de Aragua",
 * "Department of Homeland Security"), acronyms ("MS-13", "CECOT", "U.S."), parenthetical definitions
 * ("Terrorism Confinement Center (CECOT)"), with possessives stripped and role titles split off
 * ("Homeland Security Secretary Kristi Noem" → role + person). Each candidate keeps the context clues
 * that later decide its type.
 */
import {
  CONNECTORS,
  MONTHS_AND_DAYS,
  ORDINARY_WORDS,
  PERSON_TITLES,
  PLACES,
  SPEECH_VERBS,
  TYPE_BY_FOLLOWING_NOUN,
} from './lexicon';
import type { BlockKind } from './markdown';
import type { Span } from './sentences';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** "Salvador's" is stored as "Salvador" with possessive = true. */
  possessive: boolean;
  isWord: boolean;
}

export interface Candidate {
  surface: string;
  words: string[];
  start: number;
  end: number;
  sentenceIndex: number;
  isAcronym: boolean;
  /** The role title written before a person's name ("President", "Homeland Security Secretary"). */
  role?: string;
  /** The name as written with its title ("President Trump"). */
  titledForm?: string;
  /** "MS-13 gang" → "gang". */
  followingNoun?: string;
  /** The lower-case word just before the name ("in", "to", "from"). */
  previousWord?: string;
  speechVerbAfter: boolean;
  afterAccordingTo: boolean;
  /** For "Terrorism Confinement Center (CECOT)": the acronym defined right after the name. */
  definesAcronym?: string;
  /** Found inside a role phrase ("Department of Homeland Security" in "… Secretary Kristi Noem"). */
  fromRolePrefix: boolean;
}

const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-‑'’.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*|[^\s]/gu;
const POSSESSIVE_RE = /['’]s$|(?<=s)['’]$/u;

export function tokenize(text: string, span: Span): Token[] {
  const [from, to] = span;
  const slice = text.slice(from, to);
  const tokens: Token[] = [];
  for (const m of slice.matchAll(TOKEN_RE)) {
    let word = m[0];
    const start = from + m.index;
    let possessive = false;
    const p = POSSESSIVE_RE.exec(word);
    if (p && word.length > p[0].length + 1) {
      word = word.slice(0, -p[0].length);
      possessive = true;
    }
    // A trailing dot belongs to the word only for initialisms ("U.S."), matched above.
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      possessive,
      isWord: /[\p{L}\p{N}]/u.test(word[0]!),
    });
  }
  return tokens;
}

export function isAcronym(word: string): boolean {
  if (/^(?:\p{Lu}\.){2,}$/u.test(word)) return true;
  if (!/^\p{Lu}[\p{Lu}\p{N}&]*(?:-[\p{Lu}\p{N}]+)*$/u.test(word)) return false;
  const letters = word.replace(/[^\p{Lu}]/gu, '').length;
  return letters >= 2 || (letters >= 1 && /\p{N}/u.test(word));
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function lower(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

function isTitleWord(word: string): boolean {
  return PERSON_TITLES.has(word.toLowerCase()) || PERSON_TITLES.has(lower(word));
}

/**
 * Headlines and menus in Title Case carry no signal: ordinary words are capitalised too ("Obama Admits
 * Gun Laws Are His Biggest Frustration"). A sentence dense with real names is not one of them.
 */
function isTitleCase(tokens: Token[], lowercaseWords: Set<string>): boolean {
  const long = tokens.filter((t) => t.isWord && t.text.length > 3 && !/^\p{N}/u.test(t.text));
  if (long.length < 4) return false;
  const caps = long.filter((t) => isCapitalised(t.text));
  const ordinaryCaps = caps.filter((t) => lowercaseWords.has(t.text.toLowerCase())).length;
  return caps.length / long.length >= 0.75 && ordinaryCaps >= 2;
}

/** Demonyms and adjectives ("Venezuelan", "Nazi", "Americans") are not entities in themselves. */
function looksLikeDemonym(word: string): boolean {
  return /(?:an|ans|ian|ians|ese|ish|i|is)$/u.test(word) && !PLACES.has(word);
}

export interface ArticleText {
  text: string;
  sentences: Span[];
  /** The kind of block each sentence sits in (headings are read as headlines). */
  kinds?: BlockKind[];
}

/**
 * @param lowercaseWords words seen in lower case anywhere in the corpus: a sentence-initial "Despite"
 *   is ordinary if "despite" occurs too.
 */
export function findCandidates(article: ArticleText, lowercaseWords: Set<string>): Candidate[] {
  const out: Candidate[] = [];
  article.sentences.forEach((span, sentenceIndex) => {
    const tokens = tokenize(article.text, span);
    if (isTitleCase(tokens, lowercaseWords)) return;
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (!isNameWord(t)) {
        i++;
        continue;
      }
      // Extend the run: name words, with connectors only between two name words.
      let j = i;
      while (!tokens[j]!.possessive) {
        let k = j + 1;
        while (k < tokens.length && k - j <= 2 && CONNECTORS.has(tokens[k]!.text)) k++;
        const next = tokens[k];
        if (!next || !isNameWord(next) || next.start - tokens[k - 1]!.end > 1) break;
        if (k - j > 1 && (isAcronym(next.text) || MONTHS_AND_DAYS.has(next.text.toLowerCase())))
          break;
        j = k;
      }
      emitRun(article.text, tokens, i, j, sentenceIndex, lowercaseWords, out);
      i = j + 1;
    }
  });
  return out;
}

function isNameWord(t: Token): boolean {
  return t.isWord && (isCapitalised(t.text) || isAcronym(t.text)) && t.text !== 'I';
}

function emitRun(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  sentenceIndex: number,
  lowercaseWords: Set<string>,
  out: Candidate[],
): void {
  let first = from;
  // Sentence-initial (or quote-initial) ordinary words: "These deportees", "Despite this".
  const atSentenceStart = from === 0 || (from === 1 && !tokens[0]!.isWord);
  while (first <= to) {
    const w = tokens[first]!.text;
    const lw = w.toLowerCase();
    const ordinary =
      ORDINARY_WORDS.has(lw) ||
      (atSentenceStart &&
        first === from &&
        lowercaseWords.has(lw) &&
        !isTitleWord(w) &&
        !PLACES.has(w));
    if (!ordinary) break;
    first++;
  }
  while (first <= to && CONNECTORS.has(tokens[first]!.text)) first++;
  if (first > to) return;

  // Split a role title from the name that follows it: the last title word with a name after it.
  let titleAt = -1;
  for (let k = to - 1; k >= first; k--) {
    if (isTitleWord(tokens[k]!.text) && !CONNECTORS.has(tokens[k + 1]!.text)) {
      titleAt = k;
      break;
    }
  }
  if (titleAt < 0 && isTitleWord(tokens[to]!.text)) return; // "the President", "Homeland Security Secretary"

  const context = contextOf(tokens, from, to);
  if (titleAt >= 0) {
    const nameFrom = titleAt + 1;
    // Where the role begins: titles and the words qualifying them ("Homeland Security Secretary").
    let roleFrom = titleAt;
    while (roleFrom > first && isTitleWord(tokens[roleFrom - 1]!.text)) roleFrom--;
    const prefixEnd = roleFrom - 1;
    if (prefixEnd >= first) {
      // "Department of Homeland Security" before "Secretary": an entity of its own, part of the role.
      pushCandidate(text, tokens, first, prefixEnd, sentenceIndex, out, {
        ...context,
        speechVerbAfter: false,
        followingNoun: undefined,
        fromRolePrefix: true,
      });
    }
    const role = text.slice(tokens[first]!.start, tokens[titleAt]!.end);
    const titledFrom = prefixEnd >= first ? roleFrom : first;
    pushCandidate(text, tokens, nameFrom, to, sentenceIndex, out, {
      ...context,
      role,
      titledForm: text.slice(tokens[titledFrom]!.start, tokens[to]!.end),
    });
    return;
  }
  pushCandidate(text, tokens, first, to, sentenceIndex, out, context);
}

type Context = Pick<
  Candidate,
  'followingNoun' | 'previousWord' | 'speechVerbAfter' | 'afterAccordingTo' | 'definesAcronym'
> & { role?: string; titledForm?: string; fromRolePrefix?: boolean };

function contextOf(tokens: Token[], from: number, to: number): Context {
  const prev = tokens[from - 1];
  const prev2 = tokens[from - 2];
  const context: Context = {
    previousWord: prev && prev.isWord && !isCapitalised(prev.text) ? prev.text : undefined,
    speechVerbAfter: false,
    afterAccordingTo: prev?.text === 'to' && prev2?.text.toLowerCase() === 'according',
  };
  // "(CECOT)" right after the name defines its acronym.
  const open = tokens[to + 1];
  const inner = tokens[to + 2];
  const close = tokens[to + 3];
  if (open?.text === '(' && inner && close?.text === ')' && isAcronym(inner.text)) {
    context.definesAcronym = inner.text;
  }
  // A lower-case noun within two words after the name: "Tren de Aragua terrorist organization".
  const after = context.definesAcronym ? to + 4 : to + 1;
  if (!tokens[to]!.possessive) {
    for (let k = after; k < Math.min(after + 2, tokens.length); k++) {
      const w = tokens[k]!;
      if (!w.isWord || isCapitalised(w.text)) break;
      if (TYPE_BY_FOLLOWING_NOUN[w.text]) {
        context.followingNoun = w.text;
        break;
      }
    }
    // "Trump wrote", "Bukele has acknowledged"
    for (let k = after; k < Math.min(after + 3, tokens.length); k++) {
      const w = tokens[k]!.text.toLowerCase();
      if (SPEECH_VERBS.has(w)) {
        context.speechVerbAfter = true;
        break;
      }
      if (
        !['has', 'had', 'have', 'also', 'later', 'has', 'then', 'previously', 'recently'].includes(
          w,
        )
      )
        break;
    }
  }
  return context;
}

function pushCandidate(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  sentenceIndex: number,
  out: Candidate[],
  context: Context,
): void {
  while (to > from && CONNECTORS.has(tokens[to]!.text)) to--;
  const words = tokens.slice(from, to + 1).map((t) => t.text);
  if (words.length === 1) {
    const w = words[0]!;
    const lw = w.toLowerCase();
    if (w.length < 2 || MONTHS_AND_DAYS.has(lw) || ORDINARY_WORDS.has(lw)) return;
    if (!isAcronym(w) && looksLikeDemonym(w)) return;
  }
  if (words.every((w) => MONTHS_AND_DAYS.has(w.toLowerCase()) || /^\p{N}/u.test(w))) return;
  // "Central American leader", "Nazi concentration camps": adjectives, not names.
  if (!isAcronym(words[words.length - 1]!) && looksLikeDemonym(words[words.length - 1]!)) return;
  const start = tokens[from]!.start;
  const end = tokens[to]!.end;
  out.push({
    surface: text.slice(start, end),
    words,
    start,
    end,
    sentenceIndex,
    isAcronym: words.length === 1 && isAcronym(words[0]!),
    role: context.role,
    titledForm: context.titledForm,
    followingNoun: context.followingNoun,
    previousWord: context.previousWord,
    speechVerbAfter: context.speechVerbAfter,
    afterAccordingTo: context.afterAccordingTo,
    definesAcronym: context.definesAcronym,
    fromRolePrefix: context.fromRolePrefix ?? false,
  });
}
