/**
 * The index builder: seed articles (+ optional curated overrides) → the versioned, validated index.
 * Pure: no file system here (see build-from-dir.ts), so every step is unit-tested on strings.
 */
import Fuse from 'fuse.js';
import { attributeSentences } from './attribution';
import { findCandidates } from './candidates';
import { GIVEN_NAMES } from './lexicon';
import { isEmphasis } from './emphasis';
import { NO_ENGLISH, type English } from './english';
import { INDEX_VERSION, SEARCH_KEYS } from '../index/constants';
import { buildEntities, COMPASS, type AliasDraft, type EntityDraft } from './entities';
import { SeedError } from './errors';
import { linesAsBlocks, type Block } from './markdown';
import { applyOverrides } from './overrides';
import {
  indexSchema,
  type Article,
  type Attribution,
  type Entity,
  type SourceIndex,
} from '../index/schema';
import type { SeedArticle } from './seed-file';
import { splitSentences, type Span } from './sentences';
import { PERSON_TITLES } from '../words';
import { searchDocument } from '../index/search-document';
import { compileMatcher } from '../match/compile';
import type { MatchAlias } from '../match/matcher';

export interface OverridesSource {
  file: string;
  source: string;
}

/** An article's text cut into sentences, each knowing the block (paragraph, heading…) it sits in. */
export interface SplitArticle {
  seed: SeedArticle;
  blocks: Block[];
  sentences: Span[];
  /** For each sentence, the index of its block in `blocks`. */
  blockOf: number[];
}

export function splitArticle(seed: SeedArticle): SplitArticle {
  const blocks = seed.blocks ?? linesAsBlocks(seed.text);
  const sentences = splitSentences(seed.text);
  let b = 0;
  const blockOf = sentences.map(([start]) => {
    while (b < blocks.length - 1 && blocks[b]!.end <= start) b++;
    return b;
  });
  return { seed, blocks, sentences, blockOf };
}

/**
 * @param english the dictionary that tells ordinary capitalised words from names; the Node side passes
 *   Hunspell's (lib/index/node-english.ts).
 */
