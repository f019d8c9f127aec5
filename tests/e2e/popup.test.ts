/** Popup, options, reader and badge in real Chromium, with accessibility checks (axe-core). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SCREENSHOTS,
  cardText,
  inCard,
  launch,
  NEWS_PAGE_LIST,
  sendToTab,
  settledMentions,
  startServer,
  waitForCard,
  tabIdOf,
  type Browser,
  type PageMentions,
} from './harness';

const chromiumPath = inject('chromium');
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** Serious and critical accessibility violations on the page (axe-core, WCAG 2.x A/AA rules). */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol: extension pages' CSP forbids injected <script> tags.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}

/** Serious and critical accessibility violations inside the open card's (closed) shadow root. */
async function axeViolationsInCard(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await inCard(page, async (root) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: AxeViolation[]; passes: AxeViolation[] }>;
        };
      }
    ).axe;
    // axe walks shadow trees through `host.shadowRoot`, null for a closed root: for this one audit the
    // host shows axe its root, and stops right after.
    Object.defineProperty(root.host, 'shadowRoot', { value: root, configurable: true });
    try {
      const result = await axe.run(root.host, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
        },
      });
      // Targets inside a shadow tree are nested arrays: [[host, inner selector]].
      const inside = result.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target));
      const nested = inside.filter((n) => Array.isArray((n.target as unknown[])[0]));
      return { checked: nested.length, violations: result.violations };
    } finally {
      delete (root.host as { shadowRoot?: unknown }).shadowRoot;
    }
  });
  if (!violations?.checked) throw new Error('axe checked nothing inside the card');
  return violations.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}

