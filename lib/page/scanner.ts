/**
 * Reads a subtree's visible text and reports entity mentions as DOM positions. It only reads the page:
 * no node, attribute or style is ever written here.
 *
 * The walk is a native TreeWalker over text nodes only — the same walk as the cheapest possible read of
 * a page's text. Whether a text node may be read, and which block it belongs to, is decided from its
 * parent element: skipped when it or an ancestor is in SKIP_TAGS or matches SKIP_SELECTOR; its block is
 * the nearest BLOCK_TAGS ancestor. Per-element work is what a scan costs beyond reading the text, so it
 * is kept small: the last two parents' answers are reused (text alternates between a block and its inline
 * children), inline elements are climbed with one tag lookup each, and only blocks are memoised. Blank
 * text nodes (70–85 % of a real page's) are set aside unexamined while no name is under way, and only
 * placed in their blocks when that could matter (see run). Consecutive text nodes of one block are fed to one MatchStream, so
 * "Nayib <b>Bukele</b>" matches but two paragraphs never join. Work can be sliced: `run(deadline)` stops
 * when the deadline passes and resumes where it stopped.
 */
import { MatchStream, type Matcher } from '../match/matcher';
import {
  HYPHEN_CHARS,
  hyphenatedIntoWord,
  isHyphen,
  NEIGHBOUR_CHARS,
  readsAfter,
  readsBefore,
  standsAlone,
} from '../match/neighbours';
import { SKIP_SELECTOR, TAG_BLOCK, TAG_KIND, TAG_SKIP } from './skip';

export interface PageMention {
  entityId: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;
const SHOW_TEXT = 4;
/** How many text nodes to read between two looks at the clock. */
const CLOCK_EVERY = 128;
/** A text node longer than this is fed in pieces, looking at the clock between them (5 MB nodes exist). */
const PIECE = 1 << 16;
/** Marks a skipped element in the memo (its text is never read). */
const SKIPPED = false;

export class SubtreeScan {
  private readonly stream: MatchStream;
  private readonly matcher: Matcher;
  /** Elements inside the root that match SKIP_SELECTOR (one native query per scan). */
  private readonly skipped: Set<Element>;
  /** Element → the block its text belongs to, or SKIPPED. */
  private readonly blockOf = new Map<Element, Element | false>();
  private readonly chain: Element[] = [];
  private readonly walker: TreeWalker | null;
  private currentBlock: Node | null = null;
  /** Text nodes read so far and their offsets in the stream, to map matches back to nodes. */
  private readonly blockNodes: Text[] = [];
  private readonly blockBases: number[] = [];
  /**
   * How many of blockNodes belong to the current block. The arrays are reused from block to block, not
   * emptied: emptying an array drops its storage, and growing it again was steady garbage in profiles.
   */
  private blockCount = 0;
  /** Matches in the current block, as [start, end, pattern]: decided when the block's text is complete. */
  private blockMatches: number[] = [];
  private offset = 0;
  /** An element known to be neither skipped nor inside a skipped one (a readable block's parent). */
  private readableParent: Element | null = null;
  /**
   * Blank text nodes met while the stream was quiet, not yet placed in a block (see run): the first
   * blankCount of this array (reused, like blockNodes).
   */
  private readonly blanks: Text[] = [];
  private blankCount = 0;
  private blankChars = 0;
  /** A text node whose reading was interrupted by the deadline (long texts are read in pieces). */
  private resumeNode: Text | null = null;
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
    this.skipped = new Set(skippedElements(root));
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = root.nodeType === TEXT_NODE ? null : doc.createTreeWalker(root, SHOW_TEXT);
    if (root.nodeType === TEXT_NODE) this.resumeNode = root as Text;
  }

