/**
 * Where the content script's matcher comes from — never compiled on the page:
 *
 * - the bundled index's automaton is part of the content script itself (made at build time), so it is
 *   decoded at once, before anything is asked of browser storage;
 * - when the reader has own sources, the background stores the merged index's automaton
 *   (lib/match/stored.ts) before it tells the frames the index changed, and each frame reads it from
 *   storage — no message, so no waking of a sleeping service worker on every page load;
 * - stored data made with another bundle or in another format (just after an update) or too big to
 *   store: asked of the background, which makes it again.
 */
import { readyMatch, readyMatchFrom, type ReadyMatch } from '../match/payload';
import type { Matcher } from '../match/matcher';
import { isStoredMatch, usableStoredMatch } from '../match/stored';

export interface MatchSourceInputs {
  /** The bundled index's payload, as the content script carries it (an object literal in its code). */
  bundled: unknown;
  /** The `OWN_MATCH_KEY` item (undefined when there is none). */
  readStored(): Promise<unknown>;
  /** The current payload text from the background. */
  ask(): Promise<string>;
}

export interface MatchSource {
  matcher: Matcher;
  /** Entities too common to mark by default. */
  common: ReadonlySet<string>;
  /** From `started` to the moment the matcher used was ready, transport included (for the benchmark). */
  setupMs: number;
  /** `started`: the content script's start, or the index change that reloaded the matcher. */
  started: number;
}

interface Timed {
  ready: ReadyMatch;
  at: number;
}

const timed = (ready: Promise<ReadyMatch>): Promise<Timed> =>
  ready.then((r) => ({ ready: r, at: performance.now() }));

/** The bundled data is decoded once per frame, however often the index changes. */
const bundledCache = new WeakMap<MatchSourceInputs, Promise<Timed>>();

export async function loadMatchSource(
  started: number,
  inputs: MatchSourceInputs,
): Promise<MatchSource> {
  let bundled = bundledCache.get(inputs);
  if (!bundled) {
    // At once, before the frame's first extension-API call: uncompressed data decodes synchronously
    // (about 4 ms cold), while the first storage call costs about 6 ms of its own. Decoded after those
    // calls, so that the reads travel meanwhile, the matcher was ready at ~10 ms instead of ~4, and the
    // scan started no sooner (medians of 25–30 alternating loads: 14.0 ms either way).
    const decoding = readyMatch(inputs.bundled);
    const at = performance.now();
    bundled = decoding.then((ready) => ({ ready, at }));
    bundledCache.set(inputs, bundled);
    // Forgotten when it fails, so the next start tries again.
    bundled.catch(() => bundledCache.delete(inputs));
  }
  // The bundled matcher is decoded by now (or rejected); stored own-source data replaces it.
  const [stored, own] = await Promise.all([
    inputs.readStored().catch(() => undefined),
    bundled.catch(() => null),
  ]);
  let used: Timed;
  if (!isStoredMatch(stored)) used = await bundled;
  else {
    const usable = own && usableStoredMatch(stored, own.ready.bundle);
    used = await timed(usable ? readyMatchFrom(usable.text) : inputs.ask().then(readyMatchFrom));
  }
  const { matcher, common } = used.ready;
  return { matcher, common, setupMs: Math.max(0, used.at - started), started };
}
