import { describe, expect, it, vi } from 'vitest';
import { TopSiteWaiters, acceptRequest, readerHash } from '../../lib/background';
import {
  MAX_NAMES_ASKED,
  parseBackgroundRequest,
  parseContentRequest,
  parsePageRequest,
  senderKind,
} from '../../lib/messages';

const ID = 'our-extension-id';
const ORIGIN = 'chrome-extension://our-extension-id';
const contentScript = { id: ID, tab: { id: 7 } as never, frameId: 0, url: 'https://example.com/' };
const popup = { id: ID, url: `${ORIGIN}/popup.html` };
const stranger = { id: 'someone-else', tab: { id: 7 } as never, frameId: 0, url: 'https://x.org/' };

describe('message checks', () => {
  it('accepts known requests with valid fields', () => {
    expect(parseBackgroundRequest({ type: 'get-entity', id: 'nayib-bukele' })).toEqual({
      type: 'get-entity',
      id: 'nayib-bukele',
    });
    expect(
      parseBackgroundRequest({ type: 'open-reader', articleId: 'a', sentenceIndex: 3 }),
    ).not.toBeNull();
    expect(parseBackgroundRequest({ type: 'open-reader', articleId: 'a' })).not.toBeNull();
    expect(parseContentRequest({ type: 'reveal-mention', index: 0 })).not.toBeNull();
    expect(parseBackgroundRequest({ type: 'get-entity-names', ids: ['a', 'b'] })).not.toBeNull();
    expect(
      parseBackgroundRequest({ type: 'get-entity-names', ids: Array(MAX_NAMES_ASKED).fill('a') }),
    ).not.toBeNull();
  });

  it.each([
    null,
    'get-match-data',
    [],
    {},
    { type: 'no-such-type' },
    { type: '__proto__' },
    { type: 'toString' },
    { type: 'get-entity' },
    { type: 'get-entity', id: '' },
    { type: 'get-entity', id: 42 },
    { type: 'get-entity', id: 'a\nb' },
    { type: 'get-entity', id: 'x'.repeat(1001) },
    { type: 'get-entity-names' },
    { type: 'get-entity-names', ids: 'a' },
    { type: 'get-entity-names', ids: ['a', 5] },
    { type: 'get-entity-names', ids: Array(MAX_NAMES_ASKED + 1).fill('a') },
    { type: 'mentions-changed', count: -1, enabled: true },
    { type: 'mentions-changed', count: 1.5, enabled: true },
    { type: 'mentions-changed', count: 3, enabled: 'yes' },
    { type: 'open-reader', articleId: 'a', sentenceIndex: '1&article=evil' },
    { type: 'open-reader', articleId: 'a', sentenceIndex: -2 },
    { type: 'open-reader', articleId: 'a', sentenceIndex: Number.NaN },
    { type: 'open-reader', articleId: { toString: (): string => 'a' } },
  ])('refuses %j', (message) => {
    expect(parseBackgroundRequest(message)).toBeNull();
  });

  it('refuses bad content and page requests', () => {
    expect(parseContentRequest({ type: 'reveal-mention', index: '0' })).toBeNull();
    expect(parseContentRequest({ type: 'reveal-entity' })).toBeNull();
    expect(parseContentRequest({ type: 'get-match-data' })).toBeNull();
    expect(parsePageRequest({ type: 'reader-show', tabId: 1, hash: 5 })).toBeNull();
    expect(parsePageRequest({ type: 'reader-show', tabId: -1, hash: 'a' })).toBeNull();
    // Browsers choose large tab ids.
    expect(parsePageRequest({ type: 'reader-show', tabId: 1750002489, hash: 'a' })).not.toBeNull();
  });
});

describe('who may ask the background what', () => {
  it('tells content scripts, extension pages and others apart', () => {
    expect(senderKind(contentScript, ID, ORIGIN)).toBe('content-script');
    expect(senderKind(popup, ID, ORIGIN)).toBe('extension-page');
    // The popup opened as a page in a tab is still an extension page.
    expect(senderKind({ ...popup, tab: { id: 3 } as never, frameId: 0 }, ID, ORIGIN)).toBe(
      'extension-page',
    );
    expect(senderKind(stranger, ID, ORIGIN)).toBe('other');
    expect(senderKind({ id: ID, url: 'https://x.org/' }, ID, ORIGIN)).toBe('other');
  });

  it('takes page counts, injection and site requests only from content scripts', () => {
    for (const type of ['mentions-changed', 'load-card-ui', 'get-tab-site', 'get-match-data']) {
      const message = { type, count: 1, enabled: true };
      expect(acceptRequest(message, contentScript, ID, ORIGIN)).not.toBeNull();
      expect(acceptRequest(message, popup, ID, ORIGIN)).toBeNull();
    }
    const reader = { type: 'open-reader', articleId: 'a' };
    expect(acceptRequest(reader, popup, ID, ORIGIN)).not.toBeNull();
    expect(acceptRequest(reader, contentScript, ID, ORIGIN)).not.toBeNull();
    expect(acceptRequest(reader, stranger, ID, ORIGIN)).toBeNull();
    expect(acceptRequest({ type: 'unknown' }, contentScript, ID, ORIGIN)).toBeNull();
  });

  it('builds the reader hash with the sentence as a number only', () => {
    expect(readerHash('a&b=c', 2)).toBe('article=a%26b%3Dc&sentence=2');
    expect(readerHash('x')).toBe('article=x');
  });
});

describe('frames waiting for their tab’s site', () => {
  it('get the top frame’s site when it reports, and no site after the wait', async () => {
    vi.useFakeTimers();
    const waiters = new TopSiteWaiters();
    const a = waiters.wait(1, 1000);
    const b = waiters.wait(1, 1000);
    const other = waiters.wait(2, 1000);
    waiters.report(1, { site: 'example.com' });
    await expect(a).resolves.toEqual({ site: 'example.com' });
    await expect(b).resolves.toEqual({ site: 'example.com' });
    vi.advanceTimersByTime(1000);
    await expect(other).resolves.toEqual({ site: null });
    expect(waiters.size).toBe(0);
    vi.useRealTimers();
  });
});