  /** Scans until done or until `deadline` (performance.now() time) passes. Returns true when done. */
  run(deadline = Infinity): boolean {
    if (this.done) return true;
    const walker = this.walker;
    let count = 0;
    // The last two parents and their blocks: text usually alternates between a block and its inline
    // children ("a <a>b</a> c <b>d</b> e"), so the block's answer is at hand for the next inline child.
    // `undefined` until known: `null` is a real parent element (text right under a fragment).
    let lastParent: Node | null | undefined = undefined;
    let lastBlock: Node | false | null = null;
    let otherParent: Node | null | undefined = undefined;
    let otherBlock: Node | false | null = null;
    let node: Text | null = this.resumeNode ?? (walker ? (walker.nextNode() as Text | null) : null);
    this.resumeNode = null;
    while (node) {
      if (++count === CLOCK_EVERY) {
        count = 0;
        if (performance.now() > deadline) {
          this.settleBlanks();
          this.resumeNode = node;
          return false;
        }
      }
      // Most text nodes of a page are the blanks between tags. While the stream is quiet a blank one
      // cannot change a match: it is set aside without looking at its parent (see settleBlanks).
      const data = node.data;
      const length = data.length;
      if (
        (length === 0 || isSpace(data.charCodeAt(0))) &&
        (this.blankCount !== 0 || (this.nodeOffset === 0 && this.stream.quiet))
      ) {
        // Blank: only spaces, tabs and line breaks (the loop is written out here: this runs for most nodes).
        let i = 1;
        while (i < length && isSpace(data.charCodeAt(i))) i++;
        if (i >= length) {
          this.blanks[this.blankCount++] = node;
          this.blankChars += length;
          node = walker ? (walker.nextNode() as Text | null) : null;
          continue;
        }
      }
      const parent = node.parentElement;
      // Neighbouring text nodes usually share a parent: nothing to decide then.
      if (parent !== lastParent) {
        const swapParent: Node | null | undefined = lastParent;
        const swapBlock: Node | false | null = lastBlock;
        if (parent === otherParent) {
          lastBlock = otherBlock;
        } else if (parent === null) {
          // Text right under a document fragment or shadow root (no parent element) is its own block.
          lastBlock = node.parentNode;
        } else {
          lastBlock = this.blockOfParent(parent, lastParent, lastBlock, otherParent, otherBlock);
        }
        lastParent = parent;
        otherParent = swapParent;
        otherBlock = swapBlock;
      }
      const block = lastBlock;
      if (block !== SKIPPED) {
        if (this.blankCount !== 0) {
          // Blanks before text of another block only ever sat at the edge of a block, where whitespace
          // changes no decision (neighbours.ts reads runs of whitespace as one): they are dropped. Before
          // text of the same block they may have been in another block or skipped, which ends or does
          // not end the block: they are read exactly, as if in place.
          if (block === this.currentBlock) this.settleBlanks();
          else this.dropBlanks();
        }
        if (block !== this.currentBlock) {
          this.endBlock();
          this.currentBlock = block;
        }
        if (length <= PIECE) {
          this.recordTextNode(node, length);
          this.stream.feed(data, this.offset);
          this.offset += length;
        } else if (!this.feedLongText(node, data, deadline)) {
          this.resumeNode = node;
          return false;
        }
      }
      node = walker ? (walker.nextNode() as Text | null) : null;
    }
    this.settleBlanks();
    this.endBlock();
    // The reused arrays still hold nodes of the page: a finished scan keeps none.
    this.blockNodes.length = 0;
    this.blanks.length = 0;
    this.done = true;
    return true;
  }

  /** Reads the set-aside blank text nodes as the walk would have: block by block, skipped ones left out. */
  private settleBlanks(): void {
    const blanks = this.blanks;
    for (let i = 0; i < this.blankCount; i++) {
      const node = blanks[i]!;
      const parent = node.parentElement;
      const block =
        parent === null
          ? node.parentNode
          : this.blockOfParent(parent, undefined, null, undefined, null);
      if (block === SKIPPED) continue;
      if (block !== this.currentBlock) {
        this.endBlock();
        this.currentBlock = block;
      }
      // Not fed: the stream is quiet, so separators change nothing in it.
      const length = node.data.length;
      this.recordTextNode(node, length);
      this.offset += length;
    }
    this.blankCount = 0;
    this.blankChars = 0;
  }

