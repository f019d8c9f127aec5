/**
 * The popup's filter by source: which sources the index holds (labelled as the card labels them, see
 * lib/sources.ts) and which entities each one speaks about, so search results and the entity view can be
 * narrowed to one source.
 */
import type { SourceIndex } from './index/schema';
import { sourceLabel } from './sources';

export interface SourceChoice {
  label: string;
  articles: number;
  /** Entities at least one of this source's articles mentions. */
  entityIds: ReadonlySet<string>;
}

/** Every source of the index, the ones with most articles first (then by label, stable for the list). */
export function listSources(index: SourceIndex): SourceChoice[] {
  const labelOf = new Map(index.articles.map((a) => [a.id, sourceLabel(a)]));
  const articles = new Map<string, number>();
  for (const label of labelOf.values()) articles.set(label, (articles.get(label) ?? 0) + 1);
  const entities = new Map<string, Set<string>>();
  for (const e of index.entities)
    for (const m of e.mentions) {
      const label = labelOf.get(m.articleId);
      if (label === undefined) continue;
      let set = entities.get(label);
      if (!set) entities.set(label, (set = new Set()));
      set.add(e.id);
    }
  return [...articles]
    .map(([label, count]) => ({
      label,
      articles: count,
      entityIds: entities.get(label) ?? new Set(),
    }))
    .sort((a, b) => b.articles - a.articles || a.label.localeCompare(b.label));
}

/** The entity's mentions narrowed to one source's articles (all of them when `label` is null). */
export function mentionsFromSource<M extends { articleId: string }>(
  mentions: readonly M[],
  articles: Record<string, Parameters<typeof sourceLabel>[0]>,
  label: string | null,
): M[] {
  if (label === null) return [...mentions];
  return mentions.filter((m) => {
    const article = articles[m.articleId];
    return article !== undefined && sourceLabel(article) === label;
  });
}

/** The entities a source speaks about, those it mentions most first: what the popup lists for a source. */
export function entitiesOfSource<E extends SourceIndex['entities'][number]>(
  entities: readonly E[],
  articleLabels: ReadonlyMap<string, string>,
  label: string,
): E[] {
  const counted = entities.flatMap((e) => {
    const n = e.mentions.filter((m) => articleLabels.get(m.articleId) === label).length;
    return n > 0 ? [{ e, n }] : [];
  });
  return counted.sort((a, b) => b.n - a.n || a.e.name.localeCompare(b.e.name)).map((x) => x.e);
}
