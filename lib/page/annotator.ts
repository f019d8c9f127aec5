/**
 * Keeps a document's mentions found and painted while the page changes.
 *
 * - The first scan and every rescan run in slices of at most `budgetMs` (8 ms) on idle callbacks.
 * - The MutationObserver callback does no work: it only queues records (uBlock Origin's domWatcher
 *   pattern). A later flush turns them into the nearest enclosing blocks and rescans only those.
 * - Under a mutation storm flushes back off: the pause after a flush is at least 20× the time it took,
 *   so the extension's share of the main thread stays under 5 %.
 * - `stop()` leaves nothing behind: observer disconnected, timers cancelled, highlights removed.
 */
import type { Matcher } from '../match/matcher';
import type { Painter } from './highlights';
import { SubtreeScan, type PageMention } from './scanner';
import { BLOCK_TAGS, isInSkippedSubtree, OWN_TAGS } from './skip';

export interface AnnotatedMention extends PageMention {
  range: AbstractRange;
  /** Painted and hoverable; an unmarked mention (a muted entity) is still found and listed. */
  marked: boolean;
}

/** Which mentions are painted and hoverable (e.g. not those of entities the reader muted). */
export type MarkFilter = (entityId: string) => boolean;

export interface AnnotatorOptions {
  matcher: Matcher;
  painter: Painter;
  /** Longest slice of work before yielding to the page, in ms. */
  budgetMs?: number;
  /** Called after the set of mentions changed (e.g. to update the badge). */
  onChange?: () => void;
  /** Which entities are marked; all of them by default. */
  isMarked?: MarkFilter;
  /** Mark only each entity's first mention in document order (default: every mention). */
  firstOnly?: boolean;
  /** How long the content script took from its start to a ready matcher (reported in the stats). */
  setupMs?: number;
  /** … and to the start of marking: the matcher and the settings (reported in the stats). */
  startMs?: number;
}

export interface ScanStats {
  textNodes: number;
  textChars: number;
  scanMs: number;
  slices: number;
  /** From the content script's start to a ready matcher, transport included. */
  setupMs: number;
  /** From the content script's start to the start of the scan (the settings read included). */
  startMs: number;
}

const MIN_FLUSH_GAP_MS = 50;
const BACKOFF_FACTOR = 20;

type IdleHandle = { cancel(): void };

function whenIdle(callback: () => void): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 200 });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(callback, 0);
  return { cancel: () => clearTimeout(id) };
}

export class PageAnnotator {
  private matcher: Matcher;
  private isMarked: MarkFilter;
  private firstOnly: boolean;
  /** With `firstOnly`: the one marked mention of each entity. */
  private readonly markedOf = new Map<string, AnnotatedMention>();
  private readonly painter: Painter;
  private readonly budgetMs: number;
  private readonly onChange: () => void;
  private readonly byNode = new Map<Text, AnnotatedMention[]>();
  /** The text nodes each mention was indexed under in byNode (the DOM may change before it is removed). */
  private readonly nodesOf = new WeakMap<AnnotatedMention, Text[]>();
  /** In the order painted (the fallback painter must be undone in reverse of it). */
  private all: AnnotatedMention[] = [];
  private ordered: AnnotatedMention[] | null = [];
  private observer: MutationObserver | null = null;
  private queue: MutationRecord[] = [];
  private scans: SubtreeScan[] = [];
  private pendingRoots = new Set<Node>();
  private idle: IdleHandle | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextFlushAt = 0;
  private stopped = false;
  readonly stats: ScanStats = {
    textNodes: 0,
    textChars: 0,
    scanMs: 0,
    slices: 0,
    setupMs: 0,
    startMs: 0,
  };

  constructor(
    private readonly doc: Document,
    options: AnnotatorOptions,
  ) {
    this.matcher = options.matcher;
    this.isMarked = options.isMarked ?? (() => true);
    this.firstOnly = options.firstOnly ?? false;
    this.painter = options.painter;
    this.budgetMs = options.budgetMs ?? 8;
    this.onChange = options.onChange ?? (() => {});
    this.stats.setupMs = options.setupMs ?? 0;
    this.stats.startMs = options.startMs ?? 0;
  }

  start(): void {
    this.observer = new MutationObserver((records) => {
      // Queue only; all work happens later, off the mutation path.
      for (const r of records) this.queue.push(r);
      this.schedule();
    });
    this.observer.observe(this.doc, { childList: true, subtree: true, characterData: true });
    this.pendingRoots.add(this.doc.body ?? this.doc.documentElement);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.idle?.cancel();
    if (this.timer !== null) clearTimeout(this.timer);
    this.queue = [];
    this.scans = [];
    this.pendingRoots.clear();
    for (const m of [...this.all].reverse()) if (m.marked) this.painter.remove(m, m.range);
    this.painter.clear();
    this.all = [];
    this.ordered = [];
    this.byNode.clear();
    this.markedOf.clear();
  }