  /** Forgets the set-aside blanks (read, so counted). */
  private dropBlanks(): void {
    this.textNodes += this.blankCount;
    this.textChars += this.blankChars;
    this.blankCount = 0;
    this.blankChars = 0;
  }

  /**
   * The block of a text node's parent element, or SKIPPED. Climbs the inline elements up to the nearest
   * block or to one of the two last parents (whose answers are at hand); nothing is memoised for inline
   * elements, so most text nodes cost a tag lookup or two. Only a block's own answer (is it or anything
   * above it skipped?) is memoised, and the root and above it take the general path.
   */
  private blockOfParent(
    el: Element,
    knownA: Node | null | undefined,
    blockA: Node | false | null,
    knownB: Node | null | undefined,
    blockB: Node | false | null,
  ): Node | false | null {
    const root = this.root;
    const hasSkipped = this.skipped.size !== 0;
    for (let e = el; ;) {
      if (e === knownA) return blockA;
      if (e === knownB) return blockB;
      if (e === root) return this.classify(el);
      const kind = TAG_KIND.get(e.localName);
      if (kind === TAG_SKIP || (hasSkipped && this.skipped.has(e))) return SKIPPED;
      if (kind === TAG_BLOCK) {
        if (e === this.currentBlock) return e;
        // A block right inside an element whose answer is at hand needs no memo either.
        const up = e.parentElement;
        if (up !== null) {
          // Neighbouring blocks usually share their parent (the items of a list, the paragraphs of an
          // article): the last readable block's parent is known to be readable.
          if (up === this.currentBlock || up === this.readableParent) return e;
          if (up === knownA) return blockA === SKIPPED ? SKIPPED : e;
          if (up === knownB) return blockB === SKIPPED ? SKIPPED : e;
        }
        const block = this.classify(e);
        if (block !== SKIPPED) this.readableParent = up;
        return block;
      }
      const up = e.parentElement;
      // Above the top of the page everything is one block (the general path knows the details).
      if (up === null) return this.classify(el);
      e = up;
    }
  }

