/**
 * Decides who asserts each sentence of an article:
 * - **quote**: a paragraph introduced by "Trump wrote:" (or "said:", "stated:" …) and sentences with a quoted
 *   passage tied to a speaker ("…," Noem said);
 * - **reported**: a claim the article passes on from someone else — "According to Breitbart, …",
 *   "Bukele has acknowledged that …", "… government, which has compared …";
 * - **narration**: everything else, the outlet's own voice.
 * The extension shows this next to every sentence so it never seems to speak in its own voice.
 */
import type { Span } from './sentences';
import { SPEECH_VERBS } from './lexicon';
import { linesAsBlocks, type Block } from './markdown';
import { findQuotations } from './quotes';

export interface SentenceAttribution {
  role: 'narration' | 'quote' | 'reported';
  /** The speaker or party as written ("Trump", "Breitbart", "Venezuela's socialist government"). */
  speaker: string | null;
  /** The words that establish it: "according to", "wrote", "acknowledged". */
  cue?: string;
}

// At most nine words: an unbounded run made every start position read to the end of a long line
// (quadratic on one very long "sentence" such as a list or a run-on table row).
const NAME = String.raw`((?:(?:\p{Lu}[\p{L}\p{M}.'’-]*|MS-13|de|del|la|of|the|and|&)\s+){0,8}\p{Lu}[\p{L}\p{M}.'’-]*)`;
const AUX = String.raw`(?:(?:has|have|had|also|later|previously|recently|repeatedly|publicly|reportedly)\s+){0,3}`;
const SPEECH = [...SPEECH_VERBS].join('|');

const BLOCK_QUOTE_INTRO = new RegExp(String.raw`${NAME}\s+${AUX}(${SPEECH})\b[^:]*:\s*$`, 'u');
const ACCORDING_TO = new RegExp(String.raw`(?:^|,\s*)according to\s+([^,.;]+)`, 'iu');
/** Indirect speech: "Bukele has acknowledged that …", "Mr Obama said race relations had improved". */
const REPORTED_THAT = new RegExp(
  String.raw`${NAME}\s+${AUX}(${SPEECH})\s+(?:(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}that\b|(?![:"“])(?=[\p{Ll}]))`,
  'u',
);
/** "Hicks, a Navy veteran herself, said her intention was …": the subject, an appositive, the verb. */
const REPORTED_APPOSITIVE = new RegExp(
  String.raw`^${NAME},\s+[^,“”"]{1,120},\s+${AUX}(${SPEECH})\s+(?:that\b|(?![:"“])(?=[\p{Ll}]))`,
  'u',
);
/** Words that open a sentence's adverbial ("On Monday, …", "In Washington, …"), never its subject. */
const CLAUSE_OPENERS =
  /^(?:On|In|At|For|After|Before|During|Since|Despite|When|While|Last|Earlier|Later|Meanwhile|However|Still|Yet|But|And|So|Then|Now|Today|Yesterday|Also|Again|Instead|Additionally|Immediately|Separately|Finally|Previously|Recently|Currently|Similarly|Ultimately|Notably|Importantly|Specifically|Subsequently|Initially|Eventually|Accordingly)\b/u;
/**
 * "President Trump continued to pursue …", "Directed states to …", "called for": the verb opens an action,
 * not something said ("pledged to", "promised to" are still a party's word).
 */
const NOT_SAYING = /^(?:continue[sd]?|states|call(?:s|ed)?)\s+(?:to|for|on)\b/u;
/** A subject pronoun: the writer ("I", "we"), or someone named before ("she", "they"). */
const WRITER_PRONOUNS = new Set(['I', 'We', 'You']);
const THIRD_PERSON_PRONOUNS = new Set(['He', 'She', 'They', 'It']);
/**
 * How many paragraphs back "She said …" may find who she is: the party last reported as saying something
 * ("Hicks said …" just before). Further, or after others' quotations, she is left unnamed.
 */
const PRONOUN_REACH = 1;
const WHICH_HAS = new RegExp(
  String.raw`(?:from|by|with|of|against)\s+([^,;]+?),\s+(?:which|who)\s+${AUX}(${SPEECH})\b`,
  'u',
);
/** "…, a senior political source told Reuters." — a trailing reporting clause, named or not. */
const TRAILING_SAID = new RegExp(
  String.raw`,\s+((?:(?:a|an|the|one|two|several|some)\s+)?(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s+(said|says|told\s+[\p{Lu}][\p{L}]+|added|claimed|alleged|warned)\s*\.?["”]?$`,
  'u',
);

/**
 * How much of a sentence the patterns read: its head for the cues that open a clause, its tail for those
 * that close one. Real sentences are far shorter; a longer "sentence" (a list run together, a table row)
 * would otherwise cost time quadratic in its length, since several patterns scan ahead from every start.
 */
const READ_CHARS = 1000;
const head = (s: string) => (s.length > READ_CHARS ? s.slice(0, READ_CHARS) : s);
const tail = (s: string) => (s.length > READ_CHARS ? s.slice(-READ_CHARS) : s);