  /** True while a scan or queued mutations are still waiting to be processed. */
  get busy(): boolean {
    return this.scans.length > 0 || this.queue.length > 0 || this.pendingRoots.size > 0;
  }

  /** Replaces the matcher and rescans everything. */
  setMatcher(matcher: Matcher): void {
    this.matcher = matcher;
    this.rescanAll();
  }

  /**
   * Changes which mentions are marked (muting, first mention only): a filter on what was found, not a new
   * matcher. Repaints everything.
   */
  setMarkFilter(isMarked: MarkFilter, firstOnly = this.firstOnly): void {
    this.isMarked = isMarked;
    this.firstOnly = firstOnly;
    this.rescanAll();
  }

  private rescanAll(): void {
    this.markedOf.clear();
    this.scans = [];
    this.removeWhere(() => true);
    this.pendingRoots.add(this.doc.body ?? this.doc.documentElement);
    this.schedule();
  }

  /** Mentions in document order. */
  mentions(): AnnotatedMention[] {
    this.ordered ??= [...this.all].sort(documentOrder);
    return this.ordered;
  }

  /** The mention covering a caret position, as given by caretPositionFromPoint. */
  mentionAt(node: Node, offset: number): AnnotatedMention | null {
    const list = this.byNode.get(node as Text);
    if (!list) return null;
    for (const m of list) {
      if (!m.marked) continue;
      const r = m.range;
      if (node === r.startContainer && offset < r.startOffset) continue;
      if (node === r.endContainer && offset > r.endOffset) continue;
      return m;
    }
    return null;
  }

