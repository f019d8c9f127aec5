/** Read-only views of the index for the other parts of the extension. */
import type { EntityDetails, EntityView, MatchData, ArticleMeta } from '../messages';
import type { SourceIndex } from './schema';
import type { MatchAlias } from '../match/matcher';
import type { MutedName } from '../settings';

export function toMatchData(index: SourceIndex): MatchData {
  return {
    aliases: index.entities.flatMap((e) =>
      e.aliases.map((a): [string, string, boolean, boolean] => [
        e.id,
        a.text,
        a.caseSensitive,
        a.requireCapital,
      ]),
    ),
    names: Object.fromEntries(index.entities.map((e) => [e.id, e.name])),
  };
}

/** The matcher's alias list, without the names the reader muted. */
export function matchAliases(data: MatchData, muted: readonly MutedName[]): MatchAlias[] {
  const mutedKeys = new Set(muted.map((m) => `${m.entityId}\u0000${m.text.toLowerCase()}`));
  const out: MatchAlias[] = [];
  data.aliases.forEach(([entityId, text, caseSensitive, requireCapital], aliasId) => {
    if (mutedKeys.has(`${entityId}\u0000${text.toLowerCase()}`)) return;
    out.push({ entityId, aliasId, text, caseSensitive, requireCapital });
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
