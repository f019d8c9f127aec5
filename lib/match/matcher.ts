/**
 * A single-pass multi-pattern matcher for entity aliases, pure and DOM-free.
 *
 * Why not one regex per name: that is what makes mark.js take seconds on long pages. Here every alias is
 * a key of one trie laid out in typed arrays (trie.ts), compiled off the page (compile.ts) and decoded on
 * it (codec.ts). Because a name can only start at a word start, the scan needs no Aho–Corasick failure
 * links: at each word start one table read (the first-character prefilter, with a separate table for
 * lower-case starts, which most aliases refuse) decides whether a walker starts; walkers advance in
 * lockstep and die on the first mismatch. On ordinary text almost every character costs two array reads
 * and no allocation.
 *
 * Rules (see tests/unit/match/matcher.test.ts): Unicode word boundaries on both ends; curly/straight
 * apostrophes, NBSP and every hyphen or space variant are one separator ("MS-13" = "MS 13"; "MS13" is
 * added as a variant); case-sensitive aliases match only as written; `requireCapital` aliases need a
 * capital first letter; the longest match wins and matches never overlap.
 */
import {
  CLASSES,
  FOLDED,
  IGNORED,
  LOWER,
  SEPARATOR_CLASS,
  UNSPACED,
  WORD,
  charClass,
  classBefore,
  isLowerCase,
} from './chars';
import { JOINER_CHARS, joinedIntoWord, isJoiner, NEIGHBOUR_CHARS, standsAlone } from './neighbours';
import { ENDS_IN_WORD, EXACT, REQUIRE_CAPITAL, STANDALONE, type Trie } from './trie';

export interface MatchAlias {
  /** The caller's identifier, handed back with every match. */
  entityId: string;
  text: string;
  caseSensitive: boolean;
  requireCapital: boolean;
}

export interface Match {
  start: number;
  end: number;
  entityId: string;
}

const RING_MASK = 127;
/** Matcher.starts: not yet known (0), no name starts with it, one may at a word start, one may anywhere. */
const START_NEVER = 1;
const START_AT_WORD_START = 2;
const START_ANYWHERE = 3;
const MAX_WALKERS = 64;

/** A ready automaton: the trie and the entity ids its patterns point at. Build one with compile.ts or codec.ts. */
export class Matcher {
  /**
   * Per UTF-16 code unit, whether a name may start with it (see START_*), filled as characters are
   * met: the stream's fast path reads one entry a character.
   */
  readonly starts = new Uint8Array(65536);

  constructor(
    readonly trie: Trie,
    readonly entityIds: readonly string[],
  ) {}

  /** Fills and returns `starts[code]`. */
  startKind(code: number): number {
    const cls = charClass(code);
    let kind = START_NEVER;
    if (cls === WORD) {
      const table = isLowerCase(code) ? this.trie.rootLower : this.trie.rootTable;
      if (table[FOLDED[code]!] !== 0) kind = START_AT_WORD_START;
    } else if (cls === UNSPACED) {
      if (this.trie.rootTable[code] !== 0) kind = START_ANYWHERE;
    }
    this.starts[code] = kind;
    return kind;
  }

  get patternCount(): number {
    return this.trie.patterns;
  }

  entityOf(pattern: number): string {
    return this.entityIds[this.trie.patEntity[pattern]!]!;
  }

  /** A one-word, capital-only alias: its neighbours decide (neighbours.ts). */
  isStandalone(pattern: number): boolean {
    return (this.trie.patFlags[pattern]! & STANDALONE) !== 0;
  }

  /** An alias ending in a letter or digit: a match of it needs a word boundary after it. */
  endsInWord(pattern: number): boolean {
    return (this.trie.patFlags[pattern]! & ENDS_IN_WORD) !== 0;
  }

  /** Whether a match of `pattern` at [start, end) of `text` is a name of its own (neighbours.ts). */
  acceptsContext(pattern: number, text: string, start: number, end: number): boolean {
    return this.acceptsBeside(
      pattern,
      text.slice(Math.max(0, start - NEIGHBOUR_CHARS), start),
      text.slice(end, end + NEIGHBOUR_CHARS),
    );
  }

