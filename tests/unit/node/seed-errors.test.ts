/** Bad input gets one clear error naming the file (and line), and no index is written. */
import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
  existsSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../../lib/node/build-from-dir';
import { buildIndex } from '../../../lib/extract/build';
import { errorOf } from './seed-error-of';
import { parseSeedText } from '../../../lib/extract/seed-file';

const GOOD_HEADER = [
  '---',
  'title: "A headline"',
  'outlet: null',
  'citedSources: []',
  'url: null',
  'published: "2025-04-01"',
  'language: "en"',
  '---',
];
const TEXT = 'President Nayib Bukele met Kristi Noem in San Salvador. Bukele spoke.';

function seedDir(files: Record<string, string | Uint8Array>, overrides?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sc-seeds-'));
  mkdirSync(join(dir, 'articles'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, 'articles', name), content);
  if (overrides !== undefined) writeFileSync(join(dir, 'entities.json'), overrides);
  return dir;
}

describe('seed errors', () => {
  it('missing metadata names the file and line', () => {
    const src = GOOD_HEADER.filter((l) => !l.startsWith('outlet')).join('\n') + '\n' + TEXT;
    const err = errorOf(() => parseSeedText('a.txt', 'a', src));
    expect(err.message).toBe('a.txt:7: missing field "outlet" (write null when it is unknown)');
  });

  it('invalid metadata names the line', () => {
    const src =
      GOOD_HEADER.map((l) => (l.startsWith('published') ? 'published: "April 2025"' : l)).join(
        '\n',
      ) +
      '\n' +
      TEXT;
    expect(errorOf(() => parseSeedText('a.txt', 'a', src)).message).toBe(
      'a.txt:6: "published" must be a date written YYYY-MM-DD, or null',
    );
    const notJson =
      GOOD_HEADER.map((l) => (l.startsWith('title') ? 'title: A headline' : l)).join('\n') +
      '\n' +
      TEXT;
    expect(errorOf(() => parseSeedText('a.txt', 'a', notJson)).line).toBe(2);
  });

  it('an unknown field names it and its line', () => {
    const src =
      [...GOOD_HEADER.slice(0, 2), 'author: "X"', ...GOOD_HEADER.slice(2)].join('\n') + '\n' + TEXT;
    const err = errorOf(() => parseSeedText('a.txt', 'a', src));
    expect(err.line).toBe(3);
    expect(err.message).toContain('unknown field "author"');
  });

  it('an empty article is refused', () => {
    const err = errorOf(() => parseSeedText('a.txt', 'a', GOOD_HEADER.join('\n') + '\n\n  \n'));
    expect(err.message).toBe('a.txt:9: the article has no text');
  });

  it('a file that is not UTF-8 names the file and the line of the bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from(GOOD_HEADER.join('\n') + '\nFirst line.\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' crème.\n'),
    ]);
    const dir = seedDir({ 'bad.txt': bytes });
    const err = errorOf(() => readSeeds(dir));
    expect(err.file).toMatch(/bad\.txt$/);
    expect(err.line).toBe(10);
    expect(err.reason).toContain('not valid UTF-8');
  });

  it('a duplicate article id names both files', () => {
    const withId = (id: string, text: string) =>
      [GOOD_HEADER[0], `id: "${id}"`, ...GOOD_HEADER.slice(1)].join('\n') + '\n' + text;
    // Different texts (a file with the same text as another is skipped as a copy before ids count).
    const dir = seedDir({
      'one.txt': withId('same', TEXT),
      'two.txt': withId('same', `${TEXT}\nAnother paragraph.`),
    });
    const { seeds } = readSeeds(dir);
    const err = errorOf(() => buildIndex(seeds));
    expect(err.message).toMatch(
      /two\.txt: duplicate article id "same" \(also used by .*one\.txt\)/,
    );
  });

  it('an override naming an unknown entity names the file and line', () => {
    const overrides =
      '{\n  "entities": [\n    { "id": "nayib-bukele", "type": "person" },\n    { "id": "nobody-at-all", "type": "person" }\n  ]\n}\n';
    const dir = seedDir({ 'a.txt': GOOD_HEADER.join('\n') + '\n' + TEXT }, overrides);
    const { seeds, overrides: o } = readSeeds(dir);
    const err = errorOf(() => buildIndex(seeds, o));
    expect(err.line).toBe(4);
    expect(err.message).toContain('"nobody-at-all" names no entity extracted from the seeds');
  });

  it('an override with an unknown field or type is refused', () => {
    const dir = seedDir(
      { 'a.txt': GOOD_HEADER.join('\n') + '\n' + TEXT },
      '{"entities": [{"id": "nayib-bukele", "colour": "red"}]}',
    );
    const { seeds, overrides } = readSeeds(dir);
    expect(errorOf(() => buildIndex(seeds, overrides)).message).toContain('unknown field "colour"');
  });

  it('overrides add, rename, retype, describe, merge and suppress on top of extraction', () => {
    const overrides = JSON.stringify({
      entities: [
        { id: 'nayib-bukele', description: 'Named in the seed as President of El Salvador.' },
        { id: 'kristi-noem', name: 'Kristi L. Noem' },
        { id: 'san-salvador', type: 'place' },
        { id: 'dhs', suppress: true },
        {
          add: true,
          id: 'homeland-security',
          name: 'Department of Homeland Security',
          type: 'organization',
          aliases: ['DHS'],
        },
        { id: 'kristi-noem', aliases: ['Secretary Noem'] },
      ],
    });
    const dir = seedDir(
      { 'a.txt': GOOD_HEADER.join('\n') + '\n' + TEXT + ' The DHS agreed.' },
      overrides,
    );
    const { seeds, overrides: o } = readSeeds(dir);
    const index = buildIndex(seeds, o);
    const get = (id: string) => index.entities.find((e) => e.id === id);
    expect(get('nayib-bukele')?.description).toBe('Named in the seed as President of El Salvador.');
    expect(get('kristi-noem')?.name).toBe('Kristi L. Noem');
    expect(get('kristi-noem')?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['Kristi Noem', 'Noem', 'Secretary Noem']),
    );
    expect(get('dhs')).toBeUndefined();
    expect(get('homeland-security')?.aliases.find((a) => a.text === 'DHS')?.caseSensitive).toBe(
      true,
    );
    expect(
      get('homeland-security')?.mentions.map(
        (m) => index.articles.find((a) => a.id === m.articleId)!.sentences[m.sentenceIndex]!.text,
      ),
    ).toEqual(['The DHS agreed.']);

    const merged = JSON.stringify({
      entities: [
        { id: 'kristi-noem', mergeInto: 'nayib-bukele' },
        { id: 'san-salvador', suppress: true },
      ],
    });
    const dir2 = seedDir({ 'a.txt': GOOD_HEADER.join('\n') + '\n' + TEXT }, merged);
    const r2 = readSeeds(dir2);
    const index2 = buildIndex(r2.seeds, r2.overrides);
    expect(index2.entities.find((e) => e.id === 'kristi-noem')).toBeUndefined();
    expect(index2.entities.find((e) => e.id === 'san-salvador')).toBeUndefined();
    expect(
      index2.entities.find((e) => e.id === 'nayib-bukele')?.aliases.map((a) => a.text),
    ).toContain('Noem');
  });
});

