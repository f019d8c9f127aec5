/** Markdown seeds with YAML front matter, as the shared White House pages come, and their errors. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../../lib/node/build-from-dir';
import { errorOf } from './seed-error-of';
import { markdownToText } from '../../../lib/extract/markdown';
import { ARTICLE_ID_RE, parseMarkdownSeed } from '../../../lib/extract/seed-file';

const FRONT = [
  '---',
  "date: '2025-03-27'",
  'published_time: 2025-03-27 10:06:32-04:00',
  'source_url: https://www.whitehouse.gov/articles/2025/03/example/',
  'tags: articles',
  'title: Trump Administration Takes Down Top MS-13 Gang Leader',
  '---',
];

function seedsDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sc-md-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, 'articles', name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

describe('Markdown body', () => {
  it('keeps link text, drops images, code and raw HTML, and gives each block its own line', () => {
    const { text, blocks } = markdownToText(
      [
        '# A heading',
        '',
        'Early this morning, the [Trump Administration](https://x.com/a) acted in',
        'Virginia. ![photo](p.jpg)',
        '',
        '-   **Attorney General Pam Bondi:** “America is safer today.”',
        '-   Second item',
        '',
        '```',
        'code()',
        '```',
        '',
        '<div>raw html</div>',
        '',
        '> Quoted words.',
        '',
        'Line one  ',
        'Line two, after a hard break, Panama Cana<span></span>l.',
      ].join('\n'),
    );
    expect(text.split('\n')).toEqual([
      'A heading',
      'Early this morning, the Trump Administration acted in Virginia.',
      'Attorney General Pam Bondi: “America is safer today.”',
      'Second item',
      'Quoted words.',
      'Line one',
      'Line two, after a hard break, Panama Canal.',
    ]);
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'item',
      'item',
      'quote',
      'paragraph',
      'paragraph',
    ]);
    for (const b of blocks) expect(text.slice(b.start, b.end)).not.toMatch(/\n/);
  });
});

describe('Markdown seeds', () => {
  it('reads title, date, URL from the front matter and the outlet from the folder', () => {
    const seed = parseMarkdownSeed('a.md', 'a', [...FRONT, '', 'Body text.'].join('\n'), {
      outlet: 'The White House',
      citedSources: [],
      language: 'en',
    });
    expect(seed).toMatchObject({
      id: 'a',
      title: 'Trump Administration Takes Down Top MS-13 Gang Leader',
      published: '2025-03-27',
      url: 'https://www.whitehouse.gov/articles/2025/03/example/',
      outlet: 'The White House',
      language: 'en',
      text: 'Body text.',
    });
  });

  it('names the file and line of broken front matter', () => {
    const broken = [...FRONT.slice(0, 3), 'title: [unclosed', '---', 'Body.'].join('\n');
    const err = errorOf(() => parseMarkdownSeed('b.md', 'b', broken));
    expect(err.message).toMatch(/^b\.md:\d+: broken YAML front matter/);
    expect(err.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses a page without a title, a bad date or an unclosed header', () => {
    const noTitle = FRONT.filter((l) => !l.startsWith('title')).join('\n') + '\nBody.';
    expect(errorOf(() => parseMarkdownSeed('c.md', 'c', noTitle)).message).toBe(
      'c.md:1: missing "title"',
    );
    const badDate = FRONT.map((l) => (l.startsWith('published_time') ? 'published_time: soon' : l));
    expect(
      errorOf(() => parseMarkdownSeed('d.md', 'd', badDate.join('\n') + '\nBody.')).message,
    ).toBe('d.md:3: the date must be written YYYY-MM-DD');
    expect(errorOf(() => parseMarkdownSeed('e.md', 'e', '---\ntitle: x\nBody.')).message).toBe(
      'e.md: the front matter is never closed with "---"',
    );
  });

  it('refuses a file that is not UTF-8, with its line', () => {
    const bytes = new TextEncoder().encode([...FRONT, 'Body ok.', 'Bad: '].join('\n'));
    const bad = new Uint8Array([...bytes, 0xc3, 0x28, 0x0a]);
    const dir = seedsDir({ 'wh/bad.md': bad });
    const err = errorOf(() => readSeeds(dir));
    expect(err.message).toMatch(/bad\.md:9: not valid UTF-8/);
  });

  it('applies source.json to the folder and below, and checks it', () => {
    const dir = seedsDir({
      'wh/source.json': '{ "outlet": "The White House", "language": "en" }',
      'wh/articles/a.md': [...FRONT, 'Body.'].join('\n'),
      'other.txt':
        '---\ntitle: null\noutlet: null\ncitedSources: []\nurl: null\npublished: null\nlanguage: "en"\n---\nText.',
    });
    const { seeds } = readSeeds(dir);
    expect(seeds.find((s) => s.id === 'a')?.outlet).toBe('The White House');
    expect(seeds.find((s) => s.id === 'other')?.outlet).toBeNull();
    const bad = seedsDir({
      'wh/source.json': '{ "outlet": 3 }',
      'wh/a.md': [...FRONT, 'B.'].join('\n'),
    });
    expect(errorOf(() => readSeeds(bad)).message).toMatch(/source\.json:1: "outlet" must be/);
  });

  it('keeps both of two files with one name in different folders, ids from their folders', () => {
    const dir = seedsDir({
      'wh/articles/same.md': [...FRONT, 'One.'].join('\n'),
      'wh/statements/same.md': [...FRONT, 'Two.'].join('\n'),
    });
    expect(
      readSeeds(dir)
        .seeds.map((s) => s.id)
        .sort(),
    ).toEqual(['wh-articles-same', 'wh-statements-same']);
  });

  it('skips a file with the same text as an earlier one, and says which', () => {
    const dir = seedsDir({
      'wh/articles/a.md': [...FRONT, 'One  page.', 'Saved twice.'].join('\n'),
      'wh/statements/b.md': [...FRONT, 'One page.', 'Saved   twice.'].join('\n'),
      'wh/statements/c.md': [...FRONT, 'Another page.'].join('\n'),
    });
    const { seeds, duplicates } = readSeeds(dir);
    expect(seeds.map((s) => s.id)).toEqual(['a', 'c']);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]!.file).toMatch(/wh\/statements\/b\.md$/);
    expect(duplicates[0]!.sameAs).toMatch(/wh\/articles\/a\.md$/);
  });

  it('an id made from folder names is a valid id too (spaces, dots and accents become "-")', () => {
    const dir = seedsDir({
      'White House/Press Briefings/same.md': [...FRONT, 'One.'].join('\n'),
      '.archive/2025.03 notas/same.md': [...FRONT, 'Two.'].join('\n'),
    });
    const ids = readSeeds(dir).seeds.map((s) => s.id);
    for (const id of ids) expect(id).toMatch(ARTICLE_ID_RE);
    expect(ids.sort()).toEqual(['White-House-Press-Briefings-same', 'archive-2025-03-notas-same']);
  });
});
