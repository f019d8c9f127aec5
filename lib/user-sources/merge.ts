/**
 * The merged view: the bundled articles and the reader's own, built into one index by the very builder
 * that made index.json (lib/extract/build.ts), so a saved article's names merge with the bundled ones by
 * the same rules as across bundled articles. Pure: the caller supplies the bundled seeds, the dictionary
 * and the reader's sources.
 */
import { buildIndex, type OverridesSource } from '../extract/build';
import type { English } from '../extract/english';
import type { Block } from '../extract/markdown';
import type { SeedArticle } from '../extract/seed-file';
import type { SourceIndex } from '../index/schema';

/** What the build ships beside index.json so the extension can build the same index again. */
export interface SeedBundle {
  /** Changes whenever the bundled index does: a merged index built from another bundle is stale. */
  buildId: string;
  seeds: SeedArticle[];
  overrides: OverridesSource | null;
}

/** One of the reader's own sources, as stored (lib/user-sources/store.ts) and exported. */
export interface UserSource {
  /** The article id in the merged index ("mine-…"), never one of the bundled ids. */
  id: string;
  /** ISO date-time of saving. */
  savedAt: string;
  /** The site it was saved from, as settings' siteKey gives it ("example.com"). */
  site: string;
  title: string | null;
  byline: string | null;
  /** The outlet the page names itself; null when it names none. */
  outlet: string | null;
  url: string;
  published: string | null;
  language: string | null;
  text: string;
  blocks: Block[];
}

export function toSeed(source: UserSource): SeedArticle {
  return {
    id: source.id,
    file: source.url,
    title: source.title,
    outlet: source.outlet,
    citedSources: [],
    url: source.url,
    published: source.published,
    language: source.language,
    note: source.byline ? `By ${source.byline}` : null,
    text: source.text,
    blocks: source.blocks,
  };
}

/** The bundled seeds plus the reader's, through the same builder; saved articles say they are saved. */
export function mergeIndex(
  bundle: SeedBundle,
  english: English,
  sources: readonly UserSource[],
): SourceIndex {
  const index = buildIndex(
    [...bundle.seeds, ...sources.map(toSeed)],
    bundle.overrides ?? undefined,
    english,
  );
  const saved = new Map(sources.map((s) => [s.id, s]));
  for (const article of index.articles) {
    const s = saved.get(article.id);
    if (s) article.saved = { at: s.savedAt, site: s.site };
  }
  return index;
}

/** A stable id for a saved article from its address and text (FNV-1a, 2 × 32 bits: ids stay short). */
export function sourceId(url: string, text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const input = `${url}\u0000${text}`;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `mine-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
