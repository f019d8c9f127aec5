/** The popup's fuzzy search: fuse.js over the index prebuilt at build time (Fuse.parseIndex, no start-up indexing). */
import Fuse, { type FuseResult } from 'fuse.js';
import { SEARCH_KEYS } from './index/constants';
import { searchDocument } from './index/search-document';
import type { Entity, SourceIndex } from './index/schema';

export interface SearchHit {
  entity: Entity;
  score: number;
  /** Matched character ranges in the entity's name (inclusive pairs, as fuse.js gives them). */
  nameRanges: ReadonlyArray<readonly [number, number]>;
  /** The alias or sentence that matched, when it was not the name. */
  matchedAlias?: string;
  matchedSentence?: { text: string; ranges: ReadonlyArray<readonly [number, number]> };
}

/** fuse.js scores run from 0 (exact) to 1; past this a hit is only a faint echo in some sentence. */
const MAX_SCORE = 0.75;

export function createSearch(index: SourceIndex) {
  const docs = index.entities.map(searchDocument);
  const fuse = new Fuse(
    docs,
    {
      keys: [...SEARCH_KEYS],
      includeScore: true,
      includeMatches: true,
      ignoreLocation: true,
      threshold: 0.35,
      minMatchCharLength: 2,
    },
    Fuse.parseIndex(index.search.index as Parameters<typeof Fuse.parseIndex>[0]),
  );
  return (query: string, limit = 20): SearchHit[] => {
    const q = query.trim();
    if (!q) return [];
    return fuse
      .search(q, { limit })
      .filter((r) => (r.score ?? 1) <= MAX_SCORE)
      .map((r) => toHit(index.entities[r.refIndex]!, r));
  };
}

function toHit(entity: Entity, r: FuseResult<ReturnType<typeof searchDocument>>): SearchHit {
  const hit: SearchHit = { entity, score: r.score ?? 1, nameRanges: [] };
  for (const m of r.matches ?? []) {
    if (m.key === 'name') hit.nameRanges = m.indices;
    else if (m.key === 'aliases' && !hit.matchedAlias) hit.matchedAlias = m.value;
    else if (m.key === 'sentences' && !hit.matchedSentence && m.value) {
      hit.matchedSentence = { text: m.value, ranges: m.indices };
    }
  }
  return hit;
}
