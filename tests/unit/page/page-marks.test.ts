import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcher } from '../../../lib/match/compile';
import { answerPageRequest } from '../../../lib/page/page-messages';
import { PageMarks } from '../../../lib/page/page-marks';
import type { MatchSource } from '../../../lib/page/match-source';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const source = (): MatchSource => {
  const matcher = compileMatcher([
    { entityId: 'nayib-bukele', text: 'Nayib Bukele', caseSensitive: false, requireCapital: false },
  ]);
  return {
    matcher,
    nameOf: (id) => (id === 'nayib-bukele' ? 'Nayib Bukele' : id),
    common: new Set(),
    setupMs: 0,
    started: 0,
  };
};

const noCard = { openMention: () => false, nextIndex: () => undefined };

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
    let answer = answerPageRequest({ type: 'get-page-mentions' }, marks, noCard);
    expect(answer).toMatchObject({
      enabled: true,
      pending: false,
      error: 'index could not be read',
    });

    // The request above started a retry; it succeeds.
    await expect.poll(() => marks.annotator !== null).toBe(true);
    await expect.poll(() => marks.pending).toBe(false);
    answer = answerPageRequest({ type: 'get-page-mentions' }, marks, noCard);
    expect(answer).not.toHaveProperty('error');
    expect(answer).toMatchObject({ site: 'example.com', enabled: true });
    expect((answer as { mentions: unknown[] }).mentions).toHaveLength(1);
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
    expect(answerPageRequest({ type: 'get-page-mentions' }, marks, noCard)).toMatchObject({
      enabled: false,
      pending: false,
      mentions: [],
    });
  });
});
