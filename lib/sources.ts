/**
 * What the index says about an entity, grouped the way a reader compares it: by source (the outlet, or
 * for an article whose outlet is unknown, the sources it cites), then by article. Most recent first;
 * inside an article, sentences in reading order.
 */
import { t } from './i18n';
import type { ArticleMeta, EntityView, MentionView } from './messages';

export interface ArticleGroup {
  article: ArticleMeta;
  mentions: SourcedMention[];
}

export interface SourcedMention extends MentionView {
  /** Older articles of the same source with this very sentence (said once, here, in the newest). */
  alsoIn?: ArticleMeta[];
}

export interface SourceGroup {
  /** "The White House"; "Outlet unknown, citing Breitbart"; "Outlet unknown". */
  label: string;
  /** The articles with a sentence of their own to show (see `sayOnce`). */
  articles: ArticleGroup[];
  /** Every article of the source that mentions the entity, those only named under a repeat included. */
  articleCount: number;
  /** Sentences shown: a sentence repeated word for word counts once. */
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

/**
 * Reading order, except that a line holding nothing but the name ("DONALD J. TRUMP" signing a
 * proclamation, "Switzerland" in a list of countries) comes after the sentences that say something.
 */
const readingOrder = (a: MentionView, b: MentionView) =>
  Number(nameOnly(a)) - Number(nameOnly(b)) || a.sentenceIndex - b.sentenceIndex;

/** Whether the sentence holds no letter outside the mention's spans. */
function nameOnly(m: MentionView): boolean {
  let rest = '';
  let at = 0;
  for (const [start, end] of m.spans) {
    rest += m.sentence.slice(at, Math.max(at, start));
    at = Math.max(at, end);
  }
  return !/\p{L}/u.test(rest + m.sentence.slice(at));
}

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
  const groups = [...bySource].map(([label, all]): SourceGroup => {
    all.sort((a, b) => byDateDesc(a.article.published, b.article.published));
    const dates = all.map((g) => g.article.published).filter((d): d is string => d !== null);
    dates.sort();
    const list = sayOnce(all);
    return {
      label,
      articles: list,
      articleCount: all.length,
      sentences: list.reduce((n, g) => n + g.mentions.length, 0),
      from: dates[0] ?? null,
      to: dates[dates.length - 1] ?? null,
    };
  });
  return groups.sort((a, b) => byDateDesc(a.to, b.to) || b.sentences - a.sentences);
}

/**
 * A sentence a source repeats word for word in several articles (a fact sheet's line in the next week's
 * list) is shown once, in the newest article, with the others named after it; an article left with no
 * sentence of its own is then only named there. `groups` is newest first.
 */
function sayOnce(groups: ArticleGroup[]): ArticleGroup[] {
  const first = new Map<string, SourcedMention>();
  const out: ArticleGroup[] = [];
  for (const g of groups) {
    const mentions: SourcedMention[] = [];
    for (const m of g.mentions) {
      const earlier = first.get(m.sentence);
      if (earlier) earlier.alsoIn = [...(earlier.alsoIn ?? []), g.article];
      else {
        const kept = { ...m };
        first.set(m.sentence, kept);
        mentions.push(kept);
      }
    }
    if (mentions.length > 0) out.push({ article: g.article, mentions });
  }
  return out;
}