  /**
   * Whether a match of `pattern` is a name of its own, given up to NEIGHBOUR_CHARS of its block's text
   * before and after it (a side may be left empty where its first character decides nothing: see
   * neighbours.ts's `readsBefore` / `readsAfter` and `isJoiner`).
   */
  acceptsBeside(pattern: number, before: string, after: string): boolean {
    if (
      (isJoiner(before.charCodeAt(before.length - 1)) || isJoiner(after.charCodeAt(0))) &&
      joinedIntoWord(before.slice(-JOINER_CHARS), after.slice(0, 2))
    )
      return false;
    return !this.isStandalone(pattern) || standsAlone(before, after);
  }

  /** All non-overlapping matches in one string (one block of text). */
  findMentions(text: string): Match[] {
    const matches: Match[] = [];
    const stream = new MatchStream(this, (start, end, pattern) => {
      if (!this.acceptsContext(pattern, text, start, end)) return;
      matches.push({ start, end, entityId: this.entityOf(pattern) });
    });
    stream.feed(text, 0);
    stream.boundary();
    return matches;
  }
}

export type MatchCallback = (start: number, end: number, patternIndex: number) => void;

/**
 * Feeds text in pieces (e.g. the text nodes of one block, "Nayib <b>Bukele</b>") with the caller's own
 * offsets, and reports matches that may span pieces. `boundary()` ends a block: no match crosses it.
 */
export class MatchStream {
  private readonly trie: Trie;
  private readonly matcher: Matcher;
  private readonly starts: Uint8Array;
  // Plain arrays of small integers, not typed arrays: a page makes a stream for every scan (every changed
  // block), and a typed array of this size is allocated outside the JS heap, which showed in profiles of
  // whole scans (~2 % of them, and the collector's work after). Indexing is as fast either way.
  private readonly walkerNode = zeros(MAX_WALKERS);
  private readonly walkerStart = zeros(MAX_WALKERS);
  private walkers = 0;
  /** The last characters seen (UTF-16 code units, unfolded), for case checks across pieces. */
  private readonly ring = zeros(RING_MASK + 1);
  private symbols = 0;
  private prevClass = SEPARATOR_CLASS as number;
  /**
   * Candidates waiting for the longest-match decision: [start, end, pattern] triples, `candidateLength`
   * numbers in use. Reused for the whole stream: matches allocate nothing.
   */
  private readonly candidates: number[] = [];
  private candidateLength = 0;
  /** Candidates whose right word boundary depends on the next character (all end at the same place). */
  private readonly pending: number[] = [];
  private pendingLength = 0;
  /** The flush's choice among several candidates: their positions in `candidates`, longest first. */
  private readonly order: number[] = [];

  constructor(
    matcher: Matcher,
    private readonly onMatch: MatchCallback,
  ) {
    this.trie = matcher.trie;
    this.matcher = matcher;
    this.starts = matcher.starts;
  }

  /** True while a match may still be under way (a walker, or a decision waiting for more text). */
  get busy(): boolean {
    return this.walkers !== 0 || this.pendingLength !== 0 || this.candidateLength !== 0;
  }

  /**
   * Not busy, and the last character was a separator: feeding more separators now changes nothing, and a
   * block boundary changes nothing either (the scanner passes blank text nodes by on this).
   */
  get quiet(): boolean {
    return (
      this.walkers === 0 &&
      this.pendingLength === 0 &&
      this.candidateLength === 0 &&
      this.prevClass === SEPARATOR_CLASS
    );
  }

  /**
   * Whether text that comes next, starting with the code unit `first`, would be read differently had a
   * block boundary come first: when a match is under way or undecided, or when a word would go on
   * ("Bold<b>face</b>" is one word, "<li>Home</li><li>News</li>" two). Otherwise a boundary here changes
   * nothing, and the scanner need not find out whether there is one (lib/page/scanner.ts).
   */
  joinMatters(first: number): boolean {
    if (this.walkers !== 0 || this.pendingLength !== 0 || this.candidateLength !== 0) return true;
    if (this.prevClass !== WORD) return false;
    const cls = charClass(first);
    return cls === WORD || cls === IGNORED;
  }

