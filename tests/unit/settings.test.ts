import { beforeEach, describe, expect, it, vi } from 'vitest';
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
  watchSettings,
  type HighlightStyle,
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

  it('a switched-off domain covers its subdomains; switching one on removes what covers it', async () => {
    await setSiteEnabled('example.test', false);
    let s = await getSettings();
    expect(isSiteEnabled(s, 'example.test')).toBe(false);
    expect(isSiteEnabled(s, 'news.example.test')).toBe(false);
    expect(isSiteEnabled(s, 'other.test')).toBe(true);
    await setSiteEnabled('news.example.test', true);
    s = await getSettings();
    expect(s.disabledSites).toEqual([]);
    expect(isSiteEnabled(s, 'news.example.test')).toBe(true);
  });

  it('reads every setting in one storage request (each content script starts with it)', async () => {
    await setSetting('highlightStyle', 'background');
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get');
    const settings = await getSettings();
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(settings.highlightStyle).toBe('background');
    expect(settings.enabled).toBe(true);
  });

  it('a watcher gets the latest settings last, even when an older read finishes later', async () => {
    // The first read after a change is held back until the second read has finished.
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    let reads = 0;
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (
      keys: never,
    ) => {
      const value = await get(keys);
      if (reads++ === 0) await held;
      return value;
    }) as never);
    const seen: HighlightStyle[] = [];
    const unwatch = watchSettings((s) => seen.push(s.highlightStyle));
    await setSetting('highlightStyle', 'background');
    await setSetting('highlightStyle', 'none');
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    release();
    await new Promise((ok) => setTimeout(ok, 20));
    unwatch();
    spy.mockRestore();
    expect(seen.at(-1)).toBe('none');
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
