/**
 * "Open in reader" reuses one reader tab: the second click shows the new sentence in the same tab (the
 * reader follows its hash), it does not open another tab; once that tab is closed, the next click opens
 * a new one.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './harness';

const chromiumPath = inject('chromium');

describe.skipIf(!chromiumPath)('reader tab', () => {
  let browser: Browser;
  let popup: Page;
  const readers = () => browser.context.pages().filter((p) => p.url().includes('/reader.html'));

  beforeAll(async () => {
    browser = await launch(chromiumPath);
    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.fill('.sc-search-input', 'trump');
    await popup.waitForSelector('.sc-result');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.sc-card');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const openInReader = async (n: number) => {
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Open in reader' }).nth(n).click();
  };
  const target = (reader: Page) => reader.locator('.sc-target').first().textContent();

  it('the second "Open in reader" shows its sentence in the same tab', async () => {
    const opened = browser.context.waitForEvent('page');
    await openInReader(0);
    const reader = await opened;
    await reader.waitForSelector('.sc-target');
    const first = await target(reader);
    const firstHash = new URL(reader.url()).hash;
    // The tab says which article it shows.
    const heading = await reader.locator('h1').first().textContent();
    expect(await reader.title()).toBe(`${heading} — Source Context reader`);

    await openInReader(1);
    await expect.poll(() => new URL(reader.url()).hash).not.toBe(firstHash);
    await expect.poll(() => target(reader)).not.toBe(first);
    expect(readers()).toHaveLength(1);

    await reader.close();
    const again = browser.context.waitForEvent('page');
    await openInReader(2);
    const second = await again;
    await second.waitForSelector('.sc-target');
    expect(readers()).toHaveLength(1);
  });
});
