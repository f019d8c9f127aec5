/**
 * The index built from seeds/ (the seed article and the bundled White House pages): the entities,
 * aliases, rules and attributions the seed article must have.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexFromDir } from '../../../lib/node/build-from-dir';
import type { SourceIndex } from '../../../lib/index/schema';
import { indexSchema } from '../../../lib/index/schema';
import { entityView } from '../../../lib/index/views';
import type { EntityView } from '../../../lib/messages';

const SEED = '000_35b253ea46a1fa10';
let index: SourceIndex;
/** The entity that carries this name or alias, with only the seed article's mentions. */
const byName = (name: string): EntityView => {
  const e = index.entities.find((x) => x.name === name || x.aliases.some((a) => a.text === name));
  if (!e)
    throw new Error(
      `no entity named ${name}; have: ${index.entities.map((x) => x.name).join(', ')}`,
    );
  const view = entityView(index, e);
  return { ...view, mentions: view.mentions.filter((m) => m.articleId === SEED) };
};
const aliasTexts = (name: string) => byName(name).aliases.map((a) => a.text);

beforeAll(async () => {
  ({ index } = await buildIndexFromDir('seeds'));
});

describe('index built from seeds/', () => {
  it('validates against the schema and carries the article metadata unchanged (unknowns null)', () => {
    expect(() => indexSchema.parse(index)).not.toThrow();
    expect(index.version).toBe(2);
    const article = index.articles.find((a) => a.id === SEED)!;
    expect(article).toMatchObject({
      title: null,
      outlet: null,
      url: null,
      published: null,
      citedSources: ['Breitbart'],
    });
  });

  it.each([
    ['Donald Trump', 'person', ['Trump', 'President Trump', 'Donald J. Trump']],
    ['Nayib Bukele', 'person', ['Bukele']],
    ['Kristi Noem', 'person', ['Noem']],
    ['El Salvador', 'place', []],
    ['United States', 'place', ['U.S.']],
    ['Venezuela', 'place', []],
    ['White House', 'facility', []],
    ['Breitbart', 'organization', []],
    ['Tren de Aragua', 'organization', []],
    ['MS-13', 'organization', []],
    ['Terrorism Confinement Center', 'facility', ['CECOT']],
    ['Alien Enemies Act', 'law', []],
    ['Department of Homeland Security', 'organization', []],
    ['Security Alliance for Fugitive Enforcement', 'program', ['SAFE']],
  ])('has %s (%s) with aliases %j', (name, type, aliases) => {
    expect(byName(name).type).toBe(type);
    expect(aliasTexts(name)).toEqual(expect.arrayContaining(aliases));
  });

  it('makes acronyms case-sensitive and single words capital-only', () => {
    const safe = byName('Security Alliance for Fugitive Enforcement').aliases.find(
      (a) => a.text === 'SAFE',
    )!;
    expect(safe.caseSensitive).toBe(true);
    expect(
      byName('Terrorism Confinement Center').aliases.find((a) => a.text === 'CECOT')!.caseSensitive,
    ).toBe(true);
    const trump = byName('Donald Trump').aliases.find((a) => a.text === 'Trump')!;
    expect(trump).toMatchObject({ caseSensitive: false, requireCapital: true });
  });

  it('has no junk entities or aliases', () => {
    const all = index.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]);
    for (const junk of [
      'President',
      'March',
      'April',
      'Memorandum',
      'Nazi',
      'Venezuelan',
      'Salvadoran',
      'Americans',
      'Central American',
      'These',
      'The',
      'According',
      'Despite',
      'However',
      'This',
      'Secretary',
    ]) {
      expect(all).not.toContain(junk);
    }
    expect(all).not.toContain('Venezuelan Tren de Aragua');
    // Quotes open with “I’m …” after a colon in the White House pages' lists.
    expect(all.filter((form) => /^\p{L}+['’](?:m|re|ve|ll|d|t)$/iu.test(form))).toEqual([]);
    // Every entity name is unique.
    expect(new Set(index.entities.map((e) => e.name)).size).toBe(index.entities.length);
  });

  it('does not take one name for another', () => {
    const find = (name: string) => index.entities.find((e) => e.name === name);
    // Said things many times over, still a department; its last word is not a surname.
    expect(find('Department of the Interior')?.type).toBe('organization');
    expect(find('Department of the Interior')?.aliases.map((a) => a.text)).not.toContain(
      'Interior',
    );
    // The country is not the congressman.
    expect(find('Jordan')?.type).toBe('place');
    expect(find('Jim Jordan')?.aliases.map((a) => a.text)).not.toContain('Jordan');
    // "VI" is a number, not a word with an initial.
    expect(find('Title VI')?.aliases.map((a) => a.text)).not.toContain('TV');
  });

  it('records who holds which role, split from the name', () => {
    expect(byName('Donald Trump').roles).toContain('President');
    expect(byName('Kristi Noem').roles.join(' ')).toContain('Secretary');
  });

  it('attributes the opening claim to Breitbart, as reported', () => {
    const m = byName('Nayib Bukele').mentions.find((x) =>
      x.sentence.startsWith('According to Breitbart'),
    )!;
    expect(m.attribution).toMatchObject({
      role: 'reported',
      by: 'Breitbart',
      byEntityId: 'breitbart',
      cue: 'according to',
    });
  });

  it('attributes the letter after "Trump wrote:" to Donald Trump, as a quote', () => {
    const article = index.articles.find((a) => a.id === SEED)!;
    const trump = byName('Donald Trump');
    const quoted = article.sentences.filter(
      (s) =>
        s.text.startsWith('With the assistance of friends') ||
        s.text.startsWith('Also of great importance') ||
        s.text.startsWith('You have shown real leadership'),
    );
    // Every sentence of the letter carries its speaker, whether or not it names an entity, named as
    // this article names him (the entity's canonical name may be the White House's "Donald J. Trump").
    expect(quoted).toHaveLength(3);
    for (const s of quoted)
      expect(s.attribution).toMatchObject({
        role: 'quote',
        by: 'Donald Trump',
        byEntityId: trump.id,
      });
    const intro = byName('Donald Trump').mentions.find((m) => m.sentence === 'Trump wrote:')!;
    expect(intro.attribution.role).toBe('narration');
    expect(article.sentences.length).toBeGreaterThan(20);
  });

  it('attributes acknowledged and compared claims to the party that made them', () => {
    const ack = byName('El Salvador').mentions.find((m) =>
      m.sentence.startsWith('President Bukele has acknowledged'),
    )!;
    expect(ack.attribution).toMatchObject({
      role: 'reported',
      by: 'Nayib Bukele',
      cue: 'acknowledged',
    });
    const cmp = byName('Venezuela').mentions.find((m) => m.sentence.includes('compared'))!;
    expect(cmp.attribution).toMatchObject({
      role: 'reported',
      by: "Venezuela's socialist government",
      cue: 'compared',
    });
  });

  it('leaves plain sentences as the outlet’s narration (outlet unknown: by null)', () => {
    const m = byName('Alien Enemies Act').mentions[0]!;
    expect(m.attribution).toEqual({ role: 'narration', by: null });
  });

  it('marks where the name sits in each sentence', () => {
    for (const e of index.entities.map((x) => entityView(index, x))) {
      for (const m of e.mentions) {
        expect(m.spans.length).toBeGreaterThan(0);
        for (const [s, t] of m.spans) {
          const written = m.sentence.slice(s, t);
          expect(
            e.aliases.some(
              (a) =>
                a.text.toLowerCase().replace(/[-\s]/g, '') ===
                written.toLowerCase().replace(/[-\s\u2011]/g, ''),
            ),
          ).toBe(true);
        }
      }
    }
  });

  it('prebuilds the fuse.js index', () => {
    expect(index.search.keys).toEqual(['name', 'aliases', 'description']);
    expect(index.search.index).toMatchObject({
      keys: expect.any(Array),
      records: expect.any(Array),
    });
  });
});
