/**
 * The hover card's frame: a labelled, non-modal dialog around EntityCard, with close and "Not this"
 * controls (stop marking the entity on this site or everywhere, with an undo), and the keyboard help.
 */
import type { Ref } from 'preact';
import type { EntityDetails } from '../lib/messages';
import { t, uiDirection, uiLocale } from '../lib/i18n';
import { EntityCard } from './EntityCard';
import { trusted } from './trusted';

export type MuteScope = 'site' | 'everywhere';

export interface PopoverProps {
  details: EntityDetails | null;
  /** The name as written on the page, offered for muting. */
  pageText: string;
  pinned: boolean;
  /** Set once the reader chose "Not this": the card offers the undo. */
  muted: MuteScope | null;
  dialogRef?: Ref<HTMLDivElement>;
  onClose: () => void;
  onMute: (scope: MuteScope) => void;
  onUndoMute: () => void;
  onOpenReader: (articleId: string, sentenceIndex: number) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onPin: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

const HEADING_ID = 'sc-popover-heading';

export function Popover(props: PopoverProps) {
  const { details } = props;
  return (
    <div
      ref={props.dialogRef}
      class={`sc-popover${props.pinned ? ' sc-pinned' : ''}`}
      role="dialog"
      lang={uiLocale()}
      dir={uiDirection()}
      aria-modal="false"
      aria-labelledby={HEADING_ID}
      tabIndex={-1}
      onPointerEnter={trusted(props.onPointerEnter)}
      onPointerLeave={trusted(props.onPointerLeave)}
      onPointerDown={trusted(props.onPin)}
      onKeyDown={trusted(props.onKeyDown)}
    >
      <div class="sc-popover-bar">
        <span class="sc-brand">{t('extName')}</span>
        <button
          type="button"
          class="sc-icon-button"
          aria-label={t('cardClose')}
          title={t('cardCloseTitle')}
          onClick={trusted(props.onClose)}
        >
          ×
        </button>
      </div>
      {/* Only the body scrolls: the bar with its close button and the footer stay in view (in a short
          card, data-short, the footer scrolls with the body). */}
      <div class="sc-popover-body">
        {details ? (
          <EntityCard
            details={details}
            headingId={HEADING_ID}
            compact
            onOpenReader={props.onOpenReader}
          />
        ) : (
          <p class="sc-loading" id={HEADING_ID}>
            {t('loading')}
          </p>
        )}
      </div>
      <div class="sc-popover-footer">
        {props.muted ? (
          <p class="sc-muted-note" role="status">
            {t(props.muted === 'site' ? 'cardMutedSite' : 'cardMutedEverywhere')}{' '}
            <button type="button" class="sc-link" onClick={trusted(props.onUndoMute)}>
              {t('cardUndo')}
            </button>
          </p>
        ) : (
          <p class="sc-not-this">
            {t('cardNotThis', details?.entity.name ?? props.pageText)}{' '}
            <button type="button" class="sc-link" onClick={trusted(() => props.onMute('site'))}>
              {t('cardMuteSite')}
            </button>{' '}
            ·{' '}
            <button
              type="button"
              class="sc-link"
              onClick={trusted(() => props.onMute('everywhere'))}
            >
              {t('cardMuteEverywhere')}
            </button>
          </p>
        )}
        <p class="sc-help">{t('cardHelp')}</p>
      </div>
    </div>
  );
}
