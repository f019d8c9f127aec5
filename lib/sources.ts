/**
 * What the index says about an entity, grouped the way a reader compares it: by source (the outlet, or
 * for an article whose outlet is unknown, the sources it cites), then by article. Most recent first;
 * inside an article, sentences in reading order.
 */
import { t } from './i18n';
import type { ArticleMeta, EntityView, MentionView } from './messages';

export interface ArticleGroup {
  article: ArticleMeta;
  mentions: MentionView[];
}

export interface SourceGroup {
  /** "The White House"; "Outlet unknown, citing Breitbart"; "Outlet unknown". */
  label: string;
  articles: ArticleGroup[];
  sentences: number;
  /** Earliest and latest known publication dates (ISO), null when none is known. */
  from: string | null;
  to: string | null;
}

export function sourceLabel(article: ArticleMeta): string {
  if (article.outlet) return article.outlet;
  return article.citedSources.length
    ? t('sourceOutletUnknownCiting', article.citedSources.join(', '))
    : t('sourceOutletUnknown');
}

/** Newest first; unknown dates last. */
const byDateDesc = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : b.localeCompare(a);

const readingOrder = (a: MentionView, b: MentionView) => a.sentenceIndex - b.sentenceIndex;

export function groupBySource(
  entity: EntityView,
  articles: Record<string, ArticleMeta>,
): SourceGroup[] {
  const byArticle = new Map<string, MentionView[]>();
  for (const m of entity.mentions)
    if (articles[m.articleId])
      byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), m]);
  const bySource = new Map<string, ArticleGroup[]>();
  for (const [id, mentions] of byArticle) {
    const article = articles[id]!;
    const label = sourceLabel(article);
    const group = { article, mentions: mentions.sort(readingOrder) };
    bySource.set(label, [...(bySource.get(label) ?? []), group]);
  }
  const groups = [...bySource].map(([label, list]): SourceGroup => {
    list.sort((a, b) => byDateDesc(a.article.published, b.article.published));
    const dates = list.map((g) => g.article.published).filter((d): d is string => d !== null);
    dates.sort();
    return {
      label,
      articles: list,
      sentences: list.reduce((n, g) => n + g.mentions.length, 0),
      from: dates[0] ?? null,
      to: dates[dates.length - 1] ?? null,
    };
  });
  return groups.sort((a, b) => byDateDesc(a.to, b.to) || b.sentences - a.sentences);
}
