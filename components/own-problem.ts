/** Why an own-sources request stored nothing, in the reader's language. */
import { t } from '../lib/i18n';
import type { OwnSourceProblem } from '../lib/user-sources/protocol';

export function problemMessage(p: OwnSourceProblem): string {
  switch (p.reason) {
    case 'not-article':
      return t('ownErrNotArticle');
    case 'empty':
      return t('ownErrEmpty');
    case 'too-large':
      return t('ownErrTooLarge', [p.chars.toLocaleString(), p.limit.toLocaleString()]);
    case 'unreadable':
      return t('ownErrUnreadable');
    case 'storage':
      return p.detail === 'quota' ? t('ownErrQuota') : t('ownErrStorage', p.detail);
    case 'index':
      return t('ownErrIndex', p.detail);
    case 'invalid-file':
      return t('ownErrInvalidFile', p.detail);
  }
}
