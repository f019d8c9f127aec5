/**
 * The service worker: serves index data to content scripts, keeps the toolbar badge and icon in step with
 * each tab, and owns the context menu and keyboard commands. It never makes a network request: the index
 * is read from the extension package.
 */
import { browser, type Browser } from 'wxt/browser';
import { entityDetails, entityNames } from './index/views';
import { t, tn } from './i18n';
import {
  CONTENT_SCRIPT_ONLY,
  EXTENSION_PAGE_ONLY,
  parseBackgroundRequest,
  sendToPages,
  sendToTab,
  senderKind,
  type BackgroundMessages,
  type BackgroundRequest,
  type TabSite,
} from './messages';
import { siteKey } from './sites';
import {
  currentIndex,
  handleOwnSources,
  hasOwnSources,
  ownMatchText,
  refreshOwnMatch,
} from './user-sources/runtime';

const MENU_ID = 'source-context-lookup';
const ADD_PAGE_MENU_ID = 'source-context-add-page';
const ICON_SIZES = [16, 32, 48, 128] as const;
const iconPaths = (variant: 'on' | 'off') =>
  Object.fromEntries(ICON_SIZES.map((s) => [s, `/icon/${variant === 'on' ? '' : 'off-'}${s}.png`]));

const action = () =>
  browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

export function popupUrl(params: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return browser.runtime.getURL(`/popup.html?${query}` as '/popup.html');
}

const CARD_SCRIPT = '/content-scripts/card.js';

type Sender = Browser.runtime.MessageSender & { documentId?: string };

/**
 * Runs the hover card's script in the sender's frame. Chrome targets the very document that asked
 * (`documentIds`): a frame id is reused when the frame navigates, a document id is not. MV2 (Firefox)
 * has only tabs.executeScript with a frame id.
 */
async function injectCardUi(tabId: number, sender: Sender): Promise<void> {
  if (browser.scripting) {
    const target = sender.documentId
      ? { tabId, documentIds: [sender.documentId] }
      : { tabId, frameIds: [sender.frameId ?? 0] };
    await browser.scripting.executeScript({ target, files: [CARD_SCRIPT] });
  } else {
    const tabs = browser.tabs as unknown as {
      executeScript(tabId: number, details: { file: string; frameId: number }): Promise<unknown>;
    };
    await tabs.executeScript(tabId, { file: CARD_SCRIPT, frameId: sender.frameId ?? 0 });
  }
}

// ---- The site of a tab --------------------------------------------------------------------------
// A frame cannot read a cross-origin top page's location, but every frame of a tab is switched by that
// page's site. The top frame reports its own (frame 0, from `sender.url`); another frame gets the top
// frame's answer, waiting for the top frame's content script to start when it has not yet.

const TOP_SITE_WAIT_MS = 10_000;

/** Frames waiting for their tab's top frame to say its site. */
export class TopSiteWaiters {
  private readonly waiting = new Map<number, Array<(site: TabSite) => void>>();

  /** The top frame's site once it reports, or no site after `ms` (it may never: a browser page). */
  wait(tabId: number, ms: number): Promise<TabSite> {
    return new Promise<TabSite>((resolve) => {
      this.waiting.set(tabId, [...(this.waiting.get(tabId) ?? []), resolve]);
      setTimeout(() => {
        const rest = (this.waiting.get(tabId) ?? []).filter((r) => r !== resolve);
        if (rest.length > 0) this.waiting.set(tabId, rest);
        else this.waiting.delete(tabId);
        resolve({ site: null });
      }, ms);
    });
  }

  report(tabId: number, site: TabSite): void {
    const list = this.waiting.get(tabId) ?? [];
    this.waiting.delete(tabId);
    for (const resolve of list) resolve(site);
  }

  get size(): number {
    return this.waiting.size;
  }
}

const topSites = new TopSiteWaiters();

async function tabSite(tabId: number, sender: Sender): Promise<TabSite> {
  if (sender.frameId === 0) {
    const site = { site: sender.url ? siteKey(sender.url) : null };
    topSites.report(tabId, site);
    return site;
  }
  // Where the browser shows the tab's address to the extension, that is the answer.
  if (sender.tab?.url) return { site: siteKey(sender.tab.url) };
  const waiting = topSites.wait(tabId, TOP_SITE_WAIT_MS);
  const asked = await sendToTab(tabId, { type: 'get-top-site' }, 0);
  if (asked) topSites.report(tabId, asked);
  return waiting;
}

// ---- The reader ---------------------------------------------------------------------------------
// One reader tab, reused: the background remembers it (storage.session outlives a sleeping worker), and
// asks the reader pages which one is in that tab; it shows the new article by changing its hash.

