/**
 * The automaton as plain strings, for a JSON message (Chrome serialises extension messages as JSON, so typed
 * arrays would arrive as objects of numbers). Why strings and not base64 of the arrays: the keys are mostly
 * ASCII letters, so one label is one character (base64 of 16-bit labels would be 2.7), and the size of
 * the message is what the page pays for. Every character is printable ASCII that JSON does not escape.
 *
 *   labels  the new labels of each key in sorted order (front coding: each key stores only what it does
 *           not share with the previous one); a label outside printable ASCII is "~" + 3 base64 digits
 *   shape   per pattern: shared prefix length, new labels, entity, flags (base64-digit varints)
 *   exact   the unfolded form of each case-sensitive pattern, encoded like labels
 *
 * Decoding is one linear pass through the same TrieWriter the compiler uses; a checksum and the announced
 * counts make a damaged or truncated payload fail loudly instead of matching something else.
 */
import type { Matcher } from './matcher';
import {
  CorruptAutomaton,
  DIGITS,
  DIGIT_VALUE,
  EXACT,
  FLAG_BITS,
  LABEL_ESCAPE,
  TrieWriter,
  escapedLabel,
  type Trie,
} from './trie';

export const AUTOMATON_FORMAT = 1;

export interface EncodedAutomaton {
  format: number;
  nodes: number;
  patterns: number;
  exactChars: number;
  labels: string;
  shape: string;
  exact: string;
  check: number;
}

const ESCAPE = LABEL_ESCAPE;

/** Printable ASCII that JSON leaves as it is, other than the escape itself. */
function plain(c: number): boolean {
  return c >= 0x20 && c < ESCAPE && c !== 0x22 && c !== 0x5c;
}

function writeVarint(out: string[], v: number): void {
  while (v >= 32) {
    out.push(DIGITS[32 + (v & 31)]!);
    v = Math.floor(v / 32);
  }
  out.push(DIGITS[v]!);
}

function writeLabel(out: string[], c: number): void {
  if (plain(c)) out.push(String.fromCharCode(c));
  else out.push('~', DIGITS[(c >> 12) & 63]!, DIGITS[(c >> 6) & 63]!, DIGITS[c & 63]!);
}

/** FNV-1a over the three strings, so a changed character anywhere is noticed. */
export function checksum(...parts: string[]): number {
  let h = 0x811c9dc5;
  for (const s of parts) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 0xff, 16777619);
  }
  return h >>> 0;
}

export function encodeAutomaton(matcher: Matcher): EncodedAutomaton {
  const t = matcher.trie;
  const parent = new Int32Array(t.nodes);
  for (let n = 0; n < t.nodes; n++)
    for (let c = t.firstChild[n]!; c !== 0; c = t.nextSibling[c]!) parent[c] = n;
  const patNode = new Int32Array(t.patterns);
  for (let n = 0; n < t.nodes; n++)
    for (let p = t.output[n]! - 1; p >= 0; p = t.patNext[p]! - 1) patNode[p] = n;
  const labels: string[] = [];
  const shape: string[] = [];
  const exact: string[] = [];
  let prev: number[] = [];
  for (let p = 0; p < t.patterns; p++) {
    const key: number[] = [];
    for (let n = patNode[p]!; n !== 0; n = parent[n]!) key.push(t.label[n]!);
    key.reverse();
    let shared = 0;
    while (shared < prev.length && shared < key.length && prev[shared] === key[shared]) shared++;
    writeVarint(shape, shared);
    writeVarint(shape, key.length - shared);
    writeVarint(shape, t.patEntity[p]!);
    writeVarint(shape, t.patFlags[p]!);
    for (let k = shared; k < key.length; k++) writeLabel(labels, key[k]!);
    if (t.patFlags[p]! & EXACT) {
      const at = t.patExact[p]!;
      for (let k = 0; k < key.length; k++) writeLabel(exact, t.exact[at + k]!);
    }
    prev = key;
  }
  const out = {
    format: AUTOMATON_FORMAT,
    nodes: t.nodes,
    patterns: t.patterns,
    exactChars: t.exact.length,
    labels: labels.join(''),
    shape: shape.join(''),
    exact: exact.join(''),
  };
  return { ...out, check: checksum(out.labels, out.shape, out.exact) };
}

/** Rebuilds the automaton's arrays; throws CorruptAutomaton on anything that does not add up. */
export function decodeAutomaton(enc: EncodedAutomaton, entityCount: number): Trie {
  if (
    enc === null ||
    typeof enc !== 'object' ||
    typeof enc.labels !== 'string' ||
    typeof enc.shape !== 'string' ||
    typeof enc.exact !== 'string'
  )
    throw new CorruptAutomaton('not an encoded automaton');
  if (enc.format !== AUTOMATON_FORMAT)
    throw new CorruptAutomaton(
      `format ${String(enc.format)}, this build reads ${AUTOMATON_FORMAT}`,
    );
  const { labels, shape, exact } = enc;
  const nodes = enc.nodes;
  const patterns = enc.patterns;
  const exactChars = enc.exactChars;
  // Counts are checked against the strings' lengths before anything is allocated from them.
  if (
    !Number.isInteger(nodes) ||
    !Number.isInteger(patterns) ||
    !Number.isInteger(exactChars) ||
    nodes < 1 ||
    nodes - 1 > labels.length ||
    patterns < 0 ||
    patterns * 4 > shape.length ||
    exactChars < 0 ||
    exactChars > exact.length
  )
    throw new CorruptAutomaton('counts do not fit the data');
  if (checksum(labels, shape, exact) !== enc.check) throw new CorruptAutomaton('checksum mismatch');

  const writer = new TrieWriter(nodes, patterns, exactChars);
  const exactOut = writer.exactChars;
  let si = 0;
  let li = 0;
  let ei = 0;
  const varint = (): number => {
    let v = 0;
    let scale = 1;
    for (;;) {
      const code = shape.charCodeAt(si++);
      const d = code < 128 ? DIGIT_VALUE[code]! : -1;
      if (d < 0) throw new CorruptAutomaton('bad shape');
      if (d < 32) return v + d * scale;
      v += (d - 32) * scale;
      scale *= 32;
    }
  };
  for (let p = 0; p < patterns; p++) {
    const shared = varint();
    const added = varint();
    const entity = varint();
    const flags = varint();
    if (entity >= entityCount || flags > FLAG_BITS) throw new CorruptAutomaton('bad pattern');
    writer.startKey(shared);
    li = writer.pushEncoded(labels, li, added);
    writer.endKey();
    const at = writer.pattern(entity, flags);
    if (at >= 0) {
      const length = shared + added;
      for (let k = 0; k < length; k++) {
        let c = exact.charCodeAt(ei++);
        if (c === ESCAPE) {
          c = escapedLabel(exact, ei);
          ei += 3;
        } else if (!(c >= 0x20 && c < ESCAPE)) throw new CorruptAutomaton('bad exact form');
        exactOut[at + k] = c;
      }
    }
  }
  if (si !== shape.length || li !== labels.length || ei !== exact.length)
    throw new CorruptAutomaton('data left over');
  return writer.finish();
}
