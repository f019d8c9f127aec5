/**
 * Browser test harness: Debian's Chromium driven by playwright-core, the built extension loaded unpacked,
 * pages served from 127.0.0.1 (test pages and the saved real pages of ../shared/corpus).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const TEST_PAGES = join(ROOT, 'tests/e2e/pages');
export const CORPUS_PAGES = resolve(ROOT, '../shared/corpus/pages');
export const SCREENSHOTS = join(ROOT, '.output/screenshots');

export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  // Test hosts (example.test, news.example.test, …) all reach the test server.
  '--host-resolver-rules=MAP *.test 127.0.0.1, MAP *.test. 127.0.0.1',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves /pages/<file> from tests/e2e/pages and /corpus/<file> from ../shared/corpus/pages, as UTF-8. */
export async function startServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, area, ...rest] = url.pathname.split('/');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const base = area === 'pages' ? TEST_PAGES : area === 'corpus' ? CORPUS_PAGES : null;
    const file = base && join(base, ...rest.map(decodeURIComponent));
    if (!file || !file.startsWith(base!) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension (or none, for baseline runs). `lang` sets the browser's
 * interface language (`--lang`), which picks the extension's translation.
 */
export async function launch(
  executablePath: string,
  withExtension = true,
  { lang }: { lang?: string } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'sc-profile-'));
  const args = [...CHROMIUM_FLAGS];
  if (lang) args.push(`--lang=${lang}`);
  if (withExtension)
    args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    viewport: { width: 1200, height: 900 },
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  if (!withExtension) return { context, worker: null as unknown as Worker, extensionId: '', close };
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close };
}

/** Sends a message to the content script of the tab showing `url`, through the service worker. */
export async function sendToTab<T>(worker: Worker, url: string, message: unknown): Promise<T> {
  return worker.evaluate(
    async ({ url, message }) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (!tab?.id) throw new Error(`no tab shows ${url}`);
      return chrome.tabs.sendMessage(tab.id, message, { frameId: 0 });
    },
    { url, message },
  ) as Promise<T>;
}

export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (!tab?.id) throw new Error(`no tab shows ${url}`);
    return tab.id;
  }, url);
}

export type { PageMentionsResponse as PageMentions } from '../../lib/messages';
import type { PageMentionsResponse as PageMentions } from '../../lib/messages';

/** The popup's "On this page" list for tests/e2e/pages/news.html: name=mentions. */
export const NEWS_PAGE_LIST = [
  'Washington=2',
  'Nayib Bukele=2',
  'El Salvador=1',
  'Terrorism Confinement Center=2',
  'Donald J. Trump=1',
  'Kristi Noem=1',
  'Security Alliance for Fugitive Enforcement=1',
  'La Mara Salvatrucha=1',
  'Tren de Aragua=1',
] as const;

/** Asks `ask` (get-page-mentions to the tab showing `url`) until the page has finished scanning. */
export async function untilSettled(
  ask: () => Promise<PageMentions | undefined>,
  url: string,
  timeoutMs = 20_000,
): Promise<PageMentions> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const r = await ask();
      if (r && !r.pending) return r;
      last = r;
    } catch (err) {
      last = err;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`content script did not settle on ${url}: ${String(last)}`);
}

/** Waits until the content script has answered and finished scanning. */
export function settledMentions(
  worker: Worker,
  url: string,
  timeoutMs = 20_000,
): Promise<PageMentions> {
  return untilSettled(
    () => sendToTab<PageMentions | undefined>(worker, url, { type: 'get-page-mentions' }),
    url,
    timeoutMs,
  );
}

export async function setStorage(worker: Worker, values: Record<string, unknown>): Promise<void> {
  await worker.evaluate((v) => chrome.storage.local.set(v), values);
}

/** Blocks every request except to our own server, as the saved pages reference remote hosts. */
export async function blockOutside(page: Page, origin: string): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return blocked;
}

/**
 * Records every DOM mutation from document start, in the page's own world. Records made by the HTML
 * parser are marked `parsing` (taken synchronously when parsing ends): their number varies with how the
 * parser chunks its input, and no content script runs before the document is parsed.
 */
export const RECORD_MUTATIONS = `
  window.__mutations = [];
  let parsing = true;
  const push = (records) => {
    for (const r of records) {
      window.__mutations.push({
        parsing,
        type: r.type,
        target: r.target.nodeName,
        added: [...r.addedNodes].map((n) => n.nodeName),
        removed: [...r.removedNodes].map((n) => n.nodeName),
        attribute: r.attributeName,
      });
    }
  };
  const observer = new MutationObserver(push);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'loading' && parsing) {
      push(observer.takeRecords());
      parsing = false;
    }
  }, { capture: true });
`;

/** Runs in the page: the centre of the n-th occurrence of `text`, scrolled into view (or null). */
export const textPointInPage = ({
  text,
  occurrence,
}: {
  text: string;
  occurrence: number;
}): { x: number; y: number } | null => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let at = (n as Text).data.indexOf(text);
    while (at >= 0) {
      if (seen++ === occurrence) {
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + text.length);
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const rect = r.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      at = (n as Text).data.indexOf(text, at + 1);
    }
  }
  return null;
};

/** Center of the n-th occurrence of `text` in the page's text, for the mouse. */
export async function pointOf(
  page: Page,
  text: string,
  occurrence = 0,
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(textPointInPage, { text, occurrence });
  if (!point) throw new Error(`"${text}" not found on the page`);
  return point;
}

/** The parts of a CDP DOM node this harness reads (DOM.getDocument with pierce: true). */
interface CdpNode {
  backendNodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();
function cdpOf(page: Page): Promise<CDPSession> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    cdpSessions.set(page, session);
  }
  return session;
}

function findHost(node: CdpNode): CdpNode | null {
  if (node.localName === CARD_HOST) return node;
  for (const child of node.children ?? []) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

/** The card's host element: the only thing of the card a page can see. */
export const CARD_HOST = 'source-context-card';

/**
 * Runs `fn` with the open card's shadow root, in the page's own world; null when no card is open.
 * The root is closed, so a page script cannot reach it: the test gets it as a browser's debugger does,
 * through CDP (`DOM.getDocument` with `pierce: true` lists closed roots, `DOM.resolveNode` hands one to
 * a function). The function is serialised: it sees only its argument and the root.
 */
export async function inCard<R, A = undefined>(
  page: Page,
  fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R | null> {
  const cdp = await cdpOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  const shadow = findHost(root)?.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  if (!object.objectId) return null;
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
    arguments: [{ value: arg }],
    returnByValue: true,
    awaitPromise: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  if (exceptionDetails)
    throw new Error(`inCard: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return (result.value ?? null) as R | null;
}

/** The open card's text; null when no card is open. */
export async function cardText(page: Page): Promise<string | null> {
  return inCard(page, (root) => root.querySelector('[role="dialog"]')?.textContent ?? null);
}

/** Waits until the hover card is open with its entity loaded. */
export async function waitForCard(page: Page, timeout = 5000): Promise<void> {
  const started = Date.now();
  while (!(await inCard(page, (root) => !!root.querySelector('.sc-name')))) {
    if (Date.now() - started > timeout) throw new Error(`no card opened within ${timeout} ms`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