export function buildIndex(
  seeds: SeedArticle[],
  overrides?: OverridesSource,
  english: English = NO_ENGLISH,
): SourceIndex {
  const seen = new Map<string, string>();
  for (const seed of seeds) {
    const other = seen.get(seed.id);
    if (other)
      throw new SeedError(
        seed.file,
        null,
        `duplicate article id "${seed.id}" (also used by ${other})`,
      );
    seen.set(seed.id, seed.file);
  }
  const split = seeds.map(splitArticle);

  // A capitalised word that also occurs in lower case is an ordinary word at a sentence start.
  const lowercaseWords = new Set<string>();
  for (const s of seeds)
    for (const m of s.text.matchAll(/(?<![\p{L}.])\p{Ll}[\p{Ll}'’-]*/gu)) lowercaseWords.add(m[0]);

  const candidates = split.flatMap((a) =>
    findCandidates(
      {
        text: a.seed.text,
        sentences: a.sentences,
        kinds: a.blockOf.map((b) => a.blocks[b]?.kind ?? 'paragraph'),
      },
      lowercaseWords,
      english,
    ),
  );
  let drafts = buildEntities(candidates);
  if (overrides) drafts = applyOverrides(overrides.file, overrides.source, drafts);
  drafts = drafts.map((d) => ({
    ...d,
    aliases: d.aliases.map((a) => (articlesOnly(d, a, english) ? { ...a, pageMatch: false } : a)),
  }));
  const { articles, entities } = attachMentions(split, drafts, english);
  const index: SourceIndex = {
    version: INDEX_VERSION,
    articles,
    entities,
    search: {
      keys: SEARCH_KEYS.map((k) => k.name),
      index: Fuse.createIndex([...SEARCH_KEYS], entities.map(searchDocument)).toJSON(),
    },
  };
  return indexSchema.parse(index);
}

/**
 * The entity's name as this article writes it: the fullest of its untitled aliases found in the text
 * ("Donald Trump" in a news story, "Donald J. Trump" in a fact sheet), else its canonical name.
 */
function nameIn(entity: Entity, text: string): string {
  let best = entity.name;
  let bestWords = 0;
  for (const a of [{ text: entity.name }, ...entity.aliases]) {
    const words = a.text.split(/\s+/);
    if (PERSON_TITLES.has(words[0]!.toLowerCase()) || !text.includes(a.text)) continue;
    if (words.length > bestWords || (words.length === bestWords && a.text === entity.name)) {
      best = a.text;
      bestWords = words.length;
    }
  }
  return best;
}

/**
 * A one-word short form of a longer name that is an ordinary English word ("Electric" for "Schneider
 * Electric", "Industries" for "Pratt Industries"): in the articles it is the name, on other pages mostly
 * the word.
 * So is a person's common first name alone ("Marco" for Marco Rubio).
 * A word the dictionary also lists as a name ("House", "Bush") is not ordinary here, and a person named
 * with a given name keeps their surname ("Elon Musk" → "Musk": on a page, mostly him). The given name
 * decides, not the type: companies are typed as people often enough ("Schneider Electric").
 */
function articlesOnly(entity: EntityDraft, alias: AliasDraft, english: English): boolean {
  const first = entity.name.split(' ')[0]!.toLowerCase();
  const person = entity.type === 'person' && entity.name.includes(' ');
  // "Marco" for Marco Rubio: in his articles, him; on other pages, any Marco.
  if (person && alias.text.toLowerCase() === first) return GIVEN_NAMES.has(first);
  // "Point" for West Point, "Allah" for Ansar Allah (typed people by mistake): a last word alone names a
  // person on other pages only when a first name ("Kristi"; "West" is a direction here) or a title
  // vouches that the name is a person's.
  if (
    person &&
    !/\s/u.test(alias.text) &&
    !alias.caseSensitive &&
    !(GIVEN_NAMES.has(first) && !COMPASS.has(first)) &&
    entity.roles.length === 0
  )
    return true;
  return (
    !(entity.type === 'person' && GIVEN_NAMES.has(first)) &&
    entity.name.includes(' ') &&
    !alias.caseSensitive &&
    !/[\s\-‐‑]/u.test(alias.text) &&
    english.isOrdinary(alias.text) &&
    !english.isProperNoun(alias.text)
  );
}

function attachMentions(
  split: SplitArticle[],
  drafts: EntityDraft[],
  english: English,
): { articles: Article[]; entities: Entity[] } {
  const aliases: MatchAlias[] = [];
  drafts.forEach((d, entityIndex) =>
    d.aliases.forEach((a) => aliases.push({ ...a, entityId: String(entityIndex) })),
  );
  const matcher = compileMatcher(aliases);
  const entities: Entity[] = drafts.map((d) => ({
    id: d.id,
    name: d.name,
    type: d.type,
    aliases: d.aliases,
    ...(d.description ? { description: d.description } : {}),
    roles: d.roles,
    mentions: [],
  }));
  /**
   * A speaker as written ("Acting Secretary Smith", "Bondi", "Parata") → the entity it names: the alias
   * that ends the phrase (titles come first), else the person of this article whose name ends with the
   * same surname and was named most recently before the quotation.
   */
  const resolveSpeaker = (
    speaker: string,
    article: SeedArticle,
    before: number,
  ): { by: string; byEntityId?: string } => {
    const found = matcher.findMentions(speaker);
    const last = found[found.length - 1];
    if (last && speaker.slice(last.end).trim() === '') {
      const e = entities[Number(last.entityId)]!;
      return { by: nameIn(e, article.text), byEntityId: e.id };
    }
    // A label that describes its speaker ("Fox News’ Bill Melugin", "Jane Roe, a fellow at X"): the
    // person it names.
    const person = found.map((m) => entities[Number(m.entityId)]!).find((e) => e.type === 'person');
    if (person) return { by: nameIn(person, article.text), byEntityId: person.id };
    const surname = speaker.split(/\s+/).pop()!;
    let best: Entity | undefined;
    let bestAt = -1;
    for (const e of entities) {
      if (!['person', 'other'].includes(e.type) || !e.name.endsWith(` ${surname}`)) continue;
      const at = article.text.lastIndexOf(e.name, before);
      if (at > bestAt) {
        best = e;
        bestAt = at;
      }
    }
    return best ? { by: nameIn(best, article.text), byEntityId: best.id } : { by: speaker };
  };
  const articles = split.map(({ seed, sentences, blockOf, blocks }): Article => {
    const attributions = attributeSentences(seed.text, sentences, blocks, blockOf);
    return {
      id: seed.id,
      title: seed.title,
      outlet: seed.outlet,
      citedSources: seed.citedSources,
      url: seed.url,
      published: seed.published,
      language: seed.language,
      note: seed.note,
      sentences: sentences.map(([start, end], sentenceIndex) => {
        const text = seed.text.slice(start, end);
        const a = attributions[sentenceIndex]!;
        const attribution: Attribution =
          a.role === 'narration' || (a.speaker === null && a.role !== 'quote')
            ? { by: seed.outlet, role: 'narration' }
            : a.speaker === null
              ? // Someone's words, the speaker not named where they are quoted: shown as unknown.
                { role: 'quote', by: null }
              : {
                  role: a.role,
                  ...resolveSpeaker(a.speaker, seed, end),
                  ...(a.cue ? { cue: a.cue } : {}),
                };
        const spansByEntity = new Map<string, Array<[number, number]>>();
        for (const m of matcher.findMentions(text)) {
          if (isEmphasis(text, m.start, m.end, english)) continue;
          const spans = spansByEntity.get(m.entityId) ?? [];
          spans.push([m.start, m.end]);
          spansByEntity.set(m.entityId, spans);
        }
        for (const [entityIndex, spans] of spansByEntity)
          entities[Number(entityIndex)]!.mentions.push({
            articleId: seed.id,
            sentenceIndex,
            spans,
          });
        return { text, paragraph: blockOf[sentenceIndex]!, attribution };
      }),
    };
  });
  // An entity no sentence mentions (e.g. every alias was ambiguous) has nothing to show.
  return { articles, entities: entities.filter((e) => e.mentions.length > 0) };
}
