/** The content script in real Chromium on a page served from 127.0.0.1, acting as a reader would. */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  RECORD_MUTATIONS,
  SCREENSHOTS,
  cardText,
  launch,
  pointOf,
  sendToTab,
  setStorage,
  settledMentions,
  startServer,
  waitForCard,
  type Browser,
  type PageMentions,
} from './harness';

const chromiumPath = inject('chromium');

describe.skipIf(!chromiumPath)('content script in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let page: Page;
  let url: string;
  const pageErrors: string[] = [];
  /** The same page's mutations in a browser without the extension: what the page does by itself. */
  let baseline: unknown[];
  /** Records made after parsing ended (the parser's own records vary with its chunking). */
  const afterParsing = (list: unknown[]) =>
    list.filter((m) => !(m as { parsing: boolean }).parsing);
  const mutations = () =>
    page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations);

  beforeAll(async () => {
    ({ server, origin } = await startServer());
    url = `${origin}/pages/news.html`;
    const bare = await launch(chromiumPath, false);
    const barePage = await bare.context.newPage();
    await barePage.addInitScript(RECORD_MUTATIONS);
    await barePage.goto(url);
    await barePage.waitForTimeout(500);
    baseline = await barePage.evaluate(
      () => (window as unknown as { __mutations: unknown[] }).__mutations,
    );
    await bare.close();
    browser = await launch(chromiumPath);
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.addInitScript(RECORD_MUTATIONS);
    await page.goto(url);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('finds exactly the mentions in the page’s readable text, in document order', async () => {
    const result = await settledMentions(browser.worker, url);
    expect(result.enabled).toBe(true);
    expect(result.mentions.map((m) => `${m.text}→${m.name}`)).toEqual([
      'Washington→Washington',
      'President Nayib Bukele→Nayib Bukele',
      'El Salvador→El Salvador',
      'Washington→Washington',
      'Terrorism Confinement Center→Terrorism Confinement Center',
      'CECOT→Terrorism Confinement Center',
      'Trump→Donald J. Trump',
      'Kristi Noem→Kristi Noem',
      'SAFE→Security Alliance for Fugitive Enforcement',
      'MS‑13→La Mara Salvatrucha',
      'Tren de Aragua→Tren de Aragua',
      'Bukele→Nayib Bukele',
    ]);
  });

  it('leaves the page’s DOM untouched while scanning and highlighting', async () => {
    expect(baseline.length).toBeGreaterThan(0); // recording starts at document start
    expect(afterParsing(await mutations())).toEqual(afterParsing(baseline));
    expect(
      await page.evaluate(
        () => document.querySelectorAll('source-context-card, source-context-mark, style').length,
      ),
    ).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('hovering “Bukele” opens the card with the seed sentence and its attribution', async () => {
    const { x, y } = await pointOf(page, 'Bukele');
    await page.mouse.move(x, y);
    await page.waitForSelector('source-context-card', { state: 'attached', timeout: 5000 });
    await waitForCard(page, 5000);
    const text = (await cardText(page))!;
    expect(text).toContain('Nayib Bukele');
    expect(text).toContain('Person');
    expect(text).toContain(
      'According to Breitbart, Trump has formally invited Bukele to the White House',
    );
    expect(text).toContain('Reported — according to Breitbart');
    expect(text).toContain('Outlet unknown, citing Breitbart');
    expect(text).toContain('date unknown');
    const dialog = await page.evaluate(() => {
      const d = document
        .querySelector('source-context-card')!
        .shadowRoot!.querySelector('[role="dialog"]')!;
      const labelled = d.getAttribute('aria-labelledby')!;
      return {
        modal: d.getAttribute('aria-modal'),
        label:
          d.getRootNode() instanceof ShadowRoot &&
          (d.getRootNode() as ShadowRoot).getElementById(labelled)?.textContent,
      };
    });
    expect(dialog).toEqual({ modal: 'false', label: 'Nayib Bukele' });
    // caret: 'initial' — Playwright's default hides the caret by restyling inputs, which would count as a mutation.
    await page.screenshot({ path: `${SCREENSHOTS}/hover-card.png`, caret: 'initial' });
  });

  it('Esc closes the card and removes its host from the page', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
    expect(await cardText(page)).toBeNull();
  });

  it('the card stays while the pointer moves onto it, and closes after it leaves', async () => {
    const { x, y } = await pointOf(page, 'Kristi Noem');
    await page.mouse.move(x, y);
    await page.waitForSelector('source-context-card', { state: 'attached', timeout: 5000 });
    const box = await page.evaluate(() => {
      const r = document
        .querySelector('source-context-card')!
        .shadowRoot!.querySelector('[role="dialog"]')!
        .getBoundingClientRect();
      return { x: r.left + 20, y: r.top + 20 };
    });
    await page.mouse.move(box.x, box.y, { steps: 5 });
    await page.waitForTimeout(700);
    expect(await cardText(page)).toContain('Kristi Noem');
    await page.mouse.move(5, 5);
    await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
  });

  it('never marks inputs, textareas, code or editable regions', async () => {
    const values = await page.evaluate(() => ({
      input: (document.getElementById('search') as HTMLInputElement).value,
      notes: (document.getElementById('notes') as HTMLTextAreaElement).value,
      editor: document.getElementById('editor')!.textContent,
    }));
    expect(values).toEqual({
      input: 'Bukele Trump',
      notes: 'Notes about Bukele and CECOT',
      editor: 'Draft: Noem and Bukele',
    });
    // Hovering the editable region's "Noem" opens nothing.
    const { x, y } = await pointOf(page, 'Noem and Bukele');
    await page.mouse.move(x, y);
    await page.waitForTimeout(800);
    expect(await cardText(page)).toBeNull();
  });

  it('switching the site off removes the highlights live, and on brings them back', async () => {
    await setStorage(browser.worker, { disabledSites: ['127.0.0.1'] });
    await expect
      .poll(
        async () =>
          (await sendToTab<PageMentions>(browser.worker, url, { type: 'get-page-mentions' }))
            .enabled,
      )
      .toBe(false);
    expect(
      (await sendToTab<PageMentions>(browser.worker, url, { type: 'get-page-mentions' })).mentions,
    ).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/site-off.png`, caret: 'initial' });
    await setStorage(browser.worker, { disabledSites: [] });
    await expect
      .poll(async () => (await settledMentions(browser.worker, url)).mentions.length)
      .toBe(12);
    // Only the card host came and went (cards were opened above); nothing else changed.
    const extra = afterParsing(await mutations()).slice(afterParsing(baseline).length) as Array<{
      added: string[];
      removed: string[];
    }>;
    expect(extra.length).toBeGreaterThan(0);
    for (const m of extra) expect([...m.added, ...m.removed]).toEqual(['SOURCE-CONTEXT-CARD']);
  });
});
