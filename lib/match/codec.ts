/**
 * The automaton as a string, for a JSON message, a storage item or a constant in the content script.
 *
 * Why this form: a page pays for the automaton twice — carrying it, and turning it back into arrays —
 * and the second cost is paid by code the page has just loaded, which runs cold (a decoder written as
 * a JavaScript loop over 20,000 labels took 20–60 ms on a page here, 3 ms once warm). So what travels
 * is bytes the browser's own code turns back into typed arrays (hex or base64, gzip; see
 * `compression`), and what is left in JavaScript are short loops over the few nodes that are not
 * ordinary. gzip's CRC-32 refuses a damaged or truncated payload; the checks keep a wrong one from
 * sending the matcher off its arrays.
 *
 * Sparse where the trie is: most nodes sit in a chain of single letters ("…ukele") with no sibling,
 * no pattern ending there, and a child right after them (at 40,000 aliases: 534,000 nodes, 31,000
 * with a sibling, 40,000 with an output). So only the labels go node by node, in one byte each (the
 * few above U+00FF as exceptions); siblings and outputs go as (node, value) pairs, the nodes as the
 * distance from the one before and a sibling as its distance from its elder (small numbers, which take
 * 16 bits and gzip well); which nodes have a child follows from the siblings (a node has none exactly
 * when the next node is someone's next sibling, or it is the last node). What is not sent is rebuilt:
 * the first-character tables are the root's children.
 *
 * The arrays, in this order within each element size, widest first (so every view is aligned;
 * little-endian). `N` arrays hold distances between nodes and `P` arrays pattern or entity numbers:
 * 16-bit when every value fits (`nodeBytes`, `patternBytes`), else 32-bit.
 *   Int32 lowerStarts[lowerStarts]
 *   P patEntity[patterns] patNext[patterns] patExact[patterns] outputValue[outputs]
 *   N siblingFrom[siblings] siblingTo[siblings] outputAt[outputs] wideAt[wide]
 *   Uint16 exact[exactChars] wideLabel[wide]
 *   Uint8  label[nodes] (low byte) patLength[patterns] patFlags[patterns]
 */
import type { Matcher } from './matcher';
import { CorruptAutomaton, FLAG_BITS, MAX_PATTERN, EXACT, type Trie } from './trie';

/** 5: the payload's entity ids travel packed as the automaton does (payload.ts). */
export const AUTOMATON_FORMAT = 5;

export interface EncodedAutomaton {
  format: number;
  nodes: number;
  patterns: number;
  exactChars: number;
  /** Root children whose aliases may start lower-case (the lower-case prefilter). */
  lowerStarts: number;
  /** Nodes with a next sibling. */
  siblings: number;
  /** Nodes where a pattern ends. */
  outputs: number;
  /** Nodes whose label is above U+00FF. */
  wide: number;
  /** Bytes per distance between nodes (2 when every one sent fits in 16 bits, else 4). */
  nodeBytes: 2 | 4;
  /** Bytes per pattern or entity number (likewise). */
  patternBytes: 2 | 4;
  /**
   * 'gzip': for data that travels (storage, messages): small, and gzip's CRC-32 refuses damage; the
   * bytes are base64, rebuilt by DecompressionStream, which takes a few turns of the event loop.
   * 'none': for the bundled data the content script carries in its own code (which nothing can damage
   * apart from the code): the bytes as hex, rebuilt at once by Uint8Array.fromHex — on a freshly loaded
   * page here it decoded the shipped index's bytes in about half the time fromBase64 took.
   */
  compression: 'gzip' | 'none';
  /** The bytes: base64 of their gzip ('gzip'), or hex ('none'). */
  data: string;
}

