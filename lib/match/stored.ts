/**
 * The match data of an index with the reader's own sources, as the background stores it in
 * storage.local for every frame to read (lib/page/match-source.ts); absent when there are none.
 */
import { AUTOMATON_FORMAT } from './codec';

export const OWN_MATCH_KEY = 'ownMatchData';

export interface StoredMatch {
  /** The bundled index the data was made with: data from another bundle (before an update) is stale. */
  bundle: string;
  /**
   * The automaton format it was written in (codec.ts). A code-only update keeps the bundle but may
   * change the format: data in another format is made again, never decoded.
   */
  format: number;
  /** The payload's JSON text (payload.ts), or null when it was too big to store: ask the background. */
  text: string | null;
}

export function isStoredMatch(v: unknown): v is StoredMatch {
  const s = v as StoredMatch;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.bundle === 'string' &&
    (s.text === null || typeof s.text === 'string')
  );
}

/** Whether stored data was made with `bundle` by this build (its format): else it is made again. */
export function isCurrentMatch(v: StoredMatch, bundle: string): boolean {
  return v.bundle === bundle && v.format === AUTOMATON_FORMAT;
}

/** The stored data if it is current (`isCurrentMatch`) and holds its text; else null (ask for it). */
export function usableStoredMatch(
  v: unknown,
  bundle: string,
): (StoredMatch & { text: string }) | null {
  return isStoredMatch(v) && isCurrentMatch(v, bundle) && v.text !== null
    ? (v as StoredMatch & { text: string })
    : null;
}
