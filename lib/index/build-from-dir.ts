/**
 * Node-only: reads `<seeds>/articles/*.txt` and `<seeds>/entities.json`, builds and serialises the index.
 * Used by the CLI (lib/index/cli.ts) and by the extension build (wxt.config.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { buildIndex, type OverridesSource } from './build';
import { SeedError } from './errors';
import { decodeUtf8, parseSeedText, type SeedArticle } from './seed-file';
import type { SourceIndex } from './schema';

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

export function readSeeds(seedsDir: string): { seeds: SeedArticle[]; overrides?: OverridesSource } {
  const articlesDir = join(seedsDir, 'articles');
  if (!existsSync(articlesDir))
    throw new SeedError(articlesDir, null, 'no such folder (seeds go in <seeds>/articles/)');
  const display = (p: string) => relative(process.cwd(), p) || p;
  const files = readdirSync(articlesDir)
    .filter((f) => ARTICLE_EXTENSIONS.includes(extname(f)))
    .sort();
  if (files.length === 0)
    throw new SeedError(display(articlesDir), null, 'no article files (*.txt) found');
  const seeds = files.map((f) => {
    const path = join(articlesDir, f);
    const text = decodeUtf8(display(path), readFileSync(path));
    return parseSeedText(display(path), basename(f, extname(f)), text);
  });
  const overridesPath = join(seedsDir, 'entities.json');
  const overrides = existsSync(overridesPath)
    ? {
        file: display(overridesPath),
        source: decodeUtf8(display(overridesPath), readFileSync(overridesPath)),
      }
    : undefined;
  return { seeds, overrides };
}

export async function buildIndexFromDir(
  seedsDir: string,
): Promise<{ index: SourceIndex; json: string }> {
  const { seeds, overrides } = readSeeds(seedsDir);
  const index = buildIndex(seeds, overrides);
  return { index, json: JSON.stringify(index) };
}