/** The name itself, without a title or possessive in front: "President Bukele" → "Bukele". */
function cleanSpeaker(raw: string): string {
  return raw.trim().replace(/['’]s$/u, '');
}

export function attributeSentences(
  text: string,
  sentences: Span[],
  blocks: Block[] = linesAsBlocks(text),
  blockOf: number[] = sentences.map(([start]) => blocks.findIndex((b) => b.end > start)),
): SentenceAttribution[] {
  const result: SentenceAttribution[] = sentences.map(() => ({ role: 'narration', speaker: null }));
  const quotations = findQuotations(text, blocks);
  let q = 0;
  // Block quotes: the paragraph after "X wrote:" is X's words (and every block-quote paragraph after it).
  let quoteSpeaker: { speaker: string; cue: string; untilBlock: number } | null = null;
  /** The last party reported as saying something, and in which paragraph (for "She said …"). */
  let lastNamed: { speaker: string; block: number } | null = null;
  sentences.forEach(([start, end], i) => {
    const block = blockOf[i]!;
    while (q < quotations.length && quotations[q]!.end <= start) q++;
    const quotation = quotations
      .slice(q, q + 4)
      .find((x) => x.start < end - 1 && x.end > start + 1 && x.speaker);
    if (quotation) {
      result[i] = { role: 'quote', speaker: quotation.speaker, cue: quotation.cue };
      return;
    }
    // Words quoted whose speaker is not named (after a topic label, "On tariffs: “…”", or by a "he"
    // with no one near): still someone's words, not the outlet's — a quote by an unknown speaker.
    const unnamed = quotations
      .slice(q, q + 4)
      .find((x) => x.start < end - 1 && x.end > start + 1 && x.unnamedSpeaker && !x.speaker);
    if (unnamed) {
      result[i] = { role: 'quote', speaker: null };
      return;
    }
    if (quoteSpeaker && block <= quoteSpeaker.untilBlock) {
      result[i] = { role: 'quote', speaker: quoteSpeaker.speaker, cue: quoteSpeaker.cue };
      return;
    }
    quoteSpeaker = null;
    const sentence = text.slice(start, end);
    const intro = BLOCK_QUOTE_INTRO.exec(tail(sentence));
    const next = blocks[block + 1];
    const endsBlock = blocks[block] !== undefined && end >= blocks[block]!.end - 1;
    // Only prose follows a quote intro; "Read the full transcript" (a link) is not the speaker's words.
    if (intro && endsBlock && next && /[.!?"”]$/.test(text.slice(next.start, next.end))) {
      let until = block + 1;
      if (next.kind === 'quote') while (blocks[until + 1]?.kind === 'quote') until++;
      quoteSpeaker = { speaker: cleanSpeaker(intro[1]!), cue: intro[2]!, untilBlock: until };
      return; // the introducing sentence itself is the outlet's narration
    }
    result[i] = attributeOne(sentence);
    const { role, speaker } = result[i]!;
    if (role !== 'reported' || !speaker) return;
    // "I wrote …" is the writer's own voice — or, inside quotation marks, someone's unnamed; "She said …"
    // is the party last reported, if just before, else someone unnamed — never a party called "She".
    if (WRITER_PRONOUNS.has(speaker.split(/\s+/).pop()!))
      result[i] = /[“”]/u.test(sentence)
        ? { role: 'quote', speaker: null }
        : { role: 'narration', speaker: null };
    else if (THIRD_PERSON_PRONOUNS.has(speaker))
      result[i] = {
        ...result[i]!,
        speaker:
          lastNamed && block - lastNamed.block <= PRONOUN_REACH && speaker !== 'It'
            ? lastNamed.speaker
            : null,
      };
    else lastNamed = { speaker, block };
  });
  return result;
}

/** "Fiserv, Inc. announced …": a company's or person's suffix stands for the name before its comma. */
function withNameBefore(sentence: string, at: number, speaker: string): string {
  if (!/^(?:Inc|Jr|Sr|LLC|Ltd|Corp|Co)\.?$/u.test(speaker)) return speaker;
  const before = /(\p{Lu}[\p{L}\p{M}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.&'’-]*){0,4}),\s*$/u.exec(
    sentence.slice(0, at),
  );
  return before ? `${before[1]}, ${speaker}` : speaker;
}

function attributeOne(sentence: string): SentenceAttribution {
  const start = head(sentence);
  let m = ACCORDING_TO.exec(start);
  if (m) return { role: 'reported', speaker: cleanSpeaker(m[1]!), cue: 'according to' };
  /** The match names a party and a verb of saying: no opening adverb, no "continued to". */
  const saying = (m: RegExpExecArray) =>
    !CLAUSE_OPENERS.test(m[1]!) &&
    !NOT_SAYING.test(start.slice(m.index + m[0].indexOf(m[2]!, m[1]!.length)));
  m = REPORTED_THAT.exec(start);
  if (m && saying(m))
    return {
      role: 'reported',
      speaker: withNameBefore(start, m.index, cleanSpeaker(m[1]!)),
      cue: m[2]!,
    };
  m = REPORTED_APPOSITIVE.exec(start);
  if (m && saying(m)) return { role: 'reported', speaker: cleanSpeaker(m[1]!), cue: m[2]! };
  m = WHICH_HAS.exec(start);
  if (m) return { role: 'reported', speaker: cleanSpeaker(m[1]!), cue: m[2]! };
  m = TRAILING_SAID.exec(tail(sentence));
  if (m) return { role: 'reported', speaker: cleanSpeaker(m[1]!), cue: m[2]!.split(/\s+/)[0]! };
  return { role: 'narration', speaker: null };
}
