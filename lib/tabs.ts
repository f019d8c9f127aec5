/** Talking to a tab's content script from extension pages (popup, tests). */
import { browser, type Browser } from 'wxt/browser';
import { sendToBackground, sendToTab, type PageMentionsResponse } from './messages';

/** The tab the popup acts on: `?tabId=N` when opened as a page (keyboard users, tests), else the active tab. */
export async function targetTab(search: string): Promise<Browser.tabs.Tab | null> {
  const id = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id).catch(() => null);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

/**
 * The page's mentions and its site, or null where no content script can run (browser pages, the web
 * store). The site comes from the page itself: the extension has no permission to read tabs' addresses.
 */
export function pageMentions(tabId: number): Promise<PageMentionsResponse | null> {
  return sendToTab(tabId, { type: 'get-page-mentions' });
}

export async function revealMention(tabId: number, index: number): Promise<void> {
  await sendToTab(tabId, { type: 'reveal-mention', index });
}

/** Shows the entity's next mention in the tab (each call moves on; it wraps around). */
export async function revealEntity(tabId: number, entityId: string): Promise<void> {
  await sendToTab(tabId, { type: 'reveal-entity', entityId });
}

/** Opens the reader at an article (and sentence), in the one reader tab the background keeps. */
export async function openReader(articleId: string, sentenceIndex?: number): Promise<void> {
  await sendToBackground({ type: 'open-reader', articleId, sentenceIndex });
}
