/**
 * The shipped index (the seed and the 76 White House pages in seeds/, two of them copies): its size, what the content script
 * receives, and the names the issue that bundled them found broken.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexFromDir } from '../../../lib/node/build-from-dir';
import type { SourceIndex } from '../../../lib/index/schema';
import { toMatchPayload } from '../../../lib/match/payload';

let index: SourceIndex;
let json: string;
beforeAll(async () => {
  ({ index, json } = await buildIndexFromDir('seeds'));
});

const carrying = (form: string) =>
  index.entities.filter((e) => e.name === form || e.aliases.some((a) => a.text === form));

describe('the bundled index', () => {
  it('has the seed and the 74 distinct White House pages, with their outlet, URL and date', () => {
    // 76 files: one statement is filed under two sections and one article under two slugs, with the
    // same text; each is indexed once.
    expect(index.articles).toHaveLength(75);
    const wh = index.articles.filter((a) => a.outlet === 'The White House');
    expect(wh).toHaveLength(74);
    expect(new Set(wh.map((a) => a.title)).size).toBe(74);
    for (const a of wh) {
      expect(a.url).toMatch(/^https:\/\/www\.whitehouse\.gov\//);
      expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.title).toBeTruthy();
    }
  });

  it('fits the size budget: ≤ 2.5 MB in all; match data ≤ 512 KB as the content script carries it (uncompressed), ≤ 150 KB gzipped', async () => {
    expect(json.length).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    expect(
      JSON.stringify(await toMatchPayload(index, 'bundle', 'none')).length,
    ).toBeLessThanOrEqual(512 * 1024);
    expect(JSON.stringify(await toMatchPayload(index, 'bundle')).length).toBeLessThanOrEqual(
      150 * 1024,
    );
  });

  it('stores each sentence once: mentions point at it', () => {
    for (const e of index.entities)
      for (const m of e.mentions) {
        expect(Object.keys(m).sort()).toEqual(['articleId', 'sentenceIndex', 'spans']);
        const article = index.articles.find((a) => a.id === m.articleId)!;
        expect(article.sentences[m.sentenceIndex]).toBeDefined();
      }
  });

  it('resolves "Donald J. Trump" and "U.S." to one entity each', () => {
    const trump = carrying('Donald J. Trump');
    expect(trump).toHaveLength(1);
    for (const form of ['Donald Trump', 'Trump', 'President Trump'])
      expect(carrying(form)).toEqual(trump);
    const us = carrying('U.S.');
    expect(us).toHaveLength(1);
    expect(carrying('United States')).toEqual(us);
    expect(us[0]!.type).toBe('place');
  });

  it('has none of the junk names the first build of these pages produced', () => {
    const forms = new Set(index.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]));
    for (const junk of [
      'Donald J',
      'Customs Enforcement',
      'U.S. Immigration',
      'Senior White House Counselor Peter Navarro',
      'Houthis The',
      'Panama Cana',
      'Pres Trumps',
      'Revoked the Biden Administration',
      'Juan-Carlos-Vasquez-Natera.jpg',
      'FACT',
      'Watch',
      'Trade',
      'Eggs',
      'Gas',
      'Terminated',
      'Punishing',
      'Agreement',
      'SenMullin',
    ])
      expect(forms, junk).not.toContain(junk);
  });
});
