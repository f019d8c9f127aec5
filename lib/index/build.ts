/**
 * The index builder: seed articles (+ optional curated overrides) → the versioned, validated index.
 * Pure: no file system here (see build-from-dir.ts), so every step is unit-tested on strings.
 */
import Fuse from 'fuse.js';
import { attributeSentences } from './attribution';
import { findCandidates } from './candidates';
import { INDEX_VERSION, SEARCH_KEYS } from './constants';
import { buildEntities, type EntityDraft } from './entities';
import { SeedError } from './errors';
import { applyOverrides } from './overrides';
import {
  indexSchema,
  type Article,
  type Attribution,
  type Entity,
  type SourceIndex,
} from './schema';
import type { SeedArticle } from './seed-file';
import { splitSentences } from './sentences';
import { searchDocument } from './search-document';
import { Matcher, type MatchAlias } from '../match/matcher';

export interface OverridesSource {
  file: string;
  source: string;
}

export function buildIndex(seeds: SeedArticle[], overrides?: OverridesSource): SourceIndex {
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
  const articles: Article[] = seeds.map((s) => ({
    id: s.id,
    title: s.title,
    outlet: s.outlet,
    citedSources: s.citedSources,
    url: s.url,
    published: s.published,
    language: s.language,
    note: s.note,
    text: s.text,
    sentences: splitSentences(s.text),
  }));

  // A capitalised word that also occurs in lower case is an ordinary word at a sentence start.
  const lowercaseWords = new Set<string>();
  for (const a of articles)
    for (const m of a.text.matchAll(/(?<![\p{L}.])\p{Ll}[\p{Ll}'’-]*/gu)) lowercaseWords.add(m[0]);

  const candidates = articles.flatMap((a) => findCandidates(a, lowercaseWords));
  let drafts = buildEntities(candidates);
  if (overrides) drafts = applyOverrides(overrides.file, overrides.source, drafts);
  const entities = attachMentions(articles, drafts);
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

function attachMentions(articles: Article[], drafts: EntityDraft[]): Entity[] {
  const aliases: MatchAlias[] = [];
  drafts.forEach((d, entityIndex) =>
    d.aliases.forEach((a, aliasIndex) =>
      aliases.push({ ...a, entityId: String(entityIndex), aliasId: aliasIndex }),
    ),
  );
  const matcher = new Matcher(aliases);
  const entities: Entity[] = drafts.map((d) => ({
    id: d.id,
    name: d.name,
    type: d.type,
    aliases: d.aliases,
    ...(d.description ? { description: d.description } : {}),
    roles: d.roles,
    mentions: [],
  }));
  const resolveSpeaker = (speaker: string): { by: string; byEntityId?: string } => {
    const found = matcher.findMentions(speaker);
    const whole =
      found.length === 1 && speaker.slice(found[0]!.end).trim() === '' ? found[0] : undefined;
    if (!whole) return { by: speaker };
    const e = entities[Number(whole.entityId)]!;
    return { by: e.name, byEntityId: e.id };
  };
  for (const article of articles) {
    const attributions = attributeSentences(article.text, article.sentences);
    article.sentences.forEach(([start, end], sentenceIndex) => {
      const sentence = article.text.slice(start, end);
      const a = attributions[sentenceIndex]!;
      const attribution: Attribution =
        a.role === 'narration' || a.speaker === null
          ? { by: article.outlet, role: 'narration' }
          : { role: a.role, ...resolveSpeaker(a.speaker), ...(a.cue ? { cue: a.cue } : {}) };
      const spansByEntity = new Map<string, Array<[number, number]>>();
      for (const m of matcher.findMentions(sentence)) {
        const spans = spansByEntity.get(m.entityId) ?? [];
        spans.push([m.start, m.end]);
        spansByEntity.set(m.entityId, spans);
      }
      for (const [entityIndex, spans] of spansByEntity) {
        entities[Number(entityIndex)]!.mentions.push({
          articleId: article.id,
          sentenceIndex,
          sentence,
          spans,
          attribution,
        });
      }
    });
  }
  // An entity no sentence mentions (e.g. every alias was ambiguous) has nothing to show.
  return entities.filter((e) => e.mentions.length > 0);
}
