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
const REPORTED_THAT = new RegExp(String.raw`${NAME}\s+${AUX}(${SPEECH})\s+(?:\w+\s+)?that\b`, 'u');
const WHICH_HAS = new RegExp(
  String.raw`(?:from|by|with|of|against)\s+([^,;]+?),\s+(?:which|who)\s+${AUX}(${SPEECH})\b`,
  'u',
);
const QUOTED_SAID = new RegExp(String.raw`["“][^"”]{3,}[,.!?]?["”]\s*,?\s*${NAME}\s+(${SPEECH})\b`, 'u');
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
    if (intro && text.slice(end).match(/^\s*\n/)) {
      const paragraphStart = text.indexOf('\n', end) + 1;
      const nextBreak = text.indexOf('\n', paragraphStart);
      quoteSpeaker = {
        speaker: cleanSpeaker(intro[1]!),
        cue: intro[2]!,
        paragraphEnd: nextBreak < 0 ? text.length : nextBreak,
      };
      return; // the introducing sentence itself is the outlet's narration
    }
    result[i] = attributeOne(sentence);
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
  return { role: 'narration', speaker: null };
}
