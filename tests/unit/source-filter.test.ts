/** The popup's filter by source. */
import { describe, expect, it } from 'vitest';
import type { SourceIndex } from '../../lib/index/schema';
import { listSources, mentionsFromSource } from '../../lib/source-filter';

const article = (id: string, outlet: string | null, cited: string[] = []) => ({
  id,
  title: `Title ${id}`,
  outlet,
  citedSources: cited,
  url: null,
  published: null,
  language: 'en',
  note: null,
  sentences: [],
});
const entity = (id: string, articleIds: string[]) => ({
  id,
  name: id,
  type: 'person' as const,
  aliases: [],
  roles: [],
  mentions: articleIds.map((articleId) => ({ articleId, sentenceIndex: 0, spans: [] })),
});

const index = {
  articles: [
    article('a1', 'The White House'),
    article('a2', 'The White House'),
    article('a3', null, ['Breitbart']),
    article('a4', null),
  ],
  entities: [entity('bukele', ['a1', 'a3']), entity('trump', ['a2']), entity('ms13', ['a4'])],
} as unknown as SourceIndex;

describe('listSources', () => {
  it('lists each source once, labelled as the card labels it, most articles first', () => {
    const sources = listSources(index);
    expect(sources.map((s) => [s.label, s.articles])).toEqual([
      ['The White House', 2],
      ['Outlet unknown', 1],
      ['Outlet unknown, citing Breitbart', 1],
    ]);
    expect([...sources[0]!.entityIds].sort()).toEqual(['bukele', 'trump']);
    expect([...sources[2]!.entityIds]).toEqual(['bukele']);
  });
});

describe('mentionsFromSource', () => {
  const articles = Object.fromEntries(index.articles.map((a) => [a.id, a]));
  const mentions = index.entities[0]!.mentions;
  it('keeps only the chosen source’s mentions', () => {
    expect(mentionsFromSource(mentions, articles, 'The White House')).toEqual([mentions[0]]);
    expect(mentionsFromSource(mentions, articles, 'Outlet unknown')).toEqual([]);
  });
  it('keeps every mention with no source chosen', () => {
    expect(mentionsFromSource(mentions, articles, null)).toEqual(mentions);
  });
});
