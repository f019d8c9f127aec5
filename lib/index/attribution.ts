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

export interface SentenceAttribution {
  role: 'narration' | 'quote' | 'reported';
  /** The speaker or party as written ("Trump", "Breitbart", "Venezuela's socialist government"). */
  speaker: string | null;
  /** The words that establish it: "according to", "wrote", "acknowledged". */
  cue?: string;
}

const NAME = String.raw`((?:(?:\p{Lu}[\p{L}\p{M}.'’-]*|MS-13|de|del|la|of|the)\s+)*\p{Lu}[\p{L}\p{M}.'’-]*)`;
const AUX = String.raw`(?:(?:has|have|had|also|later|previously|recently|repeatedly|publicly|reportedly)\s+)*`;
const SPEECH = [...SPEECH_VERBS].join('|');

const BLOCK_QUOTE_INTRO = new RegExp(String.raw`${NAME}\s+${AUX}(${SPEECH})\b[^:]*:\s*$`, 'u');
const ACCORDING_TO = new RegExp(String.raw`(?:^|,\s*)according to\s+([^,.;]+)`, 'iu');
/** Indirect speech: "Bukele has acknowledged that …", "Mr Obama said race relations had improved". */
const REPORTED_THAT = new RegExp(
  String.raw`${NAME}\s+${AUX}(${SPEECH})\s+(?:that\b|(?![:"“])(?=[\p{Ll}]))`,
  'u',
);
const WHICH_HAS = new RegExp(
  String.raw`(?:from|by|with|of|against)\s+([^,;]+?),\s+(?:which|who)\s+${AUX}(${SPEECH})\b`,
  'u',
);
/** '"…," Mr Obama said.' — the opening quote may be in an earlier sentence. */
const QUOTED_SAID = new RegExp(
  String.raw`(?:^|["“])[^"”]{3,}?[,.!?]?["”]\s*,?\s*${NAME}\s+(${SPEECH})\b`,
  'u',
);
const OPENING_QUOTE = /["“]/u;
/** "…, a senior political source told Reuters." — a trailing reporting clause, named or not. */
const TRAILING_SAID = new RegExp(
  String.raw`,\s+((?:(?:a|an|the|one|two|several|some)\s+)?(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)\s+(said|says|told\s+[\p{Lu}][\p{L}]+|added|claimed|alleged|warned)\s*\.?["”]?$`,
  'u',
);
const SAID_QUOTED = new RegExp(String.raw`${NAME}\s+${AUX}(${SPEECH})\s*[,:]\s*["“]`, 'u');

/** The name itself, without a title or possessive in front: "President Bukele" → "Bukele". */
function cleanSpeaker(raw: string): string {
  return raw.trim().replace(/['’]s$/u, '');
}

export function attributeSentences(text: string, sentences: Span[]): SentenceAttribution[] {
  const result: SentenceAttribution[] = sentences.map(() => ({ role: 'narration', speaker: null }));
  // Block quotes: the paragraph after "X wrote:" is X's words, until the next paragraph break.
  let quoteSpeaker: { speaker: string; cue: string; paragraphEnd: number } | null = null;
  sentences.forEach(([start, end], i) => {
    const sentence = text.slice(start, end);
    if (quoteSpeaker && start < quoteSpeaker.paragraphEnd) {
      result[i] = { role: 'quote', speaker: quoteSpeaker.speaker, cue: quoteSpeaker.cue };
      return;
    }
    quoteSpeaker = null;
    const intro = BLOCK_QUOTE_INTRO.exec(sentence);
    const paragraphStart = text.indexOf('\n', end) + 1;
    const nextBreak = paragraphStart > 0 ? text.indexOf('\n', paragraphStart) : -1;
    const nextParagraph =
      paragraphStart > 0
        ? text.slice(paragraphStart, nextBreak < 0 ? undefined : nextBreak).trim()
        : '';
    // Only prose follows a quote intro; "Read the full transcript" (a link) is not the speaker's words.
    if (intro && /^\s*\n/.test(text.slice(end)) && /[.!?"”]$/.test(nextParagraph)) {
      quoteSpeaker = {
        speaker: cleanSpeaker(intro[1]!),
        cue: intro[2]!,
        paragraphEnd: nextBreak < 0 ? text.length : nextBreak,
      };
      return; // the introducing sentence itself is the outlet's narration
    }
    result[i] = attributeOne(sentence);
    // A quote that closes here may have opened sentences earlier: those are the speaker's words too.
    if (
      result[i]!.role === 'quote' &&
      !OPENING_QUOTE.test(sentence.slice(0, sentence.search(/["”]\s*,?\s*\p{Lu}/u)))
    ) {
      for (let k = i - 1; k >= 0; k--) {
        const earlier = text.slice(sentences[k]![0], sentences[k]![1]);
        result[k] = { ...result[i]! };
        if (OPENING_QUOTE.test(earlier)) break;
        if (i - k > 6) break;
      }
    }
  });
  return result;
}

function attributeOne(sentence: string): SentenceAttribution {
  let m = QUOTED_SAID.exec(sentence) ?? SAID_QUOTED.exec(sentence);
  if (m) return { role: 'quote', speaker: cleanSpeaker(m[1]!), cue: m[2]! };
  m = ACCORDING_TO.exec(sentence);
  if (m) return { role: 'reported', speaker: cleanSpeaker(m[1]!), cue: 'according to' };
  m = REPORTED_THAT.exec(sentence);
  if (m) return { role: 'reported', speaker: cleanSpeaker(m[1]!), cue: m[2]! };
  m = WHICH_HAS.exec(sentence);
  if (m) return { role: 'reported', speaker: cleanSpeaker(m[1]!), cue: m[2]! };
  m = TRAILING_SAID.exec(sentence);
  if (m) return { role: 'reported', speaker: cleanSpeaker(m[1]!), cue: m[2]!.split(/\s+/)[0]! };
  return { role: 'narration', speaker: null };
}
