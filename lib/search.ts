/**
 * The popup's search. Names, aliases and descriptions go through fuse.js over the index prebuilt at build
 * time (Fuse.parseIndex, no start-up indexing); the words of the indexed sentences go through a word
 * index built once when the popup opens (word → the entities whose sentences hold it), so "gang" or
 * "deportation" finds the entities the sentences are about, in any word order and with a typo tolerated.
 * Name matches rank first — names holding every query word at a word's start ("tren aragua", "dhs") before
 * fuzzy ones — and a sentence match says why it matched (the sentence, its words marked).
 */
import Fuse, { type FuseResult } from 'fuse.js';
import { SEARCH_KEYS } from './index/constants';
import { searchDocument } from './index/search-document';
import type { Entity, SourceIndex } from './index/schema';

export interface SearchHit {
  entity: Entity;
  score: number;
  /** Matched character ranges in the entity's name (inclusive pairs, as fuse.js gives them). */
  nameRanges: ReadonlyArray<readonly [number, number]>;
  /** The alias that matched, when it was not the name. */
  matchedAlias?: string;
  /** The sentence whose words matched, with those words' ranges (inclusive pairs). */
  matchedSentence?: { text: string; ranges: ReadonlyArray<readonly [number, number]> };
}

/**
 * fuse.js scores run from 0 (exact) to 1; past this a hit is only a faint echo ("Toyota Motor Corporation"
 * for "bogota" scores 0.57, "Hikma Pharmaceuticals" for "aclu" 0.25). Typos are caught by whole words one
 * edit apart (`wordStarts`).
 */
const MAX_SCORE = 0.2;
/** Query words shorter than this must be spelt right: "aclu" is one edit from too many words. */
const MIN_TYPO_LENGTH = 4;
/** A word's start with a typo ("aragv") counts from this length. */
const MIN_TYPO_PREFIX = 5;
/** Where a name matches only with a typo: above sentence hits, below exact word starts. */
const TYPO_SCORE = 0.05;
/**
 * A fuzzy name match (no query word at a word's start) this close stays above sentence matches; looser
 * ones give way to them ("Jensen Huang" for "gang" scores 0.19).
 */
const STRONG_NAME_SCORE = 0.1;
/** Sentence-word hits rank after every name hit. */
const SENTENCE_SCORE = 0.9;

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const fold = (w: string) =>
  w
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '');

/** Words too common to say anything about what an entity is. */
const STOP = new Set(
  'the a an of and or to in on at by for with from as is was are were be been it its this that these those he she they we his her their our not but has have had will would can could do did'.split(
    ' ',
  ),
);

/** One edit apart (insert, delete or substitute one letter): "deportaton" → "deportation". */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

interface SentenceRef {
  articleId: string;
  sentenceIndex: number;
}

interface NameWords {
  text: string;
  /** Its words, folded, with where each starts. */
  words: Array<{ at: number; word: string }>;
}

const nameWords = (text: string): NameWords => ({
  text,
  words: [...text.matchAll(WORD_RE)].map((m) => ({ at: m.index, word: fold(m[0]) })),
});

/**
 * Where each query word begins a word of a name (inclusive ranges); null unless every one does. With
 * `typos`, a query word of 4 letters or more may also be one edit from a word, or from its start
 * ("aragva" → Aragua, "homland" → Homeland, "marko" → Marco).
 */
