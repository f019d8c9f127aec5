/**
 * A single-pass multi-pattern matcher for entity aliases, pure and DOM-free.
 *
 * Why not one regex per name: that is what makes mark.js take seconds on long pages. Here every alias is
 * compiled once into a trie laid out in typed arrays. Because a name can only start at a word start, the
 * scan needs no Aho–Corasick failure links: at each word start one table read (the first-character
 * prefilter) decides whether a walker starts; walkers advance in lockstep and die on the first mismatch.
 * On ordinary text almost every character costs two array reads and no allocation.
 *
 * Rules (see tests/unit/matcher.test.ts): Unicode word boundaries on both ends; curly/straight apostrophes,
 * NBSP and every hyphen or space variant are one separator ("MS-13" = "MS 13"; "MS13" is added as a
 * variant); case-sensitive aliases match only as written; `requireCapital` aliases need a capital first
 * letter; the longest match wins and matches never overlap.
 */
import {
  CLASSES,
  FOLDED,
  IGNORED,
  SEPARATOR,
  SEPARATOR_CLASS,
  UNSPACED,
  WORD,
  isLowerCase,
  charClass,
  foldedChar,
  normalizeForMatch,
} from './chars';
import { HYPHEN_CHARS, hyphenatedIntoWord, NEIGHBOUR_CHARS, standsAlone } from './neighbours';

export interface MatchAlias {
  /** The caller's identifiers, handed back with every match. */
  entityId: string;
  aliasId: number;
  text: string;
  caseSensitive: boolean;
  requireCapital: boolean;
}

export interface Match {
  start: number;
  end: number;
  entityId: string;
  aliasId: number;
}

/** Longest alias, in normalised characters. Longer ones are rejected at compile time. */
const MAX_PATTERN = 128;
const RING_MASK = 127;
const MAX_WALKERS = 64;

interface Pattern {
  alias: MatchAlias;
  length: number;
  /** The unfolded normalised form, for case-sensitive checks; null when case does not matter. */
  exact: Uint16Array | null;
  requireCapital: boolean;
  /** Whether the alias ends in a word character, so the text must not continue with one. */
  endsInWord: boolean;
  /** Next pattern with the same folded text (two aliases may differ only in case rules). */
  next: number;
  /** A one-word, capital-only alias: checked against its neighbours (see neighbours.ts). */
  standalone: boolean;
}

export class Matcher {
  readonly patterns: Pattern[] = [];
  /** Trie nodes: the folded character leading to the node, first child, next sibling, first pattern. */
  private label = new Uint16Array(1024);
  private firstChild = new Int32Array(1024);
  private nextSibling = new Int32Array(1024);
  private output = new Int32Array(1024).fill(-1);
  private nodeCount = 1; // node 0 is the root
  /** The root's children indexed by folded first character: the prefilter. 0 = no alias starts so. */
  readonly rootTable = new Int32Array(65536);

  constructor(aliases: readonly MatchAlias[]) {
    for (const alias of aliases) this.add(alias);
  }

  private add(alias: MatchAlias): void {
    const folded = normalizeForMatch(alias.text, true);
    if (folded.length === 0 || folded.length > MAX_PATTERN) return;
    const firstClass = charClass(folded[0]!);
    if (firstClass !== WORD && firstClass !== UNSPACED) return; // a name starts with a letter or digit
    const exactForm = alias.caseSensitive ? normalizeForMatch(alias.text, false) : null;
    const all = folded.map((_, i) => i);
    // "MS-13" should also find "MS13": a variant without separators between letters and digits.
    const joined = all.filter((i) => {
      if (folded[i] !== SEPARATOR) return true;
      const before = folded[i - 1]!;
      const after = folded[i + 1]!;
      return !(
        charClass(before) === WORD &&
        charClass(after) === WORD &&
        isDigit(before) !== isDigit(after)
      );
    });
    const variants = joined.length === all.length ? [all] : [all, joined];
    for (const kept of variants) {
      const chars = kept.map((i) => folded[i]!);
      let node = this.rootTable[chars[0]!]!;
      if (node === 0) {
        node = this.newNode(chars[0]!);
        this.rootTable[chars[0]!] = node;
      }
      for (let i = 1; i < chars.length; i++) node = this.childOrNew(node, chars[i]!);
      const next = this.output[node]!;
      this.output[node] = this.patterns.length;
      this.patterns.push({
        alias,
        length: chars.length,
        exact: exactForm && Uint16Array.from(kept, (i) => exactForm[i]!),
        requireCapital: alias.requireCapital,
        endsInWord: charClass(chars[chars.length - 1]!) === WORD,
        next,
        standalone: alias.requireCapital && !alias.caseSensitive && !folded.includes(SEPARATOR),
      });
    }
  }

