/**
 * The background's side of the reader's own sources: which index is current (the bundled one, or the
 * bundled + own sources merged), and the requests that read a page, add, list, remove, export and import.
 *
 * The pipeline runs here, in the service worker (the background page on Firefox): it is plain
 * JavaScript with no DOM need (the DOM part, Readability, runs in the page, see entrypoints/readability.ts),
 * the worker is the one place every tab and page already asks for index data, and a build (~1 s for the
 * 75 bundled articles plus a few) fits well inside one event. The merged index is cached in IndexedDB, so
 * a worker that wakes up reads it instead of building again; a new bundle (an update) makes it stale and
 * the saved articles are indexed again from their kept text.
 */
import { browser, type Browser } from 'wxt/browser';
import { englishFrom, type English } from '../extract/english';
import { loadIndex } from '../index/load';
import { toMatchPayload } from '../match/payload';
import { AUTOMATON_FORMAT } from '../match/codec';
import {
  isCurrentMatch,
  isStoredMatch,
  OWN_MATCH_KEY,
  usableStoredMatch,
  type StoredMatch,
} from '../match/stored';
import type { SourceIndex } from '../index/schema';
import type { BackgroundRequest, ContentRequest } from '../messages';
import { siteKey } from '../settings';
import { MAX_ARTICLE_CHARS, type ExtractResult } from './article';
import { exportJson, exportWebAnnotations, ImportError, parseImport } from './exchange';
import { mergeIndex, sourceId, type SeedBundle, type UserSource } from './merge';
import type {
  AddResponse,
  ImportResponse,
  NameFound,
  OwnSourceProblem,
  OwnSourceSummary,
  PreviewResponse,
  RemoveResponse,
} from './protocol';
import { addSources, listSources, readCache, removeSources, sameSource, writeCache } from './store';

const READABILITY_SCRIPT = '/readability.js';
const CACHE_WRITE_DELAY_MS = 3000;

let bundle: Promise<SeedBundle> | null = null;
let english: Promise<English> | null = null;
let current: Promise<SourceIndex> | null = null;

const asset = (path: string) =>
  fetch(browser.runtime.getURL(path as '/index.json')).then((r) => {
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r;
  });

function loadBundle(): Promise<SeedBundle> {
  bundle ??= asset('/seeds.json').then((r) => r.json() as Promise<SeedBundle>);
  bundle.catch(() => (bundle = null));
  return bundle;
}

function loadEnglish(): Promise<English> {
  english ??= Promise.all([
    asset('/dictionary/en_US.aff').then((r) => r.text()),
    asset('/dictionary/en_US.dic').then((r) => r.text()),
  ]).then(([aff, dic]) => englishFrom(aff, dic));
  english.catch(() => (english = null));
  return english;
}

const cacheKey = (buildId: string, sources: readonly UserSource[]) =>
  [buildId, ...sources.map((s) => s.id).sort()].join(' ');

async function build(sources: readonly UserSource[]): Promise<SourceIndex> {
  if (sources.length === 0) return loadIndex();
  const [b, en] = await Promise.all([loadBundle(), loadEnglish()]);
  return mergeIndex(b, en, sources);
}

async function resolveIndex(): Promise<SourceIndex> {
  const sources = await listSources();
  if (sources.length === 0) return loadIndex();
  const b = await loadBundle();
  const key = cacheKey(b.buildId, sources);
  const cached = await readCache().catch(() => undefined);
  if (cached?.key === key) return cached.index;
  const index = await build(sources);
  // A cache that cannot be written only costs a rebuild when the worker next wakes.
  await writeCache({ key, index }).catch(() => {});
  return index;
}

/** The index every part of the extension reads: the bundled one merged with the reader's own sources. */
export function currentIndex(): Promise<SourceIndex> {
  current ??= resolveIndex();
  current.catch(() => (current = null));
  return current;
}

/** Whether the reader saved any source (else the bundled index, and its prebuilt match data, are current). */
export async function hasOwnSources(): Promise<boolean> {
  return (await listSources()).length > 0;
}

const matchText = async (index: SourceIndex, bundle: string) =>
  JSON.stringify(await toMatchPayload(index, bundle));

/**
 * Stores the match data of the index with own sources for content scripts (lib/match/stored.ts), or
 * removes it when there are none. Where it cannot be stored (too big for storage.local), a marker
 * tells content scripts to ask the background instead.
 */
async function storeOwnMatch(index: SourceIndex | null): Promise<void> {
  const area = browser.storage.local;
  if (!index) return area.remove(OWN_MATCH_KEY);
  const bundle = (await loadBundle()).buildId;
  const text = await matchText(index, bundle);
  const stored: StoredMatch = { bundle, format: AUTOMATON_FORMAT, text };
  await area
    .set({ [OWN_MATCH_KEY]: stored })
    .catch(() => area.set({ [OWN_MATCH_KEY]: { ...stored, text: null } }));
}

