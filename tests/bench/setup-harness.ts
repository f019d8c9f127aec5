/**
 * A minimal extension for timing page setup with any payload (the real extension ships only the bundled
 * index's): its service worker answers `get-match-data` with whatever payload the bench gave it, and its
 * content script does what the real one does before it can scan — read its settings, ask for the payload,
 * decode it — timing that from its first statement. bench.ts bundles this file twice (ROLE = 'background'
 * or 'content') into a temporary extension directory.
 */
import { matcherFromPayload, type MatchPayload } from '../../lib/match/payload';

declare const ROLE: 'background' | 'content';
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(
        fn: (message: { type?: string }, sender: unknown, respond: (r: unknown) => void) => void,
      ): void;
    };
  };
  storage: { local: { get(keys: null): Promise<unknown> } };
};

if (ROLE === 'background') {
  let payload: MatchPayload | null = null;
  (globalThis as unknown as { setPayload(json: string): void }).setPayload = (json) => {
    payload = JSON.parse(json) as MatchPayload;
  };
  chrome.runtime.onMessage.addListener((message, _sender, respond) => {
    if (message?.type === 'get-match-data') respond(payload);
  });
} else {
  const started = performance.now();
  void (async () => {
    await chrome.storage.local.get(null);
    const asked = performance.now();
    const payload = (await chrome.runtime.sendMessage({ type: 'get-match-data' })) as MatchPayload;
    const received = performance.now();
    const matcher = matcherFromPayload(payload);
    const ready = performance.now();
    // The bench's own page: the result is left where the bench reads it.
    document.documentElement.dataset.setup = JSON.stringify({
      setupMs: ready - started,
      settingsMs: asked - started,
      messageMs: received - asked,
      decodeMs: ready - received,
      patterns: matcher.patternCount,
    });
  })();
}
