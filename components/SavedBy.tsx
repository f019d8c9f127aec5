/** "Saved by you from example.com, 28 Nov 2026": on a card, beside an article the reader saved. */
import { formatDate } from '../lib/format';
import { t } from '../lib/i18n';
import type { ArticleMeta } from '../lib/messages';

export function SavedBy({ saved }: { saved: NonNullable<ArticleMeta['saved']> }) {
  return <span class="sc-saved-by">{t('ownSavedBy', [saved.site, formatDate(saved.at)])}</span>;
}
