/** Talking to a tab's content script from extension pages (popup, tests). */
import { browser, type Browser } from 'wxt/browser';
import type { ContentRequest, PageMentionsResponse } from './messages';

/** The tab the popup acts on: `?tabId=N` when opened as a page (keyboard users, tests), else the active tab. */
export async function targetTab(search: string): Promise<Browser.tabs.Tab | null> {
  const id = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(id) && id > 0) return browser.tabs.get(id).catch(() => null);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

/** The page's mentions, or null where no content script can run (browser pages, the web store). */
export async function pageMentions(tabId: number): Promise<PageMentionsResponse | null> {
  const request: ContentRequest = { type: 'get-page-mentions' };
  try {
    const response = (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as
      PageMentionsResponse | undefined;
    return response ?? null;
  } catch {
    return null;
  }
}

export async function revealMention(tabId: number, index: number): Promise<void> {
  const request: ContentRequest = { type: 'reveal-mention', index };
  await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined);
}

/** Shows the entity's next mention in the tab (each call moves on; it wraps around). */
export async function revealEntity(tabId: number, entityId: string): Promise<void> {
  const request: ContentRequest = { type: 'reveal-entity', entityId };
  await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined);
}
