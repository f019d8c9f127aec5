/**
 * Direct quotations and their speakers, the way news writes them:
 *   “…,” said Acting Secretary Smith.      “…,” Smith said.        Smith said: “…”     Smith added: "…"
 *   Attorney General Pam Bondi: “…”        “…,” her mother, Fiona, said.          “…,” she said.
 * A quotation may run over several sentences and paragraphs (a paragraph that ends inside a quotation
 * continues when the next one opens with a quotation mark); every sentence inside gets the speaker. A
 * quotation with no speaker of its own that fills a paragraph right after another speaker's quotation is
 * taken as that speaker's words, the convention of news copy. Scare quotes (a term in quotation marks with
 * no speaker in the sentence) are not quotations.
 */
import { SPEECH_VERBS, TYPE_BY_HEAD_WORD } from './lexicon';
import type { Block } from './markdown';

export interface Quotation {
  start: number;
  end: number;
  /** The speaker as written ("Acting Secretary Smith", "her mother, Fiona"), pronouns resolved. */
  speaker: string | null;
  cue?: string;
  /**
   * Someone's words whose speaker is not named: introduced by a topic label ("On tariffs: “…”"), or
   * "…,” he said." with no one near to be "he". Kept when no speaker is found, as a quote by an unknown
   * speaker (never the outlet's voice).
   */
  unnamedSpeaker?: boolean;
}

const OPEN = new Set(['“', '„', '«']);
const CLOSE = new Set(['”', '»']);

/** A quotation's marks in one paragraph, [start, end); open-ended when the paragraph ends inside it. */
interface QuoteSpan {
  start: number;
  end: number;
  openEnded: boolean;
}

/** Quotation spans inside one paragraph of text, [start, end) including the marks. */
function spansIn(text: string, from: number, to: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (OPEN.has(ch)) {
      if (open < 0) open = i;
    } else if (CLOSE.has(ch)) {
      if (open >= 0) {
        out.push({ start: open, end: i + 1, openEnded: false });
        open = -1;
      } else if (out.length === 0 && i - from < 2000) {
        // A closing mark with no opening one: the quotation began in an earlier paragraph.
        out.push({ start: from, end: i + 1, openEnded: false });
      }
    } else if (ch === '"') {
      const before = i === from ? ' ' : text[i - 1]!;
      if (open < 0 && /[\s([—–-]/u.test(before)) open = i;
      else if (open < 0 && i === from) open = i;
      else if (open >= 0) {
        out.push({ start: open, end: i + 1, openEnded: false });
        open = -1;
      }
    }
  }
  if (open >= 0) out.push({ start: open, end: to, openEnded: true });
  return out.length > 0 ? out : singleQuoteSpansIn(text, from, to);
}

/**
 * British copy quotes with single marks: ‘…’. The closing mark is also the apostrophe ("don’t"), so a
 * span opens only after a space or bracket and closes only before a space or punctuation; a paragraph
 * with double marks never uses these.
 */
function singleQuoteSpansIn(text: string, from: number, to: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '‘' && open < 0 && (i === from || /[\s([—–]/u.test(text[i - 1]!))) open = i;
    else if (ch === '’' && open >= 0 && (i + 1 === to || /[\s,.;:!?)—–]/u.test(text[i + 1]!))) {
      // At least three words: "‘slimming tablets’" is a term, not a quotation.
      if (text.slice(open, i).trim().split(/\s+/).length >= 3)
        out.push({ start: open, end: i + 1, openEnded: false });
      open = -1;
    }
  }
  return out;
}

const VERBS = [...SPEECH_VERBS].join('|');
const TITLED_NAME = String.raw`(?:\p{Lu}[\p{L}\p{M}.'’-]*|de|del|la|van|von|bin|al)(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|de|del|la|van|von|bin|al|of the|of)){0,6}`;
/** "a spokeswoman", "the agency's head": a few lower-case words, none of them a conjunction or a verb
 * ("her picture writing and wrote", "this proclamation must be" name no speaker). */
