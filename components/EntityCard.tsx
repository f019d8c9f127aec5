/**
 * What the indexed articles say about one entity, and who says it, grouped by source and then by
 * article (lib/sources.ts). Used by the hover card, the popup and the reader alike: props in, callbacks
 * out. The hover card is compact — two sentences per article and three articles per source at first —
 * and "more" expands in place.
 */
import { useState } from 'preact/hooks';
import type { EntityDetails } from '../lib/messages';
import { TYPE_LABELS, articleCount, formatDate, plural } from '../lib/format';
import { groupBySource, type SourceGroup } from '../lib/sources';
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

function dateRange(g: SourceGroup): string {
  if (!g.from || !g.to) return 'date unknown';
  return g.from === g.to ? formatDate(g.to) : `${formatDate(g.from)} – ${formatDate(g.to)}`;
}

export function EntityCard({ details, headingId, compact = false, onOpenReader }: EntityCardProps) {
  const { entity, articles } = details;
  /** Sources and articles the reader expanded ("more"). */
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const expand = (key: string) => setOpen((s) => new Set([...s, key]));
  const groups = groupBySource(entity, articles);
  const otherNames = entity.aliases.map((a) => a.text).filter((t) => t !== entity.name);
  const count = articleCount(entity);
  return (
    <article class="sc-card" aria-labelledby={headingId}>
      <header class="sc-card-header">
        <h2 id={headingId} class="sc-name">
          {entity.name}
        </h2>
        <span class={`sc-type sc-type-${entity.type}`}>{TYPE_LABELS[entity.type]}</span>
      </header>
      {entity.description && <p class="sc-description">{entity.description}</p>}
      {(otherNames.length > 0 || entity.roles.length > 0) && (
        <dl class="sc-facts">
          {otherNames.length > 0 && (
            <>
              <dt>Also called</dt>
              <dd>{otherNames.join(', ')}</dd>
            </>
          )}
          {entity.roles.length > 0 && (
            <>
              <dt>Titles in sources</dt>
              <dd>{entity.roles.join(', ')}</dd>
            </>
          )}
        </dl>
      )}
      <p class="sc-count">
        {plural(entity.mentions.length, 'sentence')} in {plural(count, 'indexed article')} from{' '}
        {plural(groups.length, 'source')}
      </p>
      {groups.map((g) => {
        const allArticles = !compact || open.has(g.label);
        const shownArticles = allArticles ? g.articles : g.articles.slice(0, ARTICLES_PER_SOURCE);
        return (
          <section class="sc-source-group" key={g.label}>
            <h3 class="sc-source-name">{g.label}</h3>
            <p class="sc-source-meta">
              {plural(g.articles.length, 'article')} · {plural(g.sentences, 'sentence')} ·{' '}
              {dateRange(g)}
            </p>
            {shownArticles.map(({ article, mentions }) => {
              const key = `${g.label}\u0000${article.id}`;
              const shown =
                !compact || open.has(key) ? mentions : mentions.slice(0, SENTENCES_PER_ARTICLE);
              return (
                <section class="sc-article" key={article.id}>
                  <p class="sc-source">
                    <cite class="sc-title">{article.title ?? 'Title unknown'}</cite>
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
                          original
                        </a>
                      </>
                    )}
                    {article.saved && <SavedBy saved={article.saved} />}
                  </p>
                  <ul class="sc-sentences">
                    {shown.map((m) => (
                      <Sentence
                        key={m.sentenceIndex}
                        mention={m}
                        onOpenReader={
                          onOpenReader && (() => onOpenReader(m.articleId, m.sentenceIndex))
                        }
                      />
                    ))}
                  </ul>
                  {shown.length < mentions.length && (
                    <button type="button" class="sc-more" onClick={trusted(() => expand(key))}>
                      {plural(mentions.length - shown.length, 'more sentence')} in this article
                    </button>
                  )}
                </section>
              );
            })}
            {shownArticles.length < g.articles.length && (
              <button type="button" class="sc-more" onClick={trusted(() => expand(g.label))}>
                {plural(g.articles.length - shownArticles.length, 'more article')} from {g.label}
              </button>
            )}
          </section>
        );
      })}
    </article>
  );
}
