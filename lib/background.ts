/**
 * The service worker: serves index data to content scripts, keeps the toolbar badge and icon in step with
 * each tab, and owns the context menu and keyboard commands. It never makes a network request: the index
 * is read from the extension package.
 */
import { browser, type Browser } from 'wxt/browser';
import { entityDetails } from './index/views';
import { toMatchData } from './match/match-data';
import type { BackgroundRequest, ContentRequest, MatchData } from './messages';
import { t } from './i18n';
import { currentIndex, handleOwnSources, onIndexChanged } from './user-sources/runtime';

const MENU_ID = 'source-context-lookup';
const ADD_PAGE_MENU_ID = 'source-context-add-page';
const ICON_SIZES = [16, 32, 48, 128] as const;
const iconPaths = (variant: 'on' | 'off') =>
  Object.fromEntries(ICON_SIZES.map((s) => [s, `/icon/${variant === 'on' ? '' : 'off-'}${s}.png`]));

let matchData: Promise<MatchData> | null = null;

const action = () =>
  browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export function popupUrl(params: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return browser.runtime.getURL(`/popup.html?${query}` as '/popup.html');
}

const CARD_SCRIPT = '/content-scripts/card.js';

/** Runs the hover card's script in one frame: scripting API on MV3, tabs.executeScript on MV2. */
async function injectCardUi(tabId: number, frameId: number): Promise<void> {
  if (browser.scripting) {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [CARD_SCRIPT],
    });
  } else {
    const tabs = browser.tabs as unknown as {
      executeScript(tabId: number, details: { file: string; frameId: number }): Promise<unknown>;
    };
    await tabs.executeScript(tabId, { file: CARD_SCRIPT, frameId });
  }
}

async function handle(
  message: BackgroundRequest,
  sender: Browser.runtime.MessageSender,
): Promise<unknown> {
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'get-match-data':
      if (!matchData) {
        matchData = currentIndex().then(toMatchData);
        // A failed load is tried again on the next request, not cached for the worker's lifetime.
        matchData.catch(() => (matchData = null));
      }
      return matchData;
    case 'get-entity':
      return entityDetails(await currentIndex(), message.id);
    case 'mentions-changed':
      if (tabId === undefined) return null;
      await action().setBadgeText({
        tabId,
        text: message.enabled && message.count > 0 ? String(Math.min(message.count, 999)) : '',
      });
      await action().setIcon({ tabId, path: iconPaths(message.enabled ? 'on' : 'off') });
      return null;
    case 'load-card-ui':
      if (tabId === undefined) return false;
      await injectCardUi(tabId, sender.frameId ?? 0);
      return true;
    case 'open-reader': {
      const hash = `article=${encodeURIComponent(message.articleId)}${message.sentenceIndex === undefined ? '' : `&sentence=${message.sentenceIndex}`}`;
      await browser.tabs.create({
        url: browser.runtime.getURL(`/reader.html#${hash}` as '/reader.html'),
      });
      return null;
    }
    default:
      return handleOwnSources(message, sender);
  }
}

export function startBackground(): void {
  // Own sources added or removed: the next get-match-data is made from the new merged index.
  onIndexChanged(() => (matchData = null));
  browser.runtime.onMessage.addListener((message, sender) => {
    const request = message as BackgroundRequest;
    if (typeof request?.type !== 'string') return undefined;
    const result = handle(request, sender);
    return result.then((r) => (r === undefined ? null : r));
  });

  browser.runtime.onInstalled.addListener(() => {
    void action().setBadgeBackgroundColor({ color: '#0b57d0' });
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_ID,
        title: 'Look up “%s” in Source Context',
        contexts: ['selection'],
      });
      // Opens the popup's confirmation for this tab's page (the same flow as its button).
      browser.contextMenus.create({
        id: ADD_PAGE_MENU_ID,
        title: t('ownAddPageMenu'),
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*', 'file:///*'],
      });
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ADD_PAGE_MENU_ID && tab?.id !== undefined) {
      void browser.tabs.create({ url: popupUrl({ tabId: tab.id, add: 1 }) });
      return;
    }
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const params: Record<string, string | number> = { q: info.selectionText.trim().slice(0, 200) };
    if (tab?.id !== undefined) params.tabId = tab.id;
    void browser.tabs.create({ url: popupUrl(params) });
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'next-mention') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const request: ContentRequest = { type: 'next-mention' };
    await browser.tabs.sendMessage(tab.id, request).catch(() => {});
  });
}
