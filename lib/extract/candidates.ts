/**
 * Finds name candidates in one article: runs of capitalised words with their connectors ("Tren de Aragua",
 * "Department of Homeland Security"), acronyms ("MS-13", "CECOT", "U.S."), parenthetical definitions
 * ("Terrorism Confinement Center (CECOT)"), with possessives stripped and role titles split off
 * ("Homeland Security Secretary Kristi Noem" → role + person). Each candidate keeps the context clues
 * that later decide its type.
 */
import { NO_ENGLISH, type English } from './english';
import {
  CONNECTORS,
  GIVEN_NAMES,
  MONTHS_AND_DAYS,
  ORDINARY_WORDS,
  PERSON_TITLES,
  PLACES,
  SPEECH_VERBS,
  TYPE_BY_FOLLOWING_NOUN,
  TYPE_BY_HEAD_WORD,
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
  /**
   * One ordinary word in capitals ("DOWN by 93%", "SAFE"): an acronym only where the articles spell it
   * out (merged with its long form), else shouting.
   */
  shoutedWord: boolean;
  /** The role title written before a person's name ("President", "Homeland Security Secretary"). */
  role?: string;
  /** The name as written with its title ("President Trump"). */
  titledForm?: string;
  /** "MS-13 gang" → "gang". */
  followingNoun?: string;
  /** "Toledo, Ohio": a name followed by a comma and a known place is a place. */
  beforePlace?: boolean;
  /** The head noun of an appositive after the name: "Amnesty International, a … rights group" → "group". */
  appositiveNoun?: string;
  /** The lower-case word just before the name ("in", "to", "from"). */
  previousWord?: string;
  speechVerbAfter: boolean;
  afterAccordingTo: boolean;
  /** For "Terrorism Confinement Center (CECOT)": the acronym defined right after the name. */
  definesAcronym?: string;
  /** Found inside a role phrase ("Department of Homeland Security" in "… Secretary Kristi Noem"). */
  fromRolePrefix: boolean;
  /** Every word is an ordinary English word ("Federal Reserve", "Golden Age"): a name only if repeated. */
  allOrdinary: boolean;
  /** Shaped like a person's name: a given name, or capitalised words no dictionary knows. */
  personShape: boolean;
  /** Starts with a given name ("Kristi", "Lotfi" is not one; "Georgia" and "Temple" are not either). */
  givenNameFirst: boolean;
  /** A lower-case role noun right before the name ("skipper Wade Bassi", "analyst Tom Forte"). */
  afterRoleNoun: boolean;
  /** The dictionary lists the (one-word) name as a proper noun: a name even when mentioned once. */
  knownName: boolean;
}

const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-‑'’.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*|[^\s]/gu;
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