type Counts = Omit<EncodedAutomaton, 'format' | 'compression' | 'data'>;
type ViewKind = typeof Int32Array | typeof Uint16Array | typeof Uint8Array;
type ArrayName =
  | 'patEntity'
  | 'patNext'
  | 'patExact'
  | 'outputValue'
  | 'lowerStarts'
  | 'siblingFrom'
  | 'siblingTo'
  | 'outputAt'
  | 'wideAt'
  | 'exact'
  | 'wideLabel'
  | 'label'
  | 'patLength'
  | 'patFlags';

function layout(c: Counts): Array<[ArrayName, ViewKind, number]> {
  const P = c.patternBytes === 2 ? Uint16Array : Int32Array;
  const N = c.nodeBytes === 2 ? Uint16Array : Int32Array;
  const arrays: Array<[ArrayName, ViewKind, number]> = [
    ['patEntity', P, c.patterns],
    ['patNext', P, c.patterns],
    ['patExact', P, c.patterns],
    ['outputValue', P, c.outputs],
    ['lowerStarts', Int32Array, c.lowerStarts],
    ['siblingFrom', N, c.siblings],
    ['siblingTo', N, c.siblings],
    ['outputAt', N, c.outputs],
    ['wideAt', N, c.wide],
    ['exact', Uint16Array, c.exactChars],
    ['wideLabel', Uint16Array, c.wide],
    ['label', Uint8Array, c.nodes],
    ['patLength', Uint8Array, c.patterns],
    ['patFlags', Uint8Array, c.patterns],
  ];
  // Widest first, so that every view starts aligned (a stable sort keeps the order above).
  return arrays.sort((a, b) => b[1].BYTES_PER_ELEMENT - a[1].BYTES_PER_ELEMENT);
}

const byteLength = (c: Counts): number =>
  layout(c).reduce((sum, [, Kind, n]) => sum + n * Kind.BYTES_PER_ELEMENT, 0);

type Views = Record<ArrayName, Int32Array | Uint16Array | Uint8Array>;

/** Views on the bytes, in the layout above. */
function views(buffer: ArrayBuffer, c: Counts): Views {
  const v = {} as Views;
  let at = 0;
  for (const [name, Kind, n] of layout(c)) {
    v[name] = new Kind(buffer, at, n);
    at += n * Kind.BYTES_PER_ELEMENT;
  }
  return v;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// ---- bytes ⇄ text ⇄ gzip, with the platform's own code where it has it --------------------------

type Base64Native = { fromBase64?(s: string): Uint8Array<ArrayBuffer> };
type ToBase64Native = { toBase64?(): string };

function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as Base64Native).fromBase64;
  if (native) return native.call(Uint8Array, s);
  const binary = atob(s);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as ToBase64Native).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type HexNative = { fromHex?(s: string): Uint8Array<ArrayBuffer> };
type ToHexNative = { toHex?(): string };