  private newNode(labelChar: number): number {
    if (this.nodeCount === this.label.length) this.grow();
    const id = this.nodeCount++;
    this.label[id] = labelChar;
    this.firstChild[id] = 0;
    this.nextSibling[id] = 0;
    this.output[id] = -1;
    return id;
  }

  private grow(): void {
    const size = this.label.length * 2;
    const grow32 = (a: Int32Array, fill: number) => {
      const b = new Int32Array(size).fill(fill);
      b.set(a);
      return b;
    };
    const label = new Uint16Array(size);
    label.set(this.label);
    this.label = label;
    this.firstChild = grow32(this.firstChild, 0);
    this.nextSibling = grow32(this.nextSibling, 0);
    this.output = grow32(this.output, -1);
  }

  /** Follows the edge labelled `c`, or returns 0. Sibling lists are short past the first character. */
  child(node: number, c: number): number {
    let n = this.firstChild[node]!;
    while (n !== 0) {
      if (this.label[n] === c) return n;
      n = this.nextSibling[n]!;
    }
    return 0;
  }

  private childOrNew(node: number, c: number): number {
    const existing = this.child(node, c);
    if (existing !== 0) return existing;
    const n = this.newNode(c);
    this.nextSibling[n] = this.firstChild[node]!;
    this.firstChild[node] = n;
    return n;
  }

  rootChild(c: number): number {
    return this.rootTable[c]!;
  }

  outputOf(node: number): number {
    return this.output[node]!;
  }

  /** Whether a match of `pattern` at [start, end) of `text` is a name of its own (neighbours.ts). */
  acceptsContext(pattern: number, text: string, start: number, end: number): boolean {
    if (
      hyphenatedIntoWord(
        text.slice(Math.max(0, start - HYPHEN_CHARS), start),
        text.slice(end, end + 2),
      )
    )
      return false;
    if (!this.patterns[pattern]!.standalone) return true;
    return standsAlone(
      text.slice(Math.max(0, start - NEIGHBOUR_CHARS), start),
      text.slice(end, end + NEIGHBOUR_CHARS),
    );
  }

