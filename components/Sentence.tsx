import type { SourcedMention } from '../lib/sources';
import { attributionLabel, emphasise, formatDate } from '../lib/format';
import { t } from '../lib/i18n';
import { trusted } from './trusted';

/** One indexed sentence, the mention emphasised, with who asserts it. Text only: never parsed as HTML. */
export function Sentence({
  mention,
  onOpenReader,
  firstRevealed = false,
}: {
  mention: SourcedMention;
  onOpenReader?: () => void;
  /** The first sentence "more" revealed: the card focuses it (EntityCard). */
  firstRevealed?: boolean;
}) {
  return (
    <li
      class={`sc-sentence sc-role-${mention.attribution.role}`}
      tabIndex={firstRevealed ? -1 : undefined}
      data-sc-revealed={firstRevealed ? '' : undefined}
    >
      <blockquote class="sc-quote">
        {emphasise(mention.sentence, mention.spans).map((p, i) =>
          p.em ? <mark key={i}>{p.text}</mark> : p.text,
        )}
      </blockquote>
      {/* The article's own voice is said once, in its source line: only quotes and reported speech
          carry a line of their own. */}
      {(mention.attribution.role !== 'narration' || onOpenReader) && (
        <p class="sc-attribution">
          {mention.attribution.role !== 'narration' && (
            <span class="sc-role-label">{attributionLabel(mention.attribution)}</span>
          )}
          {mention.attribution.role !== 'narration' && onOpenReader && ' · '}
          {onOpenReader && (
            <button type="button" class="sc-link" onClick={trusted(onOpenReader)}>
              {t('cardOpenInReader')}
            </button>
          )}
        </p>
      )}
      {mention.alsoIn && (
        <p class="sc-also-in">
          {t(
            'cardAlsoIn',
            mention.alsoIn
              .map((a) => `${a.title ?? t('cardTitleUnknown')} (${formatDate(a.published)})`)
              .join('; '),
          )}
        </p>
      )}
    </li>
  );
}
