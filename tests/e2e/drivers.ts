/**
 * One small driver per browser, so the core browser tests are written once and run in both:
 * Chromium through playwright-core (CDP), Firefox ESR through puppeteer-core (WebDriver BiDi).
 * A test sees a `Session` (a browser with the extension, or without it for a baseline) and `TestPage`s.
 * What differs between the browsers — how the extension is loaded and reached, how its own pages are
 * opened, how a test reads the card's closed shadow root — lives here and nowhere else.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import puppeteer, { type Page as PPage } from 'puppeteer-core';
import type { browser as ExtensionBrowser } from 'wxt/browser';
import type { PageMentionsResponse as PageMentions } from '../../lib/messages';
import { CARD_HOST, ROOT, inCard, launch, textPointInPage, untilSettled } from './harness';

export type BrowserName = 'chromium' | 'firefox';
/** The extension's API where `inExtension` runs it: `chrome` in Chromium's worker, `browser` in Firefox. */
export type ExtensionApi = typeof ExtensionBrowser;

export interface TestPage {
  readonly browser: BrowserName;
  /** Uncaught errors of the page's own scripts (and of ours, were they to leak into its world). */
  readonly errors: string[];
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's own world (what a page script can do). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns something truthy in the page's world. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  /** A script run in the page's world before any of its own, on every load. */
  addInitScript(source: string): Promise<void>;
  /** Real input, as a person's: trusted events through the browser's input pipeline. */
  move(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  /**
   * Runs `fn` with the card's shadow root (closed: no page script can reach it) in the page's world, the
   * way a browser's developer tools reach it; null when no card is open.
   */
  inCard<R, A = undefined>(
    fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
    arg?: A,
  ): Promise<R | null>;
  close(): Promise<void>;
}

export interface Session {
  readonly browser: BrowserName;
  newPage(): Promise<TestPage>;
  /** Opens one of the extension's own pages ("popup.html?tabId=3") in a tab. */
  extensionPage(path: string): Promise<TestPage>;
  /** Runs `fn(api, arg)` with the extension's API, in the extension (to message tabs, set storage). */
  inExtension<R, A = undefined>(
    fn: (api: ExtensionApi, arg: A) => R | Promise<R>,
    arg?: A,
  ): Promise<R>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The browser's interface language ("es"), which picks the extension's translation. */
  lang?: string;
}

export interface Driver {
  readonly name: BrowserName;
  launch(withExtension?: boolean, options?: LaunchOptions): Promise<Session>;
}

/** The expression that calls a serialised `fn(api, arg)`: the function sees only its arguments. */
const callWith = (fn: (...args: never[]) => unknown, api: string, arg: unknown) =>
  `(${fn.toString()})(${api}, ${JSON.stringify(arg ?? null)})`;

// ------------------------------------------------------------------------------------------ Chromium

function chromiumPage(page: Page): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    browser: 'chromium',
    errors,
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 10_000) =>
      void (await page.waitForFunction(fn as never, arg, { timeout })),
    addInitScript: async (source) => void (await page.addInitScript(source)),
    move: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    // caret: 'initial' — Playwright's default hides the caret by restyling inputs: a DOM mutation.
    screenshot: async (file) => void (await page.screenshot({ path: file, caret: 'initial' })),
    inCard: (fn, arg) => inCard(page, fn, arg),
    close: () => page.close(),
  };
}

export function chromiumDriver(executablePath: string): Driver {
  return {
    name: 'chromium',
    async launch(withExtension = true, { lang } = {}) {
      const b = await launch(executablePath, withExtension, { lang });
      return {
        browser: 'chromium',
        newPage: async () => chromiumPage(await b.context.newPage()),
        async extensionPage(path) {
          const page = await b.context.newPage();
          await page.goto(`chrome-extension://${b.extensionId}/${path}`);
          return chromiumPage(page);
        },
        inExtension: (fn, arg) => b.worker.evaluate(callWith(fn, 'chrome', arg)),
        close: () => b.close(),
      };
    },
  };
}

