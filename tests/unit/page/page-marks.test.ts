import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher } from '../../../lib/match/compile';
import { answerPageRequest, PageNames } from '../../../lib/page/page-messages';
import { PageMarks } from '../../../lib/page/page-marks';
import type { MatchSource } from '../../../lib/page/match-source';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { MAX_NAMES_ASKED } from '../../../lib/messages';

const source = (): MatchSource => {
  const matcher = compileMatcher([
    { entityId: 'nayib-bukele', text: 'Nayib Bukele', caseSensitive: false, requireCapital: false },
  ]);
  return {
    matcher,
    common: new Set(),
    setupMs: 0,
    started: 0,
  };
};

const noCard = { openMention: () => false, nextIndex: () => undefined };
/** The background's answer to get-entity-names, for the one entity these pages know. */
const names = () =>
  new PageNames(async (ids) => ids.map((id) => (id === 'nayib-bukele' ? 'Nayib Bukele' : id)));

describe('PageMarks: starting', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '<p>President Nayib Bukele spoke.</p>';
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => ctx.abort());

  it('a matcher that cannot load is an error, not a page pending for ever; asking again retries', async () => {
    let attempts = 0;
    const marks = new PageMarks(ctx, {
      site: 'example.com',
      isTop: false,
      settings: DEFAULT_SETTINGS,
      loadMatchSource: async () => {
        if (attempts++ === 0) throw new Error('index could not be read');
        return source();
      },
      onStop: () => {},
    });
    await marks.start();
    let answer = await answerPageRequest({ type: 'get-page-mentions' }, marks, noCard, names());
    expect(answer).toMatchObject({
      enabled: true,
      pending: false,
      error: 'index could not be read',
    });

    // The request above started a retry; it succeeds.
    await expect.poll(() => marks.annotator !== null).toBe(true);
    await expect.poll(() => marks.pending).toBe(false);
    answer = await answerPageRequest({ type: 'get-page-mentions' }, marks, noCard, names());
    expect(answer).not.toHaveProperty('error');
    expect(answer).toMatchObject({ site: 'example.com', enabled: true });
    expect((answer as { mentions: unknown[] }).mentions).toEqual([
      { entityId: 'nayib-bukele', name: 'Nayib Bukele', text: 'Nayib Bukele', marked: true },
    ]);
    marks.stop();
  });

  it('switched off for the tab’s site, it loads nothing', async () => {
    let loads = 0;
    const marks = new PageMarks(ctx, {
      site: 'news.example.com',
      isTop: false,
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] },
      loadMatchSource: async () => {
        loads++;
        return source();
      },
      onStop: () => {},
    });
    await marks.start();
    expect(loads).toBe(0);
    expect(
      await answerPageRequest({ type: 'get-page-mentions' }, marks, noCard, names()),
    ).toMatchObject({
      enabled: false,
      pending: false,
      mentions: [],
    });
  });
});

describe('PageNames: the names of the page list, asked of the background', () => {
  it('asks once per entity, keeps the answers until the index changes, and lets an id stand in when it cannot answer', async () => {
    const asked: string[][] = [];
    let failing = false;
    const book = new PageNames(async (ids) => {
      asked.push(ids);
      if (failing) throw new Error('no background');
      return ids.map((id) => id.toUpperCase());
    });
    expect([...(await book.of(['a', 'b', 'a']))]).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
    expect((await book.of(['b', 'c'])).get('c')).toBe('C');
    expect(asked).toEqual([['a', 'b'], ['c']]);
    book.forget();
    failing = true;
    const after = await book.of(['a']);
    expect(after.get('a')).toBeUndefined();
    expect(asked).toHaveLength(3);
  });

  it('asks for a long list in batches the background accepts', async () => {
    const sizes: number[] = [];
    const book = new PageNames(async (ids) => (sizes.push(ids.length), ids));
    const ids = Array.from({ length: MAX_NAMES_ASKED + 5 }, (_, i) => `e${i}`);
    expect((await book.of(ids)).size).toBe(ids.length);
    expect(sizes).toEqual([MAX_NAMES_ASKED, 5]);
  });
});
