/**
 * Messages between the extension's parts: one typed request → response map per receiver, the send
 * helpers built on it (no casts at call sites), and the checks a receiver runs on what arrives. Every
 * request has a `type`; answers are plain JSON. A message that fails its check, or has an unknown type,
 * gets no answer at all.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Article, Attribution, Entity, Mention } from './index/schema';
import type { SourceIndex } from './index/schema';
import type { ScanStats } from './page/annotator';
import type { UserSource } from './user-sources/merge';
import type {
  AddResponse,
  ImportResponse,
  OwnSourceSummary,
  PreviewResponse,
  RemoveResponse,
} from './user-sources/protocol';

export type ArticleMeta = Omit<Article, 'sentences'>;

/** A mention with its sentence's text and attribution, as the card shows it. */
export interface MentionView extends Mention {
  sentence: string;
  attribution: Attribution;
}

export interface EntityView extends Omit<Entity, 'mentions'> {
  mentions: MentionView[];
}

export interface EntityDetails {
  entity: EntityView;
  articles: Record<string, ArticleMeta>;
}

/** Background requests → their answers. `from` says who may send it (checked by the background). */
export interface BackgroundMessages {
  /** The current match data's JSON text (lib/match/payload.ts). */
  'get-match-data': { request: object; response: string };
  'get-entity': { request: { id: string }; response: EntityDetails | null };
  /** The names of entities (in the order asked; an unknown id stands for itself): the page's list. */
  'get-entity-names': { request: { ids: string[] }; response: string[] };
  /** The site of the sender's tab (its top-level page), which decides the switch for every frame of it. */
  'get-tab-site': { request: object; response: TabSite };
  'mentions-changed': { request: { count: number; enabled: boolean }; response: null };
  'open-reader': { request: { articleId: string; sentenceIndex?: number }; response: null };
  /** Inject the hover card's code into the sender's frame (see lib/page/card/load.ts). */
  'load-card-ui': { request: object; response: boolean };
  /** The merged index (bundled + the reader's own sources), for the popup's search and the reader. */
  'get-index': { request: object; response: SourceIndex | null };
  /** Own sources (lib/user-sources): read the article of a tab for confirmation. */
  'own-sources-preview': { request: { tabId: number }; response: PreviewResponse };
  /** Store a previewed source and index it. */
  'own-sources-add': { request: { source: UserSource }; response: AddResponse };
  'own-sources-list': { request: object; response: OwnSourceSummary[] };
  /** Removes sources (answers with them, for undo). */
  'own-sources-remove': { request: { ids: string[] | 'all' }; response: RemoveResponse };
  /** Puts removed sources back (undo). */
  'own-sources-restore': { request: { sources: UserSource[] }; response: ImportResponse };
  /** The export file's object (JSON or Web Annotation JSON-LD). */
  'own-sources-export': { request: { format: 'json' | 'annotations' }; response: unknown };
  /** A file's text to import. */
  'own-sources-import': { request: { text: string }; response: ImportResponse };
}

/** Content-script requests (from the popup, the background and tests) → their answers. */
export interface ContentMessages {
  'get-page-mentions': { request: object; response: PageMentionsResponse };
  'reveal-mention': { request: { index: number }; response: { ok: boolean } };
  /** Opens the card at this entity's next mention after the one shown last (its first, at first). */
  'reveal-entity': { request: { entityId: string }; response: { ok: boolean; index: number } };
  'next-mention': { request: object; response: { ok: boolean } };
  /** Asked of a tab's top frame: the site of its page (the background passes it on to the other frames). */
  'get-top-site': { request: object; response: TabSite };
  /** The merged index changed (an own source added or removed): fetch the match data again. */
  'index-changed': { request: object; response: null };
}

/** Extension pages' requests (from the background) → their answers. */
export interface PageMessages {
  /** Asked of every reader page: the one in tab `tabId` shows `hash` and answers true. */
  'reader-show': { request: { tabId: number; hash: string }; response: boolean };
  /** The merged index changed: popup and reader fetch it again. */
  'index-changed': { request: object; response: null };
}

export interface TabSite {
  /** The site of the tab's top-level page, as lib/sites.ts names it; null where the switch cannot apply. */
  site: string | null;
}

type Requests<M extends { [K in keyof M]: { request: object } }> = {
  [K in keyof M & string]: { type: K } & M[K]['request'];
};
export type BackgroundRequest = Requests<BackgroundMessages>[keyof BackgroundMessages];
export type ContentRequest = Requests<ContentMessages>[keyof ContentMessages];
export type PageRequest = Requests<PageMessages>[keyof PageMessages];
export type RequestOf<
  M extends { [K in keyof M]: { request: object } },
  K extends keyof M & string,
> = {
  type: K;
} & M[K]['request'];

/** Asks the background. Rejects where the background cannot be reached (the extension was updated). */
export function sendToBackground<K extends keyof BackgroundMessages & string>(
  request: RequestOf<BackgroundMessages, K>,
): Promise<BackgroundMessages[K]['response']> {
  return browser.runtime.sendMessage(request) as Promise<BackgroundMessages[K]['response']>;
}

/**
 * Asks one frame of a tab (the top frame unless told), or null where no content script answers there
 * (browser pages, the web store, a page still loading).
 */
export async function sendToTab<K extends keyof ContentMessages & string>(
  tabId: number,
  request: RequestOf<ContentMessages, K>,
  frameId = 0,
): Promise<ContentMessages[K]['response'] | null> {
  try {
    const answer = (await browser.tabs.sendMessage(tabId, request, { frameId })) as
      ContentMessages[K]['response'] | undefined;
    return answer ?? null;
  } catch {
    return null;
  }
}

