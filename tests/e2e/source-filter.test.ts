/** The popup's filter by source, in real Chromium: search, the entity view and "On this page" narrow to one source. */
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SCREENSHOTS,
  launch,
  settledMentions,
  startServer,
  tabIdOf,
  type Browser,
} from './harness';

const chromiumPath = inject('chromium');
const SEED_SOURCE = 'Outlet unknown, citing Breitbart';

describe.skipIf(!chromiumPath)('popup filter by source', () => {
  let browser: Browser;
  let server: Server;
  let popup: Page;

  const choose = (label: string) =>
    popup
      .evaluate((label) => {
        const select = document.querySelector<HTMLSelectElement>('.sc-source-filter select')!;
        const option = [...select.options].find((o) => o.value === label);
        if (!option) throw new Error(`no source ${label}`);
        return option.value;
      }, label)
      .then((value) => popup.selectOption('.sc-source-filter select', value));

  const resultNames = () => popup.locator('.sc-result-name').allTextContents();

  beforeAll(async () => {
    let origin: string;
    ({ server, origin } = await startServer());
    browser = await launch(chromiumPath);
    const news = await browser.context.newPage();
    const newsUrl = `${origin}/pages/news.html`;
    await news.goto(newsUrl);
    await settledMentions(browser.worker, newsUrl);
    const tabId = await tabIdOf(browser.worker, newsUrl);
    popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.sc-source-filter select');
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('offers every source with its size, all sources first', async () => {
    const options = await popup
      .locator('.sc-source-filter option')
      .evaluateAll((els) => els.map((e) => e.textContent));
    expect(options[0]).toBe('All sources');
    expect(options).toContain('The White House (74 articles)');
    expect(options).toContain(`${SEED_SOURCE} (1 article)`);
  });

  it('with a source and no query, lists the names that source speaks about', async () => {
    await choose(SEED_SOURCE);
    await popup.waitForSelector('.sc-result');
    const names = await resultNames();
    expect(names).toContain('Nayib Bukele');
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-source-filter.png` });
  });

  it('narrows search results to the chosen source', async () => {
    await choose('');
    await popup.fill('.sc-search-input', 'proclamation');
    await popup.waitForSelector('.sc-result');
    const all = await resultNames();
    await choose(SEED_SOURCE);
    await expect.poll(async () => (await resultNames()).length).toBeLessThan(all.length);
    await popup.fill('.sc-search-input', '');
  });

  it('the entity view shows only the chosen source’s group', async () => {
    await choose(SEED_SOURCE);
    await popup.fill('.sc-search-input', 'bukele');
    await popup.waitForSelector('.sc-result');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.sc-card');
    const text = (await popup.locator('.sc-card').textContent()) ?? '';
    expect(text).toContain(SEED_SOURCE);
    expect(text).not.toContain('The White House');
    await popup.keyboard.press('Enter'); // Back
    await popup.waitForSelector('.sc-search-input');
    await choose('');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.sc-card');
    const everything = (await popup.locator('.sc-card').textContent()) ?? '';
    expect(everything).toContain('The White House');
    expect(everything).toContain(SEED_SOURCE);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.sc-search-input');
  });

  it('"On this page" keeps the names the chosen source mentions', async () => {
    await popup.fill('.sc-search-input', '');
    const onPage = async (label: string) => {
      await choose(label);
      await popup.waitForSelector('.sc-page-item, .sc-empty');
      return popup.locator('.sc-page-name').allTextContents();
    };
    const all = await onPage('');
    expect(all.length).toBeGreaterThan(3);
    const whiteHouse = await onPage('The White House');
    const seed = await onPage(SEED_SOURCE);
    // Each narrowed list is part of the whole, and every name on the page comes from some source.
    for (const list of [whiteHouse, seed]) for (const name of list) expect(all).toContain(name);
    expect(new Set([...whiteHouse, ...seed])).toEqual(new Set(all));
    expect(seed.length).toBeGreaterThan(0);
    await choose('');
  });
});