  feed(text: string, base: number): void {
    // The hot loop: the automaton's arrays and the stream's state live in locals, written back at the end.
    const t = this.trie;
    const rootTable = t.rootTable;
    const rootLower = t.rootLower;
    const hasChild = t.hasChild;
    const nextSibling = t.nextSibling;
    const label = t.label;
    const output = t.output;
    const walkerNode = this.walkerNode;
    const walkerStart = this.walkerStart;
    const ring = this.ring;
    const classes = CLASSES;
    const folded = FOLDED;
    const lower = LOWER;
    let walkers = this.walkers;
    let prev = this.prevClass;
    let symbols = this.symbols;
    const len = text.length;
    const starts = this.starts;
    /** The class before this text (for the first characters' word starts). */
    const entryPrev = prev;
    for (let i = 0; i < len; i++) {
      if (walkers === 0 && this.pendingLength === 0) {
        if (this.candidateLength !== 0) this.flush();
        // Fast path: skip to the next character that could start a name — one table read a character.
        // Only there is the character before it looked at (a word start follows no letter or digit).
        for (; i < len; i++) {
          let kind = starts[text.charCodeAt(i)]!;
          if (kind === START_NEVER) continue;
          if (kind === 0) kind = this.matcher.startKind(text.charCodeAt(i));
          if (kind === START_ANYWHERE) break;
          if (kind === START_AT_WORD_START && classBefore(text, i, entryPrev) !== WORD) break;
        }
        prev = classBefore(text, i, entryPrev);
        if (i >= len) break;
      }
      const code = text.charCodeAt(i);
      let cls = classes[code]!;
      if (cls === 0) cls = charClass(code);
      if (cls === IGNORED) continue;
      const isWord = cls === WORD;
      if (this.pendingLength !== 0) this.settlePending(isWord);
      if (cls === SEPARATOR_CLASS && prev === SEPARATOR_CLASS) continue;
      const sym = folded[code]!;
      const wordStart = cls === UNSPACED || (isWord && prev !== WORD);
      if (walkers === 0 && !wordStart) {
        // Not a word start and nothing in flight.
        prev = cls;
        if (this.candidateLength !== 0) this.flush();
        continue;
      }
      const symIndex = symbols++;
      ring[symIndex & RING_MASK] = isWord || cls === UNSPACED ? code : sym;
      const pos = base + i;
      // Advance walkers; drop the ones that cannot continue.
      let kept = 0;
      for (let w = 0; w < walkers; w++) {
        const node = walkerNode[w]!;
        // Siblings come in ascending label order (trie.ts): a miss is known at the first larger label.
        let next = hasChild[node] !== 0 ? node + 1 : 0;
        while (next !== 0 && label[next]! < sym) next = nextSibling[next]!;
        if (next === 0 || label[next] !== sym) continue;
        const start = walkerStart[w]!;
        walkerNode[kept] = next;
        walkerStart[kept] = start;
        kept++;
        const out = output[next]!;
        if (out !== 0) this.candidate(out - 1, start, pos + 1, symIndex);
      }
      walkers = kept;
      if (wordStart && walkers < MAX_WALKERS) {
        const node = (isWord && lower[code] === 1 ? rootLower : rootTable)[sym]!;
        if (node !== 0) {
          walkerNode[walkers] = node;
          walkerStart[walkers] = pos;
          walkers++;
          const out = output[node]!;
          if (out !== 0) this.candidate(out - 1, pos, pos + 1, symIndex);
        }
      }
      prev = cls;
      if (walkers === 0 && this.pendingLength === 0 && this.candidateLength !== 0) this.flush();
    }
    this.walkers = walkers;
    this.prevClass = prev;
    this.symbols = symbols;
  }

  /** Ends a block: pending matches are decided and reported; nothing carries over. */
  boundary(): void {
    if (this.pendingLength !== 0) this.settlePending(false);
    this.walkers = 0;
    this.prevClass = SEPARATOR_CLASS;
    if (this.candidateLength !== 0) this.flush();
  }

