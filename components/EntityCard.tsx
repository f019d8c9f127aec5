/**
 * What the indexed articles say about one entity, and who says it, grouped by source and then by
 * article (lib/sources.ts). Used by the hover card, the popup and the reader alike: props in, callbacks
 * out. The hover card is compact — two sentences per article and three articles per source at first —
 * and "more" expands in place.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntityDetails } from '../lib/messages';
import { articleCount, formatDate, formatDateRange, typeLabel } from '../lib/format';
import { t, tn } from '../lib/i18n';
import { groupBySource } from '../lib/sources';
import { SavedBy } from './SavedBy';
import { Sentence } from './Sentence';
import { trusted } from './trusted';

export interface EntityCardProps {
  details: EntityDetails;
  headingId?: string;
  /** Show the first few sentences and articles of each source, with "more" to expand. */
  compact?: boolean;
  onOpenReader?: (articleId: string, sentenceIndex: number) => void;
}

const SENTENCES_PER_ARTICLE = 2;
const ARTICLES_PER_SOURCE = 3;

export function EntityCard({ details, headingId, compact = false, onOpenReader }: EntityCardProps) {
  const { entity, articles } = details;
  /** Sources and articles the reader expanded ("more"). */
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  /**
   * The list "more" last expanded. Its first new item takes the focus: the button that had it is gone,
   * and a keyboard user would otherwise be thrown back to the start of the page.
   */
  const [revealed, setRevealed] = useState<string | null>(null);
  const cardRef = useRef<HTMLElement>(null);
  const expand = (key: string) => {
    setOpen((s) => new Set([...s, key]));
    setRevealed(key);
  };
  useLayoutEffect(() => {
    if (revealed !== null)
      cardRef.current?.querySelector<HTMLElement>('[data-sc-revealed]')?.focus();
  }, [revealed]);
  const groups = groupBySource(entity, articles);
  const otherNames = entity.aliases.map((a) => a.text).filter((t) => t !== entity.name);
  const count = articleCount(entity);
  return (
    <article class="sc-card" aria-labelledby={headingId} ref={cardRef}>
      <header class="sc-card-header">
        <h2 id={headingId} class="sc-name">
          {entity.name}
        </h2>
        <span class={`sc-type sc-type-${entity.type}`}>{typeLabel(entity.type)}</span>
      </header>
      {entity.description && <p class="sc-description">{entity.description}</p>}
      {(otherNames.length > 0 || entity.roles.length > 0) && (
        <dl class="sc-facts">
          {otherNames.length > 0 && (
            <>
              <dt>{t('cardAlsoCalled')}</dt>
              <dd>{otherNames.join(', ')}</dd>
            </>
          )}
          {entity.roles.length > 0 && (
            <>
              <dt>{t('cardTitlesInSources')}</dt>
              <dd>{entity.roles.join(', ')}</dd>
            </>
          )}
        </dl>
      )}
      <p class="sc-count">
        {t('cardCount', [
          tn('countSentence', entity.mentions.length),
          tn('countIndexedArticle', count),
          tn('countSource', groups.length),
        ])}
      </p>
      {groups.map((g) => {
        const allArticles = !compact || open.has(g.label);
        const shownArticles = allArticles ? g.articles : g.articles.slice(0, ARTICLES_PER_SOURCE);
        return (
          <section class="sc-source-group" key={g.label}>
            <h3 class="sc-source-name">{g.label}</h3>
            <p class="sc-source-meta">
              {tn('countArticle', g.articleCount)} · {tn('countSentence', g.sentences)} ·{' '}
              {formatDateRange(g.from, g.to)}
            </p>
            {shownArticles.map(({ article, mentions }, articleAt) => {
              const key = `${g.label}\u0000${article.id}`;
              const shown =
                !compact || open.has(key) ? mentions : mentions.slice(0, SENTENCES_PER_ARTICLE);
              const firstRevealed = revealed === g.label && articleAt === ARTICLES_PER_SOURCE;
              return (
                <section
                  class="sc-article"
                  key={article.id}
                  tabIndex={firstRevealed ? -1 : undefined}
                  data-sc-revealed={firstRevealed ? '' : undefined}
                >
                  <p class="sc-source">
                    <cite class="sc-title">{article.title ?? t('cardTitleUnknown')}</cite>
                    <span aria-hidden="true"> · </span>
                    <span class="sc-date">{formatDate(article.published)}</span>
                    {article.url && (
                      <>
                        <span aria-hidden="true"> · </span>
                        <a
                          class="sc-link"
                          href={article.url}
                          target="_blank"
                          rel="noreferrer noopener"
                        >
                          {t('cardOriginal')}
                        </a>
                      </>
                    )}
                    {article.saved && <SavedBy saved={article.saved} />}
                  </p>
                  {/* The sentences are the article's words, in its language, whatever the
                      interface's language is. */}
                  <ul class="sc-sentences" lang={article.language ?? undefined}>
                    {shown.map((m, at) => (
                      <Sentence
                        key={m.sentenceIndex}
                        mention={m}
                        firstRevealed={revealed === key && at === SENTENCES_PER_ARTICLE}
                        onOpenReader={
                          onOpenReader && (() => onOpenReader(m.articleId, m.sentenceIndex))
                        }
                      />
                    ))}
                  </ul>
                  {shown.length < mentions.length && (
                    <button type="button" class="sc-more" onClick={trusted(() => expand(key))}>
                      {tn('cardMoreSentences', mentions.length - shown.length)}
                    </button>
                  )}
                </section>
              );
            })}
            {shownArticles.length < g.articles.length && (
              <button type="button" class="sc-more" onClick={trusted(() => expand(g.label))}>
                {tn('cardMoreArticles', g.articles.length - shownArticles.length, [g.label])}
              </button>
            )}
          </section>
        );
      })}
    </article>
  );
}
