/**
 * What a content script matches with: a ready automaton (no compiling on the page), the entity ids its
 * patterns point at and the "too common" set. Made from the run-time index once — at
 * build time for the bundled index (the content script carries it), in the background for an index with
 * the reader's own sources (stored for content scripts to read) — and only this reaches a page, never
 * the index itself. It travels as one JSON string (storage, messages), or as an object literal in the
 * content script's code. Entity names are not in it: a big index has megabytes of them, and only the
 * popup's list needs them, which the content script asks of the background (`get-entity-names`).
 */
import type { SourceIndex } from '../index/schema';
import {
  decodeAutomaton,
  encodeAutomaton,
  packText,
  unpackText,
  type EncodedAutomaton,
} from './codec';
import { compileMatcher } from './compile';
import { Matcher, type MatchAlias } from './matcher';
import { CorruptAutomaton } from './trie';

export interface MatchPayload {
  /** The bundled index this was made with (its build id): own-source data from an older bundle is stale. */
  bundle: string;
  /**
   * Entity ids, one per line (ids are slugs: never a line break), packed as the automaton's bytes are
   * (codec.ts `packText`: gzip where the payload travels — they were half of a big payload's text —
   * as they are in the content script's code); the automaton's patterns point at them by position.
   * One string, split natively: a list would be checked item by item on every page.
   */
  ids: string;
  /**
   * Positions (in `ids`) of entities more than half of the indexed articles mention: too common to mark
   * by default. A filter on matches (the annotator's mark filter), so changing it recompiles nothing.
   */
  common: number[];
  automaton: EncodedAutomaton;
}

/** A payload made ready on the page. */
export interface ReadyMatch {
  matcher: Matcher;
  bundle: string;
  common: ReadonlySet<string>;
}

/** The matcher's alias list for an index. (Muted entities are still found, then left unmarked.) */
export function indexAliases(index: SourceIndex): MatchAlias[] {
  return index.entities.flatMap((e) =>
    // An alias kept for the articles only ("Electric" for Schneider Electric) is never looked for on a page.
    e.aliases
      .filter((a) => a.pageMatch !== false)
      .map((a) => ({
        entityId: e.id,
        text: a.text,
        caseSensitive: a.caseSensitive,
        requireCapital: a.requireCapital,
      })),
  );
}

/**
 * The payload for an index. The background calls it again whenever the index changes; the build makes
 * the bundled one uncompressed (see EncodedAutomaton's `compression`).
 */
export async function toMatchPayload(
  index: SourceIndex,
  bundle: string,
  compression: EncodedAutomaton['compression'] = 'gzip',
): Promise<MatchPayload> {
  const half = index.articles.length / 2;
  const ids = index.entities.map((e) => e.id);
  const matcher = compileMatcher(indexAliases(index), ids);
  const common: number[] = [];
  index.entities.forEach((e, i) => {
    if (index.articles.length > 2 && new Set(e.mentions.map((m) => m.articleId)).size > half)
      common.push(i);
  });
  return {
    bundle,
    ids: await packText(ids.join('\n'), compression),
    common,
    automaton: await encodeAutomaton(matcher, compression),
  };
}

/** The page side: a ready matcher from a payload's JSON text (stored or sent); rejects with CorruptAutomaton. */
export async function readyMatchFrom(text: string): Promise<ReadyMatch> {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new CorruptAutomaton('not JSON');
  }
  return readyMatch(payload);
}

/**
 * A ready matcher from a payload object: the one the content script carries as a literal in its own code
 * (no JSON text to parse on the page), or a parsed one. Rejects with CorruptAutomaton.
 */
export async function readyMatch(value: unknown): Promise<ReadyMatch> {
  const payload = value as MatchPayload;
  if (
    payload === null ||
    typeof payload !== 'object' ||
    typeof payload.bundle !== 'string' ||
    typeof payload.ids !== 'string' ||
    !Array.isArray(payload.common)
  )
    throw new CorruptAutomaton('no entity list');
  // Awaited only when there is something to unpack: the data the content script carries is decoded
  // synchronously, before its first extension-API call (lib/page/match-source.ts).
  const idsText =
    payload.automaton?.compression === 'gzip' ? await unpackText(payload.ids, 'gzip') : payload.ids;
  const ids = idsText === '' ? [] : idsText.split('\n');
  const trie = await decodeAutomaton(payload.automaton, ids.length);
  return {
    matcher: new Matcher(trie, ids),
    bundle: payload.bundle,
    common: new Set(payload.common.map((i) => ids[i]).filter((id) => id !== undefined)),
  };
}