const DESCRIBED_WORD = String.raw`(?!(?:and|or|but|nor|must|will|would|shall|should|can|could|may|might|is|are|was|were|be)\b)[\p{Ll}-]+`;
const DESCRIBED = String.raw`(?:(?:a|an|the|one|his|her|their|its)\s+(?:${DESCRIBED_WORD}\s+){0,3}${DESCRIBED_WORD})`;
const PRONOUN = String.raw`(?:he|she|they|it|He|She|They|It)`;
/** "her mother, Fiona," or "chief inspector Jennifer Mattinson from the West Mercia police" */
const SPEAKER = String.raw`(?:${DESCRIBED},\s+${TITLED_NAME},?|(?:[\p{Ll}]+\s+){0,2}${TITLED_NAME}|${DESCRIBED}|${PRONOUN})`;
const AUX = String.raw`(?:(?:has|have|had|also|later|then|previously|once|would|will|had)\s+)*`;

/** After a closing mark: `, said X`, `, X said`, ` says X`. */
const AFTER = new RegExp(
  String.raw`^[\s,]*(?:(${VERBS})\s+(${SPEAKER})|(${SPEAKER})\s+${AUX}(${VERBS})|(${TITLED_NAME}),\s+[^,“”"]{1,80},\s+${AUX}(${VERBS})|(according to)\s+(${SPEAKER}))(?![\p{L}])`,
  'u',
);
/** Before an opening mark, in the same paragraph: `X said: `, `X added, `, `X: `, `X said the … was `. */
/** A speaker starts a word: "A top official confirmed" has no speaker "al". */
const WORD_START = String.raw`(?<![\p{L}\p{M}\p{N}'’.-])`;
/** "continued to dissolve", "called for": the verb opens something else than what is said. */
const NOT_SAYING = String.raw`(?!\s+(?:to|for)\b)`;
const BEFORE_VERB = new RegExp(
  String.raw`${WORD_START}(${SPEAKER})\s+${AUX}(${VERBS})\b${NOT_SAYING}[^“”"]{0,200}$`,
  'u',
);
/**
 * A label or an introducing clause before the quotation, its subject the speaker: "Attorney General Pam
 * Bondi: ", "Fox News’ Bill Melugin: ", "Alverson summed up the journey …: ".
 */
