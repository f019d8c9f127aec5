/**
 * The merged index is built by the same builder over the bundled seeds (as the build ships them) and the
 * reader's sources: with none it is exactly index.json; a saved article's names merge with the bundled
 * entities; export and import carry the sources over; a bad file is refused whole.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleFromDir } from '../../../lib/node/build-from-dir';
import { nodeEnglish } from '../../../lib/node/node-english';
import type { SourceIndex } from '../../../lib/index/schema';
import { linesAsBlocks } from '../../../lib/extract/markdown';
import {
  mergeIndex,
  sourceId,
  type SeedBundle,
  type UserSource,
} from '../../../lib/user-sources/merge';
import {
  ImportError,
  exportJson,
  exportWebAnnotations,
  parseImport,
} from '../../../lib/user-sources/exchange';
import { indexAliases } from '../../../lib/match/payload';

let bundled: SourceIndex;
let bundle: SeedBundle;
let merged: SourceIndex;

const text = [
  'Harbour Valley water plan splits the council',
  'Imogen Thackeray, the director of the Harbour Valley Water Trust, spoke on Tuesday.',
  '“We have measured the inflow every week for eleven years,” Imogen Thackeray said.',
  'Some letters to the trust mentioned Kristi Noem, although the plan is a local one.',
].join('\n');
const source: UserSource = {
  id: sourceId('https://example.com/water', text),
  savedAt: '2026-11-28T10:00:00.000Z',
  site: 'example.com',
  title: 'Harbour Valley water plan splits the council',
  byline: 'Rosalind Achterberg',
  outlet: 'The Harbour Courier',
  url: 'https://example.com/water',
  published: '2026-10-14',
  language: 'en',
  text,
  blocks: linesAsBlocks(text).map((b, i) => (i === 0 ? { ...b, kind: 'heading' } : b)),
};

beforeAll(async () => {
  const built = await bundleFromDir('seeds');
  bundled = built.index;
  // As the extension reads it: through JSON.
  bundle = JSON.parse(built.bundleJson) as SeedBundle;
  merged = mergeIndex(bundle, nodeEnglish(), [source]);
});

describe('mergeIndex', () => {
  it('with no own sources it rebuilds index.json exactly (one pipeline, build time and run time)', () => {
    expect(mergeIndex(bundle, nodeEnglish(), [])).toEqual(bundled);
  });

  it('adds the saved article, labelled as saved, with its names as entities', () => {
    const article = merged.articles.find((a) => a.id === source.id)!;
    expect(article.saved).toEqual({ at: source.savedAt, site: 'example.com' });
    expect(article.outlet).toBe('The Harbour Courier');
    expect(merged.articles).toHaveLength(bundled.articles.length + 1);
    const imogen = merged.entities.find((e) => e.name === 'Imogen Thackeray')!;
    expect(imogen.type).toBe('person');
    const quote = article.sentences.find((s) => s.text.startsWith('“We have measured'))!;
    expect(quote.attribution).toMatchObject({ role: 'quote', byEntityId: imogen.id });
  });

  it('merges with the bundled entity by the same rules: Kristi Noem gains the saved sentence', () => {
    const before = bundled.entities.find((e) => e.name === 'Kristi Noem')!;
    const after = merged.entities.find((e) => e.id === before.id)!;
    expect(after.mentions.filter((m) => m.articleId === source.id)).toHaveLength(1);
    expect(after.mentions.length).toBe(before.mentions.length + 1);
    // …and the content script's alias table holds the new name.
    expect(indexAliases(merged).some((a) => a.text === 'Imogen Thackeray')).toBe(true);
  });
});

describe('export and import', () => {
  it('JSON export → import gives back the same source', () => {
    const file = exportJson([source], merged);
    expect(file.entities.map((e) => e.name)).toContain('Imogen Thackeray');
    expect(parseImport(JSON.stringify(file))).toEqual([source]);
  });

  it('refuses a file that fails validation whole, saying where', () => {
    const file = exportJson([source], merged);
    const bad = JSON.parse(JSON.stringify(file));
    bad.sources[0].blocks[0].end = 10_000;
    expect(() => parseImport(JSON.stringify(bad))).toThrow(ImportError);
    expect(() => parseImport(JSON.stringify(bad))).toThrow(
      /sources\.0\.blocks: a block lies outside/,
    );
    expect(() => parseImport('{')).toThrow(/not JSON/);
    expect(() => parseImport(JSON.stringify({ ...file, version: 99 }))).toThrow(/version/);
  });

  it('Web Annotation export: one annotation per sentence that names an entity', () => {
    const ld = exportWebAnnotations([source], merged);
    const items = ld.first.items as Array<{
      body: Array<{ purpose: string; value: string }>;
      target: { source: string; selector: { exact: string; prefix?: string } };
    }>;
    // The headline names no one; the three other sentences do.
    expect(items).toHaveLength(3);
    const quote = items.find((a) => a.target.selector.exact.startsWith('“We have'))!;
    expect(quote.target.source).toBe(source.url);
    const at = text.indexOf('“We have');
    expect(quote.target.selector.prefix).toBe(text.slice(at - 32, at));
    expect(quote.body.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual([
      'Imogen Thackeray',
    ]);
    expect(quote.body.find((b) => b.purpose === 'describing')!.value).toMatch(
      /^Quote — Imogen Thackeray/,
    );
  });
});
