/**
 * Reads a subtree's visible text and reports entity mentions as DOM positions. It only reads the page:
 * no node, attribute or style is ever written here.
 *
 * The walk is a native TreeWalker over text nodes only — the same walk as the cheapest possible read of
 * a page's text — and the text is fed to one MatchStream as it comes. What a scan costs beyond reading
 * the text is finding out, per text node, which block it belongs to and whether it may be read at all
 * (SKIP_TAGS, SKIP_SELECTOR): climbing from its parent element. That is done only where it can change
 * what is found:
 *
 * - between two text nodes, only when the stream says a block boundary there would change its reading
 *   (a name under way, a word that would go on: MatchStream.joinMatters). Elsewhere the nodes are fed
 *   one after the other, whether or not a block or a skipped element lies between them: a quiet stream
 *   reads a boundary and no boundary alike;
 * - for a long text node (scripts and styles in the body hold most of some pages' text), before it is
 *   read, so skipped text that long is never read;
 * - for each match, when it is reported: a match in skipped text is dropped, and the text beside it that
 *   decides whether it stands alone (neighbours.ts) is its own block's, skipped nodes left out.
 *
 * So a name spans text nodes of one block ("Nayib <b>Bukele</b>") but never two blocks, and skipped
 * text neither holds a mention nor joins or parts the text around it, as if it were not there. Blank
 * text nodes (70–85 % of a real page's) are only recorded while the stream is quiet. Work can be sliced:
 * `run(deadline)` stops when the deadline passes and resumes where it stopped.
 */
import { charClass, classBefore, classFrom, IGNORED, WORD } from '../match/chars';
import { MatchStream, type Matcher } from '../match/matcher';
import { isJoiner, NEIGHBOUR_CHARS, readsAfter, readsBefore } from '../match/neighbours';
import { SKIP_SELECTOR, TAG_BLOCK, TAG_KIND, TAG_SKIP } from './skip';

export interface PageMention {
  entityId: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

const SHOW_TEXT = 4;
const TEXT_NODE = 3;
/** How many text nodes to read between two looks at the clock. */
const CLOCK_EVERY = 128;
/** A text node longer than this is fed in pieces, looking at the clock between them (5 MB nodes exist). */
const PIECE = 1 << 16;
/** A text node longer than this is looked up before it is read: skipped, it is not read at all. */
const LONG_TEXT = 256;
/**
 * Recorded text nodes kept before the earliest match still waiting for its neighbouring text; also how
 * many past a match its neighbouring text is looked for in (past that, the text found is all there is).
 */
const KEEP_NODES = 64;
/** The record of text nodes is cut back to KEEP_NODES when it grows past this. */
const MAX_NODES = 512;
/** Marks skipped text (its element or an ancestor is skipped): never holds a mention. */
const SKIPPED = false;
/** charAfter: the text after a match is not read yet. */
const NOT_READ = -1;
/** A text node's block: an element, a shadow root or fragment (text right under it), or SKIPPED. */
type Block = Node | typeof SKIPPED | null;

export class SubtreeScan {
  private readonly stream: MatchStream;
  private readonly matcher: Matcher;
  /** Element → the block its text belongs to, or SKIPPED (filled as elements are looked up). */
  private readonly blockOf = new Map<Element, Element | typeof SKIPPED>();
  private readonly chain: Element[] = [];
  private readonly walker: TreeWalker | null;
  /**
   * The text nodes recorded (fed, or blank and passed while the stream was quiet), their offsets in the
   * stream and, once looked up, their blocks (undefined: not yet). The first `count` entries are in use;
   * the arrays are reused, not emptied (growing them again was steady garbage in profiles).
   */
  private readonly nodes: Text[] = [];
  private readonly bases: number[] = [];
  private readonly blocks: Array<Block | undefined> = [];
  private count = 0;
  /** Matches not yet reported, as [start, end, pattern] from `foundHead` to `foundLength`. */
  private readonly found: number[] = [];
  private foundHead = 0;
  private foundLength = 0;
  private offset = 0;
  /** The last element blockOfText looked up, and its answer. */
  private lastParent: Element | null = null;
  private lastParentBlock: Block = null;
  /** What textAfter found before the recorded text ran out. */
  private afterText = '';
  /** A text node whose reading was interrupted by the deadline (long texts are read in pieces). */
  private resumeNode: Text | null = null;
  /** Where to resume inside a long text node. */
  private nodeOffset = 0;
  readonly mentions: PageMention[] = [];
  textNodes = 0;
  textChars = 0;
  done = false;

