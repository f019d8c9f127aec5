/**
 * Where the content script's matcher comes from: the background's alias table, compiled here. Kept in
 * one place so the way the matcher is built can change without touching the rest of the content script.
 */
import { Matcher } from '../match/matcher';
import { matchAliases } from '../match/match-data';
import { sendToBackground } from '../messages';

export interface MatchSource {
  matcher: Matcher;
  /** Entity id → name, for the popup's list and for muted entries. */
  names: ReadonlyMap<string, string>;
  /** Entities too common to mark by default. */
  common: ReadonlySet<string>;
}

export async function loadMatchSource(): Promise<MatchSource> {
  const data = await sendToBackground({ type: 'get-match-data' });
  if (!data || !Array.isArray(data.entities) || !Array.isArray(data.aliases))
    throw new Error('the background sent no match data');
  return {
    matcher: new Matcher(matchAliases(data)),
    names: new Map(data.entities),
    common: new Set(data.common),
  };
}
