/**
 * The per-site switch decides by the tab's site, for every frame of the tab: switching off `example.test`
 * stops marking on `news.example.test`, and inside an `example.test` page in its third-party, about:blank
 * and srcdoc frames — live, without a reload. Test hosts resolve to the test server
 * (`--host-resolver-rules`, see harness.ts).
 */
import type { Server } from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launch,
  sendToTab,
  setStorage,
  settledMentions,
  startServer,
  type Browser,
  type PageMentions,
} from './harness';

const chromiumPath = inject('chromium');

/** How many ranges the extension has highlighted in a frame's document (read from the page's side). */
const marksIn = (frame: Frame) =>
  frame.evaluate(() => {
    let n = 0;
    for (const [name, highlight] of CSS.highlights)
      if (name.startsWith('source-context') && name !== 'source-context-active')
        n += highlight.size;
    return n;
  });

describe.skipIf(!chromiumPath)('site switch by the tab’s site', () => {
  let browser: Browser;
  let server: Server;
  let port: string;
  let top: Page;
  let news: Page;
  let topUrl: string;
  let newsUrl: string;
  const frames = () => ({
    top: top.mainFrame(),
    thirdParty: top.frames().find((f) => f.url().includes('thirdparty.test'))!,
    blank: top.frames().find((f) => f.url() === 'about:blank')!,
    srcdoc: top.frames().find((f) => f.url() === 'about:srcdoc')!,
  });

  beforeAll(async () => {
    let origin: string;
    ({ server, origin } = await startServer());
    port = new URL(origin).port;
    topUrl = `http://example.test:${port}/pages/site-top.html`;
    newsUrl = `http://news.example.test:${port}/pages/news.html`;
    browser = await launch(chromiumPath);
    top = await browser.context.newPage();
    await top.goto(topUrl, { waitUntil: 'load' });
    news = await browser.context.newPage();
    await news.goto(newsUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('marks names in every frame while the site is on', async () => {
    expect((await settledMentions(browser.worker, topUrl)).site).toBe('example.test');
    expect((await settledMentions(browser.worker, newsUrl)).site).toBe('news.example.test');
    const f = frames();
    expect(f.thirdParty && f.blank && f.srcdoc).toBeTruthy();
    for (const [name, fr] of Object.entries(f))
      await expect.poll(() => marksIn(fr), { message: name, timeout: 10_000 }).toBeGreaterThan(0);
    expect(await marksIn(news.mainFrame())).toBeGreaterThan(0);
  });

  it('switching off example.test stops marking on its subdomain and in every frame, live', async () => {
    await setStorage(browser.worker, { disabledSites: ['example.test'] });
    const f = frames();
    for (const [name, fr] of Object.entries(f))
      await expect.poll(() => marksIn(fr), { message: name, timeout: 10_000 }).toBe(0);
    await expect.poll(() => marksIn(news.mainFrame())).toBe(0);
    const r = await sendToTab<PageMentions>(browser.worker, newsUrl, { type: 'get-page-mentions' });
    expect(r.enabled).toBe(false);
    expect(r.mentions).toEqual([]);
  });

  it('switching off news.example.test leaves example.test and its frames marked', async () => {
    await setStorage(browser.worker, { disabledSites: ['news.example.test'] });
    const f = frames();
    for (const [name, fr] of Object.entries(f))
      await expect.poll(() => marksIn(fr), { message: name, timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => marksIn(news.mainFrame())).toBe(0);
  });

  it('a frame is switched by its tab, not by its own host: off for thirdparty.test does not reach it', async () => {
    await setStorage(browser.worker, { disabledSites: ['thirdparty.test'] });
    // Give a wrong decision time to show, then check the third-party frame is still marked.
    await top.waitForTimeout(500);
    expect(await marksIn(frames().thirdParty)).toBeGreaterThan(0);
    await setStorage(browser.worker, { disabledSites: [] });
  });

  it('a trailing dot and capitals name the same site', async () => {
    await setStorage(browser.worker, { disabledSites: ['example.test'] });
    const page = await browser.context.newPage();
    const url = `http://EXAMPLE.test.:${port}/pages/news.html`;
    await page.goto(url, { waitUntil: 'load' });
    const r = await sendToTab<PageMentions>(browser.worker, page.url(), {
      type: 'get-page-mentions',
    });
    expect(r.site).toBe('example.test');
    expect(r.enabled).toBe(false);
    expect(await marksIn(page.mainFrame())).toBe(0);
    await page.close();
    await setStorage(browser.worker, { disabledSites: [] });
  });
});