/** "II", "VI", "XIV": a number ("Title VI", "World War II"), not a word with an initial. */
export const isRomanNumeral = (w: string) => /^(?=[IVXL]{2,})X{0,3}(?:IX|IV|V?I{0,3})$/.test(w);

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
  // A long sentence that ends like one is prose, however many titles and names it holds.
  const words = tokens.filter((t) => t.isWord).length;
  if (words > 16 && /[.!?:"”]$/.test(tokens[tokens.length - 1]?.text ?? '')) return false;
  const long = tokens.filter((t) => t.isWord && t.text.length > 3 && !/^\p{N}/u.test(t.text));
  // "ILLEGAL ALIEN POPULATION IN THE UNITED STATES": a heading in capitals.
  const shouted = long.filter(
    (t) => /^[\p{Lu}\p{N}.'’-]+$/u.test(t.text) && /\p{Lu}{2}/u.test(t.text),
  );
  if (long.length >= 3 && shouted.length / long.length >= 0.75) return true;
  if (long.length < 4) return false;
  const caps = long.filter((t) => isCapitalised(t.text));
  const ordinaryCaps = caps.filter((t) => lowercaseWords.has(t.text.toLowerCase())).length;
  return caps.length / long.length >= 0.75 && ordinaryCaps >= 2;
}

/** Demonyms and adjectives ("Venezuelan", "Nazi", "Americans") are not entities in themselves. */
function looksLikeDemonym(shoutedOrNot: string, english: English): boolean {
  // "AMERICAN PEOPLE" in a heading is "American People".
  const word = /^\p{Lu}{2,}$/u.test(shoutedOrNot)
    ? shoutedOrNot.charAt(0) + shoutedOrNot.slice(1).toLowerCase()
    : shoutedOrNot;
  if (PLACES.has(word)) return false;
  if (/(?:an|ans|ese|ish|ist|ists)$/u.test(word)) return true;
  // "Israeli", "Pakistanis" are adjectives the dictionary knows; "Bondi", "Lourimi" are surnames.
  return /(?:i|is)$/u.test(word) && english.isProperNoun(word.replace(/s$/u, ''));
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
export function findCandidates(
  article: ArticleText,
  lowercaseWords: Set<string>,
  english: English = NO_ENGLISH,
): Candidate[] {
  const out: Candidate[] = [];
  const ctx: RunContext = { text: article.text, lowercaseWords, english, out };
  article.sentences.forEach((span, sentenceIndex) => {
    const tokens = tokenize(article.text, span);
    if (article.kinds?.[sentenceIndex] === 'heading' || isTitleCase(tokens, lowercaseWords)) {
      // Headlines capitalise ordinary words: only acronyms and known places are trusted there.
      return;
    }
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (!isNameWord(t)) {
        i++;
        continue;
      }
      // "Mr. de Blasio", "de Miranda says": a name particle before the first capitalised word.
      const particle = tokens[i - 1];
      if (
        particle &&
        PARTICLES.has(particle.text) &&
        t.start - particle.end === 1 &&
        !(tokens[i - 2] && isNameWord(tokens[i - 2]!) && !isTitleWord(tokens[i - 2]!.text))
      )
        i--;
      // Extend the run: name words, with connectors only between two name words.
      let j = i;
      while (!tokens[j]!.possessive || pluralPossessiveInName(tokens, j, ctx)) {
        let k = j + 1;
        while (k < tokens.length && k - j <= 2 && CONNECTORS.has(tokens[k]!.text)) k++;
        // "and" joins two halves of one organisation's or law's name, never two names.
        if (k === j + 1 && (tokens[k]?.text === 'and' || tokens[k]?.text === '&')) {
          if (!joinsAcrossAnd(tokens, i, j, k + 1, english)) break;
          k++;
        }
        const next = tokens[k];
        if (
          !next ||
          !isNameWord(next) ||
          next.start - tokens[k - 1]!.end > 1 + possessiveLength(ctx.text, tokens[k - 1]!)
        )
          break;
        if (k - j > 1 && (isAcronym(next.text) || MONTHS_AND_DAYS.has(next.text.toLowerCase())))
          break;
        // "Mohammed bin Salman of the Kingdom of Saudi Arabia", "Kristi Noem on Face the Nation": a
        // person's name ends before "of" or "on".
        if (k - j > 1 && j > i && (tokens[j + 1]!.text === 'of' || tokens[j + 1]!.text === 'on')) {
          let name = i;
          while (name < j && isTitleWord(tokens[name]!.text)) name++;
          if (looksLikePerson(tokens, name, j, ctx)) break;
        }
        j = k;
        if (numberedAfter(tokens, j)) {
          j++;
          break;
        }
      }
      if (j === i && numberedAfter(tokens, j)) j++;
      emitRun(ctx, tokens, i, j, sentenceIndex);
      i = j + 1;
    }
  });
  return out;
}

/** "(R-TX)", "(D-NY)": a member of Congress's party and state. */
const PARTY_TAG = /^[RDI]-\p{Lu}{2}$/u;

/** "Aurora, CO", "Providence, RI": a town before its state's postal code is a place. */
const US_STATE_CODES = new Set(
  `AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND
  OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC`.split(/\s+/),
);

/** "Executive Order 13224", "Proclamation 10903": a numbered order keeps its number (the next token). */
function numberedAfter(tokens: Token[], at: number): boolean {
  const num = tokens[at + 1];
  return (
    !!num &&
    /^\d+$/.test(num.text) &&
    num.start === tokens[at]!.end + 1 &&
    ['order', 'proclamation', 'resolution', 'directive'].includes(tokens[at]!.text.toLowerCase())
  );
}

/** What follows a person's or a company's name after a comma. */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'esq', 'inc', 'llc', 'ltd', 'corp', 'co', 'plc']);