  /** All non-overlapping matches in one string (one block of text). */
  findMentions(text: string): Match[] {
    const matches: Match[] = [];
    const stream = new MatchStream(this, (start, end, pattern) => {
      if (!this.acceptsContext(pattern, text, start, end)) return;
      const { entityId, aliasId } = this.patterns[pattern]!.alias;
      matches.push({ start, end, entityId, aliasId });
    });
    stream.feed(text, 0);
    stream.boundary();
    return matches;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export type MatchCallback = (start: number, end: number, patternIndex: number) => void;

/**
 * Feeds text in pieces (e.g. the text nodes of one block, "Nayib <b>Bukele</b>") with the caller's own
 * offsets, and reports matches that may span pieces. `boundary()` ends a block: no match crosses it.
 */
export class MatchStream {
  private readonly walkerNode = new Int32Array(MAX_WALKERS);
  private readonly walkerStart = new Float64Array(MAX_WALKERS);
  private walkers = 0;
  /** The last characters seen, unfolded, for case checks across pieces. */
  private readonly ring = new Uint16Array(RING_MASK + 1);
  private symbols = 0;
  private prevClass = SEPARATOR_CLASS as number;
  /** Candidates waiting for the longest-match decision: [start, end, pattern] triples. */
  private candidates: number[] = [];
  /** Candidates whose right word boundary depends on the next character (all end at the same place). */
  private pending: number[] = [];

  constructor(
    private readonly matcher: Matcher,
    private readonly onMatch: MatchCallback,
  ) {}

  feed(text: string, base: number): void {
    const m = this.matcher;
    const rootTable = m.rootTable;
    const len = text.length;
    for (let i = 0; i < len; i++) {
      if (this.walkers === 0 && this.pending.length === 0) {
        if (this.candidates.length !== 0) this.flush();
        // Fast path: skip to the next character that could start a name — a word start whose folded
        // letter begins some alias. Two typed-array reads per character, nothing else.
        let prev = this.prevClass;
        for (; i < len; i++) {
          const c = text.charCodeAt(i);
          let k = CLASSES[c]!;
          if (k === 0) k = charClass(c);
          if (k === WORD) {
            if (prev !== WORD && rootTable[FOLDED[c]!] !== 0) break;
          } else if (k === UNSPACED) {
            if (rootTable[c] !== 0) break;
          } else if (k === IGNORED) {
            continue;
          }
          prev = k;
        }
        this.prevClass = prev;
        if (i >= len) return;
      }
      const code = text.charCodeAt(i);
      const cls = charClass(code);
      if (cls === IGNORED) continue;
      const isWord = cls === WORD;
      if (this.pending.length !== 0) this.settlePending(isWord);
      if (cls === SEPARATOR_CLASS && this.prevClass === SEPARATOR_CLASS) continue;
      const sym = foldedChar(code);
      const wordStart = cls === UNSPACED || (isWord && this.prevClass !== WORD);
      if (this.walkers === 0 && !wordStart) {
        // The fast path: not a word start and nothing in flight.
        this.prevClass = cls;
        if (this.candidates.length !== 0) this.flush();
        continue;
      }
      const symIndex = this.symbols++;
      this.ring[symIndex & RING_MASK] = isWord || cls === UNSPACED ? code : sym;
      const pos = base + i;
      // Advance walkers; drop the ones that cannot continue.
      let kept = 0;
      for (let w = 0; w < this.walkers; w++) {
        const next = m.child(this.walkerNode[w]!, sym);
        if (next === 0) continue;
        this.walkerNode[kept] = next;
        this.walkerStart[kept] = this.walkerStart[w]!;
        kept++;
        const out = m.outputOf(next);
        if (out >= 0) this.candidate(out, this.walkerStart[w]!, pos + 1, symIndex);
      }
      this.walkers = kept;
      if (wordStart) {
        const node = m.rootChild(sym);
        if (node !== 0 && this.walkers < MAX_WALKERS) {
          this.walkerNode[this.walkers] = node;
          this.walkerStart[this.walkers] = pos;
          this.walkers++;
          const out = m.outputOf(node);
          if (out >= 0) this.candidate(out, pos, pos + 1, symIndex);
        }
      }
      this.prevClass = cls;
      if (this.walkers === 0 && this.pending.length === 0 && this.candidates.length !== 0)
        this.flush();
    }
  }

  /** Ends a block: pending matches are decided and reported; nothing carries over. */
  boundary(): void {
    if (this.pending.length !== 0) this.settlePending(false);
    this.walkers = 0;
    this.prevClass = SEPARATOR_CLASS;
    if (this.candidates.length !== 0) this.flush();
  }

  /** Checks the case rules of every pattern sharing this trie node; queues the first that passes. */
  private candidate(firstPattern: number, start: number, end: number, lastSym: number): void {
    const patterns = this.matcher.patterns;
    for (let p = firstPattern; p >= 0; p = patterns[p]!.next) {
      const pattern = patterns[p]!;
      const firstSym = lastSym - pattern.length + 1;
      if (pattern.requireCapital) {
        if (isLowerCase(this.ring[firstSym & RING_MASK]!)) continue;
      }
      if (pattern.exact !== null) {
        let same = true;
        for (let k = 0; k < pattern.length; k++) {
          if (this.ring[(firstSym + k) & RING_MASK] !== pattern.exact[k]) {
            same = false;
            break;
          }
        }
        if (!same) continue;
      }
      if (pattern.endsInWord) {
        // Decided by the next character: "Trump" must not be the start of "Trumpet".
        this.pending.push(start, end, p);
      } else {
        this.candidates.push(start, end, p);
      }
      return;
    }
  }

  private settlePending(nextIsWord: boolean): void {
    if (!nextIsWord) this.candidates.push(...this.pending);
    this.pending.length = 0;
  }

  /** Longest match wins; among equals the earliest; no overlaps. */
  private flush(): void {
    const c = this.candidates;
    this.candidates = [];
    const byLength: number[] = [];
    for (let i = 0; i < c.length; i += 3) byLength.push(i);
    // Prefer longer matches: pick greedily by length, then report in text order.
    byLength.sort((a, b) => c[b + 1]! - c[b]! - (c[a + 1]! - c[a]!) || c[a]! - c[b]!);
    const chosen: number[] = [];
    for (const i of byLength) {
      const s = c[i]!;
      const e = c[i + 1]!;
      if (chosen.every((j) => e <= c[j]! || s >= c[j + 1]!)) chosen.push(i);
    }
    chosen.sort((a, b) => c[a]! - c[b]!);
    for (const i of chosen) this.onMatch(c[i]!, c[i + 1]!, c[i + 2]!);
  }
}
