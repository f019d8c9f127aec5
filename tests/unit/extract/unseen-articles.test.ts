/**
 * The pipeline generalises: two real news articles that are not seeds (text extracted from pages in
 * ../shared/corpus/ with tests/tools/extract-article.ts), no curated overrides.
 */
import { describe, expect, it } from 'vitest';
import { buildIndexFromDir } from '../../../lib/node/build-from-dir';
import { entityView } from '../../../lib/index/views';

async function entities(dir: string) {
  const { index } = await buildIndexFromDir(`tests/fixtures/unseen/${dir}`);
  return new Map(index.entities.map((e) => [e.name, entityView(index, e)]));
}

describe('unseen articles, no overrides', () => {
  it('BBC: Obama interview', async () => {
    const e = await entities('bbc');
    expect(e.get('Barack Obama')?.type).toBe('person');
    expect(e.get('Barack Obama')?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['Obama', 'Mr Obama', 'President Obama']),
    );
    expect(e.get('Jon Sopel')?.type).toBe('person');
    for (const place of ['Kenya', 'Louisiana', 'Iran', 'Nairobi'])
      expect(e.get(place)?.type).toBe('place');
    expect(e.get('African Union')?.type).toBe('organization');
    // "the US Congress" and "Congress": one institution, named by its fuller form.
    expect(e.get('US Congress')?.type).toBe('organization');
    expect(e.get('US Congress')?.aliases.map((a) => a.text)).toContain('Congress');
    expect(e.has('BBC')).toBe(true);
    for (const junk of [
      'Mr',
      'President',
      'Hours',
      'However',
      'Friday',
      'Americans',
      'Ethiopia on Sunday',
    ])
      expect(e.has(junk)).toBe(false);
  });

  it('Telegraph: Zimbabwe coup', async () => {
    const e = await entities('telegraph');
    const mugabe = e.get('Robert Mugabe');
    expect(mugabe?.type).toBe('person');
    expect(mugabe?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(['Mugabe', 'Mr Mugabe']),
    );
    expect(mugabe?.roles).toContain('Zimbabwe President');
    for (const person of ['Emmerson Mnangagwa', 'Jacob Zuma', 'Jonathan Moyo'])
      expect(e.get(person)?.type).toBe('person');
    for (const place of ['Zimbabwe', 'Harare', 'South Africa'])
      expect(e.get(place)?.type).toBe('place');
    expect(e.get('Reuters')?.type).toBe('organization');
    // "…, a source said." — reported by an unnamed source, not the outlet's own claim.
    const said = mugabe!.mentions.find((m) => m.sentence.includes('under house arrest'));
    expect(said?.attribution).toMatchObject({ role: 'reported', by: 'a source', cue: 'said' });
    const told = mugabe!.mentions.find((m) => m.sentence.includes('is acting as a middle-man'));
    expect(told?.attribution).toMatchObject({
      role: 'reported',
      by: 'a senior political source',
      cue: 'told',
    });
  });
});
