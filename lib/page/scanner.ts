/**
 * Reads a subtree's visible text and reports entity mentions as DOM positions. It only reads the page:
 * no node, attribute or style is ever written here.
 *
 * The walk is a plain firstChild/nextSibling loop (cheaper than a TreeWalker with a JS filter callback)
 * that skips SKIP_TAGS and attribute-skipped subtrees whole, feeds each text node to a MatchStream, and
 * tells the stream where blocks start and end, so "Nayib <b>Bukele</b>" matches but two paragraphs never
 * join. Work can be sliced: `run(deadline)` stops when the deadline passes and resumes where it stopped.
 */
import { MatchStream, type Matcher } from '../match/matcher';
import { standsAlone } from '../match/neighbours';
import { BLOCK_TAGS, OWN_TAGS, SKIP_SELECTOR, SKIP_TAGS } from './skip';

export interface PageMention {
  entityId: string;
  aliasId: number;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** How many nodes to visit between two looks at the clock. */
const CLOCK_EVERY = 256;
/** A text node longer than this is fed in pieces, looking at the clock between them (5 MB nodes exist). */
const PIECE = 1 << 16;

export class SubtreeScan {
  private readonly stream: MatchStream;
  private readonly matcher: Matcher;
  private readonly skipped: Set<Element>;
  /** The current block's text nodes and their offsets in the stream, to map matches back to nodes. */
  private blockNodes: Text[] = [];
  private blockBases: number[] = [];
  /** Matches in the current block, as [start, end, pattern]: decided when the block's text is complete. */
  private blockMatches: number[] = [];
  private offset = 0;
  private node: Node | null;
  private descend = true;
  /** Where to resume inside a long text node. */
  private nodeOffset = 0;
  readonly mentions: PageMention[] = [];
  textNodes = 0;
  textChars = 0;
  done = false;

  constructor(
    private readonly root: Node,
    matcher: Matcher,
  ) {
    this.matcher = matcher;
    this.stream = new MatchStream(matcher, (start, end, pattern) =>
      this.blockMatches.push(start, end, pattern),
    );
    const container = root.nodeType === ELEMENT_NODE ? (root as Element) : null;
    this.skipped = new Set(container ? container.querySelectorAll(SKIP_SELECTOR) : []);
    if (container && container.closest(SKIP_SELECTOR)) this.skipped.add(container);
    this.node = root;
  }

  /** Scans until done or until `deadline` (performance.now() time) passes. Returns true when done. */
  run(deadline = Infinity): boolean {
    let node = this.node;
    const root = this.root;
    let visited = 0;
    while (node) {
      if (++visited === CLOCK_EVERY) {
        visited = 0;
        if (performance.now() > deadline) {
          this.node = node;
          return false;
        }
      }
      let enter = false;
      if (this.descend) {
        const type = node.nodeType;
        if (type === TEXT_NODE) {
          const data = (node as Text).data;
          if (data.length <= PIECE) {
            this.blockNodes.push(node as Text);
            this.blockBases.push(this.offset);
            this.stream.feed(data, this.offset);
            this.offset += data.length;
            this.textNodes++;
            this.textChars += data.length;
          } else if (!this.feedLongText(node as Text, data, deadline)) {
            this.node = node;
            return false;
          }
        } else if (type === ELEMENT_NODE) {
          const name = (node as Element).localName;
          if (!SKIP_TAGS.has(name) && !OWN_TAGS.has(name) && !this.skipped.has(node as Element)) {
            if (BLOCK_TAGS.has(name)) this.endBlock();
            enter = node.firstChild !== null;
          }
        } else if (node.nodeType === 9 || node.nodeType === 11) {
          enter = node.firstChild !== null; // document or shadow root / fragment
        }
      }
      if (enter) {
        node = node.firstChild;
        this.descend = true;
        continue;
      }
      if (node === root) break;
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        this.descend = true;
        continue;
      }
      // Climb out; leaving a block ends it.
      node = node.parentNode;
      this.descend = false;
      if (node === null) break;
      if (node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName))
        this.endBlock();
      if (node === root) break;
    }
    this.endBlock();
    this.node = null;
    this.done = true;
    return true;
  }

  /** Feeds a long text node piece by piece; false when the deadline passed (resume at nodeOffset). */
  private feedLongText(node: Text, data: string, deadline: number): boolean {
    if (this.nodeOffset === 0) {
      this.blockNodes.push(node);
      this.blockBases.push(this.offset);
      this.textNodes++;
      this.textChars += data.length;
    }
    const base = this.blockBases[this.blockBases.length - 1]!;
    while (this.nodeOffset < data.length) {
      if (this.nodeOffset > 0 && performance.now() > deadline) return false;
      const end = Math.min(data.length, this.nodeOffset + PIECE);
      this.stream.feed(data.slice(this.nodeOffset, end), base + this.nodeOffset);
      this.nodeOffset = end;
    }
    this.offset += data.length;
    this.nodeOffset = 0;
    return true;
  }

  private endBlock(): void {
    this.stream.boundary();
    if (this.blockMatches.length !== 0) this.reportBlock();
    this.blockNodes.length = 0;
    this.blockBases.length = 0;
  }

  private reportBlock(): void {
    const found = this.blockMatches;
    this.blockMatches = [];
    for (let i = 0; i < found.length; i += 3) {
      const start = found[i]!;
      const end = found[i + 1]!;
      const pattern = found[i + 2]!;
      if (this.matcher.patterns[pattern]!.standalone) {
        // Only the few words around the match are read, however long the block.
        const before = this.blockText(start - 40, start);
        const after = this.blockText(end, end + 40);
        if (!standsAlone(before, after)) continue;
      }
      const { entityId, aliasId } = this.matcher.patterns[pattern]!.alias;
      const [startNode, startOffset] = this.locate(start, false);
      const [endNode, endOffset] = this.locate(end, true);
      this.mentions.push({ entityId, aliasId, startNode, startOffset, endNode, endOffset });
    }
  }

  /** The current block's text between two stream offsets (clamped to the block). */
  private blockText(from: number, to: number): string {
    const nodes = this.blockNodes;
    const bases = this.blockBases;
    const blockStart = bases[0]!;
    const last = nodes.length - 1;
    const blockEnd = bases[last]! + nodes[last]!.data.length;
    from = Math.max(from, blockStart);
    to = Math.min(to, blockEnd);
    if (from >= to) return '';
    let out = '';
    for (let i = this.indexAt(from, false); i <= last && bases[i]! < to; i++) {
      out += nodes[i]!.data.slice(Math.max(0, from - bases[i]!), to - bases[i]!);
    }
    return out;
  }

  /** Maps a stream offset back to (text node, offset) within the current block. */
  private locate(offset: number, isEnd: boolean): [Text, number] {
    const i = this.indexAt(offset, isEnd);
    return [this.blockNodes[i]!, offset - this.blockBases[i]!];
  }

  /** The index of the block's text node holding `offset`; an end offset at a boundary is the earlier node's. */
  private indexAt(offset: number, isEnd: boolean): number {
    const bases = this.blockBases;
    let lo = 0;
    let hi = bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (isEnd ? bases[mid]! < offset : bases[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Scans a subtree in one go (tests, small subtrees). */
export function scanSubtree(root: Node, matcher: Matcher): PageMention[] {
  const scan = new SubtreeScan(root, matcher);
  scan.run();
  return scan.mentions;
}