describe.skipIf(!chromiumPath)('popup, options, reader', () => {
  let browser: Browser;
  let server: Server;
  let newsUrl: string;
  let news: Page;
  let tabId: number;
  let popup: Page;
  const badge = () =>
    browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  beforeAll(async () => {
    let origin: string;
    ({ server, origin } = await startServer());
    browser = await launch(chromiumPath);
    news = await browser.context.newPage();
    newsUrl = `${origin}/pages/news.html`;
    await news.goto(newsUrl);
    await settledMentions(browser.worker, newsUrl);
    tabId = await tabIdOf(browser.worker, newsUrl);
    popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('shows the page’s mention count on the toolbar badge', async () => {
    await expect.poll(badge).toBe('12');
  });

  it('focuses the search box on open; typing “cecot” finds the Terrorism Confinement Center first', async () => {
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Search the article index',
    );
    await popup.keyboard.type('cecot');
    await popup.waitForSelector('.sc-result');
    const first = await popup.locator('.sc-result').first().textContent();
    expect(first).toContain('Terrorism Confinement Center');
    expect(first).toContain('also “CECOT”');
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-search.png` });
  });

  it('Enter opens the same entity card the hover popover uses; Back returns', async () => {
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.sc-card');
    expect(await popup.locator('.sc-name').textContent()).toBe('Terrorism Confinement Center');
    // The article's own voice is said once, in its source line, not under every sentence.
    expect(await popup.locator('.sc-card').textContent()).toContain(
      'Outlet unknown, citing Breitbart',
    );
    expect(await popup.locator('.sc-card').textContent()).not.toContain('Narration —');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-card.png` });
    await popup.keyboard.press('Enter'); // the Back button has focus
    await popup.waitForSelector('.sc-search-input');
  });

  it('↑/↓ move through results', async () => {
    await popup.fill('.sc-search-input', 'trump');
    await popup.waitForSelector('.sc-result');
    await popup.keyboard.press('ArrowDown');
    const active = await popup.locator('.sc-result.sc-active').getAttribute('id');
    expect(active).toBe('sc-results-1');
    await popup.keyboard.press('ArrowUp');
    expect(await popup.locator('.sc-result.sc-active .sc-result-name').textContent()).toBe(
      'Donald J. Trump',
    );
    await popup.fill('.sc-search-input', '');
  });

  it('finds entities by the words of their sentences and shows the matching sentence', async () => {
    for (const word of ['gang', 'deportation']) {
      await popup.fill('.sc-search-input', word);
      await popup.waitForSelector('.sc-result');
      const marked = await popup
        .locator('.sc-result mark')
        .evaluateAll((els) => els.map((e) => e.textContent?.toLowerCase()));
      // Why each result matched: the word, marked in a sentence (or in the name).
      expect(marked.some((t) => t?.startsWith(word))).toBe(true);
      expect(await popup.locator('.sc-result').count()).toBeGreaterThan(2);
    }
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-search-words.png` });
    await popup.fill('.sc-search-input', 'xylophonist');
    await popup.waitForSelector('.sc-popup > section > .sc-empty');
    const padding = await popup
      .locator('.sc-popup > section > .sc-empty')
      .evaluate((e) => getComputedStyle(e).paddingLeft);
    expect(padding).toBe('12px');
    await popup.fill('.sc-search-input', '');
  });

  it('lists what is on the page with the right counts', async () => {
    const items = await popup
      .locator('.sc-page-item')
      .evaluateAll((els) =>
        els.map(
          (e) =>
            `${e.querySelector('.sc-page-name')!.textContent}=${e.querySelector('.sc-page-count')!.textContent}`,
        ),
      );
    expect(items.sort()).toEqual([...NEWS_PAGE_LIST].sort());
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup.png` });
  });

  it('clicking a name on the list reveals it on the page and opens its card', async () => {
    await popup.locator('.sc-page-item', { hasText: 'Tren de Aragua' }).click();
    await waitForCard(news, 5000);
    expect(await cardText(news)).toContain('Tren de Aragua');
    expect(await axeViolations(news)).toEqual([]);
    // The card's closed root is out of the page's reach, and so of axe's run on the page above.
    expect(await axeViolationsInCard(news)).toEqual([]);
    await news.keyboard.press('Escape');
    await news.waitForSelector('source-context-card', { state: 'detached', timeout: 3000 });
  });

  it('the site switch turns the page off live (badge cleared) and back on', async () => {
    const siteSwitch = popup.getByRole('switch', { name: /for 127\.0\.0\.1/ });
    expect(await siteSwitch.isChecked()).toBe(true);
    await siteSwitch.click({ force: true });
    await expect
      .poll(
        async () =>
          (await sendToTab<PageMentions>(browser.worker, newsUrl, { type: 'get-page-mentions' }))
            .enabled,
      )
      .toBe(false);
    await expect.poll(badge).toBe('');
    await popup.waitForSelector('text=Off for this site.');
    expect(await popup.getByRole('switch', { name: /Off for 127\.0\.0\.1/ }).isChecked()).toBe(
      false,
    );
    await siteSwitch.click({ force: true });
    await expect
      .poll(async () => (await settledMentions(browser.worker, newsUrl)).mentions.length)
      .toBe(12);
    await expect.poll(badge).toBe('12');
  });

  it('says so on pages where content scripts cannot run', async () => {
    const other = await browser.context.newPage();
    await other.goto('chrome://version');
    const id = await browser.worker.evaluate(
      async () => (await chrome.tabs.query({ url: 'chrome://version/' }))[0]?.id,
    );
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${id}`);
    await p.waitForSelector('text=can’t run on this page');
    await p.close();
    await other.close();
  });

  it('options: every setting is there, saved at once, and accessible', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('h1');
    await options.getByLabel('Add a site').fill('example.com');
    await options.getByRole('button', { name: 'Add' }).click();
    await options.waitForSelector('text=example.com added.');
    await options.getByLabel('Soft background').check();
    await options.getByLabel('Open after (ms)').fill('250');
    await options.getByLabel('Open after (ms)').blur();
    await expect
      .poll(() =>
        browser.worker.evaluate(() =>
          chrome.storage.local.get(['disabledSites', 'highlightStyle', 'hoverDelays']),
        ),
      )
      .toEqual({
        disabledSites: ['example.com'],
        highlightStyle: 'background',
        hoverDelays: { openMs: 250, closeMs: 300 },
      });
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot({ path: `${SCREENSHOTS}/options.png`, fullPage: true });
    options.on('dialog', (d) => void d.accept());
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect
      .poll(() => browser.worker.evaluate(() => chrome.storage.local.get(['disabledSites'])))
      .toEqual({});
    await options.close();
  });

  it('reader: the article with unknowns said, mentions marked, target sentence emphasised', async () => {
    const reader = await browser.context.newPage();
    await reader.goto(
      `chrome-extension://${browser.extensionId}/reader.html#article=000_35b253ea46a1fa10&sentence=11`,
    );
    await reader.waitForSelector('.sc-target');
    expect(await reader.locator('h1').textContent()).toBe('Title unknown');
    const meta = await reader.locator('.sc-meta').textContent();
    expect(meta).toContain('Outletunknown');
    expect(meta).toContain('CitesBreitbart');
    expect(meta).toContain('Publisheddate unknown');
    expect(await reader.locator('.sc-target').textContent()).toContain('Trump wrote:');
    expect(await reader.locator('.sc-mention').count()).toBeGreaterThan(40);
    expect(await reader.locator('.sc-reader-side .sc-page-item').count()).toBeGreaterThanOrEqual(
      14,
    );
    await reader.locator('.sc-reader-side .sc-page-item', { hasText: 'Kristi Noem' }).click();
    await reader.waitForSelector('.sc-reader-card .sc-name');
    expect(await axeViolations(reader)).toEqual([]);
    await reader.screenshot({ path: `${SCREENSHOTS}/reader.png` });
    await reader.close();
  });
});
