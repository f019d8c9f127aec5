/**
 * The automaton as a string, for a JSON message, a storage item or a constant in the content script.
 *
 * Why this form: a page pays for the automaton twice — carrying it, and turning it back into arrays —
 * and the second cost is paid by code the page has just loaded, which runs cold (a decoder written as
 * a JavaScript loop over 20,000 labels took 20–60 ms on a page here, 3 ms once warm). So the arrays
 * travel as the bytes of the very typed arrays the matcher reads, in base64 (gzipped when they travel,
 * see `compression`): on the page, the browser's own base64 and gzip code rebuild them, the arrays are
 * views on the result, and what is left in JavaScript are short checks. gzip's CRC-32 refuses a damaged
 * or truncated payload; the checks keep a wrong one from sending the matcher off its arrays.
 *
 * What is not sent is rebuilt: the first-character tables are the root's children.
 *
 * Layout of the inflated bytes (little-endian, 32-bit arrays first so every view is aligned):
 *   Int32  patEntity[patterns] patNext[patterns] patExact[patterns] lowerStarts[lowerStarts]
 *   Int32 or Uint16 (`linkBytes`)  nextSibling[nodes] output[nodes]
 *   Uint16 label[nodes] exact[exactChars]
 *   Uint8  hasChild[nodes] patLength[patterns] patFlags[patterns]
 * The two per-node links take 16 bits when every value fits (fewer than 65,536 nodes and patterns, as
 * in the shipped index): they are most of the bytes, and the page widens them with one native copy.
 */
import type { Matcher } from './matcher';
import { CorruptAutomaton, FLAG_BITS, MAX_PATTERN, EXACT, type Trie } from './trie';

export const AUTOMATON_FORMAT = 3;

export interface EncodedAutomaton {
  format: number;
  nodes: number;
  patterns: number;
  exactChars: number;
  /** Root children whose aliases may start lower-case (the lower-case prefilter). */
  lowerStarts: number;
  /** Bytes per `nextSibling` and `output` entry: 2 when every link fits in 16 bits, else 4. */
  linkBytes: 2 | 4;
  /**
   * 'gzip': for data that travels (storage, messages): small, and gzip's CRC-32 refuses damage; rebuilt
   * by DecompressionStream, which takes a few turns of the event loop. 'none': for the bundled data the
   * content script carries in its own code (which nothing can damage apart from the code): about seven
   * times bigger (320 KB of base64 instead of 46 KB for the shipped index), but rebuilt at once by
   * Uint8Array.fromBase64 — a ready matcher in a median 14.5 ms against 25 ms for the gzipped form, in
   * the same minimal extension on this (busy) machine.
   */
  compression: 'gzip' | 'none';
  /** base64 of the (gzipped) arrays. */
  data: string;
}

interface Counts {
  nodes: number;
  patterns: number;
  exactChars: number;
  lowerStarts: number;
  linkBytes: 2 | 4;
}

function byteLength(c: Counts): number {
  return (
    4 * (3 * c.patterns + c.lowerStarts) +
    2 * c.linkBytes * c.nodes +
    2 * (c.nodes + c.exactChars) +
    c.nodes +
    2 * c.patterns
  );
}

type ViewKind = typeof Int32Array | typeof Uint16Array | typeof Uint8Array;