// ------------------------------------------------------------------------------------------- Firefox

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
const FIREFOX_ADDON_ID = 'source-context@example.org';
/** Fixed through the `extensions.webextensions.uuids` pref, so the tests know the moz-extension:// host. */
const FIREFOX_EXTENSION_UUID = '5c0a6e1f-7d2b-4c8e-9a31-0e5f3b2d1c47';

/** The raw WebDriver BiDi connection under puppeteer (for what its API does not cover). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

interface BidiRemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** The BiDi browsing-context id of a puppeteer page (puppeteer names it `_id` on the frame). */
function contextOf(page: PPage): string {
  const id = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('puppeteer changed: no BiDi context id on the frame');
  return id;
}

/** Result of a BiDi script command, or its exception thrown here. */
function scriptResult(r: { result: Record<string, unknown> }): BidiRemoteValue {
  const { type, result, exceptionDetails } = r.result as {
    type: string;
    result?: BidiRemoteValue;
    exceptionDetails?: { text: string };
  };
  if (type !== 'success' || !result) throw new Error(`BiDi script: ${exceptionDetails?.text}`);
  return result;
}

/**
 * The card's shadow root through WebDriver BiDi: `script.evaluate` serialises the host with
 * `includeShadowTree: 'all'`, which includes closed roots; `script.callFunction` then hands that root
 * (by its shared id) to `fn`, in the page's world.
 */
