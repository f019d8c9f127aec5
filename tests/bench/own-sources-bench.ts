/**
 * Own sources in the benchmark (called by bench.ts): with the real extension in Chromium, the time from
 * confirming "Add" until another open tab marks a name of the saved article, and from "Remove" until it
 * is unmarked; the time to read and index a page before the confirmation; and, in Node, the merged build
 * (the 75 bundled articles + a few saved ones) that each change costs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { launch, settledMentions, tabIdOf, EXTENSION_DIR } from '../e2e/harness';
import { englishFrom } from '../../lib/extract/english';
import { linesAsBlocks } from '../../lib/extract/markdown';
import {
  mergeIndex,
  sourceId,
  type SeedBundle,
  type UserSource,
} from '../../lib/user-sources/merge';

export interface OwnSourcesBench {
  /** Confirm "Add" → the other tab reports the new name marked (ms, median). */
  addToMarkedMs: number;
  /** "Remove" → the other tab no longer finds the name (ms, median). */
  removeToUnmarkedMs: number;
  /** "Add this page" → the confirmation's content is ready (Readability + merged build), ms, median. */
  previewMs: number;
  /** Merged build in Node: the bundled articles + `savedArticles` saved ones (ms, median). */
  mergeBuildMs: number;
  bundledArticles: number;
  savedArticles: number;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const NAME = 'Imogen Thackeray';

async function until(worker: Worker, url: string, test: (names: string[]) => boolean) {
  const started = performance.now();
  for (;;) {
    const r = await settledMentions(worker, url);
    if (test(r.mentions.filter((m) => m.marked).map((m) => m.name)))
      return performance.now() - started;
    if (performance.now() - started > 60_000) throw new Error('own sources: no update in 60 s');
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

export async function benchOwnSources(
  executablePath: string,
  origin: string,
  runs = 3,
): Promise<OwnSourcesBench> {
  const b = await launch(executablePath);
  const articleUrl = `${origin}/pages/own-article.html`;
  const otherUrl = `${origin}/pages/own-other.html`;
  const other = await b.context.newPage();
  await other.goto(otherUrl);
  const article = await b.context.newPage();
  await article.goto(articleUrl);
  const tabId = await tabIdOf(b.worker, articleUrl);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
  await settledMentions(b.worker, otherUrl);
  const send = (message: unknown) =>
    popup.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{
      ok: boolean;
      source: unknown;
      removed: unknown;
    }>;

  const add: number[] = [];
  const remove: number[] = [];
  const preview: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const p = await send({ type: 'own-sources-preview', tabId });
    preview.push(performance.now() - t);
    if (!p.ok) throw new Error('own sources: preview failed');
    t = performance.now();
    const [, wait] = await Promise.all([
      send({ type: 'own-sources-add', source: p.source }),
      until(b.worker, otherUrl, (names) => names.includes(NAME)),
    ]);
    add.push(wait);
    t = performance.now();
    await Promise.all([
      send({ type: 'own-sources-remove', ids: 'all' }),
      until(b.worker, otherUrl, (names) => !names.includes(NAME)),
    ]);
    remove.push(performance.now() - t);
  }
  await b.close();

  // The merged build alone, in Node, as the worker runs it: bundled seeds + 3 saved articles.
  const bundle = JSON.parse(readFileSync(join(EXTENSION_DIR, 'seeds.json'), 'utf8')) as SeedBundle;
  const english = englishFrom(
    readFileSync(join(EXTENSION_DIR, 'dictionary/en_US.aff')),
    readFileSync(join(EXTENSION_DIR, 'dictionary/en_US.dic')),
  );
  const saved: UserSource[] = bundle.seeds.slice(0, 3).map((s, i) => {
    const text = `${s.text}\nSaved copy ${i}.`;
    const url = `https://example.com/saved-${i}`;
    return {
      id: sourceId(url, text),
      savedAt: '2026-11-28T00:00:00.000Z',
      site: 'example.com',
      title: s.title,
      byline: null,
      outlet: s.outlet,
      url,
      published: s.published,
      language: s.language,
      text,
      blocks: linesAsBlocks(text),
    };
  });
  const builds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    mergeIndex(bundle, english, saved);
    builds.push(performance.now() - t);
  }
  return {
    addToMarkedMs: median(add),
    removeToUnmarkedMs: median(remove),
    previewMs: median(preview),
    mergeBuildMs: median(builds),
    bundledArticles: bundle.seeds.length,
    savedArticles: saved.length,
    runs,
  };
}