  constructor(root: Node, matcher: Matcher) {
    this.matcher = matcher;
    this.stream = new MatchStream(matcher, (start, end, pattern) => {
      const at = this.foundLength;
      this.found[at] = start;
      this.found[at + 1] = end;
      this.found[at + 2] = pattern;
      this.foundLength = at + 3;
    });
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = root.nodeType === TEXT_NODE ? null : doc.createTreeWalker(root, SHOW_TEXT);
    if (root.nodeType === TEXT_NODE) this.resumeNode = root as Text;
  }

  /** Scans until done or until `deadline` (performance.now() time) passes. Returns true when done. */
  run(deadline = Infinity): boolean {
    if (this.done) return true;
    const walker = this.walker;
    const stream = this.stream;
    let clock = 0;
    let node: Text | null = this.resumeNode ?? (walker ? (walker.nextNode() as Text | null) : null);
    this.resumeNode = null;
    while (node) {
      if (++clock === CLOCK_EVERY) {
        clock = 0;
        if (performance.now() > deadline) {
          this.resumeNode = node;
          return false;
        }
      }
      if (this.nodeOffset !== 0) {
        // A long text node cut by the deadline: already recorded, read on.
        if (!this.feedLongText(node, deadline)) {
          this.resumeNode = node;
          return false;
        }
        node = walker ? (walker.nextNode() as Text | null) : null;
        continue;
      }
      const data = node.data;
      const length = data.length;
      const first = data.charCodeAt(0);
      if (length === 0) {
        node = walker ? (walker.nextNode() as Text | null) : null;
        continue;
      }
      if (isSpace(first) && stream.quiet) {
        // Blank (only spaces, tabs and line breaks) while nothing is under way: it changes no match, so it
        // is only recorded, as text beside a match. (The loop is written out: this runs for most nodes.)
        let i = 1;
        while (i < length && isSpace(data.charCodeAt(i))) i++;
        if (i >= length) {
          this.record(node, length, undefined);
          this.offset += length;
          node = walker ? (walker.nextNode() as Text | null) : null;
          continue;
        }
      }
      let block: Block | undefined = undefined;
      if (length > LONG_TEXT) {
        block = this.blockOfText(node);
        if (block === SKIPPED) {
          node = walker ? (walker.nextNode() as Text | null) : null;
          continue;
        }
      }
      if (this.count !== 0 && stream.joinMatters(first)) {
        // Whether this text goes on from the last: same block, neither skipped.
        block ??= this.blockOfText(node);
        if (block === SKIPPED) {
          node = walker ? (walker.nextNode() as Text | null) : null;
          continue;
        }
        // Also when the last was skipped text, read while nothing hung on it: what it started is ended
        // (and a word it seemed to end is checked when a match is reported).
        if (this.blockAt(this.count - 1) !== block) stream.boundary();
      }
      this.record(node, length, block);
      if (length <= PIECE) {
        stream.feed(data, this.offset);
        this.offset += length;
      } else if (!this.feedLongText(node, deadline)) {
        this.resumeNode = node;
        return false;
      }
      if (this.foundLength !== 0) this.reportFound(false);
      node = walker ? (walker.nextNode() as Text | null) : null;
    }
    stream.boundary();
    this.reportFound(true);
    // The reused arrays still hold nodes of the page: a finished scan keeps none.
    this.nodes.length = 0;
    this.blocks.length = 0;
    this.chain.length = 0;
    this.lastParent = null;
    this.count = 0;
    this.done = true;
    return true;
  }

  /** Appends a text node to the record (cut back first when it is long). */
  private record(node: Text, length: number, block: Block | undefined): void {
    if (this.count >= MAX_NODES) this.cutRecord();
    const n = this.count++;
    this.nodes[n] = node;
    this.bases[n] = this.offset;
    this.blocks[n] = block;
    this.textNodes++;
    this.textChars += length;
  }

  /** Forgets recorded nodes no waiting match can need (keeping KEEP_NODES before the earliest). */
  private cutRecord(): void {
    let keepFrom = this.count - KEEP_NODES;
    if (this.foundHead < this.foundLength)
      keepFrom = Math.min(keepFrom, this.indexAt(this.found[this.foundHead]!, false) - KEEP_NODES);
    if (keepFrom <= 0) return;
    this.nodes.copyWithin(0, keepFrom, this.count);
    this.bases.copyWithin(0, keepFrom, this.count);
    this.blocks.copyWithin(0, keepFrom, this.count);
    this.count -= keepFrom;
  }