/** After an update or a restart: stored match data that is missing or from another bundle is made again. */
export async function refreshOwnMatch(): Promise<void> {
  const [sources, items] = await Promise.all([
    listSources(),
    browser.storage.local.get(OWN_MATCH_KEY),
  ]);
  const stored: unknown = items[OWN_MATCH_KEY];
  if (sources.length === 0) {
    if (stored !== undefined) await storeOwnMatch(null);
    return;
  }
  // A marker (too big to store) made with this bundle stands: storing again would fail the same way.
  if (isStoredMatch(stored) && isCurrentMatch(stored, (await loadBundle()).buildId)) return;
  await storeOwnMatch(await currentIndex());
}

/** The current match data's JSON text: the stored own-sources data, else made from the current index. */
export async function ownMatchText(): Promise<string> {
  const bundle = (await loadBundle()).buildId;
  const items = await browser.storage.local.get(OWN_MATCH_KEY);
  return (
    usableStoredMatch(items[OWN_MATCH_KEY], bundle)?.text ?? matchText(await currentIndex(), bundle)
  );
}

/** Makes `index` current for these sources, tells every tab and extension page, then caches it. */
async function setCurrent(index: SourceIndex, sources: readonly UserSource[]): Promise<void> {
  current = Promise.resolve(index);
  // Before the frames hear of the change: they read the new data from storage.
  await storeOwnMatch(sources.length > 0 ? index : null).catch(() => {});
  const message: ContentRequest = { type: 'index-changed' };
  const tabs = await browser.tabs.query({});
  // Every frame of every tab: each frame's content script has its own matcher.
  for (const tab of tabs)
    if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, message).catch(() => {});
  void browser.runtime.sendMessage(message).catch(() => {});
  // Later: copying a 2 MB index into IndexedDB blocks this thread for a while, and the tabs are about to
  // ask for their match data. A cache of another key is never read, so a late write cannot mislead.
  const key = sources.length > 0 ? cacheKey((await loadBundle()).buildId, sources) : null;
  setTimeout(
    () => void writeCache(key === null ? null : { key, index }).catch(() => {}),
    CACHE_WRITE_DELAY_MS,
  );
}

/** One change at a time: two quick adds never build from the same old list. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

function storageProblem(err: unknown): OwnSourceProblem {
  const e = err as { name?: string; message?: string };
  return {
    reason: 'storage',
    detail: e?.name === 'QuotaExceededError' ? 'quota' : String(e?.message ?? err),
  };
}

const indexProblem = (err: unknown): OwnSourceProblem => ({
  reason: 'index',
  detail: (err as Error)?.message ?? String(err),
});

function namesIn(index: SourceIndex, articleId: string): NameFound[] {
  return index.entities
    .filter((e) => e.mentions.some((m) => m.articleId === articleId))
    .map((e) => ({ id: e.id, name: e.name, type: e.type }));
}

/** Runs Readability in the tab's top frame, on a clone of its document (MV3 scripting or MV2 tabs). */
async function extractFromTab(tabId: number): Promise<ExtractResult> {
  if (browser.scripting) {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: [READABILITY_SCRIPT],
    });
    return result?.result as ExtractResult;
  }
  const tabs = browser.tabs as unknown as {
    executeScript(tabId: number, details: { file: string; frameId: number }): Promise<unknown[]>;
  };
  const [result] = await tabs.executeScript(tabId, { file: READABILITY_SCRIPT, frameId: 0 });
  return result as ExtractResult;
}

/** A previewed candidate and the merged index it makes, kept for the confirmation that usually follows. */
let pending: { key: string; index: SourceIndex } | null = null;

async function preview(tabId: number): Promise<PreviewResponse> {
  let extracted: ExtractResult;
  try {
    extracted = await extractFromTab(tabId);
  } catch {
    return { ok: false, problem: { reason: 'unreadable' } };
  }
  if (!extracted) return { ok: false, problem: { reason: 'unreadable' } };
  if (!extracted.ok) {
    return {
      ok: false,
      problem:
        extracted.reason === 'too-large'
          ? { reason: 'too-large', chars: extracted.chars ?? 0, limit: MAX_ARTICLE_CHARS }
          : { reason: extracted.reason },
    };
  }
  const { text, blocks, ...article } = extracted.article;
  const source: UserSource = {
    id: sourceId(article.url, text),
    savedAt: new Date().toISOString(),
    site: siteKey(article.url) ?? article.url,
    title: article.title,
    byline: article.byline,
    outlet: article.siteName,
    url: article.url,
    published: article.published,
    language: article.language,
    text,
    blocks,
  };
  const sources = await listSources();
  const duplicate = sources.find((s) => sameSource(s, source));
  let names: NameFound[] = [];
  if (!duplicate) {
    try {
      const all = [...sources, source];
      const index = await build(all);
      pending = { key: cacheKey('', all), index };
      names = namesIn(index, source.id);
    } catch (err) {
      return { ok: false, problem: indexProblem(err) };
    }
  }
  return {
    ok: true,
    source,
    article,
    firstLines: blocks.slice(0, 3).map((b) => text.slice(b.start, b.end)),
    names,
    duplicateOf: duplicate ? (duplicate.title ?? duplicate.url) : null,
  };
}

