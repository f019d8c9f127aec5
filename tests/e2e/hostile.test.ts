/**
 * Hostile pages, generated in the browser: 100,000 text nodes, 10,000-deep nesting, one 5 MB text node,
 * a mutation storm (≥ 1,000 text changes a second for 5 s), and a page that replaces built-ins in its own
 * world. For each: the extension finishes (or keeps up) without errors, finds what is there, and the tab
 * stays responsive — measured as the longest gap between a main-world animation-frame loop's frames,
 * beside the same page without the extension. The bound asserted is a hang detector (1 s); the numbers
 * are printed. A page script that dispatches synthetic pointer events and clicks at a marked name (opens
 * no card) is tested in first-minutes.test.ts, beside the person's real hover it must not be confused with.
 */
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launch,
  sendToTab,
  settledMentions,
  startServer,
  type Browser,
  type PageMentions,
} from './harness';

const chromiumPath = inject('chromium');

/** Longest gap between animation frames in the page's own world, from `__resetGap()` on. */
const FRAME_GAPS = `
  (() => {
    const raf = window.requestAnimationFrame.bind(window);
    const now = performance.now.bind(performance);
    const state = { max: 0, frames: 0, last: now() };
    window.__gap = state;
    window.__resetGap = () => { state.max = 0; state.frames = 0; state.last = now(); };
    const tick = () => {
      const t = now();
      if (t - state.last > state.max) state.max = t - state.last;
      state.last = t;
      state.frames++;
      raf(tick);
    };
    raf(tick);
  })();
`;
const gap = (page: Page) =>
  page.evaluate(() => (window as unknown as { __gap: { max: number } }).__gap.max);

const FIXTURES: Array<{ file: string; expected: Record<string, number> }> = [
  { file: 'hostile-many-nodes.html', expected: { 'Nayib Bukele': 100 } },
  {
    file: 'hostile-deep.html',
    expected: { 'Kristi Noem': 1, 'Donald J. Trump': 12, 'Nayib Bukele': 2 },
  },
  { file: 'hostile-huge-text.html', expected: { 'Donald J. Trump': 124, 'Nayib Bukele': 124 } },
  {
    file: 'hostile-prototypes.html',
    expected: {
      'Nayib Bukele': 1,
      'Kristi Noem': 1,
      'El Salvador': 1,
      'Terrorism Confinement Center': 2,
      'La Mara Salvatrucha': 1,
    },
  },
];

function countByName(r: PageMentions): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of r.mentions) counts[m.name] = (counts[m.name] ?? 0) + 1;
  return counts;
}

describe.skipIf(!chromiumPath)('hostile pages', () => {
  let browser: Browser;
  let bare: Browser;
  let server: Server;
  let origin: string;
  const rows: string[] = [];

  beforeAll(async () => {
    ({ server, origin } = await startServer());
    [browser, bare] = await Promise.all([launch(chromiumPath), launch(chromiumPath, false)]);
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), bare?.close()]);
    server?.close();
    console.log(
      [
        '',
        '| fixture | settled after (ms) | mentions | longest frame gap, with / without (ms) | note |',
        '|---|---:|---:|---:|---|',
        ...rows,
      ].join('\n'),
    );
  });

  /** Loads a page, resets the frame-gap meter at load, returns it with its errors. */
  async function open(b: Browser, url: string) {
    const page = await b.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.addInitScript(FRAME_GAPS);
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => (window as unknown as { __resetGap: () => void }).__resetGap());
    return { page, errors };
  }

  it.each(FIXTURES)('$file', async ({ file, expected }) => {
    const url = `${origin}/pages/${file}`;
    const { page, errors } = await open(browser, url);
    const started = Date.now();
    const result = await settledMentions(browser.worker, url, 30_000);
    const settledMs = Date.now() - started;
    await page.waitForTimeout(200);
    const withGap = await gap(page);
    await page.close();

    const baseline = await open(bare, url);
    await baseline.page.waitForTimeout(settledMs + 200);
    const withoutGap = await gap(baseline.page);
    await baseline.page.close();

    rows.push(
      `| ${file} | ${settledMs} | ${result.mentions.length} | ${withGap.toFixed(0)} / ${withoutGap.toFixed(0)} | |`,
    );
    expect(errors).toEqual([]);
    expect(countByName(result)).toEqual(expected);
    expect(withGap).toBeLessThan(1000);
  });

  it('hostile-storm.html: keeps up with ≥ 1,000 text changes a second, backing off, and ends right', async () => {
    const file = 'hostile-storm.html';
    const url = `${origin}/pages/${file}`;
    const { page, errors } = await open(browser, url);
    await settledMentions(browser.worker, url);
    const before = (
      await sendToTab<PageMentions>(browser.worker, url, { type: 'get-page-mentions' })
    ).stats!;
    await page.evaluate(() => (window as unknown as { __resetGap: () => void }).__resetGap());
    const changes = await page.evaluate(() =>
      (window as unknown as { startStorm: (ms: number) => Promise<number> }).startStorm(5000),
    );
    const withGap = await gap(page);
    const after = (
      await sendToTab<PageMentions>(browser.worker, url, { type: 'get-page-mentions' })
    ).stats!;
    const result = await settledMentions(browser.worker, url, 10_000);
    const expectedBukele = await page.evaluate(
      () =>
        [...document.querySelectorAll('#ticker p')].filter((p) => p.textContent!.includes('Bukele'))
          .length,
    );
    await page.close();

    const baseline = await open(bare, url);
    await baseline.page.evaluate(() =>
      (window as unknown as { __resetGap: () => void }).__resetGap(),
    );
    await baseline.page.evaluate(() =>
      (window as unknown as { startStorm: (ms: number) => Promise<number> }).startStorm(5000),
    );
    const withoutGap = await gap(baseline.page);
    await baseline.page.close();

    const share = (after.scanMs - before.scanMs) / 5000;
    rows.push(
      `| ${file} | — | ${result.mentions.length} | ${withGap.toFixed(0)} / ${withoutGap.toFixed(0)} | ${changes} changes in 5 s; extension main-thread share ${(share * 100).toFixed(1)} % |`,
    );
    expect(changes).toBeGreaterThanOrEqual(5000);
    expect(errors).toEqual([]);
    expect(countByName(result)).toEqual(expectedBukele ? { 'Nayib Bukele': expectedBukele } : {});
    expect(withGap).toBeLessThan(1000);
  });
});