const BEFORE_LABEL = /^\s*(\p{Lu}[^:.!?“”"]{0,200}?)\s*:\s*$/u;
const LEADING_NAME = new RegExp(String.raw`^${TITLED_NAME}`, 'u');
/**
 * A label that names a topic, not a speaker: "On the honor of serving as President: “…”" in the White
 * House's lists of interview quotes. Its speaker is not in the label.
 */
const TOPIC_LABEL = /^(?:On|About|Regarding|Asked about|When asked|In response to)\s/u;
/** "PROMISE MADE: “…”", "SUNDAY SHOWS: “…”": a headline in capitals, not a speaker ("POTUS: " is one). */
const SHOUTED_LABEL = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\s[^\p{Ll}]*$/u;
/** "President Trump on his motivations: “…”": the name, then what the quotation is about. */
const NAME_ON_TOPIC = new RegExp(String.raw`^(${TITLED_NAME})\s+(?:on|about)\s+\p{Ll}`, 'u');
/** `” in that law, Azzouz said.` — a short phrase between the quotation and its reporting clause. */
const AFTER_GAP = new RegExp(
  String.raw`^[^“”".!?]{1,80}?,\s+(?:(${VERBS})\s+(${SPEAKER})|(${SPEAKER})\s+${AUX}(${VERBS}))(?![\p{L}])`,
  'u',
);
/** After the closing mark, a signature: "” — Press Secretary Jane Roe", "” – Jane Roe, Governor". */
const AFTER_DASH = new RegExp(String.raw`^\s*[—–-]+\s*(${TITLED_NAME})`, 'u');

/** A named subject of a speech verb, "West Mercia police said …": the antecedent of a later "it said". */
const SUBJECT = new RegExp(String.raw`${WORD_START}(${TITLED_NAME})\s+${AUX}(${VERBS})\b`, 'u');

const PRONOUNS = new Set(['he', 'she', 'they', 'it']);

function clean(speaker: string): string {
  return speaker
    .trim()
    .replace(/[,.]$/, '')
    .replace(/['’]s$/u, '')
    .trim();
}

/** "her mother, Fiona" → "Fiona"; "chief inspector Jennifer Mattinson from the West Mercia police" stays whole. */
function named(speaker: string): string {
  const appositive = /,\s+(\p{Lu}[^,]*)$/u.exec(speaker);
  return appositive ? appositive[1]!.trim() : speaker;
}

/**
 * The last name of two or more capitalised words in `text` not at a sentence start and not an
 * institution's: "skipper Wade Bassi", not "Whole Foods Market".
 */
function lastFullName(text: string): string | null {
  let found: string | null = null;
  for (const m of text.matchAll(
    /(?<=[\p{Ll},]\s+)\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+\p{Lu}[\p{Ll}\p{M}'’-]+){1,3}/gu,
  )) {
    const last = m[0].split(/\s+/).pop()!.toLowerCase();
    if (!TYPE_BY_HEAD_WORD[last] && !INSTITUTION_ENDINGS.has(last)) found = m[0];
  }
  return found;
}

const INSTITUTION_ENDINGS = new Set(['market', 'markets', 'inc', 'company', 'group', 'foods']);

/**
 * How many paragraphs back "he" or "she" may find the person last quoted, or named by their surname:
 * further back, a long page (a list of unrelated stories) has moved on to someone else.
 */
const PRONOUN_REACH = 3;

export function findQuotations(text: string, blocks: Block[]): Quotation[] {
  const quotes: Quotation[] = [];
  let lastHuman: string | null = null;
  /** The paragraph where `lastHuman` was last quoted or named. */
  let lastHumanBlock = -1;
  let lastSubject: string | null = null;
  /** The parts of one quotation that runs over paragraphs so far (each paragraph ended inside it). */
  let openChain: Quotation[] = [];
  /** The last speaker quoted or named with a speech verb, and in which block: a paragraph that is only a
   * quotation, right after, continues their words (the convention of news copy). */
  let recent: { speaker: string; cue?: string; block: number } | null = null;
  blocks.forEach((block, b) => {
    const spans = spansIn(text, block.start, block.end);
    const found: Quotation[] = spans.map((span, n) => {
      const q: Quotation = { start: span.start, end: span.end, speaker: null };
      const following = text.slice(span.end, Math.min(block.end, span.end + 160));
      // A quoted term ("criminals") followed by other words is not the reporting clause's quotation.
      const words = text.slice(span.start, span.end).split(/\s+/).length;
      const after = AFTER.exec(following) ?? (words >= 4 ? AFTER_GAP.exec(following) : null);
      const dash = after ? null : AFTER_DASH.exec(following);
      const before = text.slice(block.start, span.start);
      const beforeVerb = BEFORE_VERB.exec(before);
      const label = BEFORE_LABEL.exec(before);
      if (after) {
        // “…,” said X / X said / X, the agency's head, said / according to X
        q.speaker = clean(after[2] ?? after[3] ?? after[5] ?? after[8]!);
        q.cue = after[1] ?? after[4] ?? after[6] ?? after[7];
      } else if (dash) {
        q.speaker = clean(dash[1]!);
        q.cue = '—';
      } else if (beforeVerb && words >= 3 && !/[.!?]\s/.test(before.slice(beforeVerb.index))) {
        q.speaker = clean(beforeVerb[1]!);
        q.cue = beforeVerb[2];
      } else if (
        label &&
        n === 0 &&
        (TOPIC_LABEL.test(label[1]!) || SHOUTED_LABEL.test(label[1]!))
      ) {
        q.unnamedSpeaker = true;
      } else if (label && n === 0) {
        // A short label is the speaker ("Center for Immigration Studies’ Jane Roe"), but for the topic
        // after it ("President Trump on his motivations"); of a longer introducing clause, its subject
        // ("Alverson summed up the journey …").
        const words = label[1]!.split(/\s+/).length;
        const onTopic = NAME_ON_TOPIC.exec(label[1]!)?.[1];
        q.speaker = clean(
          onTopic ?? (words <= 12 ? label[1]! : (LEADING_NAME.exec(label[1]!)?.[0] ?? label[1]!)),
        );
        q.cue = ':';
      }
      return q;
    });
    // Pronouns: "it" is the last organisation that spoke; "he"/"she" the last person quoted or named.
    for (const q of found) {
      if (!q.speaker) continue;
      const pronoun = q.speaker.toLowerCase();
      if (pronoun === 'it') q.speaker = lastSubject ?? null;
      else if (pronoun === 'they') {
        // A group ("the angel families … they said"): not the one person named last.
        q.speaker = null;
        q.unnamedSpeaker = true;
      } else if (PRONOUNS.has(pronoun)) {
        const near = text.slice(blocks[Math.max(0, b - PRONOUN_REACH)]!.start, q.start);
        const stillNear =
          !!lastHuman &&
          (b - lastHumanBlock <= PRONOUN_REACH || near.includes(lastHuman.split(/\s+/).pop()!));
        q.speaker =
          (stillNear ? lastHuman : null) ??
          lastFullName(
            text.slice(blocks[Math.max(0, b - 2)]!.start, block.start) +
              ' ' +
              text.slice(block.start, q.start),
          );
        // "…,” he said." with no one near to be "he": someone's words all the same.
        if (!q.speaker) q.unnamedSpeaker = true;
      } else {
        q.speaker = named(q.speaker);
        if (!/^(?:the|a|an|its)\s/i.test(q.speaker)) {
          lastHuman = q.speaker;
          lastHumanBlock = b;
        }
      }
      if (q.speaker && pronoun !== 'it' && PRONOUNS.has(pronoun)) {
        lastHuman = q.speaker;
        lastHumanBlock = b;
      }
    }
    // A quotation that began in earlier paragraphs and names its speaker here (pronouns resolved
    // above): all of it is theirs, or all of it someone's unnamed.
    const first = found[0];
    const continues = !!first && openChain.length > 0 && first.start <= block.start + 1;
    if (continues && (first.speaker || first.unnamedSpeaker))
      for (const q of openChain) {
        q.speaker = first.speaker;
        q.cue = first.cue;
        q.unnamedSpeaker = first.unnamedSpeaker;
      }
    const continuing = continues ? openChain[openChain.length - 1]! : null;
    // A quotation without a clause of its own shares the speaker of the paragraph's other quotations:
    // “A,” he said. “B.” — or continues the previous paragraph's.
    found.forEach((q, n) => {
      if (q.speaker) return;
      const sibling =
        found
          .slice(0, n)
          .reverse()
          .find((x) => x.speaker) ?? found.slice(n + 1).find((x) => x.speaker);
      const inherited =
        sibling ??
        (continuing?.speaker && n === 0 ? continuing : null) ??
        (recent &&
        b - recent.block <= 2 &&
        q.start <= block.start + 1 &&
        // Only a quotation that is the paragraph's main content continues another speaker's words.
        q.end - q.start > (block.end - block.start) / 2
          ? recent
          : null);
      if (inherited) {
        q.speaker = inherited.speaker;
        q.cue = inherited.cue;
      }
    });
    const spoken = found.filter((q) => q.speaker);
    quotes.push(...found);
    const last = found[found.length - 1];
    const endsOpen = !!last && spans[spans.length - 1]!.openEnded;
    openChain = endsOpen ? [...(continues && found.length === 1 ? openChain : []), last] : [];
    const lastSpoken = spoken[spoken.length - 1];
    if (lastSpoken?.speaker)
      recent = { speaker: lastSpoken.speaker, cue: lastSpoken.cue, block: b };
    const subject = SUBJECT.exec(text.slice(block.start, block.end));
    if (subject && !/^(?:The|This|That|These|Those|It|He|She|They|We|I)$/.test(subject[1]!)) {
      lastSubject = named(clean(subject[1]!));
      if (!lastSpoken) recent = { speaker: lastSubject, cue: subject[2], block: b };
    }
  });
  return quotes.filter((q) => q.speaker || q.unnamedSpeaker);
}
