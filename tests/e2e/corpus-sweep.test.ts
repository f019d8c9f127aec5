/**
 * Every saved real page in ../shared/corpus/pages, served from 127.0.0.1 with all other requests blocked,
 * once with the extension and once without: no new page errors, the DOM unchanged by the extension, no
 * requests made by it, no highlight in a forbidden place, and the scan finishes. Prints a table.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CORPUS_PAGES,
  RECORD_MUTATIONS,
  launch,
  settledMentions,
  startServer,
  type Browser,
} from './harness';

const chromiumPath = inject('chromium');
const pages = existsSync(CORPUS_PAGES)
  ? readdirSync(CORPUS_PAGES)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];

interface Visit {
  errors: string[];
  /** Requests whose initiator is extension code (any chrome-extension:// frame in the initiator stack). */
  extensionRequests: string[];
  mutations: string[];
}

/** Opens a page with every request outside our server blocked; records errors, requests and mutations. */
async function visit(
  browser: Browser,
  url: string,
  origin: string,
  afterLoad: (page: Page) => Promise<void>,
): Promise<Visit> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const extensionRequests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    const frames = JSON.stringify(e.initiator ?? {});
    if (frames.includes('chrome-extension://')) extensionRequests.push(e.request.url);
  });
  await page.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  );
  await page.addInitScript(RECORD_MUTATIONS);
  await page.goto(url, { waitUntil: 'load' });
  await afterLoad(page);
  const mutations = await page.evaluate(() =>
    (window as unknown as { __mutations: Array<Record<string, unknown>> }).__mutations.map((m) =>
      JSON.stringify(m),
    ),
  );
  await page.close();
  return { errors, extensionRequests, mutations };
}

/** Records in `a` that are not in `b`, counting duplicates. */
function multisetMinus(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = counts.get(x) ?? 0;
    if (n > 0) counts.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

describe.skipIf(!chromiumPath || pages.length === 0)(
  'real-page sweep (../shared/corpus/pages)',
  () => {
    let withExt: Browser;
    let without: Browser;
    let server: Server;
    let origin: string;
    const rows: string[] = [];

    beforeAll(async () => {
      ({ server, origin } = await startServer());
      [withExt, without] = await Promise.all([launch(chromiumPath), launch(chromiumPath, false)]);
    });

    afterAll(async () => {
      await Promise.all([withExt?.close(), without?.close()]);
      server?.close();
      if (rows.length) {
        console.log(
          [
            '',
            '| page | text chars | text nodes | mentions | scan ms |',
            '|---|---:|---:|---:|---:|',
            ...rows,
          ].join('\n'),
        );
      }
    });

    it.each(pages)('%s', async (file) => {
      const url = `${origin}/corpus/${file}`;
      let result: Awaited<ReturnType<typeof settledMentions>> | undefined;
      let forbidden: string[] = [];
      let extensionMs = 0;
      const extRun = await visit(withExt, url, origin, async (page) => {
        const loaded = Date.now();
        result = await settledMentions(withExt.worker, url, 30_000);
        extensionMs = Date.now() - loaded;
        // The Highlight registry belongs to the document: check every range from the page's side.
        forbidden = await page.evaluate(() => {
          const bad: string[] = [];
          const selector =
            'input, textarea, select, option, script, style, noscript, template, code, pre, svg, [contenteditable]:not([contenteditable="false"]), [aria-hidden="true"]';
          for (const [, highlight] of CSS.highlights) {
            for (const range of highlight) {
              const el = range.startContainer.parentElement;
              if (!el || el.closest(selector)) bad.push(el?.outerHTML.slice(0, 80) ?? '(detached)');
            }
          }
          return bad;
        });
      });
      const bareRun = await visit(without, url, origin, (page) =>
        page.waitForTimeout(extensionMs + 500),
      );

      expect(result?.pending).toBe(false);
      expect(forbidden).toEqual([]);
      // By default each entity is marked at most once per page (its first mention).
      const markedPerEntity = new Map<string, number>();
      for (const m of result!.mentions.filter((x) => x.marked))
        markedPerEntity.set(m.entityId, (markedPerEntity.get(m.entityId) ?? 0) + 1);
      expect([...markedPerEntity.values()].every((n) => n === 1)).toBe(true);
      expect(multisetMinus(extRun.errors, bareRun.errors)).toEqual([]);
      expect(extRun.extensionRequests).toEqual([]);
      // Once parsing is over, every mutation record of the run with the extension was also made without
      // it (as multisets: the page's own inline scripts still run, and the run without lasts longer).
      // During parsing the HTML parser's records vary with its chunking; no content script runs then.
      const afterParsing = (list: string[]) => list.filter((m) => !m.includes('"parsing":true'));
      expect(extRun.mutations.filter((m) => m.includes('SOURCE-CONTEXT'))).toEqual([]);
      expect(
        multisetMinus(afterParsing(extRun.mutations), afterParsing(bareRun.mutations)),
      ).toEqual([]);
      const s = result!.stats!;
      rows.push(
        `| ${file} | ${s.textChars} | ${s.textNodes} | ${result!.mentions.length} | ${s.scanMs.toFixed(1)} |`,
      );
    });
  },
);