async function firefoxInCard<R, A>(
  bidi: BidiConnection,
  page: PPage,
  fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R | null> {
  const target = { context: contextOf(page) };
  const host = scriptResult(
    await bidi.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(CARD_HOST)})`,
      target,
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    }),
  );
  const root = (host.value as { shadowRoot?: BidiRemoteValue | null } | undefined)?.shadowRoot;
  if (host.type !== 'node' || !root?.sharedId) return null;
  const out = scriptResult(
    await bidi.send('script.callFunction', {
      functionDeclaration: `async function (root, arg) {
        const value = await (${fn.toString()})(root, JSON.parse(arg));
        return JSON.stringify(value === undefined ? null : value);
      }`,
      arguments: [
        { sharedId: root.sharedId },
        { type: 'string', value: JSON.stringify(arg ?? null) },
      ],
      target,
      awaitPromise: true,
    }),
  );
  return JSON.parse(out.value as string) as R | null;
}

function firefoxPage(bidi: BidiConnection, page: PPage, onInput: () => Promise<void>): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    browser: 'firefox',
    errors,
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 10_000) =>
      void (await page.waitForFunction(fn as never, { timeout, polling: 50 }, arg)),
    addInitScript: async (source) => void (await page.evaluateOnNewDocument(source)),
    move: async (x, y, steps = 1) => {
      await onInput();
      await page.mouse.move(x, y, { steps });
    },
    click: async (x, y) => {
      await onInput();
      await page.mouse.click(x, y);
    },
    press: async (key) => {
      await onInput();
      await page.keyboard.press(key as never);
    },
    type: async (text) => {
      await onInput();
      await page.keyboard.type(text);
    },
    screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })),
    inCard: (fn, arg) => firefoxInCard(bidi, page, fn, arg),
    close: () => page.close(),
  };
}

export function firefoxDriver(executablePath: string): Driver {
  return {
    name: 'firefox',
    async launch(withExtension = true, { lang } = {}) {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless: true,
        defaultViewport: { width: 1200, height: 900 },
        // Lets the tests open the extension's own moz-extension:// pages in a tab (the popup).
        args: ['-remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({
            [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID,
          }),
          // The interface language (served only when its language pack is installed).
          ...(lang ? { 'intl.locale.requested': lang } : {}),
        },
      });
      if (withExtension) await browser.installExtension(resolve(FIREFOX_EXTENSION_DIR));
      const bidi = (browser as unknown as { connection: BidiConnection }).connection;
      // Input goes to the tab in front: bring a page forward before a person would use it. A new tab
      // comes to the front by itself, so which one is in front is unknown after one opens.
      let front: PPage | null = null;
      const newPage = () => {
        front = null;
        return browser.newPage();
      };
      const wrap = (page: PPage) =>
        firefoxPage(bidi, page, async () => {
          if (front === page) return;
          await page.bringToFront();
          front = page;
        });
      async function openExtensionPage(path: string): Promise<PPage> {
        const page = await newPage();
        const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
        // Firefox's BiDi sends no load events for extension pages (bug 1755014): navigate without
        // waiting, then wait for the document here.
        await bidi.send('browsingContext.navigate', {
          context: contextOf(page),
          url,
          wait: 'none',
        });
        const started = Date.now();
        for (;;) {
          const ready = await page
            .evaluate(() => document.readyState === 'complete' && location.href)
            .catch(() => false);
          if (ready === url) break;
          if (Date.now() - started > 15_000) throw new Error(`${url} did not load`);
          await new Promise((ok) => setTimeout(ok, 50));
        }
        return page;
      }
      let background: Promise<PPage> | null = null;
      return {
        browser: 'firefox',
        newPage: async () => wrap(await newPage()),
        extensionPage: async (path) => wrap(await openExtensionPage(path)),
        async inExtension(fn, arg) {
          // An extension page of its own in a tab has the extension's `browser` API. The expression is
          // evaluated by BiDi (as by developer tools), which the page's CSP does not govern.
          background ??= openExtensionPage('options.html');
          const page = await background;
          return (await page.evaluate(callWith(fn, 'browser', arg))) as never;
        },
        close: () => browser.close(),
      };
    },
  };
}

export function driverFor(name: BrowserName, executablePath: string): Driver {
  return name === 'chromium' ? chromiumDriver(executablePath) : firefoxDriver(executablePath);
}

// ------------------------------------------------------------------ what the tests do, in either browser

/** Sends a message to the content script of the tab showing `url`, from the extension. */
export function sendToTab<T>(session: Session, url: string, message: unknown): Promise<T> {
  return session.inExtension(
    async (api, { url, message }) => {
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      if (!tab?.id) throw new Error(`no tab shows ${url}`);
      return api.tabs.sendMessage(tab.id, message, { frameId: 0 }) as Promise<T>;
    },
    { url, message },
  );
}

export function tabIdOf(session: Session, url: string): Promise<number> {
  return session.inExtension(async (api, url) => {
    const tab = (await api.tabs.query({})).find((t) => t.url === url);
    if (!tab?.id) throw new Error(`no tab shows ${url}`);
    return tab.id;
  }, url);
}

export function setStorage(session: Session, values: Record<string, unknown>): Promise<void> {
  return session.inExtension((api, v) => api.storage.local.set(v), values);
}

/** Waits until the content script has answered and finished scanning. */
export function settledMentions(
  session: Session,
  url: string,
  timeoutMs = 20_000,
): Promise<PageMentions> {
  return untilSettled(
    () => sendToTab<PageMentions | undefined>(session, url, { type: 'get-page-mentions' }),
    url,
    timeoutMs,
  );
}

/** Center of the n-th occurrence of `text` in the page's text (scrolled into view), for the mouse. */
export async function pointOf(
  page: TestPage,
  text: string,
  occurrence = 0,
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(textPointInPage, { text, occurrence });
  if (!point) throw new Error(`"${text}" not found on the page`);
  return point;
}

/** The open card's text; null when no card is open. */
export function cardText(page: TestPage): Promise<string | null> {
  return page.inCard((root) => root.querySelector('[role="dialog"]')?.textContent ?? null);
}

/** Waits until `check()` is truthy, polling. */
export async function until(check: () => Promise<unknown>, what: string, timeout = 5000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeout) throw new Error(`${what}: not within ${timeout} ms`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** Waits until the hover card is open with its entity loaded. */
export function waitForCard(page: TestPage, timeout = 5000): Promise<void> {
  return until(
    () => page.inCard((root) => !!root.querySelector('.sc-name')),
    'the card with its entity',
    timeout,
  );
}

/** Waits until the card's host has left the page. */
export function waitForNoCard(page: TestPage, timeout = 3000): Promise<void> {
  return page.waitFor((host) => !document.querySelector(host), CARD_HOST, timeout);
}
