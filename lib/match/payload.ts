/**
 * What a content script receives to match with: a ready automaton (no compiling on the page), the entity
 * names the popup lists, and the "too common" set. Made from the run-time index once — at build time for
 * the bundled index (wxt.config.ts writes match.json), in the background for any other — and only this
 * reaches a page, never the index itself.
 */
import type { SourceIndex } from '../index/schema';
import { decodeAutomaton, encodeAutomaton, type EncodedAutomaton } from './codec';
import { compileMatcher } from './compile';
import { Matcher, type MatchAlias } from './matcher';
import { CorruptAutomaton } from './trie';

export interface MatchPayload {
  /** [id, name] of each entity; the automaton's patterns point at them by position. */
  entities: Array<[string, string]>;
  /**
   * Ids of entities more than half of the indexed articles mention: too common to mark by default. A
   * filter on matches (the annotator's mark filter), so changing it never recompiles anything.
   */
  common: string[];
  automaton: EncodedAutomaton;
}

/** The matcher's alias list for an index. (Muted entities are still found, then left unmarked.) */
export function indexAliases(index: SourceIndex): MatchAlias[] {
  return index.entities.flatMap((e) =>
    e.aliases.map((a) => ({
      entityId: e.id,
      text: a.text,
      caseSensitive: a.caseSensitive,
      requireCapital: a.requireCapital,
    })),
  );
}

/** Pure: the payload for an index. The background calls it again whenever the index changes. */
export function toMatchPayload(index: SourceIndex): MatchPayload {
  const half = index.articles.length / 2;
  const entities = index.entities.map((e): [string, string] => [e.id, e.name]);
  const matcher = compileMatcher(
    indexAliases(index),
    entities.map(([id]) => id),
  );
  return {
    entities,
    common: index.entities
      .filter(
        (e) => index.articles.length > 2 && new Set(e.mentions.map((m) => m.articleId)).size > half,
      )
      .map((e) => e.id),
    automaton: encodeAutomaton(matcher),
  };
}

/** The page side: a ready matcher from a payload, or a CorruptAutomaton error. */
export function matcherFromPayload(payload: MatchPayload): Matcher {
  if (!payload || !Array.isArray(payload.entities)) throw new CorruptAutomaton('no entity list');
  const ids = payload.entities.map((e) => e[0]);
  return new Matcher(decodeAutomaton(payload.automaton, ids.length), ids);
}
