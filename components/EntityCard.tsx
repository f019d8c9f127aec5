/**
 * What the indexed articles say about one entity, and who says it. Used by the hover popover, the popup
 * and the reader alike: props in, callbacks out.
 */
import { useState } from 'preact/hooks';
import type { EntityDetails } from '../lib/messages';
import { TYPE_LABELS, articleCount, plural } from '../lib/format';
import { SourceLine } from './SourceLine';
import { Sentence } from './Sentence';

export interface EntityCardProps {
  details: EntityDetails;
  headingId?: string;
  /** Sentences shown before "Show all". */
  initialSentences?: number;
  onOpenReader?: (articleId: string, sentenceIndex: number) => void;
}

export function EntityCard({
  details,
  headingId,
  initialSentences = 3,
  onOpenReader,
}: EntityCardProps) {
  const { entity, articles } = details;
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? entity.mentions : entity.mentions.slice(0, initialSentences);
  const byArticle = new Map<string, typeof shown>();
  for (const m of shown) byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), m]);
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
        Mentioned in {plural(count, 'indexed article')},{' '}
        {plural(entity.mentions.length, 'sentence')}
      </p>
      {[...byArticle].map(([articleId, mentions]) => {
        const article = articles[articleId];
        return (
          <section class="sc-article" key={articleId}>
            {article && <SourceLine article={article} />}
            <ul class="sc-sentences">
              {mentions.map((m) => (
                <Sentence
                  key={m.sentenceIndex}
                  mention={m}
                  onOpenReader={onOpenReader && (() => onOpenReader(m.articleId, m.sentenceIndex))}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {entity.mentions.length > shown.length && (
        <button type="button" class="sc-more" onClick={() => setExpanded(true)}>
          Show all {entity.mentions.length} sentences
        </button>
      )}
    </article>
  );
}
