/**
 * Paints mentions without touching the page. With the CSS Custom Highlight API the ranges live in
 * `CSS.highlights` and are styled by `::highlight()` rules in the content script's manifest CSS: the
 * page's DOM and style sheets stay exactly as they were. Where the API is missing, mentions are wrapped
 * in a <source-context-mark> element and unwrapped exactly on removal (the original text nodes return).
 */
import type { PageMention } from './scanner';

export type PaintStyle = 'underline' | 'background' | 'none';

export const HIGHLIGHT_NAMES: Record<PaintStyle, string> = {
  underline: 'source-context-underline',
  background: 'source-context-background',
  none: 'source-context-none',
};
export const ACTIVE_HIGHLIGHT = 'source-context-active';

export interface Painter {
  add(mention: PageMention): AbstractRange;
  /**
   * Where a mention left unpainted is, kept as this painter keeps its own ranges: static where the
   * page's DOM is never changed (a live Range is updated by the engine on every change of the page, and
   * most mentions are unpainted when each name is marked once), live where painting splits text nodes.
   */
  locate(mention: PageMention): AbstractRange;
  remove(mention: PageMention, range: AbstractRange): void;
  setActive(range: AbstractRange | null): void;
  setStyle(style: PaintStyle): void;
  clear(): void;
}

export function supportsHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function createPainter(style: PaintStyle): Painter {
  return supportsHighlightApi() ? new HighlightPainter(style) : new WrappingPainter();
}

class HighlightPainter implements Painter {
  private readonly highlight = new Highlight();
  private readonly active = new Highlight();
  private name: string;

  constructor(style: PaintStyle) {
    this.name = HIGHLIGHT_NAMES[style];
    CSS.highlights.set(this.name, this.highlight);
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
  }

  add(m: PageMention): AbstractRange {
    const range = this.locate(m);
    this.highlight.add(range);
    return range;
  }

  locate(m: PageMention): AbstractRange {
    // StaticRange: the engine does not have to update it on every DOM change, unlike Range. Changed
    // text is rescanned anyway, and its ranges replaced.
    return new StaticRange({
      startContainer: m.startNode,
      startOffset: m.startOffset,
      endContainer: m.endNode,
      endOffset: m.endOffset,
    });
  }

  remove(_m: PageMention, range: AbstractRange): void {
    // The active tint belongs to the open card (setActive): a repaint under it — muting, undo — takes
    // the name's marks away and back, and the name the card is about stays tinted while it is open.
    this.highlight.delete(range);
  }

  setActive(range: AbstractRange | null): void {
    this.active.clear();
    if (range) this.active.add(range);
  }

  setStyle(style: PaintStyle): void {
    const name = HIGHLIGHT_NAMES[style];
    if (name === this.name) return;
    CSS.highlights.delete(this.name);
    this.name = name;
    CSS.highlights.set(name, this.highlight);
  }

  clear(): void {
    this.highlight.clear();
    this.active.clear();
    CSS.highlights.delete(this.name);
    CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }
}

interface Wrap {
  original: Text;
  mark: HTMLElement;
  tail: Text | null;
}

/** Fallback for engines without the Highlight API. Only mentions within one text node are wrapped. */
class WrappingPainter implements Painter {
  private readonly wraps = new Map<AbstractRange, Wrap>();

  locate(m: PageMention): AbstractRange {
    // Live: wrapping other mentions splits text nodes, and a live range follows the split.
    const range = m.startNode.ownerDocument.createRange();
    range.setStart(m.startNode, m.startOffset);
    range.setEnd(m.endNode, m.endOffset);
    return range;
  }

  add(m: PageMention): AbstractRange {
    const doc = m.startNode.ownerDocument;
    const range = this.locate(m) as Range;
    if (m.startNode !== m.endNode) return range;
    // Split "before | name | after"; the original node keeps "before" so undo can restore it in place.
    const original = m.startNode;
    const nameNode = original.splitText(m.startOffset);
    const tail =
      nameNode.data.length > m.endOffset - m.startOffset
        ? nameNode.splitText(m.endOffset - m.startOffset)
        : null;
    const mark = doc.createElement('source-context-mark');
    mark.style.setProperty('text-decoration', 'underline dotted');
    nameNode.replaceWith(mark);
    mark.append(nameNode);
    this.wraps.set(range, { original, mark, tail });
    range.selectNodeContents(nameNode);
    return range;
  }

  remove(_m: PageMention, range: AbstractRange): void {
    const wrap = this.wraps.get(range);
    if (!wrap) return;
    this.wraps.delete(range);
    const { original, mark, tail } = wrap;
    original.data += (mark.textContent ?? '') + (tail?.data ?? '');
    mark.remove();
    tail?.remove();
  }

  setActive(): void {}
  setStyle(): void {}

  clear(): void {
    // Undo in reverse order of wrapping so each original node gets its text back in sequence.
    for (const range of [...this.wraps.keys()].reverse()) this.remove(undefined as never, range);
  }
}
