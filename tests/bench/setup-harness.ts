/**
 * A minimal extension for timing page setup with any payload (the real extension ships only the bundled
 * index's): its content script runs the content script's own `loadMatchSource` (lib/page/match-source.ts)
 * with the shipped payload as the carried one (BUNDLED, set by bench.ts: an object literal, as the build
 * makes it), then the content script's own settings read (lib/settings.ts), from its first statement. What it is given to time is stored by the
 * worker as the reader's own-source data would be (lib/match/stored.ts), so a big payload travels exactly
 * as it does in the extension: read from storage.local and decoded. bench.ts bundles this file twice
 * (ROLE = 'background' or 'content') into a temporary extension directory.
 */
import { loadMatchSource } from '../../lib/page/match-source';
import { AUTOMATON_FORMAT } from '../../lib/match/codec';
import { OWN_MATCH_KEY, type StoredMatch } from '../../lib/match/stored';
import { getSettings } from '../../lib/settings';

declare const ROLE: 'background' | 'content';
declare const BUNDLED: { bundle: string };
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(
        fn: (message: { type?: string }, sender: unknown, respond: (r: unknown) => void) => void,
      ): void;
    };
  };
  storage: {
    local: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
};

if (ROLE === 'background') {
  /** `json` null: the shipped index alone (nothing stored); else stored as own-source data of this bundle. */
  (globalThis as unknown as { setPayload(json: string | null): Promise<void> }).setPayload = async (
    json,
  ) => {
    if (json === null) return chrome.storage.local.remove(OWN_MATCH_KEY);
    const stored: StoredMatch = {
      bundle: BUNDLED.bundle,
      format: AUTOMATON_FORMAT,
      text: json,
    };
    await chrome.storage.local.set({ [OWN_MATCH_KEY]: stored });
  };
} else {
  // The carried data is evaluated before the clock starts, as in the extension, where it is a module's
  // export and setup counts from the content script's main function (lib/page/content-app.ts).
  const bundled: unknown = BUNDLED;
  const started = performance.now();
  void (async () => {
    // In the content script's order (lib/page/content-app.ts): the match source first, then the settings.
    // When the stored data's read came back: the transport alone, without the decode.
    let readMs = 0;
    const loading = loadMatchSource(started, {
      bundled,
      readStored: () =>
        chrome.storage.local.get(OWN_MATCH_KEY).then((r) => {
          readMs = performance.now() - started;
          return r[OWN_MATCH_KEY];
        }),
      ask: () => chrome.runtime.sendMessage({ type: 'get-match-data' }) as Promise<string>,
    });
    // The settings' own keys, as the content script reads them (a read of everything would carry the
    // stored match data a second time).
    const settings = getSettings();
    const source = await loading;
    await settings;
    // The bench's own page: the result is left where the bench reads it.
    document.documentElement.dataset.setup = JSON.stringify({
      setupMs: source.setupMs,
      readMs,
      startMs: performance.now() - started,
      patterns: source.matcher.patternCount,
    });
  })();
}