/** Asks the extension's own pages (reader); null where none answers. */
export async function sendToPages<K extends keyof PageMessages & string>(
  request: RequestOf<PageMessages, K>,
): Promise<PageMessages[K]['response'] | null> {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as
      PageMessages[K]['response'] | undefined;
    return answer ?? null;
  } catch {
    return null;
  }
}

// ---- Checks on what arrives ----------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** Ids in the index are slugs (of file names, some long); anything else is refused before a lookup or URL. */
const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 1000 && ![...v].some((c) => c < ' ');
/** Most names asked for in one `get-entity-names` (a page with more asks again for the rest). */
export const MAX_NAMES_ASKED = 2000;
const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;

/** Tab ids are browser-chosen integers, often far beyond any count. */
const isTabId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

type Check = (m: Record<string, unknown>) => boolean;
const BACKGROUND_CHECKS: { [K in keyof BackgroundMessages]: Check } = {
  'get-match-data': () => true,
  'get-entity': (m) => isId(m.id),
  'get-entity-names': (m) =>
    Array.isArray(m.ids) && m.ids.length <= MAX_NAMES_ASKED && m.ids.every(isId),
  'get-tab-site': () => true,
  'mentions-changed': (m) => isCount(m.count) && typeof m.enabled === 'boolean',
  'open-reader': (m) =>
    isId(m.articleId) && (m.sentenceIndex === undefined || isCount(m.sentenceIndex)),
  'load-card-ui': () => true,
  'get-index': () => true,
  // The own-sources handler validates the sources and files it is given (lib/user-sources).
  'own-sources-preview': (m) => isTabId(m.tabId),
  'own-sources-add': (m) => isObject(m.source),
  'own-sources-list': () => true,
  'own-sources-remove': (m) => m.ids === 'all' || (Array.isArray(m.ids) && m.ids.every(isId)),
  'own-sources-restore': (m) => Array.isArray(m.sources) && m.sources.every(isObject),
  'own-sources-export': (m) => m.format === 'json' || m.format === 'annotations',
  'own-sources-import': (m) => typeof m.text === 'string',
};
const CONTENT_CHECKS: { [K in keyof ContentMessages]: Check } = {
  'get-page-mentions': () => true,
  'reveal-mention': (m) => isCount(m.index),
  'reveal-entity': (m) => isId(m.entityId),
  'next-mention': () => true,
  'get-top-site': () => true,
  'index-changed': () => true,
};
const PAGE_CHECKS: { [K in keyof PageMessages]: Check } = {
  'reader-show': (m) => isTabId(m.tabId) && typeof m.hash === 'string' && m.hash.length <= 1000,
  'index-changed': () => true,
};

function parse<R>(checks: Record<string, Check>, message: unknown): R | null {
  if (!isObject(message) || typeof message.type !== 'string') return null;
  if (!Object.hasOwn(checks, message.type)) return null;
  return checks[message.type]!(message) ? (message as R) : null;
}

/** The request, if it is a known background request with valid fields; else null. */
export const parseBackgroundRequest = (message: unknown) =>
  parse<BackgroundRequest>(BACKGROUND_CHECKS, message);
export const parseContentRequest = (message: unknown) =>
  parse<ContentRequest>(CONTENT_CHECKS, message);
export const parsePageRequest = (message: unknown) => parse<PageRequest>(PAGE_CHECKS, message);

/** Background requests only a content script may send (they act on the sender's tab and frame). */
export const CONTENT_SCRIPT_ONLY: ReadonlySet<BackgroundRequest['type']> = new Set([
  'get-match-data',
  'get-tab-site',
  'mentions-changed',
  'load-card-ui',
]);

/** Background requests only the extension's own pages may send (they read or change the reader's sources). */
export const EXTENSION_PAGE_ONLY: ReadonlySet<BackgroundRequest['type']> = new Set([
  'get-index',
  'own-sources-preview',
  'own-sources-add',
  'own-sources-list',
  'own-sources-remove',
  'own-sources-restore',
  'own-sources-export',
  'own-sources-import',
]);

/** Who sent a message: this extension's content script, one of its pages, or someone else. */
export function senderKind(
  sender: Pick<Browser.runtime.MessageSender, 'id' | 'tab' | 'url' | 'frameId'>,
  runtimeId: string,
  extensionOrigin: string,
): 'content-script' | 'extension-page' | 'other' {
  if (sender.id !== runtimeId) return 'other';
  const fromOwnPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  if (fromOwnPage) return 'extension-page';
  // A content script runs in a tab's frame, on a page that is not ours.
  if (sender.tab?.id !== undefined && typeof sender.frameId === 'number') return 'content-script';
  return 'other';
}

export interface PageMentionItem {
  entityId: string;
  name: string;
  /** Exactly as written on the page. */
  text: string;
  /** False for a mention of an entity the reader muted: listed, not marked on the page. */
  marked: boolean;
}

export interface PageMentionsResponse {
  mentions: PageMentionItem[];
  /** False where the extension is off for this site (then mentions is empty). */
  enabled: boolean;
  /** True while the page is still being scanned. */
  pending: boolean;
  /** The tab's site, which the per-site switch acts on (null where the switch cannot apply). */
  site: string | null;
  /** Set when marking could not start (the index could not be loaded); asking again retries. */
  error?: string;
  /** What scanning this page has cost so far (diagnostics for tests and the benchmark). */
  stats?: ScanStats;
}
