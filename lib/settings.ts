/**
 * User settings: one typed, versioned storage item per setting, so a value corrupted by hand or by an old
 * build falls back to its default on its own, without losing the others.
 */
import { storage } from 'wxt/utils/storage';
import type { HoverDelays } from './page/hover-intent';
import { coveringSites, siteKey } from './sites';

export { siteKey };

export type HighlightStyle = 'underline' | 'background' | 'none';

export type { HoverDelays };

/** An entity the reader chose not to have marked ("Not this"), on one site or everywhere. */
export interface MutedEntity {
  entityId: string;
  /** Its name, to list it in the options page without loading the index. */
  name: string;
  /** The site it is muted on (as `siteKey` gives it), or null for everywhere. */
  site: string | null;
}

/** The first build muted one alias of an entity; such entries now mute the entity everywhere. */
interface LegacyMutedName {
  text: string;
  entityId: string;
}

export interface Settings {
  enabled: boolean;
  disabledSites: string[];
  mutedEntities: MutedEntity[];
  hoverDelays: HoverDelays;
  highlightStyle: HighlightStyle;
  /** Mark every mention of a name, or only its first on the page (the default, as encyclopedias link). */
  markEveryMention: boolean;
  /** Also mark names most indexed articles mention ("United States"): off by default, too common to help. */
  markCommonNames: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  mutedEntities: [],
  hoverDelays: { openMs: 500, closeMs: 300 },
  highlightStyle: 'underline',
  markEveryMention: false,
  markCommonNames: false,
};

const isDelay = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10_000;

const VALIDATORS: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  enabled: (v): v is boolean => typeof v === 'boolean',
  disabledSites: (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  mutedEntities: (v): v is MutedEntity[] =>
    Array.isArray(v) &&
    v.every(
      (m) =>
        typeof m === 'object' &&
        m !== null &&
        typeof m.entityId === 'string' &&
        typeof m.name === 'string' &&
        (m.site === null || typeof m.site === 'string'),
    ),
  hoverDelays: (v): v is HoverDelays =>
    typeof v === 'object' &&
    v !== null &&
    isDelay((v as HoverDelays).openMs) &&
    isDelay((v as HoverDelays).closeMs),
  highlightStyle: (v): v is HighlightStyle =>
    v === 'underline' || v === 'background' || v === 'none',
  markEveryMention: (v): v is boolean => typeof v === 'boolean',
  markCommonNames: (v): v is boolean => typeof v === 'boolean',
};

// Every item carries a version: a later change of shape bumps it and adds a `migrations` entry, which
// WXT runs once on start-up. "mutedNames" became "mutedEntities" (version 2: one alias muted → the
// entity muted everywhere).
const items = {
  enabled: storage.defineItem<boolean>('local:enabled', { fallback: true, version: 1 }),
  disabledSites: storage.defineItem<string[]>('local:disabledSites', { fallback: [], version: 1 }),
  mutedEntities: storage.defineItem<MutedEntity[]>('local:mutedNames', {
    fallback: [],
    version: 2,
    migrations: {
      2: (old: unknown): MutedEntity[] =>
        Array.isArray(old)
          ? (old as LegacyMutedName[])
              .filter((m) => typeof m?.entityId === 'string')
              .filter((m, i, all) => all.findIndex((x) => x.entityId === m.entityId) === i)
              .map((m) => ({
                entityId: m.entityId,
                name: String(m.text ?? m.entityId),
                site: null,
              }))
          : [],
    },
  }),
  hoverDelays: storage.defineItem<HoverDelays>('local:hoverDelays', {
    fallback: DEFAULT_SETTINGS.hoverDelays,
    version: 1,
  }),
  highlightStyle: storage.defineItem<HighlightStyle>('local:highlightStyle', {
    fallback: DEFAULT_SETTINGS.highlightStyle,
    version: 1,
  }),
  markEveryMention: storage.defineItem<boolean>('local:markEveryMention', {
    fallback: false,
    version: 1,
  }),
  markCommonNames: storage.defineItem<boolean>('local:markCommonNames', {
    fallback: false,
    version: 1,
  }),
};

export type SettingKey = keyof Settings;

/** Runs pending migrations now (WXT also runs them on start-up and after an update). */
export async function migrateSettings(): Promise<void> {
  await Promise.all(Object.values(items).map((item) => item.migrate()));
}

export async function getSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  let value: unknown;
  try {
    value = await items[key].getValue();
  } catch {
    return DEFAULT_SETTINGS[key];
  }
  return VALIDATORS[key](value) ? (value as Settings[K]) : DEFAULT_SETTINGS[key];
}

export async function setSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  if (!VALIDATORS[key](value)) throw new TypeError(`invalid value for setting "${key}"`);
  await (items[key] as { setValue(v: Settings[K]): Promise<void> }).setValue(value);
}

/**
 * All settings in one storage read (every content script starts with it, while the page loads: one
 * request to the browser rather than one per setting). A value that is invalid, or a read that fails,
 * gives the default.
 */
export async function getSettings(): Promise<Settings> {
  const keys = Object.keys(DEFAULT_SETTINGS) as SettingKey[];
  let values: unknown[];
  try {
    values = (await storage.getItems(keys.map((k) => items[k]))).map((r) => r.value as unknown);
  } catch {
    values = [];
  }
  return Object.fromEntries(
    keys.map((k, i) => [k, VALIDATORS[k](values[i]) ? values[i] : DEFAULT_SETTINGS[k]]),
  ) as unknown as Settings;
}

/**
 * Calls back with the validated settings whenever any of them changes. Returns the unwatch function.
 * Each change starts a fresh read; reads can finish out of order, so only the latest one started is
 * delivered (an older read arriving last would bring back a value already replaced).
 */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  let latest = 0;
  let stopped = false;
  const onChange = () => {
    const read = ++latest;
    void getSettings().then((settings) => {
      if (read === latest && !stopped) callback(settings);
    });
  };
  const unwatchers = (Object.keys(items) as SettingKey[]).map((k) => items[k].watch(onChange));
  return () => {
    stopped = true;
    unwatchers.forEach((u) => u());
  };
}

export async function resetSettings(): Promise<void> {
  await Promise.all((Object.keys(items) as SettingKey[]).map((k) => items[k].removeValue()));
}

/**
 * Whether the extension runs on a page of `site` — the site of the page's tab (its top-level page), for
 * every frame of it: see lib/sites.ts for which switched-off entries cover a site.
 */
export function isSiteEnabled(
  settings: Pick<Settings, 'enabled' | 'disabledSites'>,
  site: string | null,
): boolean {
  return (
    settings.enabled && site !== null && coveringSites(settings.disabledSites, site).length === 0
  );
}

/**
 * Switches a site off, or on. On removes every entry that covers it (the site and its parent domains), so
 * the site really runs again; the popup says which entry switched it off before it does.
 */
export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const sites = await getSetting('disabledSites');
  const covering = new Set(coveringSites(sites, site));
  const next = enabled ? sites.filter((s) => !covering.has(s)) : [...new Set([...sites, site])];
  await setSetting('disabledSites', next);
}

/** Whether an entity is muted on this site (or everywhere). */
export function isEntityMuted(
  settings: Pick<Settings, 'mutedEntities'>,
  entityId: string,
  site: string | null,
): boolean {
  return settings.mutedEntities.some(
    (m) => m.entityId === entityId && (m.site === null || m.site === site),
  );
}
