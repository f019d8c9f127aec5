import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isEntityMuted,
  isSiteEnabled,
  migrateSettings,
  resetSettings,
  setSetting,
  setSiteEnabled,
  siteKey,
} from '../../lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a corrupted value falls back to its default without losing the others', async () => {
    await setSetting('disabledSites', ['example.com']);
    await setSetting('highlightStyle', 'background');
    await fakeBrowser.storage.local.set({
      hoverDelays: 'fast please',
      enabled: 'yes',
      mutedNames: [{ nope: true }],
    });
    const s = await getSettings();
    expect(s.hoverDelays).toEqual(DEFAULT_SETTINGS.hoverDelays);
    expect(s.enabled).toBe(true);
    expect(s.mutedEntities).toEqual([]);
    expect(s.disabledSites).toEqual(['example.com']);
    expect(s.highlightStyle).toBe('background');
  });

  it('refuses to store an invalid value', async () => {
    await expect(setSetting('hoverDelays', { openMs: -5, closeMs: 300 })).rejects.toThrow(
      /invalid value/,
    );
  });

  it('switches sites on and off', async () => {
    await setSiteEnabled('example.com', false);
    await setSiteEnabled('example.com', false);
    await setSiteEnabled('news.test', false);
    expect((await getSettings()).disabledSites).toEqual(['example.com', 'news.test']);
    await setSiteEnabled('example.com', true);
    const s = await getSettings();
    expect(isSiteEnabled(s, 'example.com')).toBe(true);
    expect(isSiteEnabled(s, 'news.test')).toBe(false);
    expect(isSiteEnabled({ ...s, enabled: false }, 'example.com')).toBe(false);
    expect(isSiteEnabled(s, null)).toBe(false);
  });

  it('resets everything to defaults', async () => {
    await setSetting('enabled', false);
    await setSiteEnabled('example.com', false);
    await resetSettings();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['https://www.example.com/a?b', 'example.com'],
    ['http://127.0.0.1:8080/page.html', '127.0.0.1'],
    ['https://news.bbc.co.uk/', 'news.bbc.co.uk'],
    ['file:///home/me/page.html', 'file://'],
    ['chrome://extensions', null],
    ['not a url', null],
  ])('siteKey(%s) = %s', (url, key) => {
    expect(siteKey(url)).toBe(key);
  });

  it('turns muted names of the first version into entities muted everywhere', async () => {
    await fakeBrowser.storage.local.set({
      mutedNames: [
        { entityId: 'nayib-bukele', text: 'President Nayib Bukele' },
        { entityId: 'nayib-bukele', text: 'Bukele' },
        { entityId: 'washington', text: 'Washington' },
      ],
      mutedNames$: { v: 1 },
    });
    await migrateSettings();
    expect((await getSettings()).mutedEntities).toEqual([
      { entityId: 'nayib-bukele', name: 'President Nayib Bukele', site: null },
      { entityId: 'washington', name: 'Washington', site: null },
    ]);
  });

  it('says whether an entity is muted on a site', () => {
    const settings = {
      mutedEntities: [
        { entityId: 'a', name: 'A', site: 'example.com' },
        { entityId: 'b', name: 'B', site: null },
      ],
    };
    expect(isEntityMuted(settings, 'a', 'example.com')).toBe(true);
    expect(isEntityMuted(settings, 'a', 'other.org')).toBe(false);
    expect(isEntityMuted(settings, 'b', 'other.org')).toBe(true);
    expect(isEntityMuted(settings, 'c', 'example.com')).toBe(false);
  });
});