function fromHex(s: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as HexNative).fromHex;
  if (native) return native.call(Uint8Array, s);
  if (s.length % 2 !== 0 || /[^0-9a-f]/i.test(s)) throw new SyntaxError('not hex');
  const bytes = new Uint8Array(s.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function toHex(bytes: Uint8Array): string {
  const native = (bytes as unknown as ToHexNative).toHex;
  if (native) return native.call(bytes);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Reads a stream of byte chunks into one array (no copy when it is one chunk). */
async function readAll(readable: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  if (chunks.length === 1 && chunks[0]!.byteOffset === 0)
    return chunks[0] as Uint8Array<ArrayBuffer>;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Runs bytes through a compression or decompression stream (the browser's, or Node's in tests), written
 * to directly. In a Firefox content script the stream belongs to the page's window and refuses the
 * content script's own arrays (a TypeError): there a Blob carries them in, which it accepts. (Chromium
 * reads a Blob's stream through its blob store, several times slower: it gets the direct way.)
 */
async function through(
  bytes: Uint8Array<ArrayBuffer>,
  makeStream: () => CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const stream = makeStream();
    const writer = stream.writable.getWriter();
    // Not awaited before reading: the stream takes more input only as its output is read.
    void writer.write(bytes).catch(() => {});
    void writer.close().catch(() => {});
    return await readAll(stream.readable as ReadableStream<Uint8Array>);
  } catch (err) {
    // By name: the error comes from the page's realm, where `instanceof TypeError` is false.
    if ((err as Error | null)?.name !== 'TypeError') throw err;
    const readable = new Blob([bytes]).stream().pipeThrough(makeStream());
    return await readAll(readable as ReadableStream<Uint8Array>);
  }
}

// ---- text in the payload's form -----------------------------------------------------------------

/** Text packed as the payload's bulk is: as it is ('none'), or base64 of its UTF-8 gzip ('gzip'). */
export async function packText(
  text: string,
  compression: EncodedAutomaton['compression'],
): Promise<string> {
  if (compression === 'none') return text;
  const utf8 = new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
  return toBase64(await through(utf8, () => new CompressionStream('gzip')));
}

/** The text `packText` packed; rejects with CorruptAutomaton when it is damaged. */
export async function unpackText(
  data: string,
  compression: EncodedAutomaton['compression'],
): Promise<string> {
  if (compression === 'none') return data;
  try {
    const utf8 = await through(fromBase64(data), () => new DecompressionStream('gzip'));
    return new TextDecoder('utf-8', { fatal: true }).decode(utf8);
  } catch {
    throw new CorruptAutomaton('damaged text');
  }
}

// ---- encode (build step, background) ------------------------------------------------------------

/** The largest of many numbers (spreading 500,000 into Math.max overflows the stack). */
function max(values: number[]): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}

export async function encodeAutomaton(
  matcher: Matcher,
  compression: EncodedAutomaton['compression'] = 'gzip',
): Promise<EncodedAutomaton> {
  if (!LITTLE_ENDIAN) throw new Error('the automaton format is little-endian');
  const t = matcher.trie;
  const siblingFrom: number[] = [];
  const siblingTo: number[] = [];
  const outputAt: number[] = [];
  const outputValue: number[] = [];
  const wideAt: number[] = [];
  const wideLabel: number[] = [];
  for (let n = 0; n < t.nodes; n++) {
    const next = t.nextSibling[n]!;
    const out = t.output[n]!;
    // Pages check what they read; this makes sure nothing wrong is ever written.
    if ((next !== 0 && (next <= n || next >= t.nodes)) || out < 0 || out > t.patterns)
      throw new Error(`the trie has a bad link at node ${n}`);
    if (next !== 0) {
      siblingFrom.push(n);
      siblingTo.push(next);
    }
    if (out !== 0) {
      outputAt.push(n);
      outputValue.push(out);
    }
    if (t.label[n]! > 0xff) {
      wideAt.push(n);
      wideLabel.push(t.label[n]!);
    }
  }
  /** Ascending node numbers as distances from the one before (the first from node 0). */
  const distances = (nodes: number[]) => nodes.map((n, i) => n - (i === 0 ? 0 : nodes[i - 1]!));
  const siblingGaps = distances(siblingFrom);
  const siblingSpans = siblingTo.map((to, i) => to - siblingFrom[i]!);
  const outputGaps = distances(outputAt);
  const wideGaps = distances(wideAt);
  // Which nodes have a child must follow from the siblings (see the top of this file).
  const leaves = new Set(siblingTo.map((to) => to - 1)).add(t.nodes - 1);
  for (let n = 0; n < t.nodes; n++)
    if ((t.hasChild[n] === 0) !== leaves.has(n))
      throw new Error(`the trie is not laid out depth-first at node ${n}`);
  const lower: number[] = [];
  for (let c = t.hasChild[0] ? 1 : 0; c !== 0; c = t.nextSibling[c]!)
    if (t.rootLower[t.label[c]!] === c) lower.push(c);
  let largestPatternValue = t.patterns + 1; // outputValue and patNext are 1 + a pattern
  for (let p = 0; p < t.patterns; p++)
    largestPatternValue = Math.max(largestPatternValue, t.patEntity[p]!, t.patExact[p]!);
  const counts: Counts = {
    nodes: t.nodes,
    patterns: t.patterns,
    exactChars: t.exact.length,
    lowerStarts: lower.length,
    siblings: siblingFrom.length,
    outputs: outputAt.length,
    wide: wideAt.length,
    nodeBytes:
      Math.max(max(siblingGaps), max(siblingSpans), max(outputGaps), max(wideGaps)) < 0x10000
        ? 2
        : 4,
    patternBytes: largestPatternValue < 0x10000 ? 2 : 4,
  };
  const buffer = new ArrayBuffer(byteLength(counts));
  const v = views(buffer, counts);
  v.patEntity.set(t.patEntity.subarray(0, t.patterns));
  v.patNext.set(t.patNext.subarray(0, t.patterns));
  v.patExact.set(t.patExact.subarray(0, t.patterns));
  v.outputValue.set(outputValue);
  v.lowerStarts.set(lower);
  v.siblingFrom.set(siblingGaps);
  v.siblingTo.set(siblingSpans);
  v.outputAt.set(outputGaps);
  v.wideAt.set(wideGaps);
  v.exact.set(t.exact);
  v.wideLabel.set(wideLabel);
  // The low byte of every label (a Uint8Array's set keeps the low 8 bits); the wide ones are above.
  v.label.set(t.label.subarray(0, t.nodes));
  v.patLength.set(t.patLength.subarray(0, t.patterns));
  v.patFlags.set(t.patFlags.subarray(0, t.patterns));
  const bytes = new Uint8Array(buffer);
  const data =
    compression === 'gzip'
      ? toBase64(await through(bytes, () => new CompressionStream('gzip')))
      : toHex(bytes);
  return { format: AUTOMATON_FORMAT, ...counts, compression, data };
}

// ---- decode (every page) ------------------------------------------------------------------------

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isWidth = (n: unknown): n is 2 | 4 => n === 2 || n === 4;

/** 32-bit links for the matcher (one array type at its hot loop's sites): 16-bit ones are widened. */
function widen(values: Int32Array | Uint16Array | Uint8Array): Int32Array {
  if (values instanceof Int32Array) return values;
  const wide = new Int32Array(values.length);
  wide.set(values);
  return wide;
}

/** Rebuilds the automaton's arrays; rejects with CorruptAutomaton on anything that does not add up. */
export async function decodeAutomaton(enc: EncodedAutomaton, entityCount: number): Promise<Trie> {
  if (
    enc === null ||
    typeof enc !== 'object' ||
    typeof enc.data !== 'string' ||
    (enc.compression !== 'gzip' && enc.compression !== 'none')
  )
    throw new CorruptAutomaton('not an encoded automaton');
  if (enc.format !== AUTOMATON_FORMAT)
    throw new CorruptAutomaton(
      `format ${String(enc.format)}, this build reads ${AUTOMATON_FORMAT}`,
    );
  const counts: Counts = {
    nodes: enc.nodes,
    patterns: enc.patterns,
    exactChars: enc.exactChars,
    lowerStarts: enc.lowerStarts,
    siblings: enc.siblings,
    outputs: enc.outputs,
    wide: enc.wide,
    nodeBytes: enc.nodeBytes,
    patternBytes: enc.patternBytes,
  };
  const { nodes, patterns, exactChars } = counts;
  if (
    ![
      nodes,
      patterns,
      exactChars,
      counts.lowerStarts,
      counts.siblings,
      counts.outputs,
      counts.wide,
    ].every(isCount) ||
    !isWidth(counts.nodeBytes) ||
    !isWidth(counts.patternBytes) ||
    nodes < 1 ||
    counts.siblings >= nodes ||
    counts.outputs >= nodes ||
    counts.wide >= nodes ||
    counts.lowerStarts >= 65536
  )
    throw new CorruptAutomaton('bad counts');
  if (!LITTLE_ENDIAN) throw new CorruptAutomaton('this platform is big-endian');
  let bytes: Uint8Array;
  try {
    bytes =
      enc.compression === 'gzip'
        ? await through(fromBase64(enc.data), () => new DecompressionStream('gzip'))
        : fromHex(enc.data);
  } catch {
    throw new CorruptAutomaton('damaged data');
  }
  if (bytes.byteLength !== byteLength(counts))
    throw new CorruptAutomaton('counts do not fit the data');
  // A fresh buffer when the bytes do not start one (views must be aligned).
  const buffer =
    bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : bytes.slice().buffer;
  const v = views(buffer, counts);

  // The node arrays. Every loop here runs over the few nodes that are not a plain link in a chain, and
  // checks what it writes, so nothing read later can point off the arrays.
  const label = new Uint16Array(nodes);
  label.set(v.label);
  const { wideAt, wideLabel } = v;
  for (let i = 0, node = 0; i < wideAt.length; i++) {
    const gap = wideAt[i]!;
    node += gap;
    if (gap < 1 || node >= nodes) throw new CorruptAutomaton('bad label');
    label[node] = wideLabel[i]!;
  }
  const hasChild = new Uint8Array(nodes).fill(1);
  hasChild[nodes - 1] = 0;
  const nextSibling = new Int32Array(nodes);
  const { siblingFrom, siblingTo } = v;
  for (let i = 0, from = 0; i < siblingFrom.length; i++) {
    const gap = siblingFrom[i]!;
    const span = siblingTo[i]!;
    from += gap;
    const to = from + span;
    if (gap < 1 || span < 1 || to >= nodes) throw new CorruptAutomaton('bad links');
    nextSibling[from] = to;
    hasChild[to - 1] = 0;
  }
  const output = new Int32Array(nodes);
  const { outputAt, outputValue } = v;
  for (let i = 0, node = 0; i < outputAt.length; i++) {
    const gap = outputAt[i]!;
    const value = outputValue[i]!;
    node += gap;
    if (gap < 1 || node >= nodes || value < 1 || value > patterns)
      throw new CorruptAutomaton('bad links');
    output[node] = value;
  }

  const rootTable = new Int32Array(65536);
  for (let c = hasChild[0] !== 0 ? 1 : 0, previous = 0; c !== 0; c = nextSibling[c]!) {
    if (c <= previous) throw new CorruptAutomaton('bad links');
    rootTable[label[c]!] = c;
    previous = c;
  }
  const rootLower = new Int32Array(65536);
  for (const node of v.lowerStarts) {
    if (node <= 0 || node >= nodes || rootTable[label[node]!] !== node)
      throw new CorruptAutomaton('bad lower-case start');
    rootLower[label[node]!] = node;
  }
  const patEntity = widen(v.patEntity);
  const patNext = widen(v.patNext);
  const patExact = widen(v.patExact);
  const patLength = v.patLength as Uint8Array;
  const patFlags = v.patFlags as Uint8Array;
  for (let p = 0; p < patterns; p++) {
    const length = patLength[p]!;
    const flags = patFlags[p]!;
    const next = patNext[p]!;
    if (
      patEntity[p]! < 0 ||
      patEntity[p]! >= entityCount ||
      length < 1 ||
      length > MAX_PATTERN ||
      flags > FLAG_BITS ||
      (next !== 0 && (next <= p + 1 || next > patterns)) ||
      ((flags & EXACT) !== 0 && (patExact[p]! < 0 || patExact[p]! + length > exactChars))
    )
      throw new CorruptAutomaton('bad pattern');
  }
  return {
    nodes,
    label,
    hasChild,
    nextSibling,
    output,
    rootTable,
    rootLower,
    patterns,
    patEntity,
    patLength,
    patFlags,
    patNext,
    patExact,
    exact: v.exact as Uint16Array,
  };
}
