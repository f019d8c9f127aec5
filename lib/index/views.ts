/** Read-only views of the index for the other parts of the extension. */
import type { ArticleMeta, EntityDetails, EntityView } from '../messages';
import type { SourceIndex } from './schema';

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

/** Entities' names in the order of `ids`; an id the index does not know stands for itself. */
export function entityNames(index: SourceIndex, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  const names = new Map<string, string>();
  for (const e of index.entities) if (wanted.has(e.id)) names.set(e.id, e.name);
  return ids.map((id) => names.get(id) ?? id);
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