  private schedule(): void {
    if (this.stopped || this.idle || this.timer !== null) return;
    const wait = this.nextFlushAt - performance.now();
    if (wait > 0 && this.scans.length === 0 && this.pendingRoots.size === 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, wait);
      return;
    }
    this.idle = whenIdle(() => {
      this.idle = null;
      this.work();
    });
  }

  private work(): void {
    if (this.stopped) return;
    const started = performance.now();
    const deadline = started + this.budgetMs;
    let flushed = false;
    if (this.queue.length > 0 && this.scans.length === 0 && started >= this.nextFlushAt) {
      this.collectDirtyRoots();
      flushed = true;
    }
    if (this.pendingRoots.size > 0) this.startScans();
    let changed = false;
    while (this.scans.length > 0 && performance.now() < deadline) {
      const scan = this.scans[0]!;
      const done = scan.run(deadline);
      if (!done) break;
      this.scans.shift();
      this.stats.textNodes += scan.textNodes;
      this.stats.textChars += scan.textChars;
      if (scan.mentions.length > 0) {
        this.addMentions(scan.mentions);
        changed = true;
      }
    }
    const spent = performance.now() - started;
    this.stats.scanMs += spent;
    this.stats.slices++;
    if (flushed)
      this.nextFlushAt = performance.now() + Math.max(MIN_FLUSH_GAP_MS, spent * BACKOFF_FACTOR);
    // Our own fallback wrapping (no Highlight API) mutates the DOM: those records are ours, not news.
    this.observer?.takeRecords();
    if (changed || flushed) this.onChange();
    if (this.busy) this.schedule();
  }

  /** Turns queued mutation records into the blocks that need a rescan. */
  private collectDirtyRoots(): void {
    const records = this.queue;
    this.queue = [];
    const roots = new Set<Node>();
    for (const r of records) {
      if (r.type === 'childList' && isOwnUiChange(r)) continue;
      const target = r.target;
      if (!target.isConnected || isInSkippedSubtree(target)) {
        // Removed text may have carried mentions: drop those below.
        if (r.type === 'childList' && r.removedNodes.length > 0) roots.add(target);
        continue;
      }
      roots.add(blockOf(target));
    }
    // A root inside another one is rescanned with it. Walking up the ancestors keeps this linear in the
    // number of roots (times the depth), where comparing every pair was quadratic under mutation storms.
    for (const root of roots) {
      let covered = false;
      for (let p = root.parentNode; p && !covered; p = p.parentNode) covered = roots.has(p);
      if (!covered) this.pendingRoots.add(root);
    }
  }

  private startScans(): void {
    const roots = [...this.pendingRoots];
    this.pendingRoots.clear();
    for (const root of roots) {
      this.removeWhere((m) => !m.startNode.isConnected || root.contains(m.startNode));
      if (root.isConnected) this.scans.push(new SubtreeScan(root, this.matcher));
    }
  }

  private addMentions(found: PageMention[]): void {
    // With one mark per entity, decide which mention keeps it before painting anything: the fallback
    // painter must paint a text node from its end, and cannot be undone out of order.
    const winners = new Set<PageMention>();
    if (this.firstOnly) {
      const firstInBatch = new Map<string, PageMention>();
      for (const m of found) if (!firstInBatch.has(m.entityId)) firstInBatch.set(m.entityId, m);
      for (const [entityId, m] of firstInBatch) {
        if (!this.isMarked(entityId)) continue;
        const current = this.markedOf.get(entityId);
        if (current && documentOrder(current, m) < 0) continue;
        if (current) this.unmark(current);
        winners.add(m);
      }
    }
    // Reverse order lets the fallback painter split text nodes from the end without shifting offsets.
    for (let i = found.length - 1; i >= 0; i--) {
      const m = found[i]!;
      const marked = this.firstOnly ? winners.has(m) : this.isMarked(m.entityId);
      const annotated: AnnotatedMention = {
        ...m,
        marked,
        range: marked ? this.painter.add(m) : this.painter.locate(m),
      };
      if (marked && this.firstOnly) this.markedOf.set(m.entityId, annotated);
      this.all.push(annotated);
      const nodes = textNodesOf(annotated.range);
      this.nodesOf.set(annotated, nodes);
      for (const node of nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(annotated);
        else this.byNode.set(node, [annotated]);
      }
    }
    this.ordered = null;
  }

  private removeWhere(predicate: (m: AnnotatedMention) => boolean): void {
    const keep: AnnotatedMention[] = [];
    const removed: AnnotatedMention[] = [];
    for (const m of this.all) (predicate(m) ? removed : keep).push(m);
    if (removed.length === 0) return;
    for (const m of removed.reverse()) {
      if (m.marked) this.painter.remove(m, m.range);
      for (const node of this.nodesOf.get(m) ?? []) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const rest = list.filter((x) => x !== m);
        if (rest.length) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
      this.nodesOf.delete(m);
    }
    this.all = keep;
    this.ordered = null;
    // An entity whose marked mention went away gets its next one marked.
    if (this.firstOnly)
      for (const m of removed) {
        if (this.markedOf.get(m.entityId) !== m) continue;
        this.markedOf.delete(m.entityId);
        const next = this.mentions().find((x) => x.entityId === m.entityId);
        if (next && this.isMarked(next.entityId)) this.mark(next);
      }
  }

  private unmark(m: AnnotatedMention): void {
    if (!m.marked) return;
    this.painter.remove(m, m.range);
    m.marked = false;
    m.range = this.painter.locate(m);
  }

  private mark(m: AnnotatedMention): void {
    if (m.marked) return;
    m.marked = true;
    m.range = this.painter.add(m);
    this.markedOf.set(m.entityId, m);
  }
}

/**
 * Document order of two mentions. Mentions whose text left the document sort last and equal to each
 * other, whatever their nodes, so the order stays consistent (a sort needs that) while a page changes.
 */
export function documentOrder(a: PageMention, b: PageMention): number {
  const aIn = a.startNode.isConnected;
  const bIn = b.startNode.isConnected;
  if (aIn !== bIn) return aIn ? -1 : 1;
  if (!aIn) return 0;
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  const position = a.startNode.compareDocumentPosition(b.startNode);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** The most text nodes one name is expected to run over (a bound if the range's end cannot be reached). */
const MAX_NODES_PER_MENTION = 64;

/**
 * Every text node a mention's range touches: the start, the end, and the ones between (a name split over
 * three or more nodes, "Na<b>y</b>ib", must be hoverable on its middle part too).
 */
function textNodesOf(range: AbstractRange): Text[] {
  const start = range.startContainer as Text;
  const end = range.endContainer as Text;
  if (start === end) return [start];
  const nodes = [start];
  const walker = start.ownerDocument.createTreeWalker(start.ownerDocument, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  for (let n = walker.nextNode(); n && n !== end; n = walker.nextNode()) {
    if (nodes.length >= MAX_NODES_PER_MENTION) break;
    nodes.push(n as Text);
  }
  nodes.push(end);
  return nodes;
}

function isOwnUiChange(r: MutationRecord): boolean {
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return (
    nodes.length > 0 &&
    nodes.every((n) => n.nodeType === 1 && OWN_TAGS.has((n as Element).localName))
  );
}

/** The nearest block around a changed node: a name can span inline elements but not blocks. */
function blockOf(node: Node): Node {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && !BLOCK_TAGS.has(el.localName) && el.parentElement) el = el.parentElement;
  return el ?? node;
}
