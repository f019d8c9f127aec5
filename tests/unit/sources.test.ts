/** Grouping what the index says about an entity by source, then by article, most recent first. */
import { describe, expect, it } from 'vitest';
import type { ArticleMeta, EntityView, MentionView } from '../../lib/messages';
import { groupBySource } from '../../lib/sources';

const article = (
  id: string,
  outlet: string | null,
  published: string | null,
  cited: string[] = [],
) =>
  ({
    id,
    title: `Title ${id}`,
    outlet,
    citedSources: cited,
    url: null,
    published,
    language: 'en',
    note: null,
  }) satisfies ArticleMeta;

const mention = (
  articleId: string,
  sentenceIndex: number,
  role: 'narration' | 'quote' = 'narration',
) =>
  ({
    articleId,
    sentenceIndex,
    spans: [[0, 4]],
    sentence: `Sentence ${sentenceIndex} of ${articleId}`,
    attribution: role === 'quote' ? { role, by: 'Jane Roe' } : { role, by: null },
  }) satisfies MentionView;

const entity = (mentions: MentionView[]): EntityView => ({
  id: 'x',
  name: 'X',
  type: 'person',
  aliases: [],
  roles: [],
  mentions,
});

describe('groupBySource', () => {
  const articles = {
    wh1: article('wh1', 'The White House', '2025-03-01'),
    wh2: article('wh2', 'The White House', '2025-05-09'),
    seed: article('seed', null, null, ['Breitbart']),
    old: article('old', 'Example Times', '2024-01-02'),
  };
  const groups = groupBySource(
    entity([
      mention('seed', 1),
      mention('wh1', 7, 'quote'),
      mention('wh1', 3),
      mention('wh2', 2),
      mention('old', 5),
    ]),
    articles,
  );

  it('puts each source apart, most recent first, unknown dates last', () => {
    expect(groups.map((g) => g.label)).toEqual([
      'The White House',
      'Example Times',
      'Outlet unknown, citing Breitbart',
    ]);
  });

  it('counts articles and sentences and gives the date range of each source', () => {
    expect(groups[0]).toMatchObject({ sentences: 3, from: '2025-03-01', to: '2025-05-09' });
    expect(groups[0]!.articles.map((a) => a.article.id)).toEqual(['wh2', 'wh1']);
    expect(groups[2]).toMatchObject({ sentences: 1, from: null, to: null });
  });

  it('keeps an article’s sentences in reading order, a line that is only the name last', () => {
    expect(groups[0]!.articles[1]!.mentions.map((m) => m.sentenceIndex)).toEqual([3, 7]);
    const signed = { ...mention('wh1', 1), sentence: 'DONALD J. TRUMP', spans: [[0, 15]] };
    const [wh] = groupBySource(entity([signed as MentionView, mention('wh1', 5)]), articles);
    expect(wh!.articles[0]!.mentions.map((m) => m.sentenceIndex)).toEqual([5, 1]);
  });

  it('says a sentence a source repeats word for word once, in its newest article, naming the others', () => {
    const same = (articleId: string, sentenceIndex: number) => ({
      ...mention(articleId, sentenceIndex),
      sentence: 'Mexico announced a deployment of 10,000 troops.',
    });
    const [wh] = groupBySource(
      entity([same('wh1', 4), same('wh2', 9), mention('wh1', 6)]),
      articles,
    );
    expect(wh!.articles.map((a) => a.article.id)).toEqual(['wh2', 'wh1']);
    expect(wh!.articles[0]!.mentions[0]!.alsoIn?.map((a) => a.id)).toEqual(['wh1']);
    expect(wh!.articles[1]!.mentions.map((m) => m.sentenceIndex)).toEqual([6]);
    expect(wh).toMatchObject({ articleCount: 2, sentences: 2 });
    // An article whose only sentence is a repeat is named under it, not listed empty.
    const [only] = groupBySource(entity([same('wh1', 4), same('wh2', 9)]), articles);
    expect(only!.articles.map((a) => a.article.id)).toEqual(['wh2']);
    expect(only).toMatchObject({ articleCount: 2, sentences: 1 });
  });
});
