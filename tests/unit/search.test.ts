/** The popup's search over the bundled index: names first, then the words of the indexed sentences. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexFromDir } from '../../lib/node/build-from-dir';
import type { SourceIndex } from '../../lib/index/schema';
import { createSearch } from '../../lib/search';

let index: SourceIndex;
let search: ReturnType<typeof createSearch>;
beforeAll(async () => {
  ({ index } = await buildIndexFromDir('seeds'));
  search = createSearch(index);
});

const names = (q: string) => search(q).map((h) => h.entity.name);

describe('popup search', () => {
  it('finds an entity by its name or alias, first', () => {
    expect(names('bukele')[0]).toBe('Nayib Bukele');
    expect(names('CECOT')[0]).toBe('Terrorism Confinement Center');
  });

  it('finds entities by the words of their sentences, in any order, and says why', () => {
    const hits = search('gang');
    expect(hits.length).toBeGreaterThan(0);
    const sentenceHit = hits.find((h) => h.matchedSentence)!;
    const { text, ranges } = sentenceHit.matchedSentence!;
    expect(ranges.length).toBeGreaterThan(0);
    for (const [s, e] of ranges) expect(text.slice(s, e + 1).toLowerCase()).toMatch(/^gangs?$/);
    expect(names('deportation flights')).toContain('El Salvador');
    expect(names('aragua tren')).toContain('Tren de Aragua');
  });

  it('ranks names holding every query word at a word’s start first, in any order, the most named first', () => {
    const aragua = search('aragua tren')[0]!;
    expect(aragua.entity.name).toBe('Tren de Aragua');
    expect(aragua.matchedSentence).toBeUndefined();
    expect(search('tren')[0]!.nameRanges).toEqual([[0, 3]]);
    expect(names('salvador')[0]).toBe('El Salvador');
    expect(names('white house')[0]).toBe('White House');
    // A name that only looks like the word ("Jensen Huang" for "gang") gives way to the sentences.
    const gang = search('gang');
    expect(gang[0]!.matchedSentence).toBeDefined();
    expect(gang.map((h) => h.entity.name)).not.toContain('Jensen Huang');
  });

  it('tolerates one typo in a sentence word', () => {
    // Every entity with a sentence holding the word "deportation" is found from a misspelling of it.
    const holding = new Set(
      index.entities
        .filter((e) =>
          e.mentions.some((m) =>
            /\bdeportation\b/i.test(
              index.articles.find((a) => a.id === m.articleId)!.sentences[m.sentenceIndex]!.text,
            ),
          ),
        )
        .map((e) => e.name),
    );
    expect(holding.size).toBeGreaterThan(3);
    const found = new Set(search('deportaton', 1000).map((h) => h.entity.name));
    for (const name of holding) expect(found).toContain(name);
  });

  it('narrowed to some articles, matches and shows only their sentences', () => {
    const seed = index.articles.find((a) => a.citedSources.includes('Breitbart'))!;
    const own = new Set(seed.sentences.map((x) => x.text));
    const hits = search('noem', 20, (id) => id === seed.id);
    const shown = hits.flatMap((h) => (h.matchedSentence ? [h.matchedSentence.text] : []));
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(own.has(text)).toBe(true);
    // Unnarrowed, the same words find sentences of other articles too.
    const everywhere = search('noem').flatMap((h) =>
      h.matchedSentence ? [h.matchedSentence.text] : [],
    );
    expect(everywhere.some((text) => !own.has(text))).toBe(true);
  });

  it('finds nothing for words no sentence holds', () => {
    expect(search('xylophonist zebra')).toEqual([]);
    // Nor a name that merely looks a little like them.
    expect(names('bogota')).not.toContain('Toyota Motor Corporation');
    expect(names('aclu')).toEqual([]);
  });

  it('finds a name misspelt by one letter per word, first, but not for a word the articles use', () => {
    expect(names('aragva')[0]).toBe('Tren de Aragua');
    expect(names('marko rubio')[0]).toBe('Marco Rubio');
    expect(names('homland security')[0]).toBe('Department of Homeland Security');
    expect(search('aragva')[0]!.nameRanges).toEqual([[8, 13]]);
    // "gang" is spelt right: no "Bangladesh" for it.
    expect(names('gang')).not.toContain('Bangladesh');
  });
});
