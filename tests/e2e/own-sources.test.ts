/**
 * The reader's own sources in real Chromium, acting as a person: add the page being read from the popup
 * (confirm first), see another open tab mark a name from it without reload and its card say "Saved by
 * you"; remove it (and undo) from the options page; export and import into a fresh profile; and the
 * refusals (not an article, too large, a broken import file). Timings are the benchmark's job
 * (tests/bench/own-sources-bench.ts), not asserted here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CORPUS_PAGES,
  SCREENSHOTS,
  blockOutside,
  cardText,
  launch,
  pointOf,
  setStorage,
  settledMentions,
  startServer,
  tabIdOf,
  waitForCard,
  type Browser,
  type PageMentions,
} from './harness';

const chromiumPath = inject('chromium');

const markedNames = (r: PageMentions) => r.mentions.filter((m) => m.marked).map((m) => m.name);
const foundNames = (r: PageMentions) => r.mentions.map((m) => m.name);

/** Opens the popup for `tabId` (as a tab: headless Chromium has no toolbar). */
async function openPopup(b: Browser, tabId: number, query = ''): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}${query}`);
  return popup;
}

/** The popup flow: "Add this page" → confirmation → "Add" → the added message. */
async function addFromPopup(b: Browser, tabId: number): Promise<Page> {
  const popup = await openPopup(b, tabId);
  await popup.getByRole('button', { name: 'Add this page to my sources' }).click();
  await popup.waitForSelector('.sc-own-confirm', { timeout: 60_000 });
  await popup.getByRole('button', { name: 'Add', exact: true }).click();
  await popup.getByText('Added to your sources.').waitFor({ timeout: 60_000 });
  return popup;
}

async function hoverCard(page: Page, name: string): Promise<string> {
  // Close a card left open by an earlier hover first.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('source-context-card'));
  const { x, y } = await pointOf(page, name);
  await page.mouse.move(x, y);
  await waitForCard(page, 10_000);
  return (await cardText(page))!;
}

// Each change builds the merged index (75 bundled articles + the saved ones): seconds on a busy machine.
/** Today as the extension writes dates in English (its `locale` message is en-GB): "29 Nov 2026". */
const today = () =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date());

describe.skipIf(!chromiumPath)('own sources', { timeout: 180_000 }, () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let articleUrl: string;
  let otherUrl: string;
  let other: Page;
  let articleTab: number;
  /** The other tab's names (marked or found), polled until the assertion that follows holds. */
  const otherTabNames = (worker: Worker, names: (r: PageMentions) => string[]) =>
    expect.poll(async () => names(await settledMentions(worker, otherUrl)), { timeout: 30_000 });

  beforeAll(async () => {
    ({ server, origin } = await startServer());
    browser = await launch(chromiumPath);
    articleUrl = `${origin}/pages/own-article.html`;
    otherUrl = `${origin}/pages/own-other.html`;
    other = await browser.context.newPage();
    await other.goto(otherUrl);
    const article = await browser.context.newPage();
    await article.goto(articleUrl);
    articleTab = await tabIdOf(browser.worker, articleUrl);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('before: the other tab knows nothing of Imogen Thackeray', async () => {
    const r = await settledMentions(browser.worker, otherUrl);
    expect(foundNames(r)).not.toContain('Imogen Thackeray');
    expect(markedNames(r)).toContain('Kristi Noem');
  });

  it('"Add this page" shows the article for confirmation and stores nothing before "Add"', async () => {
    const popup = await openPopup(browser, articleTab);
    await popup.getByRole('button', { name: 'Add this page to my sources' }).click();
    const confirm = popup.locator('.sc-own-confirm');
    await confirm.waitFor({ timeout: 60_000 });
    const text = (await confirm.textContent())!;
    expect(text).toContain('Harbour Valley water plan splits the council');
    expect(text).toContain('The Harbour Courier');
    expect(text).toContain('14 Oct 2026');
    expect(text).toContain('By Rosalind Achterberg');
    expect(text).toContain('Imogen Thackeray, the director of the Harbour Valley Water Trust');
    expect(text).toMatch(/Names found: \d+ — .*Imogen Thackeray/);
    await popup.screenshot({ path: `${SCREENSHOTS}/own-confirm.png` });
    await popup.getByRole('button', { name: 'Cancel' }).click();
    const list = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'own-sources-list' }),
    );
    expect(list).toEqual([]);
    await popup.close();
  });

  it('after "Add", the other open tab marks the name without reload; its card says "Saved by you"', async () => {
    const popup = await addFromPopup(browser, articleTab);
    await popup.screenshot({ path: `${SCREENSHOTS}/own-add-popup.png` });
    await popup.close();
    await otherTabNames(browser.worker, markedNames).toContain('Imogen Thackeray');
    const card = await hoverCard(other, 'Imogen Thackeray');
    expect(card).toContain('The Harbour Courier');
    // The date as every date of the card is written ("28 Nov 2026"), not as ISO.
    expect(card).toContain(`Saved by you from 127.0.0.1, ${today()}`);
    expect(card).toContain('We have measured the inflow every week for eleven years');
    await other.screenshot({ path: `${SCREENSHOTS}/own-card.png` });
  });

  it('the saved article merges with the bundled entity: Kristi Noem’s card has both', async () => {
    const card = await hoverCard(other, 'Kristi Noem');
    expect(card).toContain('Some letters to the trust mentioned Kristi Noem');
    expect(card).toContain('Saved by you from 127.0.0.1');
    // A bundled source of hers is still there.
    expect(card).toMatch(/The White House|Outlet unknown/);
  });

  it('popup search reads the merged index', async () => {
    const popup = await openPopup(browser, articleTab);
    await popup.getByRole('combobox').fill('thackeray');
    await popup.waitForSelector('.sc-result');
    expect(await popup.locator('.sc-result').first().textContent()).toContain('Imogen Thackeray');
    await popup.close();
  });

  it('a page already saved is not added twice', async () => {
    const popup = await openPopup(browser, articleTab);
    await popup.getByRole('button', { name: 'Add this page to my sources' }).click();
    await popup.getByText(/already in your sources/).waitFor({ timeout: 60_000 });
    await popup.close();
  });

  it('options list it; remove unmarks the name in the other tab; undo marks it again', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const item = options.locator('.sc-own-item');
    await item.waitFor();
    const text = (await item.textContent())!;
    expect(text).toContain('Harbour Valley water plan splits the council');
    expect(text).toContain('The Harbour Courier');
    expect(text).toContain(`127.0.0.1 · saved ${today()}`);
    expect(text).toContain('Imogen Thackeray');
    await options.screenshot({ path: `${SCREENSHOTS}/own-options.png`, fullPage: true });

    // Open in reader: the saved article in full, from the merged index.
    const [reader] = await Promise.all([
      browser.context.waitForEvent('page'),
      options.getByRole('link', { name: 'Open in reader' }).click(),
    ]);
    await reader.waitForSelector('h1');
    expect(await reader.locator('h1').textContent()).toContain('Harbour Valley water plan');
    await reader.close();

    await options.getByRole('button', { name: /^Remove: Harbour Valley/ }).click();
    await options.getByText('Removed “Harbour Valley').waitFor({ timeout: 60_000 });
    await otherTabNames(browser.worker, foundNames).not.toContain('Imogen Thackeray');
    expect(await options.locator('.sc-own-item').count()).toBe(0);

    await options.getByRole('button', { name: 'Undo' }).click();
    await options.getByText('Put back.').waitFor({ timeout: 60_000 });
    await otherTabNames(browser.worker, markedNames).toContain('Imogen Thackeray');
    await options.close();
  });

  let exported: string;

  it('exports JSON (article and entity shapes, versioned) and Web Annotations', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('.sc-own-item').waitFor();
    const [json] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export (JSON)' }).click(),
    ]);
    exported = join(tmpdir(), `sc-own-export-${process.pid}.json`);
    await json.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    expect(file.format).toBe('source-context/own-sources');
    expect(file.version).toBe(1);
    expect(file.sources).toHaveLength(1);
    expect(file.sources[0].article.title).toBe('Harbour Valley water plan splits the council');
    expect(file.sources[0].article.saved.site).toBe('127.0.0.1');
    expect(file.entities.map((e: { name: string }) => e.name)).toContain('Imogen Thackeray');

    const [annotations] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export as Web Annotations (JSON-LD)' }).click(),
    ]);
    const ld = JSON.parse(readFileSync((await annotations.path())!, 'utf8'));
    expect(ld['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const items = ld.first.items as Array<{
      body: Array<{ purpose: string; value: string }>;
      target: { source: string; selector: { type: string; exact: string } };
    }>;
    const quote = items.find((a) => a.target.selector.exact.startsWith('“We have measured'))!;
    expect(quote.target.source).toBe(articleUrl);
    expect(quote.target.selector.type).toBe('TextQuoteSelector');
    expect(quote.body).toContainEqual({
      type: 'TextualBody',
      purpose: 'tagging',
      value: 'Imogen Thackeray',
    });
    expect(quote.body.find((b) => b.purpose === 'describing')?.value).toMatch(
      /^Quote — Imogen Thackeray/,
    );
    await options.close();
  });

  it('import into a fresh profile restores the same cards; importing again keeps it once', async () => {
    const fresh = await launch(chromiumPath);
    try {
      const page = await fresh.context.newPage();
      await page.goto(otherUrl);
      expect(foundNames(await settledMentions(fresh.worker, otherUrl))).not.toContain(
        'Imogen Thackeray',
      );
      const options = await fresh.context.newPage();
      await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      const input = options.locator('input[type=file]');
      await input.setInputFiles(exported);
      await options.getByText('Imported 1; 0 already').waitFor({ timeout: 60_000 });
      await otherTabNames(fresh.worker, markedNames).toContain('Imogen Thackeray');
      const card = await hoverCard(page, 'Imogen Thackeray');
      expect(card).toContain('Saved by you from 127.0.0.1');
      expect(card).toContain('We have measured the inflow every week for eleven years');

      await input.setInputFiles(exported);
      await options.getByText('Imported 0; 1 already').waitFor({ timeout: 60_000 });
      expect(await options.locator('.sc-own-item').count()).toBe(1);

      // A file that fails validation is refused whole, with what is wrong, and changes nothing.
      const broken = JSON.parse(readFileSync(exported, 'utf8'));
      broken.sources.push({
        ...broken.sources[0],
        article: { ...broken.sources[0].article, id: 'x y' },
      });
      broken.sources[0].article.id = 'mine-other';
      broken.sources[0].article.url = 'https://example.org/another';
      broken.sources[0].text = 'Another article text that would be new.';
      broken.sources[0].blocks = [];
      const brokenPath = join(tmpdir(), `sc-own-broken-${process.pid}.json`);
      writeFileSync(brokenPath, JSON.stringify(broken));
      await input.setInputFiles(brokenPath);
      await options.getByText(/This file was not imported: sources\.1\.article\.id/).waitFor();
      expect(await options.locator('.sc-own-item').count()).toBe(1);
      writeFileSync(brokenPath, '{"format": "something else"');
      await input.setInputFiles(brokenPath);
      await options.getByText(/This file was not imported: not JSON/).waitFor();
      expect(await options.locator('.sc-own-item').count()).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('remove all empties the list and unmarks the names', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('.sc-own-item').waitFor();
    await options.getByRole('button', { name: 'Remove all my sources' }).click();
    await options.getByText('Removed all your sources (1).').waitFor({ timeout: 60_000 });
    await otherTabNames(browser.worker, foundNames).not.toContain('Imogen Thackeray');
    await options.close();
  });

  it('refuses a page that is not an article, and a page past the size limit; nothing is stored', async () => {
    for (const [file, message] of [
      ['own-not-article.html', 'This page does not read as an article, so nothing was added.'],
      [
        'own-huge-article.html',
        /This page is too large to add \([\d,]+ characters of text; the limit is 1,000,000\)/,
      ],
    ] as const) {
      const page = await browser.context.newPage();
      const url = `${origin}/pages/${file}`;
      await page.goto(url);
      const popup = await openPopup(browser, await tabIdOf(browser.worker, url));
      await popup.getByRole('button', { name: 'Add this page to my sources' }).click();
      await popup.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 60_000 });
      expect(
        await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'own-sources-list' })),
      ).toEqual([]);
      await popup.close();
      await page.close();
    }
  });

  it('a page on the disabled-site list can still be added on request', async () => {
    await setStorage(browser.worker, { disabledSites: ['127.0.0.1'] });
    const popup = await addFromPopup(browser, articleTab);
    const list = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'own-sources-list' }),
    );
    expect(list.map((s: { title: string }) => s.title)).toEqual([
      'Harbour Valley water plan splits the council',
    ]);
    await popup.close();
    await setStorage(browser.worker, { disabledSites: [] });
  });

  it.skipIf(!existsSync(CORPUS_PAGES))(
    'a real article of the corpus (the Guardian): added, and its names mark another tab',
    async () => {
      const page = await browser.context.newPage();
      await blockOutside(page, origin);
      const url = `${origin}/corpus/guardian-1.html`;
      await page.goto(url);
      const popup = await addFromPopup(browser, await tabIdOf(browser.worker, url));
      await popup.close();
      await other.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Whale whisperer Hori Parata was there.';
        document.body.append(p);
      });
      await otherTabNames(browser.worker, markedNames).toContain('Hori Parata');
      const card = await hoverCard(other, 'Hori Parata');
      expect(card).toContain('the Guardian');
      expect(card).toContain('Saved by you from 127.0.0.1');
    },
  );
});