const READER_TAB_KEY = 'readerTabId';

export function readerHash(articleId: string, sentenceIndex?: number): string {
  const p = new URLSearchParams({ article: articleId });
  if (sentenceIndex !== undefined) p.set('sentence', String(sentenceIndex));
  return p.toString();
}

async function openReader(articleId: string, sentenceIndex?: number): Promise<void> {
  const hash = readerHash(articleId, sentenceIndex);
  const session = browser.storage.session;
  const stored = session ? (await session.get(READER_TAB_KEY))[READER_TAB_KEY] : undefined;
  if (
    typeof stored === 'number' &&
    (await sendToPages({ type: 'reader-show', tabId: stored, hash }))
  ) {
    const tab = await browser.tabs.update(stored, { active: true }).catch(() => null);
    if (tab?.windowId !== undefined)
      await browser.windows?.update(tab.windowId, { focused: true }).catch(() => {});
    if (tab) return;
  }
  const tab = await browser.tabs.create({
    url: browser.runtime.getURL(`/reader.html#${hash}` as '/reader.html'),
  });
  if (session && tab.id !== undefined) await session.set({ [READER_TAB_KEY]: tab.id });
}

// ---- Requests -----------------------------------------------------------------------------------

type Answer = BackgroundMessages[BackgroundRequest['type']]['response'];

async function handle(message: BackgroundRequest, sender: Sender): Promise<Answer | undefined> {
  const tabId = sender.tab?.id;
  switch (message.type) {
    case 'get-match-data':
      // Content scripts carry the bundled data and read own-source data from storage; they ask only
      // when the stored data is stale (just after an update) or was too big to store.
      return (await hasOwnSources()) ? ownMatchText() : JSON.stringify(bundledMatch);
    case 'get-entity':
      return entityDetails(await currentIndex(), message.id);
    case 'get-entity-names':
      return entityNames(await currentIndex(), message.ids);
    case 'get-tab-site':
      return tabId === undefined ? { site: null } : tabSite(tabId, sender);
    case 'mentions-changed':
      // Only the top frame speaks for its tab's badge.
      if (tabId === undefined || sender.frameId !== 0) return null;
      await action().setBadgeText({
        tabId,
        text: message.enabled && message.count > 0 ? String(Math.min(message.count, 999)) : '',
      });
      await action().setIcon({ tabId, path: iconPaths(message.enabled ? 'on' : 'off') });
      await action().setTitle({
        tabId,
        title: message.enabled ? tn('badgeMarked', message.count) : t('badgeOff'),
      });
      return null;
    case 'load-card-ui':
      if (tabId === undefined) return false;
      await injectCardUi(tabId, sender);
      return true;
    case 'open-reader':
      await openReader(message.articleId, message.sentenceIndex);
      return null;
    default:
      return handleOwnSources(message, sender);
  }
}

/**
 * The message listener's decision, pure of the browser: what to do with a message from a sender.
 * Messages from elsewhere than this extension, unknown types, bad fields, and content-script requests
 * from anything but a content script are dropped (no answer).
 */
export function acceptRequest(
  message: unknown,
  sender: Pick<Sender, 'id' | 'tab' | 'url' | 'frameId'>,
  runtimeId: string,
  extensionOrigin: string,
): BackgroundRequest | null {
  const kind = senderKind(sender, runtimeId, extensionOrigin);
  if (kind === 'other') return null;
  const request = parseBackgroundRequest(message);
  if (!request) return null;
  if (CONTENT_SCRIPT_ONLY.has(request.type) && kind !== 'content-script') return null;
  if (EXTENSION_PAGE_ONLY.has(request.type) && kind !== 'extension-page') return null;
  return request;
}

/** The bundled index's match data (lib/match/bundled.ts), for content scripts that must ask. */
let bundledMatch: unknown = null;

export function startBackground(bundled: unknown): void {
  bundledMatch = bundled;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  // After an update, stored own-source match data is made again with the new bundle.
  browser.runtime.onStartup.addListener(() => void refreshOwnMatch().catch(() => {}));
  browser.runtime.onMessage.addListener((message, sender) => {
    const request = acceptRequest(message, sender, browser.runtime.id, extensionOrigin);
    if (!request) return undefined;
    return handle(request, sender).then((r) => (r === undefined ? null : r));
  });

  browser.runtime.onInstalled.addListener(() => {
    void refreshOwnMatch().catch(() => {});
    void action().setBadgeBackgroundColor({ color: '#0b57d0' });
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('contextMenuLookUp'),
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
    await sendToTab(tab.id, { type: 'next-mention' });
  });
}
