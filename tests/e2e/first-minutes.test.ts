/**
 * What a person notices in the first minutes: a card that stays while the pointer rests, no marks inside
 * hyphenated words, "Not this" with undo, focus back after Esc, the popup's next mention, options that
 * refuse bad input, and marks that are visible on a dark page.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SCREENSHOTS,
  cardText,
  inCard,
  launch,
  pointOf,
  sendToTab,
  settledMentions,
  startServer,
  type PageMentions,
  waitForCard,
  type Browser,
} from './harness';

const chromiumPath = inject('chromium');

/** Where the open card's button starting with `text` is, for clicking it. */
const cardButton = async (page: Page, text: string) =>
  (await inCard(
    page,
    (root, text) => {
      const button = [...root.querySelectorAll('button')].find((b) =>
        b.textContent?.trim().startsWith(text),
      );
      if (!button) return false;
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    text,
  )) ?? false;

describe.skipIf(!chromiumPath)('first ten minutes', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let url: string;
  const mentions = () => settledMentions(browser.worker, url);

  beforeAll(async () => {
    let origin: string;
    ({ server, origin } = await startServer());
    browser = await launch(chromiumPath);
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 600 });
    url = `${origin}/pages/first-minutes.html`;
    await page.goto(url);
    await mentions();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('does not mark a name hyphenated into another word', async () => {
    const found = (await mentions()).mentions.map((m) => m.text);
    expect(found.filter((t) => t === 'SAFE')).toHaveLength(2); // "the SAFE program" and "SAFE,"
    expect(found).toContain('Trump'); // "anti-Trump": a prefix that qualifies the name
  });

  it('marks each name once, at its first mention, and leaves names most articles mention unmarked', async () => {
    const marks = (list: PageMentions['mentions'], name: string) =>
      list.filter((m) => m.name === name).map((m) => m.marked);
    const list = (await mentions()).mentions;
    expect(marks(list, 'Nayib Bukele')).toEqual([true, false]);
    expect(marks(list, 'Security Alliance for Fugitive Enforcement')).toEqual([true, false]);
    // In more than half of the bundled articles: listed, not marked.
    expect(marks(list, 'Donald J. Trump')).toEqual([false]);
    // The option switches live to every mention.
    await browser.worker.evaluate(() => chrome.storage.local.set({ markEveryMention: true }));
    await expect
      .poll(async () => marks((await mentions()).mentions, 'Nayib Bukele'))
      .toEqual([true, true]);
    await browser.worker.evaluate(() => chrome.storage.local.set({ markCommonNames: true }));
    await expect
      .poll(async () => marks((await mentions()).mentions, 'Donald J. Trump'))
      .toEqual([true]);
  });

  it('keeps the card open while the pointer rests on a name in the lower half of the window', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => document.getElementById('bottom')!.scrollIntoView({ block: 'end' }));
    const point = await page.evaluate(() => {
      const p = document.getElementById('bottom')!;
      const text = p.firstChild as Text;
      const at = text.data.indexOf('SAFE');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 4);
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    expect(point.y).toBeGreaterThan(300);
    await page.mouse.move(point.x, point.y);
    await page.waitForSelector('source-context-card', { state: 'attached', timeout: 5000 });
    await page.waitForTimeout(2200);
    expect(await cardText(page)).toContain('Security Alliance for Fugitive Enforcement');
    await page.screenshot({ path: `${SCREENSHOTS}/card-at-rest.png` });
    await page.mouse.move(5, 5);
    await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
  });

  it('the card fits the window wherever the name is: top, middle, bottom; also in a short window', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const spots = [
      { text: 'President Nayib Bukele', scroll: 'start', height: 600 },
      { text: 'Kristi Noem', scroll: 'center', height: 600 },
      { text: 'Kristi Noem', scroll: 'end', height: 600 },
      // Too short for the smallest card on either side of a name in the middle.
      { text: 'President Nayib Bukele', scroll: 'start', height: 300 },
      { text: 'Kristi Noem', scroll: 'center', height: 300 },
      { text: 'Kristi Noem', scroll: 'end', height: 300 },
    ] as const;
    for (const spot of spots) {
      await page.setViewportSize({ width: 1000, height: spot.height });
      const point = await page.evaluate(({ text, scroll }) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n as Text).data.indexOf(text);
          if (at < 0) continue;
          (n.parentElement as HTMLElement).scrollIntoView({ block: scroll });
          const r = document.createRange();
          r.setStart(n, at);
          r.setEnd(n, at + text.length);
          const rect = r.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        return null;
      }, spot);
      await page.mouse.move(point!.x, point!.y);
      await waitForCard(page);
      await page.waitForTimeout(150);
      const box = (await inCard(page, (root) => {
        const dialog = root.querySelector('[role="dialog"]')!;
        const r = dialog.getBoundingClientRect();
        const close = root.querySelector('[aria-label="Close"]')!.getBoundingClientRect();
        return {
          top: r.top,
          bottom: r.bottom,
          closeTop: close.top,
          height: innerHeight,
          // A short card scrolls as a whole (the footer with the sentences), under its bar.
          scrollsWhole:
            dialog.hasAttribute('data-short') && dialog.scrollHeight > dialog.clientHeight,
        };
      }))!;
      const where = `${spot.scroll}, ${spot.height} px window`;
      expect(box.top, `${where}: top`).toBeGreaterThanOrEqual(0);
      expect(box.bottom, `${where}: bottom`).toBeLessThanOrEqual(box.height);
      expect(box.closeTop, `${where}: close button`).toBeGreaterThanOrEqual(0);
      if (spot.height === 300) expect(box.scrollsWhole, `${where}: scrolls as a whole`).toBe(true);
      if (spot.height === 300 && spot.scroll === 'center')
        await page.screenshot({ path: `${SCREENSHOTS}/card-short-window.png` });
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
    }
    await page.setViewportSize({ width: 1000, height: 600 });
  });

  it('a name broken across two lines gets its card by the line the pointer is on', async () => {
    // The paragraph ends its first line right after "Terrorism", so the name runs on to the next line.
    const lines = (await page.evaluate(() => {
      const p = document.getElementById('wrapped')!;
      p.scrollIntoView({ block: 'center' });
      const text = p.firstChild as Text;
      const at = text.data.indexOf('Terrorism');
      const word = document.createRange();
      word.setStart(text, at);
      word.setEnd(text, at + 'Terrorism'.length);
      p.style.width = `${word.getBoundingClientRect().right - p.getBoundingClientRect().left + 4}px`;
      const name = document.createRange();
      name.setStart(text, at);
      name.setEnd(text, at + 'Terrorism Confinement Center'.length);
      return [...name.getClientRects()].map((r) => ({
        left: r.left,
        top: r.top,
        bottom: r.bottom,
        right: r.right,
      }));
    }))!;
    expect(lines).toHaveLength(2);
    const [first, second] = lines as [(typeof lines)[0], (typeof lines)[0]];
    expect(second.top).toBeGreaterThan(first.bottom - 1);
    expect(first.left - second.left).toBeGreaterThan(100);
    await page.mouse.move((first.left + first.right) / 2, (first.top + first.bottom) / 2);
    await waitForCard(page);
    await page.waitForTimeout(150);
    expect(await cardText(page)).toContain('Terrorism Confinement Center');
    const card = (await inCard(page, (root) => {
      const r = root.querySelector('[role="dialog"]')!.getBoundingClientRect();
      return { left: r.left, top: r.top, bottom: r.bottom };
    }))!;
    // Beside the first line (below or above it), from where that line's part of the name starts.
    expect(Math.abs(card.left - first.left)).toBeLessThan(30);
    expect(
      Math.min(Math.abs(card.top - first.bottom), Math.abs(card.bottom - first.top)),
    ).toBeLessThan(20);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
  });

  it('a page script cannot drive the card: synthetic pointer events and clicks do nothing', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const { x, y } = await pointOf(page, 'President Nayib Bukele');
    // The page pretends a pointer rests on the name, and clicks it.
    await page.evaluate(
      ({ x, y }) => {
        const target = document.elementFromPoint(x, y)!;
        for (let i = 0; i < 5; i++)
          target.dispatchEvent(
            new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }),
          );
        target.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
      },
      { x, y },
    );
    await page.waitForTimeout(1000);
    expect(await cardText(page)).toBeNull();
    // With a card open by a real hover, a script clicking its "everywhere" button mutes nothing. (The
    // root is closed, so a page cannot reach the button; this clicks it from the page's world anyway.)
    await page.mouse.move(x, y);
    await waitForCard(page);
    await inCard(page, (root) => {
      const button = [...root.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'everywhere',
      )!;
      button.click();
    });
    await page.waitForTimeout(300);
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('mutedNames'));
    expect(stored.mutedNames ?? []).toEqual([]);
    expect(await cardText(page)).toContain('Not this?');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
  });

  it('“Not this” stops marking every alias of the entity on this site, and undo brings them back', async () => {
    const { x, y } = await pointOf(page, 'President Nayib Bukele');
    await page.mouse.move(x, y);
    await waitForCard(page, 5000);
    const onSite = await cardButton(page, 'on this site');
    expect(onSite).toBeTruthy();
    await page.mouse.move((onSite as { x: number }).x, (onSite as { y: number }).y, { steps: 4 });
    await page.mouse.click((onSite as { x: number }).x, (onSite as { y: number }).y);
    await expect
      .poll(async () =>
        (await mentions()).mentions.filter((m) => m.name === 'Nayib Bukele').map((m) => m.marked),
      )
      .toEqual([false, false]);
    // Still listed for the popup, not marked, not hoverable.
    expect(await cardText(page)).toContain('No longer marked on this site');
    const undo = await cardButton(page, 'Undo');
    await page.mouse.click((undo as { x: number }).x, (undo as { y: number }).y);
    await expect
      .poll(async () =>
        (await mentions()).mentions.filter((m) => m.name === 'Nayib Bukele').map((m) => m.marked),
      )
      .toEqual([true, true]);
    // The name the open card is about keeps its active tint through the repaints.
    const activeTint = () =>
      page.evaluate(() => CSS.highlights.get('source-context-active')?.size ?? 0);
    expect(await activeTint()).toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
    expect(await activeTint()).toBe(0);
  });

  it('moves to the entity’s next mention each time the popup asks, and Esc gives focus back', async () => {
    await page.focus('#before');
    const first = await sendToTab<{ ok: boolean; index: number }>(browser.worker, url, {
      type: 'reveal-entity',
      entityId: 'nayib-bukele',
    });
    const second = await sendToTab<{ ok: boolean; index: number }>(browser.worker, url, {
      type: 'reveal-entity',
      entityId: 'nayib-bukele',
    });
    const list = (await mentions()).mentions;
    expect(first.ok && second.ok).toBe(true);
    expect(second.index).not.toBe(first.index);
    expect(list[first.index]!.entityId).toBe('nayib-bukele');
    expect(list[second.index]!.entityId).toBe('nayib-bukele');
    await expect
      .poll(() => inCard(page, (root) => root.activeElement !== null), { timeout: 5000 })
      .toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  });

  it('“more” from the keyboard reveals the sentences and puts the focus on the first new one', async () => {
    await page.focus('#before');
    await sendToTab(browser.worker, url, { type: 'reveal-entity', entityId: 'nayib-bukele' });
    await expect
      .poll(() => inCard(page, (root) => root.activeElement !== null), { timeout: 5000 })
      .toBe(true);
    const focused = () =>
      inCard(page, (root) => ({
        more: root.activeElement?.classList.contains('sc-more') ?? false,
        text: root.activeElement?.textContent ?? '',
        revealed: root.activeElement?.hasAttribute('data-sc-revealed') ?? false,
        sentences: root.querySelectorAll('.sc-sentence').length,
      }));
    for (let i = 0; i < 30 && !(await focused())!.more; i++) await page.keyboard.press('Tab');
    const before = (await focused())!;
    expect(before.more).toBe(true);
    await page.keyboard.press('Enter');
    const after = (await focused())!;
    expect(after.sentences).toBeGreaterThan(before.sentences);
    // Focus stays in the card, on the first sentence the button revealed (the button is gone).
    expect(after.revealed).toBe(true);
    expect(after.text.length).toBeGreaterThan(20);
    await page.keyboard.press('Escape');
    await page.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
  });

  it('options refuse a negative or empty delay and a site that is not one, saying why beside the field', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const open = options.getByLabel('Open after (ms)');
    for (const bad of ['-5', '']) {
      await open.fill(bad);
      await open.press('Tab');
      await expect
        .poll(() => options.locator('.sc-field-error').first().textContent())
        .toContain('whole number');
      const stored = await browser.worker.evaluate(() => chrome.storage.local.get('hoverDelays'));
      expect((stored.hoverDelays as { openMs?: number } | undefined)?.openMs ?? 500).toBe(500);
    }
    await options.getByLabel('Add a site').fill('not a site');
    await options.getByRole('button', { name: 'Add' }).click();
    expect(await options.locator('#sc-site-error').textContent()).toContain('example.com');
    const sites = await browser.worker.evaluate(() => chrome.storage.local.get('disabledSites'));
    expect(sites.disabledSites ?? []).toEqual([]);
    // A success, then an error: the error is not shown beside the old success.
    const sitesStatus = options.locator('#sc-status-sites');
    await options.getByLabel('Add a site').fill('example.org');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => sitesStatus.textContent()).toContain('example.org');
    await options.getByLabel('Add a site').fill('not a site!!');
    await options.getByRole('button', { name: 'Add' }).click();
    expect(await options.locator('#sc-site-error').textContent()).toContain('example.com');
    expect(await sitesStatus.textContent()).toBe('');
    // An internationalised site is stored as the browser names it, and listed in its own letters.
    await options.getByLabel('Add a site').fill('bücher.de');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => sitesStatus.textContent()).toContain('bücher.de');
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('disabledSites'));
    expect(stored.disabledSites).toContain('xn--bcher-kva.de');
    expect(await options.locator('.sc-list').textContent()).toContain('bücher.de');
    expect(await options.locator('.sc-list').textContent()).not.toContain('xn--');
    await browser.worker.evaluate(() => chrome.storage.local.remove('disabledSites'));
    await options.screenshot({ path: `${SCREENSHOTS}/options-errors.png`, fullPage: true });
    await options.close();
  });

  it('the popup says when the extension is off everywhere, and its site switch does not read “On”', async () => {
    const tabId = await browser.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab!.id!;
    }, url);
    await browser.worker.evaluate(() => chrome.storage.local.set({ enabled: false }));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await expect
      .poll(() => popup.locator('#sc-on-page + .sc-empty').textContent())
      .toContain('off everywhere');
    const labels = await popup.locator('.sc-switches').textContent();
    expect(labels).not.toContain('On for');
    expect(labels).toContain('127.0.0.1: off everywhere');
    await popup.close();
    await browser.worker.evaluate(() => chrome.storage.local.set({ enabled: true }));
    await expect.poll(async () => (await mentions()).enabled).toBe(true);
  });

  it('marks stay visible on a dark page in dark mode (screenshot)', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => {
      document.body.classList.add('dark');
      window.scrollTo(0, 0);
    });
    const { x, y } = await pointOf(page, 'Bukele');
    await page.mouse.move(x, y);
    await waitForCard(page, 5000);
    await page.screenshot({ path: `${SCREENSHOTS}/dark-card.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('the options page is dark from edge to edge in dark mode', async () => {
    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.setViewportSize({ width: 1280, height: 700 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('.sc-root');
    const colours = await options.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      root: getComputedStyle(document.querySelector('.sc-root')!).backgroundColor,
    }));
    expect(colours.body).toBe(colours.root);
    expect(colours.body).not.toBe('rgb(255, 255, 255)');
    await options.close();
  });

  it('on a right-to-left page the card keeps its own direction', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      document.body.classList.remove('dark');
      document.documentElement.dir = 'rtl';
      window.scrollTo(0, 0);
    });
    const { x, y } = await pointOf(page, 'Bukele');
    await page.mouse.move(x, y);
    await waitForCard(page, 5000);
    const direction = await inCard(
      page,
      (root) => getComputedStyle(root.querySelector('[role="dialog"]')!).direction,
    );
    expect(direction).toBe('ltr');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.evaluate(() => document.documentElement.removeAttribute('dir'));
  });
});