  /** Checks the case rules of every pattern sharing this trie node; queues the first that passes. */
  private candidate(firstPattern: number, start: number, end: number, lastSym: number): void {
    const t = this.trie;
    const ring = this.ring;
    for (let p = firstPattern; p >= 0; p = t.patNext[p]! - 1) {
      const length = t.patLength[p]!;
      const flags = t.patFlags[p]!;
      const firstSym = lastSym - length + 1;
      if ((flags & REQUIRE_CAPITAL) !== 0 && isLowerCase(ring[firstSym & RING_MASK]!)) continue;
      if ((flags & EXACT) !== 0) {
        const exact = t.exact;
        const at = t.patExact[p]!;
        let same = true;
        for (let k = 0; k < length; k++) {
          if (ring[(firstSym + k) & RING_MASK] !== exact[at + k]) {
            same = false;
            break;
          }
        }
        if (!same) continue;
      }
      if ((flags & ENDS_IN_WORD) !== 0) {
        // Decided by the next character: "Trump" must not be the start of "Trumpet".
        put(this.pending, this.pendingLength, start, end, p);
        this.pendingLength += 3;
      } else {
        put(this.candidates, this.candidateLength, start, end, p);
        this.candidateLength += 3;
      }
      return;
    }
  }

  private settlePending(nextIsWord: boolean): void {
    if (!nextIsWord) {
      const pending = this.pending;
      for (let i = 0; i < this.pendingLength; i += 3) {
        put(this.candidates, this.candidateLength, pending[i]!, pending[i + 1]!, pending[i + 2]!);
        this.candidateLength += 3;
      }
    }
    this.pendingLength = 0;
  }

  /**
   * Longest match wins; among equals the earliest (then the first queued); no overlaps. Candidates are
   * ordered by a stable insertion sort and taken greedily; the taken ones are then reported in text order.
   * Few candidates wait at once (the names starting inside one name), and nothing here allocates.
   */
  private flush(): void {
    const length = this.candidateLength;
    this.candidateLength = 0;
    const c = this.candidates;
    if (length === 3) {
      // One candidate (the usual case): nothing to choose.
      this.onMatch(c[0]!, c[1]!, c[2]!);
      return;
    }
    const order = this.order;
    const count = length / 3;
    for (let n = 0; n < count; n++) {
      const i = n * 3;
      const span = c[i + 1]! - c[i]!;
      // Goes after every candidate that is longer, or as long and starting no later.
      let at = n;
      while (at > 0) {
        const j = order[at - 1]!;
        const other = c[j + 1]! - c[j]!;
        if (other > span || (other === span && c[j]! <= c[i]!)) break;
        order[at] = j;
        at--;
      }
      order[at] = i;
    }
    // Greedy choice: a candidate is taken unless it overlaps one taken before it. The taken ones are
    // gathered at the front of `order` (never ahead of the one being looked at).
    let taken = 0;
    for (let n = 0; n < count; n++) {
      const i = order[n]!;
      const s = c[i]!;
      const e = c[i + 1]!;
      let free = true;
      for (let m = 0; m < taken; m++) {
        const j = order[m]!;
        if (!(e <= c[j]! || s >= c[j + 1]!)) {
          free = false;
          break;
        }
      }
      if (free) order[taken++] = i;
    }
    // The taken ones never overlap, so they have distinct starts: report them by start.
    for (let n = 1; n < taken; n++) {
      const i = order[n]!;
      let at = n;
      while (at > 0 && c[order[at - 1]!]! > c[i]!) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = i;
    }
    for (let n = 0; n < taken; n++) {
      const i = order[n]!;
      this.onMatch(c[i]!, c[i + 1]!, c[i + 2]!);
    }
  }
}

/** A packed array of `n` zeros (small integers: the engine keeps them unboxed). */
function zeros(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}

/** Writes a triple at `at` (the array grows as needed). */
function put(list: number[], at: number, a: number, b: number, c: number): void {
  list[at] = a;
  list[at + 1] = b;
  list[at + 2] = c;
}