  /** Feeds a long text node piece by piece; false when the deadline passed (resume at nodeOffset). */
  private feedLongText(node: Text, deadline: number): boolean {
    const data = node.data;
    const base = this.bases[this.count - 1]!;
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

  /**
   * Reports the waiting matches whose neighbouring text has been read (NEIGHBOUR_CHARS recorded after
   * them), or all of them when the scan is over (`final`).
   */
  private reportFound(final: boolean): void {
    const found = this.found;
    let head = this.foundHead;
    while (head < this.foundLength) {
      const end = found[head + 1]!;
      // Cheap first: not even NEIGHBOUR_CHARS recorded after it, so its block's may still come.
      if (!final && this.offset < end + NEIGHBOUR_CHARS) break;
      if (!this.report(found[head]!, end, found[head + 2]!, final)) break;
      head += 3;
    }
    if (head === this.foundLength) this.foundLength = head = 0;
    this.foundHead = head;
  }

  /**
   * Decides one match and adds it to the mentions if it is one. False, deciding nothing, while the text
   * after it in its block may not all be read yet (never when `final`: the scan is over). The characters
   * right beside the match decide which text around it must be read (this runs for every match).
   */
  private report(start: number, end: number, pattern: number, final: boolean): boolean {
    const first = this.indexAt(start, false);
    const last = this.indexAt(end, true);
    const block = this.blockAt(first);
    if (block === SKIPPED) return true;
    const startNode = this.nodes[first]!;
    const startOffset = start - this.bases[first]!;
    const endNode = this.nodes[last]!;
    const endOffset = end - this.bases[last]!;
    // Text changed under a sliced scan no longer fits what was read: the change is scanned again.
    if (endOffset > endNode.data.length) return true;
    let next = this.charAfter(last, end, block);
    if (next === NOT_READ) {
      if (!final) return false;
      next = NaN;
    }
    const previous = this.charBefore(first, start, block);
    const previousClass = classOf(previous);
    const nextClass = classOf(next);
    // Invisible characters beside the match: the text decides, read past them.
    const invisible = previousClass === IGNORED || nextClass === IGNORED;
    const standalone = this.matcher.isStandalone(pattern);
    const before =
      invisible || isJoiner(previous) || (standalone && readsBefore(previous))
        ? this.textBefore(first, start, block)
        : '';
    let after = '';
    if (invisible || isJoiner(next) || (standalone && readsAfter(next))) {
      const text = this.textAfter(last, end, block);
      if (text === null && !final) return false;
      after = text ?? this.afterText;
    }
    // The stream reads skipped text where nothing hangs on it (see run), so a word that goes on across
    // skipped text ("foo<span hidden>.</span>Trump") is only seen here, in the block's own text.
    const startsWord = charClass(startNode.data.charCodeAt(startOffset)) === WORD;
    const endsInWord = this.matcher.endsInWord(pattern);
    if (
      invisible
        ? (startsWord && classBefore(before, before.length, -1) === WORD) ||
          (endsInWord && classFrom(after, 0, -1) === WORD)
        : (startsWord && previousClass === WORD) || (endsInWord && nextClass === WORD)
    )
      return true;
    if (!this.matcher.acceptsBeside(pattern, before, after)) return true;
    this.mentions.push({
      entityId: this.matcher.entityOf(pattern),
      startNode,
      startOffset,
      endNode,
      endOffset,
    });
    return true;
  }

  /** The block's character right before `offset` (in recorded node `i`), skipped text left out; NaN: none. */
  private charBefore(i: number, offset: number, block: Block): number {
    if (offset > this.bases[i]!) return this.nodes[i]!.data.charCodeAt(offset - this.bases[i]! - 1);
    for (let k = i - 1; k >= 0; k--) {
      const b = this.blockAt(k);
      if (b === SKIPPED) continue;
      if (b !== block) break;
      const data = this.nodes[k]!.data;
      if (data.length !== 0) return data.charCodeAt(data.length - 1);
    }
    return NaN;
  }

  /**
   * The block's character right after `offset` (in recorded node `i`), skipped text left out; NaN when
   * the block ends there, NOT_READ when what follows is not read yet.
   */
  private charAfter(i: number, offset: number, block: Block): number {
    const data = this.nodes[i]!.data;
    const from = offset - this.bases[i]!;
    if (from < data.length) return data.charCodeAt(from);
    // Bounded as in textAfter: past KEEP_NODES recorded nodes, the block is taken to end.
    const stop = Math.min(this.count, i + KEEP_NODES + 1);
    for (let k = i + 1; k < stop; k++) {
      const b = this.blockAt(k);
      if (b === SKIPPED) continue;
      if (b !== block) return NaN;
      const next = this.nodes[k]!.data;
      if (next.length !== 0) return next.charCodeAt(0);
    }
    // Not read yet only while the bound lies past what is recorded, where textAfter also answers null.
    return this.count <= i + KEEP_NODES ? NOT_READ : NaN;
  }

  /** Up to NEIGHBOUR_CHARS of the block's text before `offset` (in recorded node `i`), skipped text left out. */
  private textBefore(i: number, offset: number, block: Block): string {
    const nodes = this.nodes;
    let out = nodes[i]!.data.slice(
      Math.max(0, offset - this.bases[i]! - NEIGHBOUR_CHARS),
      offset - this.bases[i]!,
    );
    for (let k = i - 1; k >= 0 && out.length < NEIGHBOUR_CHARS; k--) {
      const b = this.blockAt(k);
      if (b === SKIPPED) continue;
      if (b !== block) break;
      const data = nodes[k]!.data;
      out = data.slice(Math.max(0, data.length - (NEIGHBOUR_CHARS - out.length))) + out;
    }
    return out;
  }

  /**
   * Up to NEIGHBOUR_CHARS of the block's text after `offset` (in recorded node `i`), skipped text left
   * out; null when the recorded text ran out first (more of the block may come), the part found then
   * being left in `afterText`.
   */
  private textAfter(i: number, offset: number, block: Block): string | null {
    const nodes = this.nodes;
    const from = offset - this.bases[i]!;
    let out = nodes[i]!.data.slice(from, from + NEIGHBOUR_CHARS);
    // Bounded: past KEEP_NODES recorded nodes (skipped ones, read unchecked) what was found is the text
    // after, so a waiting match is not walked over again and again.
    const stop = i + KEEP_NODES;
    for (let k = i + 1; out.length < NEIGHBOUR_CHARS && k <= stop; k++) {
      if (k === this.count) {
        this.afterText = out;
        return null;
      }
      const b = this.blockAt(k);
      if (b === SKIPPED) continue;
      if (b !== block) break;
      out += nodes[k]!.data.slice(0, NEIGHBOUR_CHARS - out.length);
    }
    return out;
  }

  /** The block of recorded node `k`, looked up once. */
  private blockAt(k: number): Block {
    let block = this.blocks[k];
    if (block === undefined) this.blocks[k] = block = this.blockOfText(this.nodes[k]!);
    return block;
  }

  /** A text node's block, or SKIPPED. Text right under a shadow root or fragment has that as its block. */
  private blockOfText(node: Text): Block {
    const parent = node.parentElement;
    if (parent === null) return node.parentNode;
    // Neighbouring text nodes often share their parent.
    if (parent !== this.lastParent) {
      this.lastParent = parent;
      this.lastParentBlock = this.classify(parent);
    }
    return this.lastParentBlock;
  }

  /**
   * The block an element's text belongs to, or SKIPPED. Memoised; computed without recursion (trees can
   * be 10,000 deep) by climbing to the nearest known ancestor, then resolving back down. Elements above
   * the root count too: a scan of a changed subtree inside a skipped one finds nothing.
   */
  private classify(el: Element): Element | typeof SKIPPED {
    const known = this.blockOf.get(el);
    if (known !== undefined) return known;
    // One array for every climb, reused: filled to `depth`, never emptied (that would drop its storage)
    // until the scan is over.
    const chain = this.chain;
    let depth = 0;
    let e: Element | null = el;
    let above: Element | typeof SKIPPED | undefined;
    while (e) {
      above = this.blockOf.get(e);
      if (above !== undefined) break;
      chain[depth++] = e;
      e = e.parentElement;
    }
    // Above the top of the page everything is one block.
    let result: Element | typeof SKIPPED = above === undefined ? chain[depth - 1]! : above;
    for (let i = depth - 1; i >= 0; i--) {
      const c = chain[i]!;
      if (result !== SKIPPED) {
        const kind = TAG_KIND.get(c.localName);
        if (kind === TAG_SKIP || c.matches(SKIP_SELECTOR)) result = SKIPPED;
        else if (kind === TAG_BLOCK) result = c;
      }
      this.blockOf.set(c, result);
    }
    return result;
  }

  /** The index of the recorded node holding `offset`; an end offset at a boundary is the earlier node's. */
  private indexAt(offset: number, isEnd: boolean): number {
    const bases = this.bases;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (isEnd ? bases[mid]! < offset : bases[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** A character's class (chars.ts), or -1 for none (NaN). */
function classOf(code: number): number {
  return code === code ? charClass(code) : -1;
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
