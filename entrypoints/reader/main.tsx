import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReaderApp } from '../../components/ReaderApp';
import { parsePageRequest } from '../../lib/messages';
import '../../components/card.css';
import '../../components/pages.css';
import { t, uiLocale } from '../../lib/i18n';

document.documentElement.lang = uiLocale();
document.title = t('readerTitle');

render(<ReaderApp />, document.getElementById('app')!);

// The background reuses one reader tab: the reader in that tab shows the new article (ReaderApp follows
// the hash) and says so; any other reader page stays as it is.
let ownTab: number | undefined;
void browser.tabs.getCurrent().then((tab) => (ownTab = tab?.id));
browser.runtime.onMessage.addListener((message, sender) => {
  const request = parsePageRequest(message);
  // Not for this reader: no answer at all, so the one it is for is heard.
  if (
    request?.type !== 'reader-show' ||
    sender.id !== browser.runtime.id ||
    sender.tab ||
    request.tabId !== ownTab
  )
    return undefined;
  location.hash = request.hash;
  return Promise.resolve(true);
});
