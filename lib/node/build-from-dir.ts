/**
 * Node-only: reads `<seeds>/articles/**` (`*.txt` and `*.md`, with an optional `source.json` per folder) and
 * `<seeds>/entities.json`, builds and serialises the index. Used by the CLI (lib/index/cli.ts) and by the
 * extension build (wxt.config.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join, relative } from 'node:path';
import { buildIndex, type OverridesSource } from '../extract/build';
import { SeedError } from '../extract/errors';
import { nodeEnglish } from './node-english';
import {
  decodeUtf8,
  NO_FOLDER_DEFAULTS,
  parseFolderDefaults,
  parseMarkdownSeed,
  parseSeedText,
  type FolderDefaults,
  type SeedArticle,
} from '../extract/seed-file';
import type { SourceIndex } from '../index/schema';
import type { SeedBundle } from '../user-sources/merge';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];
const FOLDER_DEFAULTS_FILE = 'source.json';

export interface SeedsRead {
  seeds: SeedArticle[];
  overrides?: OverridesSource;
  /** Files left out because an earlier file holds the same text (one page saved under two addresses). */
  duplicates: Array<{ file: string; sameAs: string }>;
}

export function readSeeds(seedsDir: string): SeedsRead {
  const articlesDir = join(seedsDir, 'articles');
  if (!existsSync(articlesDir))
    throw new SeedError(articlesDir, null, 'no such folder (seeds go in <seeds>/articles/)');
  const display = (p: string) => relative(process.cwd(), p) || p;
  const read = (path: string) => decodeUtf8(display(path), readFileSync(path));
  const seeds: SeedArticle[] = [];
  const walk = (dir: string, inherited: FolderDefaults) => {
    const defaultsPath = join(dir, FOLDER_DEFAULTS_FILE);
    const defaults = existsSync(defaultsPath)
      ? parseFolderDefaults(display(defaultsPath), read(defaultsPath))
      : inherited;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path, defaults);
        continue;
      }
      const ext = extname(name);
      if (!ARTICLE_EXTENSIONS.includes(ext)) continue;
      const id = basename(name, ext);
      seeds.push(
        ext === '.md'
          ? parseMarkdownSeed(display(path), id, read(path), defaults)
          : parseSeedText(display(path), id, read(path)),
      );
    }
  };
  walk(articlesDir, NO_FOLDER_DEFAULTS);
  // Two files of one name in different folders (a statement filed under two sections): each id gets its
  // folder path, so neither is lost and ids stay stable.
  const byId = new Map<string, SeedArticle[]>();
  for (const s of seeds) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    for (const s of same) {
      const dir = relative(articlesDir, join(process.cwd(), s.file, '..'));
      // Folder names may hold anything a file system allows: only letters, digits, "_" and "-" stay, so
      // the id is as valid as one written by hand (ARTICLE_ID_RE).
      const prefix = dir.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z0-9]+|-+$/g, '');
      if (dir && basename(s.file, extname(s.file)) === s.id)
        s.id = prefix ? `${prefix}-${s.id}` : s.id;
    }
  }
  if (seeds.length === 0)
    throw new SeedError(display(articlesDir), null, 'no article files (*.txt, *.md) found');
  // One page saved twice (the White House files some statements under two sections and two slugs): the
  // same sentences would be counted, and shown, twice. The first file in folder order is kept.
  const byText = new Map<string, SeedArticle>();
  const duplicates: SeedsRead['duplicates'] = [];
  const unique = seeds.filter((s) => {
    const key = s.text.replace(/\s+/g, ' ').trim();
    const earlier = byText.get(key);
    if (earlier) duplicates.push({ file: s.file, sameAs: earlier.file });
    else byText.set(key, s);
    return !earlier;
  });
  const overridesPath = join(seedsDir, 'entities.json');
  const overrides = existsSync(overridesPath)
    ? { file: display(overridesPath), source: read(overridesPath) }
    : undefined;
  return { seeds: unique, overrides, duplicates };
}

export async function buildIndexFromDir(
  seedsDir: string,
): Promise<{ index: SourceIndex; json: string; duplicates: SeedsRead['duplicates'] }> {
  const { seeds, overrides, duplicates } = readSeeds(seedsDir);
  const index = buildIndex(seeds, overrides, nodeEnglish());
  return { index, json: JSON.stringify(index), duplicates };
}

/**
 * The index and what the extension needs to build it again with the reader's own sources added
 * (lib/user-sources/merge.ts): the parsed seeds (text and blocks) and the overrides, tagged with the
 * index's hash so a merged index built from an older bundle is known to be stale after an update.
 */
export async function bundleFromDir(
  seedsDir: string,
): Promise<{ index: SourceIndex; json: string; bundleJson: string; buildId: string }> {
  const { seeds, overrides } = readSeeds(seedsDir);
  const index = buildIndex(seeds, overrides, nodeEnglish());
  const json = JSON.stringify(index);
  const bundle: SeedBundle = {
    buildId: createHash('sha256').update(json).digest('hex').slice(0, 16),
    seeds,
    overrides: overrides ?? null,
  };
  return { index, json, bundleJson: JSON.stringify(bundle), buildId: bundle.buildId };
}

/** Where Hunspell's en_US files are, as the extraction pipeline reads them (lib/extract/english.ts). */
export function dictionaryFiles(): { aff: string; dic: string } {
  // The package's entry point sits beside its index.aff and index.dic.
  const entry = createRequire(import.meta.url).resolve('dictionary-en');
  return {
    aff: entry.replace(/index\.js$/, 'index.aff'),
    dic: entry.replace(/index\.js$/, 'index.dic'),
  };
}