/** Builds the index with `next` first, then stores: a source that cannot be indexed is never stored. */
async function change(
  next: readonly UserSource[],
  write: () => Promise<void>,
): Promise<OwnSourceProblem | null> {
  let index: SourceIndex;
  try {
    const key = cacheKey('', next);
    index = pending?.key === key ? pending.index : await build(next);
    pending = null;
  } catch (err) {
    return indexProblem(err);
  }
  try {
    await write();
  } catch (err) {
    return storageProblem(err);
  }
  await setCurrent(index, next);
  return null;
}

async function add(source: UserSource): Promise<AddResponse> {
  const sources = await listSources();
  if (sources.some((s) => sameSource(s, source))) return { ok: true, added: false, names: 0 };
  if (source.text.length > MAX_ARTICLE_CHARS)
    return {
      ok: false,
      problem: { reason: 'too-large', chars: source.text.length, limit: MAX_ARTICLE_CHARS },
    };
  const next = [...sources, source];
  const problem = await change(next, async () => void (await addSources([source])));
  if (problem) return { ok: false, problem };
  return { ok: true, added: true, names: namesIn(await currentIndex(), source.id).length };
}

/** Adds the sources not stored yet (same address or same text: kept once); nothing when any fails. */
async function addMany(incoming: readonly UserSource[]): Promise<ImportResponse> {
  const sources = await listSources();
  const fresh: UserSource[] = [];
  for (const s of incoming)
    if (![...sources, ...fresh].some((k) => sameSource(k, s))) fresh.push(s);
  const skipped = incoming.length - fresh.length;
  if (fresh.length === 0) return { ok: true, added: 0, skipped };
  const problem = await change([...sources, ...fresh], async () => void (await addSources(fresh)));
  return problem ? { ok: false, problem } : { ok: true, added: fresh.length, skipped };
}

async function remove(ids: string[] | 'all'): Promise<RemoveResponse> {
  const sources = await listSources();
  const next = ids === 'all' ? [] : sources.filter((s) => !ids.includes(s.id));
  let removed: UserSource[] = [];
  const problem = await change(next, async () => void (removed = await removeSources(ids)));
  return problem ? { ok: false, problem } : { ok: true, removed };
}

async function summaries(): Promise<OwnSourceSummary[]> {
  const [sources, index] = await Promise.all([listSources(), currentIndex()]);
  return sources
    .map((s) => ({
      id: s.id,
      title: s.title,
      outlet: s.outlet,
      site: s.site,
      url: s.url,
      savedAt: s.savedAt,
      published: s.published,
      names: namesIn(index, s.id),
    }))
    .reverse();
}

/**
 * Answers the own-sources requests (and get-index); undefined for any other request. Only extension
 * pages may ask: a content script (a page's frame) never reads, adds or removes the reader's sources.
 */
export function handleOwnSources(
  message: BackgroundRequest,
  sender: Browser.runtime.MessageSender,
): Promise<unknown> | undefined {
  const fromExtensionPage =
    sender.tab === undefined || sender.url?.startsWith(browser.runtime.getURL('/'));
  switch (message.type) {
    case 'get-index':
      return fromExtensionPage ? currentIndex() : Promise.resolve(null);
    case 'own-sources-preview':
    case 'own-sources-add':
    case 'own-sources-list':
    case 'own-sources-remove':
    case 'own-sources-restore':
    case 'own-sources-export':
    case 'own-sources-import':
      if (!fromExtensionPage) return Promise.resolve(null);
      return ownSourcesRequest(message);
    default:
      return undefined;
  }
}

async function ownSourcesRequest(message: BackgroundRequest): Promise<unknown> {
  switch (message.type) {
    case 'own-sources-preview':
      return preview(message.tabId);
    case 'own-sources-add':
      return serial(() => add(message.source));
    case 'own-sources-list':
      return summaries();
    case 'own-sources-remove':
      return serial(() => remove(message.ids));
    case 'own-sources-restore':
      return serial(() => addMany(message.sources));
    case 'own-sources-export': {
      const [sources, index] = await Promise.all([listSources(), currentIndex()]);
      return message.format === 'json'
        ? exportJson(sources, index)
        : exportWebAnnotations(sources, index);
    }
    case 'own-sources-import': {
      let incoming: UserSource[];
      try {
        incoming = parseImport(message.text);
      } catch (err) {
        if (err instanceof ImportError)
          return { ok: false, problem: { reason: 'invalid-file', detail: err.message } };
        throw err;
      }
      return serial(() => addMany(incoming));
    }
    default:
      return null;
  }
}