/** The length of the possessive ending a token lost in `tokenize` ("’s", "’"), if it is one. */
function possessiveLength(text: string, t: Token): number {
  return t.possessive ? /^['’]s?/u.exec(text.slice(t.end))![0].length : 0;
}

/** Plurals that do not end in "s", whose possessive ("People’s") is often part of a name. */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'women', 'men']);

/**
 * A plural common noun's possessive inside a name ("People’s Republic of China", "Children’s National
 * Hospital") does not end it, unlike a name's ("Trump’s America") or a singular noun's ("the President’s
 * Executive Order"): the next name word must follow it directly. (A plural in "s" keeps its apostrophe
 * apart — "Veterans’ Affairs" — and is tokenised as the end of a run, as before.)
 */
function pluralPossessiveInName(tokens: Token[], at: number, ctx: RunContext): boolean {
  const t = tokens[at]!;
  const next = tokens[at + 1];
  return (
    !!next &&
    isNameWord(next) &&
    IRREGULAR_PLURALS.has(t.text.toLowerCase()) &&
    /^['’]s $/u.test(ctx.text.slice(t.end, next.start))
  );
}

interface RunContext {
  text: string;
  lowercaseWords: Set<string>;
  english: English;
  out: Candidate[];
}

/** Org and law heads that "X and Y …" ends with when it is one name ("Immigration and Customs Enforcement"). */
const AND_NAME_HEADS = new Set([
  ...Object.entries(TYPE_BY_HEAD_WORD)
    .filter(([, t]) => t === 'organization' || t === 'law' || t === 'program')
    .map(([w]) => w),
  'enforcement',
  'development',
  'budget',
  'affairs',
  'protection',
  'prevention',
  'control',
  'research',
  'technology',
  'welfare',
  'relations',
]);

function runEnd(tokens: Token[], from: number): number {
  let end = from;
  while (end + 1 < tokens.length && !tokens[end]!.possessive) {
    let k = end + 1;
    while (k < tokens.length && k - end <= 2 && CONNECTORS.has(tokens[k]!.text)) k++;
    if (!tokens[k] || !isNameWord(tokens[k]!) || tokens[k]!.start - tokens[k - 1]!.end > 1) break;
    end = k;
  }
  return end;
}

function joinsAcrossAnd(
  tokens: Token[],
  from: number,
  left: number,
  right: number,
  english: English,
): boolean {
  const next = tokens[right];
  if (!next || !isNameWord(next) || isTitleWord(next.text)) return false;
  const end = runEnd(tokens, right);
  const rightWords = tokens.slice(right, end + 1).filter((t) => !CONNECTORS.has(t.text));
  const head = tokens[end]!.text.toLowerCase();
  if (AND_NAME_HEADS.has(head)) return true;
  // "(ICE)" after the name, its letters the initials of both halves.
  const open = tokens[end + 1]?.text === '(' ? end + 1 : -1;
  if (open > 0 && isAcronym(tokens[open + 1]?.text ?? '')) {
    const letters = tokens[open + 1]!.text.replace(/[^\p{Lu}]/gu, '');
    const words = tokens
      .slice(from, end + 1)
      .filter((t) => t.isWord && !CONNECTORS.has(t.text) && t.text !== 'and' && !isAcronym(t.text));
    if (words.map((t) => t.text[0]).join('') === letters) return true;
  }
  // "Office of Management and Budget": an "of" name whose second half is ordinary words.
  const leftHasOf = tokens.slice(from, left + 1).some((t) => t.text === 'of' || t.text === 'for');
  return (
    leftHasOf &&
    rightWords.length <= 3 &&
    rightWords.every((t) => english.isOrdinary(t.text) && !english.isProperNoun(t.text))
  );
}

/**
 * A given name that is only a given name here: not a place ("Georgia"), a month ("June"), nor a word
 * these articles also write in lower case ("temple", "king", "rice") — the name lists hold those too.
 */
function isGivenName(
  word: string,
  { english, lowercaseWords }: Pick<RunContext, 'english' | 'lowercaseWords'>,
): boolean {
  const lower = word.toLowerCase();
  return (
    GIVEN_NAMES.has(lower) &&
    !PLACES.has(word) &&
    !MONTHS_AND_DAYS.has(lower) &&
    !lowercaseWords.has(lower) &&
    // "Verge", "Chase": an English word the dictionary does not also list as a name.
    !(english.isOrdinary(word) && !english.isProperNoun(word))
  );
}

/** "Kristi Noem", "Johanna Persing": a given name first, or capitalised words that are not English words. */
function looksLikePerson(
  tokens: Token[],
  from: number,
  to: number,
  { english, lowercaseWords }: Pick<RunContext, 'english' | 'lowercaseWords'>,
): boolean {
  const words = tokens.slice(from, to + 1).map((t) => t.text);
  if (words.length < 2 || words.length > 4) return false;
  if (TYPE_BY_HEAD_WORD[words[words.length - 1]!.toLowerCase()]) return false;
  if (words.some((w) => isAcronym(w) || PLACES.has(w)) || PLACES.has(words.join(' '))) return false;
  if (isGivenName(words[0]!, { english, lowercaseWords })) return true;
  const last = words[words.length - 1]!;
  return (
    !english.isOrdinary(last) &&
    !english.isOrdinary(words[0]!) &&
    words.every(
      (w) =>
        /^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u.test(w) ||
        /^\p{Lu}\.$/u.test(w) ||
        ['de', 'van', 'von', 'bin', 'al', 'del', 'da'].includes(w),
    )
  );
}

function isNameWord(t: Token): boolean {
  return t.isWord && (isCapitalised(t.text) || isAcronym(t.text)) && t.text !== 'I';
}

/** Written in capitals: "US", "THE". */
function shouted(word: string): boolean {
  return word.length > 1 && /\p{Lu}/u.test(word) && word === word.toUpperCase();
}

/** The last word of a run that is not a number ("Order" in "Executive Order 13224"). */
function lastWordOf(tokens: Token[], from: number, to: number): string {
  for (let k = to; k >= from; k--) if (!/^\p{N}+$/u.test(tokens[k]!.text)) return tokens[k]!.text;
  return tokens[to]!.text;
}

/** Lower-case particles of surnames ("de Blasio", "van der Berg"). */
const PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'da',
  'di',
  'du',
  'del',
  'della',
  'bin',
  'al',
  'ter',
  'le',
]);

