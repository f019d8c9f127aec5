/**
 * Where the content script's matcher comes from: the background's ready automaton (built at build time
 * for the bundled index, in the background for any other), decoded here — never compiled on the page.
 * Kept in one place so the way the matcher arrives can change without touching the rest of the script.
 */
import type { Matcher } from '../match/matcher';
import { matcherFromPayload } from '../match/payload';
import { sendToBackground } from '../messages';

export interface MatchSource {
  matcher: Matcher;
  /** Entity id → name, for the popup's list and for muted entries. */
  names: ReadonlyMap<string, string>;
  /** Entities too common to mark by default. */
  common: ReadonlySet<string>;
  /** From the content script's start to a ready matcher, transport included (for the benchmark). */
  setupMs: number;
}

export async function loadMatchSource(started: number): Promise<MatchSource> {
  const payload = await sendToBackground({ type: 'get-match-data' });
  if (!payload) throw new Error('the background sent no match data');
  const matcher = matcherFromPayload(payload);
  return {
    matcher,
    names: new Map(payload.entities),
    common: new Set(payload.common),
    setupMs: performance.now() - started,
  };
}
