/**
 * The matcher's automaton in typed arrays, and the one routine that lays it out.
 *
 * Keys (folded alias texts) arrive in sorted order, each as "shares its first `shared` labels with the
 * previous key, then these labels" (front coding). Sorted keys are the trie in depth-first order, so every
 * new label is one new node appended at the end: a linear pass with no lookups, and a node's first child,
 * when it has one, is always the next node (codec.ts relies on it). The compiler (compile.ts) feeds it,
 * off the page; pages receive the arrays it made (codec.ts).
 *
 * Patterns with the same key are consecutive; a node's patterns are output[node]-1, then patNext on.
 */
import { WORD, charClass, isLowerCase } from './chars';

/** Longest alias, in normalised characters. Longer ones are rejected at compile time. */
export const MAX_PATTERN = 128;

/** Pattern flags. */
export const REQUIRE_CAPITAL = 1;
/** The alias ends in a word character, so the text must not continue with one. */
export const ENDS_IN_WORD = 2;
/** A one-word, capital-only alias: checked against its neighbours (see neighbours.ts). */
export const STANDALONE = 4;
/** Case-sensitive: the text must equal the unfolded form, kept in `exact`. */
export const EXACT = 8;
export const FLAG_BITS = 15;

export interface Trie {
  nodes: number;
  /** The folded character leading to each node. */
  label: Uint16Array;
  /**
   * 1 when the node has children. Its first child is then the next node: keys arrive sorted, so the
   * trie is laid out depth-first (no array of first children to build or to carry).
   */
  hasChild: Uint8Array;
  /** The next sibling (siblings in ascending label order, always further on); 0 = none. */
  nextSibling: Int32Array;
  /** 1 + the first pattern ending at the node; 0 = none. */
  output: Int32Array;
  /** The root's children by folded first character: the prefilter. 0 = no alias starts so. */
  rootTable: Int32Array;
  /**
   * The same, only for first characters that may be lower-case on the page: most aliases must start with a
   * capital, so a lower-case word start ("the", "said") usually starts no walker at all.
   */
  rootLower: Int32Array;
  patterns: number;
  patEntity: Int32Array;
  patLength: Uint8Array;
  patFlags: Uint8Array;
  /** 1 + the next pattern with the same key; 0 = none. */
  patNext: Int32Array;
  /** Where each EXACT pattern's unfolded form starts in `exact`. */
  patExact: Int32Array;
  exact: Uint16Array;
}

export class CorruptAutomaton extends Error {
  constructor(reason: string) {
    super(`Matcher data is corrupt or truncated (${reason}); refusing to match with it.`);
    this.name = 'CorruptAutomaton';
  }
}

export class TrieWriter {
  private readonly t: Trie;
  private readonly path = new Int32Array(MAX_PATTERN + 1);
  private prevLength = 0;
  private depth = 0;
  private fresh = false;
  private exactUsed = 0;
  private lastNode = -1;
  /** Each pattern's depth-1 node, for the lower-case prefilter. */
  private readonly firstNode: Int32Array;

  constructor(nodes: number, patterns: number, exactChars: number) {
    this.t = {
      nodes: 1,
      label: new Uint16Array(nodes),
      hasChild: new Uint8Array(nodes),
      nextSibling: new Int32Array(nodes),
      output: new Int32Array(nodes),
      rootTable: new Int32Array(65536),
      rootLower: new Int32Array(65536),
      patterns: 0,
      patEntity: new Int32Array(patterns),
      patLength: new Uint8Array(patterns),
      patFlags: new Uint8Array(patterns),
      patNext: new Int32Array(patterns),
      patExact: new Int32Array(patterns),
      exact: new Uint16Array(exactChars),
    };
    this.firstNode = new Int32Array(patterns);
  }

  /** Starts a key that shares its first `shared` labels with the previous one. */
  startKey(shared: number): void {
    if (shared > this.prevLength || shared < 0) throw new CorruptAutomaton('bad shared prefix');
    this.depth = shared;
    this.fresh = true;
  }

  /** Appends one label to the current key: always a new node, the last child of its parent. */
  push(c: number): void {
    const t = this.t;
    const n = t.nodes;
    if (n >= t.label.length || this.depth >= MAX_PATTERN)
      throw new CorruptAutomaton('more nodes than announced');
    t.nodes = n + 1;
    const d = this.depth + 1;
    const parent = this.path[d - 1]!;
    t.label[n] = c;
    if (this.fresh && d <= this.prevLength) {
      // The previous key's node at this depth is this node's elder sibling.
      const sibling = this.path[d]!;
      if (c <= t.label[sibling]!) throw new CorruptAutomaton('keys out of order');
      t.nextSibling[sibling] = n;
    } else {
      // A first child is always created right after its parent (see hasChild).
      if (parent !== n - 1) throw new CorruptAutomaton('keys out of order');
      t.hasChild[parent] = 1;
    }
    if (d === 1) t.rootTable[c] = n;
    this.fresh = false;
    this.path[d] = n;
    this.depth = d;
  }

  /** Ends the current key; the patterns that follow end at its node. */
  endKey(): void {
    // A key must add labels unless it repeats the previous key exactly.
    if (this.fresh && this.depth !== this.prevLength)
      throw new CorruptAutomaton('keys out of order');
    if (this.depth === 0) throw new CorruptAutomaton('empty key');
    this.prevLength = this.depth;
  }

  /** A pattern ending at the current key's node; returns where its exact form goes (EXACT only). */
  pattern(entity: number, flags: number): number {
    const t = this.t;
    const p = t.patterns;
    if (p >= t.patEntity.length) throw new CorruptAutomaton('more patterns than announced');
    t.patterns = p + 1;
    const node = this.path[this.depth]!;
    if (node === this.lastNode) t.patNext[p - 1] = p + 1;
    else t.output[node] = p + 1;
    this.lastNode = node;
    const length = this.depth;
    t.patEntity[p] = entity;
    t.patLength[p] = length;
    t.patFlags[p] = flags;
    this.firstNode[p] = this.path[1]!;
    if ((flags & EXACT) === 0) return -1;
    const at = this.exactUsed;
    if (at + length > t.exact.length) throw new CorruptAutomaton('exact forms overflow');
    t.patExact[p] = at;
    this.exactUsed = at + length;
    return at;
  }

  /** The exact forms' storage: the caller writes a pattern's form at the offset pattern() returned. */
  get exactChars(): Uint16Array {
    return this.t.exact;
  }

  finish(): Trie {
    const t = this.t;
    if (t.nodes !== t.label.length || t.patterns !== t.patEntity.length)
      throw new CorruptAutomaton('fewer nodes or patterns than announced');
    if (this.exactUsed !== t.exact.length) throw new CorruptAutomaton('exact forms missing');
    for (let p = 0; p < t.patterns; p++) {
      const flags = t.patFlags[p]!;
      let lower = (flags & REQUIRE_CAPITAL) === 0;
      if (lower && (flags & EXACT) !== 0) {
        // A case-sensitive alias starts lower-case on the page only if it is written so ("eBay").
        const first = t.exact[t.patExact[p]!]!;
        charClass(first);
        lower = isLowerCase(first);
      }
      if (lower) {
        const node = this.firstNode[p]!;
        t.rootLower[t.label[node]!] = node;
      }
    }
    return t;
  }
}

/** Whether a pattern's last label is a word character. */
export function endsInWord(lastLabel: number): boolean {
  return charClass(lastLabel) === WORD;
}