function wordStarts(
  { words }: NameWords,
  terms: readonly string[],
  typos = false,
): Array<[number, number]> | null {
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const w =
      words.find((x) => x.word.startsWith(term)) ??
      (typos && term.length >= MIN_TYPO_LENGTH
        ? words.find(
            (x) =>
              withinOneEdit(term, x.word) ||
              (term.length >= MIN_TYPO_PREFIX &&
                x.word.length > term.length &&
                withinOneEdit(term, x.word.slice(0, term.length))),
          )
        : undefined);
    if (!w) return null;
    ranges.push([w.at, w.at + Math.min(term.length, w.word.length) - 1]);
  }
  return ranges;
}

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

  // word → entity index → the sentences (of that entity's mentions) that hold it
  const words = new Map<string, Map<number, SentenceRef[]>>();
  const articlesById = new Map(index.articles.map((a) => [a.id, a]));
  const sentenceText = (ref: SentenceRef) =>
    articlesById.get(ref.articleId)?.sentences[ref.sentenceIndex]?.text ?? '';
  index.entities.forEach((entity, e) => {
    for (const m of entity.mentions) {
      const text = sentenceText(m);
      for (const [w] of text.matchAll(WORD_RE)) {
        // "deportation-related" is found by "deportation" too.
        const parts = w.includes('-') ? [w, ...w.split('-')] : [w];
        for (const part of parts) {
          const key = fold(part);
          if (key.length < 2 || STOP.has(key)) continue;
          let byEntity = words.get(key);
          if (!byEntity) words.set(key, (byEntity = new Map()));
          const refs = byEntity.get(e) ?? [];
          const last = refs[refs.length - 1];
          if (last?.sentenceIndex !== m.sentenceIndex || last?.articleId !== m.articleId)
            refs.push({ articleId: m.articleId, sentenceIndex: m.sentenceIndex });
          byEntity.set(e, refs);
        }
      }
    }
  });
  const vocabulary = [...words.keys()];

  /** The indexed words a query word stands for: itself, words it begins (≥ 4 letters), one typo away. */
  const expand = (q: string): string[] => {
    const out = words.has(q) ? [q] : [];
    if (q.length >= 4)
      for (const w of vocabulary)
        if (w !== q && (w.startsWith(q) || (q.length >= 5 && withinOneEdit(q, w)))) out.push(w);
    return out;
  };

  /** `inArticle`: only sentences of the articles it accepts count (the popup's filter by source). */
  const sentenceHits = (query: string, inArticle?: (articleId: string) => boolean): SearchHit[] => {
    const terms = [...query.matchAll(WORD_RE)]
      .map((m) => fold(m[0]))
      .filter((w) => w.length >= 2 && !STOP.has(w));
    if (terms.length === 0) return [];
    let entities: Map<number, SentenceRef[]> | null = null;
    const termWords: string[][] = [];
    for (const term of terms) {
      const forms = expand(term);
      if (forms.length === 0) return [];
      termWords.push(forms);
      const union = new Map<number, SentenceRef[]>();
      for (const f of forms)
        for (const [e, all] of words.get(f)!) {
          const refs = inArticle ? all.filter((r) => inArticle(r.articleId)) : all;
          if (refs.length > 0) union.set(e, [...(union.get(e) ?? []), ...refs]);
        }
      if (!entities) entities = union;
      else {
        const previous: Map<number, SentenceRef[]> = entities;
        entities = new Map([...union].filter(([e]) => previous.has(e)));
      }
    }
    const allForms = new Set(termWords.flat());
    return [...entities!]
      .map(([e, refs]) => {
        // The sentence that holds the most of the query's words says why the entity matched.
        let best = { text: '', ranges: [] as Array<[number, number]> };
        for (const ref of refs.slice(0, 50)) {
          const text = sentenceText(ref);
          const ranges: Array<[number, number]> = [];
          for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu))
            if (allForms.has(fold(m[0]))) ranges.push([m.index, m.index + m[0].length - 1]);
          if (ranges.length > best.ranges.length) best = { text, ranges };
        }
        return { e, refs: refs.length, best };
      })
      .sort((a, b) => b.best.ranges.length - a.best.ranges.length || b.refs - a.refs)
      .map(({ e, refs, best }) => ({
        entity: index.entities[e]!,
        score: SENTENCE_SCORE + 0.05 / (1 + refs),
        nameRanges: [],
        matchedSentence: best,
      }));
  };

  // The name first, then the aliases: folded once, not on every keystroke.
  const namesOf = index.entities.map((e) => [
    nameWords(e.name),
    ...e.aliases.filter((a) => a.text !== e.name).map((a) => nameWords(a.text)),
  ]);
  /**
   * Entities whose name, or one alias, holds every query word at a word's start, in any order: the ones
   * with more whole-word matches first, then the ones the articles name most.
   */
  const wordStartHits = (q: string, typos = false): SearchHit[] => {
    const terms = [...q.matchAll(WORD_RE)].map((m) => fold(m[0])).filter((w) => w.length > 0);
    if (terms.length === 0) return [];
    const score = typos ? TYPO_SCORE : 0;
    const hits: Array<{ hit: SearchHit; whole: number }> = [];
    index.entities.forEach((entity, e) => {
      for (const [n, name] of namesOf[e]!.entries()) {
        const ranges = wordStarts(name, terms, typos);
        if (!ranges) continue;
        hits.push({
          hit:
            n === 0
              ? { entity, score, nameRanges: ranges }
              : { entity, score, nameRanges: [], matchedAlias: name.text },
          whole: terms.filter((t) => name.words.some((w) => w.word === t)).length,
        });
        return;
      }
    });
    return hits
      .sort(
        (a, b) => b.whole - a.whole || b.hit.entity.mentions.length - a.hit.entity.mentions.length,
      )
      .map((h) => h.hit);
  };

  /**
   * The hits for `query`, at most `limit`. `inArticle` narrows the sentences that may match to some
   * articles (a source's); names are narrowed by the caller.
   */
  return (query: string, limit = 20, inArticle?: (articleId: string) => boolean): SearchHit[] => {
    const q = query.trim();
    if (!q) return [];
    // Spelt as written first; only when no name holds the words so and some word is in no sentence
    // either (a typo, not a word the articles use: "gang" is not "Bangladesh"), one typo per word.
    const exact = wordStartHits(q);
    const misspelt = () => [...q.matchAll(WORD_RE)].some((m) => !words.has(fold(m[0])));
    const atWordStart = exact.length === 0 && misspelt() ? wordStartHits(q, true) : exact;
    const first = new Set(atWordStart.map((h) => h.entity.id));
    const byName = [
      ...atWordStart,
      ...fuse
        .search(q, { limit })
        .filter((r) => (r.score ?? 1) <= MAX_SCORE && !first.has(index.entities[r.refIndex]!.id))
        .map((r) => toHit(index.entities[r.refIndex]!, r)),
    ];
    const named = new Set(byName.map((h) => h.entity.id));
    const bySentence = sentenceHits(q, inArticle).filter((h) => !named.has(h.entity.id));
    // Names first; but where the sentences hold the words, a name that only looks a little like them
    // ("Transportation" for "deportation") is noise, and never so many names that the sentences vanish.
    const names =
      bySentence.length > 0 ? byName.filter((h) => h.score <= STRONG_NAME_SCORE) : byName;
    const nameRoom = bySentence.length > 0 ? Math.ceil(limit / 2) : limit;
    return [...names.slice(0, nameRoom), ...bySentence].slice(0, limit);
  };
}

function toHit(entity: Entity, r: FuseResult<ReturnType<typeof searchDocument>>): SearchHit {
  const hit: SearchHit = { entity, score: r.score ?? 1, nameRanges: [] };
  for (const m of r.matches ?? []) {
    if (m.key === 'name') hit.nameRanges = m.indices;
    else if (m.key === 'aliases' && !hit.matchedAlias) hit.matchedAlias = m.value;
  }
  return hit;
}