  /**
   * The block an element's text belongs to, or SKIPPED. Memoised; computed without recursion (trees can
   * be 10,000 deep) by climbing to the nearest known ancestor, then resolving back down.
   */
  private classify(el: Element): Element | false {
    const known = this.blockOf.get(el);
    if (known !== undefined) return known;
    // One array for every climb: classify runs once per element, and allocating here showed in profiles.
    const chain = this.chain;
    chain.length = 0;
    /** How many elements of the chain lie strictly inside the root (the rest: the root and above it). */
    let inside = -1;
    let e: Element | null = el;
    let above: Element | false | undefined;
    while (e) {
      above = this.blockOf.get(e);
      if (above !== undefined) break;
      if (e === this.root) inside = chain.length;
      chain.push(e);
      e = e.parentElement;
    }
    // Not met: either a memoised ancestor stopped the climb below the root, or the root is a document.
    if (inside < 0)
      inside = above === undefined && this.root.nodeType === ELEMENT_NODE ? 0 : chain.length;
    // Above the top of the page everything is one block.
    let result: Element | false = above === undefined ? chain[chain.length - 1]! : above;
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i]!;
      if (result !== SKIPPED) {
        const kind = TAG_KIND.get(c.localName);
        // Elements inside the root were found by the one query; the few at or above it are asked directly.
        if (kind === TAG_SKIP || (i < inside ? this.skipped.has(c) : c.matches(SKIP_SELECTOR)))
          result = SKIPPED;
        else if (kind === TAG_BLOCK) result = c;
      }
      this.blockOf.set(c, result);
    }
    return result;
  }

  /** Remembers where a text node starts in the stream, to map matches back to it. */
  private recordTextNode(node: Text, length: number): void {
    const n = this.blockCount++;
    this.blockNodes[n] = node;
    this.blockBases[n] = this.offset;
    this.textNodes++;
    this.textChars += length;
  }

  /** Feeds a long text node piece by piece; false when the deadline passed (resume at nodeOffset). */
  private feedLongText(node: Text, data: string, deadline: number): boolean {
    if (this.nodeOffset === 0) this.recordTextNode(node, data.length);
    const base = this.blockBases[this.blockCount - 1]!;
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
    this.blockCount = 0;
  }

  private reportBlock(): void {
    const found = this.blockMatches;
    this.blockMatches = [];
    for (let i = 0; i < found.length; i += 3) {
      const start = found[i]!;
      const end = found[i + 1]!;
      const pattern = found[i + 2]!;
      // One character each side first; text is read only where those characters say it can matter
      // (a hot path: this runs for every match).
      const previous = this.blockCharCode(start - 1);
      const next = this.blockCharCode(end);
      if (
        (isHyphen(next) || isHyphen(previous)) &&
        hyphenatedIntoWord(
          this.blockText(start - HYPHEN_CHARS, start),
          this.blockText(end, end + 2),
        )
      )
        continue;
      if (this.matcher.isStandalone(pattern)) {
        // Only the few words around the match are read, however long the block.
        const before = readsBefore(previous) ? this.blockText(start - NEIGHBOUR_CHARS, start) : '';
        const after = readsAfter(next) ? this.blockText(end, end + NEIGHBOUR_CHARS) : '';
        if (!standsAlone(before, after)) continue;
      }
      const entityId = this.matcher.entityOf(pattern);
      const first = this.indexAt(start, false);
      const last = this.indexAt(end, true);
      this.mentions.push({
        entityId,
        startNode: this.blockNodes[first]!,
        startOffset: start - this.blockBases[first]!,
        endNode: this.blockNodes[last]!,
        endOffset: end - this.blockBases[last]!,
      });
    }
  }

  /** The current block's character at a stream offset, or NaN outside the block (as ''.charCodeAt(0)). */
  private blockCharCode(offset: number): number {
    const last = this.blockCount - 1;
    const bases = this.blockBases;
    if (offset < bases[0]! || offset >= bases[last]! + this.blockNodes[last]!.data.length)
      return NaN;
    const i = this.indexAt(offset, false);
    return this.blockNodes[i]!.data.charCodeAt(offset - bases[i]!);
  }

  /** The current block's text between two stream offsets (clamped to the block). */
  private blockText(from: number, to: number): string {
    const nodes = this.blockNodes;
    const bases = this.blockBases;
    const blockStart = bases[0]!;
    const last = this.blockCount - 1;
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

  /** The index of the block's text node holding `offset`; an end offset at a boundary is the earlier node's. */
  private indexAt(offset: number, isEnd: boolean): number {
    const bases = this.blockBases;
    let lo = 0;
    let hi = this.blockCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (isEnd ? bases[mid]! < offset : bases[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * The elements whose skip attribute the scan must know: those under the root (an element, a document or a
 * shadow root: one native query), or, for a text node, its ancestors, every one of them being at or above
 * the root (so for any other node too). Ancestors of an element root are asked directly, see classify.
 */
function skippedElements(root: Node): Iterable<Element> {
  const type = root.nodeType;
  if (type === ELEMENT_NODE || type === DOCUMENT_NODE || type === FRAGMENT_NODE)
    return (root as ParentNode).querySelectorAll(SKIP_SELECTOR);
  const found: Element[] = [];
  for (let e = root.parentElement; e; e = e.parentElement)
    if (e.matches(SKIP_SELECTOR)) found.push(e);
  return found;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** Scans a subtree in one go (tests, small subtrees). */
export function scanSubtree(root: Node, matcher: Matcher): PageMention[] {
  const scan = new SubtreeScan(root, matcher);
  scan.run();
  return scan.mentions;
}