/** Views on the bytes, in the layout above. */
function views(buffer: ArrayBuffer, c: Counts) {
  let at = 0;
  const take = <K extends ViewKind>(Kind: K, n: number): InstanceType<K> => {
    const view = new Kind(buffer, at, n) as InstanceType<K>;
    at += n * Kind.BYTES_PER_ELEMENT;
    return view;
  };
  const Link = c.linkBytes === 2 ? Uint16Array : Int32Array;
  return {
    patEntity: take(Int32Array, c.patterns),
    patNext: take(Int32Array, c.patterns),
    patExact: take(Int32Array, c.patterns),
    lowerStarts: take(Int32Array, c.lowerStarts),
    nextSibling: take(Link, c.nodes),
    output: take(Link, c.nodes),
    label: take(Uint16Array, c.nodes),
    exact: take(Uint16Array, c.exactChars),
    hasChild: take(Uint8Array, c.nodes),
    patLength: take(Uint8Array, c.patterns),
    patFlags: take(Uint8Array, c.patterns),
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// ---- bytes ⇄ base64 ⇄ gzip, with the platform's own code where it has it ------------------------

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

// ---- encode (build step, background) ------------------------------------------------------------

export async function encodeAutomaton(
  matcher: Matcher,
  compression: EncodedAutomaton['compression'] = 'gzip',
): Promise<EncodedAutomaton> {
  if (!LITTLE_ENDIAN) throw new Error('the automaton format is little-endian');
  const t = matcher.trie;
  const lower: number[] = [];
  // Pages do not check every link (see decodeAutomaton): this does, before anything is written.
  for (let n = 0; n < t.nodes; n++) {
    const next = t.nextSibling[n]!;
    const out = t.output[n]!;
    if ((next !== 0 && (next <= n || next >= t.nodes)) || out < 0 || out > t.patterns)
      throw new Error(`the trie has a bad link at node ${n}`);
  }
  for (let c = t.hasChild[0] ? 1 : 0; c !== 0; c = t.nextSibling[c]!)
    if (t.rootLower[t.label[c]!] === c) lower.push(c);
  const counts: Counts = {
    nodes: t.nodes,
    patterns: t.patterns,
    exactChars: t.exact.length,
    lowerStarts: lower.length,
    // Links point at nodes (nextSibling) and at 1 + a pattern (output).
    linkBytes: t.nodes <= 0x10000 && t.patterns < 0x10000 ? 2 : 4,
  };
  const buffer = new ArrayBuffer(byteLength(counts));
  const v = views(buffer, counts);
  v.hasChild.set(t.hasChild.subarray(0, t.nodes));
  v.nextSibling.set(t.nextSibling.subarray(0, t.nodes));
  v.output.set(t.output.subarray(0, t.nodes));
  v.label.set(t.label.subarray(0, t.nodes));
  v.patEntity.set(t.patEntity.subarray(0, t.patterns));
  v.patNext.set(t.patNext.subarray(0, t.patterns));
  v.patExact.set(t.patExact.subarray(0, t.patterns));
  v.patLength.set(t.patLength.subarray(0, t.patterns));
  v.patFlags.set(t.patFlags.subarray(0, t.patterns));
  v.exact.set(t.exact);
  v.lowerStarts.set(lower);
  const bytes =
    compression === 'gzip'
      ? await through(new Uint8Array(buffer), () => new CompressionStream('gzip'))
      : new Uint8Array(buffer);
  return { format: AUTOMATON_FORMAT, ...counts, compression, data: toBase64(bytes) };
}

// ---- decode (every page) ------------------------------------------------------------------------

function widen(links: Int32Array | Uint16Array): Int32Array {
  if (links instanceof Int32Array) return links;
  const wide = new Int32Array(links.length);
  wide.set(links);
  return wide;
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

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
  const { nodes, patterns, exactChars, lowerStarts, linkBytes } = enc;
  if (
    (linkBytes !== 2 && linkBytes !== 4) ||
    !isCount(nodes) ||
    !isCount(patterns) ||
    !isCount(exactChars) ||
    !isCount(lowerStarts) ||
    nodes < 1 ||
    lowerStarts >= 65536
  )
    throw new CorruptAutomaton('bad counts');
  if (!LITTLE_ENDIAN) throw new CorruptAutomaton('this platform is big-endian');
  let bytes: Uint8Array;
  try {
    const data = fromBase64(enc.data);
    bytes =
      enc.compression === 'gzip'
        ? await through(data, () => new DecompressionStream('gzip'))
        : data;
  } catch {
    throw new CorruptAutomaton('damaged data');
  }
  const counts = { nodes, patterns, exactChars, lowerStarts, linkBytes };
  if (bytes.byteLength !== byteLength(counts))
    throw new CorruptAutomaton('counts do not fit the data');
  // A fresh buffer when the bytes do not start one (views must be aligned).
  const buffer =
    bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : bytes.slice().buffer;
  const v = views(buffer, counts);

  // No JavaScript pass over the nodes: on a page such a loop runs cold and cost more than the rest of
  // the decoding together. gzip's CRC-32 makes the bytes exactly the encoder's, and the encoder writes
  // only forward links (it checks); what is checked here is what would run off the arrays.
  const { hasChild, label } = v;
  // The matcher reads 32-bit links (one array type at its hot loop's sites): 16-bit ones are widened by
  // a native copy.
  const nextSibling = widen(v.nextSibling);
  const output = widen(v.output);
  if (hasChild[nodes - 1] !== 0 || nextSibling[0] !== 0 || output[0] !== 0)
    throw new CorruptAutomaton('bad links');
  const rootTable = new Int32Array(65536);
  for (let c = hasChild[0] !== 0 ? 1 : 0, previous = 0; c !== 0; c = nextSibling[c]!) {
    if (c <= previous || c >= nodes) throw new CorruptAutomaton('bad links');
    rootTable[label[c]!] = c;
    previous = c;
  }
  const rootLower = new Int32Array(65536);
  for (const node of v.lowerStarts) {
    if (node <= 0 || node >= nodes || rootTable[label[node]!] !== node)
      throw new CorruptAutomaton('bad lower-case start');
    rootLower[label[node]!] = node;
  }
  const { patEntity, patNext, patExact, patLength, patFlags } = v;
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
    exact: v.exact,
  };
}