/** Connectors that keep a name going after its first word ("Department of", "Tren de"); not "the". */
const NAME_CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'for',
  'la',
  'di',
  'da',
  'du',
  'van',
  'von',
  'bin',
  'al',
]);

function emitRun(
  ctx: RunContext,
  tokens: Token[],
  from: number,
  to: number,
  sentenceIndex: number,
): void {
  const { text, lowercaseWords, english } = ctx;
  let first = from;
  // "Amazon-owned Whole Foods Market", "Seattle-based …": the hyphenated adjective is not the name.
  while (first < to && /-\p{Ll}+$/u.test(tokens[first]!.text)) first++;
  // "I’ve", "We’re", "It’s": a pronoun and a verb, not a name.
  if (
    /['’](?:ve|re|m|ll|d|s|t)$/iu.test(tokens[first]!.text) &&
    /^(?:I|We|You|They|He|She|It|That|There|Here|What|Who|Let|Don|Can|Won|Isn|Aren|Didn|Doesn)['’]/u.test(
      tokens[first]!.text,
    )
  )
    return;
  // "Ordered the Consumer Financial Protection Bureau": a verb opening a clause.
  if (
    first < to &&
    tokens[first + 1]!.text === 'the' &&
    /(?:ed|ing)$/.test(tokens[first]!.text) &&
    english.isOrdinary(tokens[first]!.text) &&
    !english.isProperNoun(tokens[first]!.text)
  ) {
    first += 2;
    if (first > to) return;
  }
  // Sentence-initial (or quote-initial) ordinary words: "These deportees", "Despite this".
  const atSentenceStart = from === 0 || (from === 1 && !tokens[0]!.isWord);
  // "Combatted Tren de Aragua …" in a list of deeds: a verb in the past opening the line, even one the
  // dictionary does not know, is not part of the name after it.
  if (
    atSentenceStart &&
    first < to &&
    /^\p{Lu}\p{Ll}{4,}ed$/u.test(tokens[first]!.text) &&
    !GIVEN_NAMES.has(tokens[first]!.text.toLowerCase()) &&
    !english.isProperNoun(tokens[first]!.text)
  )
    first++;
  while (first <= to) {
    const w = tokens[first]!.text;
    const lw = w.toLowerCase();
    // "New Zealand", "Department of …", "Memorandum of …": the word starts a name, it is not a sentence's.
    const connectorNext = first < to && NAME_CONNECTORS.has(tokens[first + 1]!.text);
    const startsName =
      PLACES.has(`${w} ${tokens[first + 1]?.text ?? ''}`) ||
      (connectorNext
        ? !!TYPE_BY_HEAD_WORD[lw] || isTitleWord(w)
        : !!TYPE_BY_HEAD_WORD[lastWordOf(tokens, first, to).toLowerCase()]);
    const ordinary =
      // "US" in capitals is the country, not the pronoun.
      (ORDINARY_WORDS.has(lw) &&
        !(
          shouted(w) &&
          !shouted(tokens[first + 1]?.text ?? '') &&
          !shouted(tokens[first - 1]?.text ?? '')
        ) &&
        !PLACES.has(`${w} ${tokens[first + 1]?.text ?? ''}`)) ||
      (atSentenceStart &&
        !startsName &&
        first === from &&
        (lowercaseWords.has(lw) || (english.isOrdinary(w) && !english.isProperNoun(w))) &&
        !isTitleWord(w) &&
        !PLACES.has(w));
    if (!ordinary) break;
    first++;
  }
  while (first <= to && CONNECTORS.has(tokens[first]!.text)) first++;
  if (first > to) return;
  /** Where the name and its titles begin, ordinary words before them left out ("As Secretary …"). */
  const titledStart = first;

  // "Director of the Office of Public Liaison", "Communications Adviser for the Trump Campaign": a title
  // followed by a connector is a role; the name is its object ("Office of Public Liaison").
  let roleHead: string | undefined;
  let lastTitle = -1;
  for (let k = first; k < to; k++)
    if (isTitleWord(tokens[k]!.text) && tokens.slice(k + 1, to).some((t) => CONNECTORS.has(t.text)))
      lastTitle = k;
  if (lastTitle >= 0) {
    let k = lastTitle + 1;
    while (k <= to && !CONNECTORS.has(tokens[k]!.text)) k++;
    // "Vice President of Communications for America First …": the last "for"/"at"/"on" starts the name.
    for (let c = k + 1; c < to; c++) if (['for', 'at', 'on'].includes(tokens[c]!.text)) k = c;
    while (k <= to && CONNECTORS.has(tokens[k]!.text)) k++;
    if (k <= to) {
      roleHead = text.slice(tokens[first]!.start, tokens[k - 1]!.end);
      first = k;
    }
  }
  // Split a role title from the name that follows it: the last title word with a name after it.
  let titleAt = -1;
  for (let k = to - 1; k >= first; k--) {
    if (isTitleWord(tokens[k]!.text) && !CONNECTORS.has(tokens[k + 1]!.text)) {
      titleAt = k;
      break;
    }
  }
  // "Secretary of Homeland Security Kristi Noem": the role ends where a given name begins.
  if (titleAt < 0 && roleHead) {
    for (let k = first + 1; k <= to; k++) {
      if (isGivenName(tokens[k]!.text, ctx) && looksLikePerson(tokens, k, to, ctx)) {
        pushCandidate(ctx, tokens, first, k - 1, sentenceIndex, {
          ...contextOf(tokens, from, to),
          speechVerbAfter: false,
          fromRolePrefix: true,
        });
        pushCandidate(ctx, tokens, k, to, sentenceIndex, {
          ...contextOf(tokens, from, to),
          role: text.slice(tokens[titledStart]!.start, tokens[k - 1]!.end),
          titledForm: text.slice(tokens[titledStart]!.start, tokens[to]!.end),
        });
        return;
      }
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
      pushCandidate(ctx, tokens, first, prefixEnd, sentenceIndex, {
        ...context,
        speechVerbAfter: false,
        followingNoun: undefined,
        fromRolePrefix: true,
      });
    }
    const role = text.slice(tokens[first]!.start, tokens[titleAt]!.end);
    const titledFrom = prefixEnd >= first ? roleFrom : first;
    pushCandidate(ctx, tokens, nameFrom, to, sentenceIndex, {
      ...context,
      role,
      titledForm: text.slice(tokens[titledFrom]!.start, tokens[to]!.end),
    });
    return;
  }
  pushCandidate(
    ctx,
    tokens,
    first,
    to,
    sentenceIndex,
    roleHead ? { ...context, fromRolePrefix: true } : context,
  );
}

type Context = Pick<
  Candidate,
  | 'followingNoun'
  | 'previousWord'
  | 'speechVerbAfter'
  | 'afterAccordingTo'
  | 'definesAcronym'
  | 'beforePlace'
  | 'appositiveNoun'
> & { role?: string; titledForm?: string; fromRolePrefix?: boolean };

/**
 * The lower-case word before a name, or before the list the name is part of: in "in Hyattsville,
 * Cumberland and Frederick" each of the three is "in" something.
 */
function wordBeforeList(tokens: Token[], from: number): string | undefined {
  let k = from - 1;
  for (let hops = 0; hops < 8; hops++) {
    const t = tokens[k];
    if (!t) return undefined;
    if (t.isWord && !isCapitalised(t.text) && t.text !== 'and' && t.text !== 'or') return t.text;
    if (t.text !== ',' && t.text !== 'and' && t.text !== 'or') return undefined;
    // Step over the previous list item (one to three capitalised words).
    k--;
    let words = 0;
    while (tokens[k] && isNameWord(tokens[k]!) && words < 3) {
      k--;
      words++;
    }
    if (words === 0 && tokens[k + 1]?.text !== 'and') return undefined;
  }
  return undefined;
}

function contextOf(tokens: Token[], from: number, to: number): Context {
  const prev = tokens[from - 1];
  const prev2 = tokens[from - 2];
  const context: Context = {
    previousWord: wordBeforeList(tokens, from),
    speechVerbAfter: false,
    afterAccordingTo: prev?.text === 'to' && prev2?.text.toLowerCase() === 'according',
  };
  if (tokens[to + 1]?.text === ',') {
    const next = tokens[to + 2];
    const next2 = tokens[to + 3];
    // "Toledo, Ohio," — the place closes the phrase; "Jane Roe, Tunisia country director" is not one.
    const placeWords =
      next && (PLACES.has(next.text) || US_STATE_CODES.has(next.text))
        ? 1
        : next2 && next && PLACES.has(`${next.text} ${next2.text}`)
          ? 2
          : 0;
    const after = tokens[to + 2 + placeWords];
    if (placeWords && (!after || /^[,.;:)!?—–]$/.test(after.text))) context.beforePlace = true;
    // ", a London-based rights group," — the appositive's last lower-case word before its end.
    if (next && /^(?:a|an|the)$/i.test(next.text)) {
      let noun: string | undefined;
      for (let k = to + 3; k < Math.min(to + 10, tokens.length); k++) {
        const w = tokens[k]!;
        if (!w.isWord) break;
        if (/^\p{Ll}/u.test(w.text)) noun = w.text;
        if (w.text === 'of' || w.text === 'for' || w.text === 'at' || w.text === 'in') break;
      }
      context.appositiveNoun = noun;
    }
  }
  // "Hamas and other terrorist organizations", "Walmart and other retailers": what kind of thing the
  // name is, said as plainly as an appositive says it (the plural's last word, within four words).
  if (tokens[to + 1]?.text === 'and' && tokens[to + 2]?.text === 'other') {
    for (let k = to + 3; k < Math.min(to + 7, tokens.length); k++) {
      const w = tokens[k]!;
      if (!w.isWord || !/^\p{Ll}/u.test(w.text)) break;
      if (/s$/.test(w.text)) context.appositiveNoun = w.text;
    }
  }
  // "(CECOT)" right after the name defines its acronym.
  const open = tokens[to + 1];
  const inner = tokens[to + 2];
  const close = tokens[to + 3];
  if (
    open?.text === '(' &&
    inner &&
    close?.text === ')' &&
    isAcronym(inner.text) &&
    !PARTY_TAG.test(inner.text)
  ) {
    context.definesAcronym = inner.text;
  }
  // A lower-case noun within two words after the name: "Tren de Aragua terrorist organization".
  const after = context.definesAcronym ? to + 4 : to + 1;
  // "MS-13 gang", and after a possessive, "Walmart’s stores".
  for (let k = after; k < Math.min(after + 2, tokens.length); k++) {
    const w = tokens[k]!;
    if (!w.isWord || isCapitalised(w.text)) break;
    if (TYPE_BY_FOLLOWING_NOUN[w.text] && (!tokens[to]!.possessive || k === after)) {
      context.followingNoun = w.text;
      break;
    }
  }
  if (!tokens[to]!.possessive) {
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
  ctx: RunContext,
  tokens: Token[],
  from: number,
  to: number,
  sentenceIndex: number,
  context: Context,
): void {
  const { text, english, out } = ctx;
  while (to > from && CONNECTORS.has(tokens[to]!.text)) to--;
  const words = tokens.slice(from, to + 1).map((t) => t.text);
  // File names, addresses, handles and hashtags are never names.
  if (words.some((w) => /\.(?:jpe?g|png|gif|svg|webp|pdf|html?|aspx?|php|docx?)$/i.test(w))) return;
  const before = text[tokens[from]!.start - 1];
  if (before === '@' || before === '#' || before === '/' || text[tokens[to]!.end] === '/') return;
  const ordinaryWord = (w: string) => english.isOrdinary(w) && !english.isProperNoun(w);
  if (words.length === 1) {
    const w = words[0]!;
    const lw = w.toLowerCase();
    if (w.length < 2 || MONTHS_AND_DAYS.has(lw) || ORDINARY_WORDS.has(lw)) return;
    // "Schedule III", "subchapter III": a Roman numeral is a number, not a name.
    if (isRomanNumeral(w)) return;
    // "Rep. Jodey Arrington (R-TX)": a party and state, not a name, nor an acronym of the one before.
    if (PARTY_TAG.test(w)) return;
    // "Robert F. Kennedy, Jr.", "Fiserv, Inc.": the suffix of the name before the comma, not a name.
    if (NAME_SUFFIXES.has(lw)) return;
    // "I’m", "We’re", "Don’t": a contraction, never a name (unlike "O’Brien" or "Trump’s").
    if (/^\p{L}+['’](?:m|re|ve|ll|d|t)$/iu.test(w)) return;
    if (!isAcronym(w) && looksLikeDemonym(w, english)) return;
    // "London-based", "Amazon-owned": an adjective made from a name.
    if (/-\p{Ll}+$/u.test(w)) return;
    // "Muslims", "Americans": the plural of a proper adjective or noun names a group, not an entity.
    if (
      /[^s]s$/u.test(w) &&
      !PLACES.has(w) &&
      english.isProperNoun(w.slice(0, -1)) &&
      !english.isProperNoun(w)
    )
      return;
    // "Watch", "Eggs", "Terminated": an ordinary English word alone is not a name.
    if (!isAcronym(w) && !PLACES.has(w) && ordinaryWord(w)) return;
    // "Face the Nation", "since Day 1": a word that is someone's name in the dictionary too ("Nation",
    // "Day") but that these articles also write in lower case is the ordinary word, unless a title
    // goes with it ("Secretary Rice") or it heads a name ("Congress").
    if (
      !isAcronym(w) &&
      !PLACES.has(w) &&
      !context.role &&
      !TYPE_BY_HEAD_WORD[lw] &&
      english.isOrdinary(w) &&
      ctx.lowercaseWords.has(lw)
    )
      return;
    if (/^\p{Lu}{2,}$/u.test(w) && w.length > 5 && english.isOrdinary(w)) return; // "FACT", "WATCH"
  }
  // "American People", "Venezuelan Oil": a demonym before ordinary words.
  if (
    words.length > 1 &&
    looksLikeDemonym(words[0]!, english) &&
    words.slice(1).every(ordinaryWord)
  )
    return;
  // The head of "Department of Homeland Security" is "Department"; of "Border Patrol", "Patrol".
  const connectorAt = words.findIndex((w) => CONNECTORS.has(w));
  const head = words[connectorAt > 0 ? connectorAt - 1 : words.length - 1]!.toLowerCase();
  const allOrdinary =
    words.length > 1 &&
    !TYPE_BY_HEAD_WORD[head] &&
    !TYPE_BY_HEAD_WORD[words[words.length - 1]!.toLowerCase()] &&
    words.every((w) => CONNECTORS.has(w) || ordinaryWord(w));
  const atStart = from === 0 || (from === 1 && !tokens[0]!.isWord);
  if (allOrdinary && atStart) return;
  // "Director of Policy Research": the object of a title in ordinary words is a job, not an institution.
  if (allOrdinary && context.fromRolePrefix) return;
  // "PROSPEROUS PATH FORWARD": a heading in capitals, not an acronym; "WHITE HOUSE" stays a name.
  if (words.length > 1 && words.every((w) => !/\p{Ll}/u.test(w))) {
    const plainWord = (w: string) =>
      w.length >= 4 &&
      english.isOrdinary(w) &&
      !english.isProperNoun(w.charAt(0) + w.slice(1).toLowerCase());
    const plain = words.filter(plainWord).length;
    if (plain === words.length || (words.length >= 3 && plain * 2 >= words.length)) return;
  }
  if (words.every((w) => MONTHS_AND_DAYS.has(w.toLowerCase()) || /^\p{N}/u.test(w))) return;
  // "Central American leader", "Nazi concentration camps": adjectives, not names.
  const lastWord = words[words.length - 1]!;
  if (!isAcronym(lastWord) && looksLikeDemonym(lastWord, english)) return;
  const start = tokens[from]!.start;
  const end = tokens[to]!.end;
  out.push({
    surface: text.slice(start, end),
    words,
    start,
    end,
    sentenceIndex,
    isAcronym: words.length === 1 && isAcronym(words[0]!),
    shoutedWord:
      words.length === 1 && /^\p{Lu}{3,}$/u.test(words[0]!) && english.isOrdinary(words[0]!),
    role: context.role,
    titledForm: context.titledForm,
    followingNoun: context.followingNoun,
    previousWord: context.previousWord,
    speechVerbAfter: context.speechVerbAfter,
    afterAccordingTo: context.afterAccordingTo,
    definesAcronym: context.definesAcronym,
    fromRolePrefix: context.fromRolePrefix ?? false,
    beforePlace: context.beforePlace,
    appositiveNoun: context.appositiveNoun,
    allOrdinary,
    personShape: looksLikePerson(tokens, from, to, ctx),
    givenNameFirst: isGivenName(words[0]!, ctx),
    afterRoleNoun:
      !!tokens[from - 1] &&
      /^\p{Ll}/u.test(tokens[from - 1]!.text) &&
      isTitleWord(tokens[from - 1]!.text) &&
      !TYPE_BY_HEAD_WORD[tokens[from - 1]!.text],
    knownName:
      words.length === 1 && english.isProperNoun(words[0]!) && !english.isOrdinary(words[0]!),
  });
}
