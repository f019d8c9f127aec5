/** Read-only views of the index for the other parts of the extension. */
import {
  ALIAS_CASE_SENSITIVE,
  ALIAS_REQUIRE_CAPITAL,
  type ArticleMeta,
  type EntityDetails,
  type EntityView,
  type MatchData,
} from '../messages';
import type { SourceIndex } from './schema';
import type { MatchAlias } from '../match/matcher';

export function toMatchData(index: SourceIndex): MatchData {
  const half = index.articles.length / 2;
  return {
    common: index.entities
      .filter(
        (e) => index.articles.length > 2 && new Set(e.mentions.map((m) => m.articleId)).size > half,
      )
      .map((e) => e.id),
    entities: index.entities.map((e) => [e.id, e.name]),
    aliases: index.entities.flatMap((e, position) =>
      e.aliases.map((a): [number, string, number] => [
        position,
        a.text,
        (a.caseSensitive ? ALIAS_CASE_SENSITIVE : 0) |
          (a.requireCapital ? ALIAS_REQUIRE_CAPITAL : 0),
      ]),
    ),
  };
}

/** The matcher's alias list. (Muted entities are still found, then left unmarked: see the annotator.) */
export function matchAliases(data: MatchData): MatchAlias[] {
  const out: MatchAlias[] = [];
  data.aliases.forEach(([position, text, flags], aliasId) => {
    const entityId = data.entities[position]?.[0];
    if (entityId === undefined) return;
    out.push({
      entityId,
      aliasId,
      text,
      caseSensitive: (flags & ALIAS_CASE_SENSITIVE) !== 0,
      requireCapital: (flags & ALIAS_REQUIRE_CAPITAL) !== 0,
    });
  });
  return out;
}

export function articleMeta(index: SourceIndex, articleId: string): ArticleMeta | undefined {
  const a = index.articles.find((x) => x.id === articleId);
  if (!a) return undefined;
  const { sentences: _sentences, ...meta } = a;
  return meta;
}

/** An entity with each mention's sentence and attribution filled in from its article. */
export function entityView(
  index: SourceIndex,
  entity: SourceIndex['entities'][number],
): EntityView {
  const byId = new Map(index.articles.map((a) => [a.id, a]));
  return {
    ...entity,
    mentions: entity.mentions.flatMap((m) => {
      const s = byId.get(m.articleId)?.sentences[m.sentenceIndex];
      return s ? [{ ...m, sentence: s.text, attribution: s.attribution }] : [];
    }),
  };
}

export function entityDetails(index: SourceIndex, id: string): EntityDetails | null {
  const entity = index.entities.find((e) => e.id === id);
  if (!entity) return null;
  const articles: EntityDetails['articles'] = {};
  for (const m of entity.mentions) {
    const meta = articleMeta(index, m.articleId);
    if (meta) articles[m.articleId] = meta;
  }
  return { entity: entityView(index, entity), articles };
}