describe('npm run index (CLI)', () => {
  const run = promisify(execFile);
  const cli = (seeds: string, out: string) =>
    run(process.execPath, [
      '--import',
      'tsx',
      'lib/node/cli.ts',
      '--seeds',
      seeds,
      '--out',
      out,
    ]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('writes the index, then on bad input exits non-zero with one error line and keeps the previous index', async () => {
    const good = seedDir({ 'a.txt': GOOD_HEADER.join('\n') + '\n' + TEXT });
    const out = join(mkdtempSync(join(tmpdir(), 'sc-out-')), 'index.json');
    const ok = await cli(good, out);
    expect(ok.code).toBe(0);
    const before = readFileSync(out, 'utf8');
    expect(JSON.parse(before).entities.length).toBeGreaterThan(0);

    const bad = seedDir({ 'a.txt': GOOD_HEADER.join('\n') + '\n' + TEXT });
    copyFileSync(join(bad, 'articles', 'a.txt'), join(bad, 'articles', 'b.txt'));
    writeFileSync(
      join(bad, 'articles', 'b.txt'),
      GOOD_HEADER.join('\n').replace('language: "en"', 'lang: "en"') + '\n' + TEXT,
    );
    const failed = await cli(bad, out);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toMatch(/^error: .*b\.txt:7: unknown field "lang"/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  }, 30_000);
});
