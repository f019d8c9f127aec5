/**
 * The IndexedDB store (fake-indexeddb gives Node a real, spec-following IndexedDB): same address or same
 * text is kept once, and a batch with one bad write stores nothing.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { linesAsBlocks } from '../../../lib/extract/markdown';
import type { UserSource } from '../../../lib/user-sources/merge';
import { addSources, listSources, removeSources } from '../../../lib/user-sources/store';

const source = (n: number, over: Partial<UserSource> = {}): UserSource => {
  const text = `Article number ${n} says something about Jane Roe.`;
  return {
    id: `mine-${n}`,
    savedAt: `2026-11-28T10:00:0${n}.000Z`,
    site: 'example.com',
    title: `Article ${n}`,
    byline: null,
    outlet: null,
    url: `https://example.com/${n}`,
    published: null,
    language: 'en',
    text,
    blocks: linesAsBlocks(text),
    ...over,
  };
};

beforeEach(async () => {
  await removeSources('all');
});

describe('own sources store', () => {
  it('adds, lists oldest first, and removes (returning what it removed, for undo)', async () => {
    await addSources([source(2), source(1)]);
    expect((await listSources()).map((s) => s.id)).toEqual(['mine-1', 'mine-2']);
    const removed = await removeSources(['mine-1']);
    expect(removed.map((s) => s.id)).toEqual(['mine-1']);
    expect((await listSources()).map((s) => s.id)).toEqual(['mine-2']);
  });

  it('keeps a source once: same address, or same text under another address', async () => {
    await addSources([source(1)]);
    const r = await addSources([
      source(3, { url: 'https://example.com/1' }),
      source(4, { text: source(1).text, blocks: source(1).blocks }),
      source(5),
    ]);
    expect(r.added.map((s) => s.id)).toEqual(['mine-5']);
    expect(r.skipped.map((s) => s.id)).toEqual(['mine-3', 'mine-4']);
    expect((await listSources()).map((s) => s.id)).toEqual(['mine-1', 'mine-5']);
  });

  it('a batch with a write the database refuses stores nothing at all', async () => {
    const bad = { ...source(7), id: undefined } as unknown as UserSource;
    await expect(addSources([source(6), bad])).rejects.toThrow();
    expect(await listSources()).toEqual([]);
  });
});
