/** "Saved by you from example.com, 2026-11-28": on a card, beside an article the reader saved. */
import { t } from '../lib/i18n';
import type { ArticleMeta } from '../lib/messages';

export function SavedBy({ saved }: { saved: NonNullable<ArticleMeta['saved']> }) {
  return <span class="sc-saved-by">{t('ownSavedBy', [saved.site, saved.at.slice(0, 10)])}</span>;
}
