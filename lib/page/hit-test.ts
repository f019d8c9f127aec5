/**
 * Hit testing: which marked name is under the person's pointer. One passive `pointermove` listener,
 * tested at most once per animation frame with `caretPositionFromPoint`; clicks and Escape are passed on.
 * Only the person drives it: events a page script dispatches (`isTrusted` false) are ignored.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AnnotatedMention, PageAnnotator } from './annotator';
import { liveRange } from './ranges';

export interface PointerPoint {
  x: number;
  y: number;
  target: EventTarget | null;
}

export interface PointerHandlers {
  /** Once per animation frame while the pointer moves, with where it is. */
  move(point: PointerPoint): void;
  click(point: PointerPoint): void;
  escape(): void;
}

/** Listens to the person's pointer and keys on the document, for as long as the context lives. */
export function watchPointer(ctx: ContentScriptContext, handlers: PointerHandlers): void {
  let last: PointerPoint | null = null;
  let frameRequested = false;
  const onFrame = () => {
    frameRequested = false;
    if (last) handlers.move(last);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!e.isTrusted) return;
    last = { x: e.clientX, y: e.clientY, target: e.target };
    if (!frameRequested) {
      frameRequested = true;
      ctx.requestAnimationFrame(onFrame);
    }
  };
  const onClick = (e: MouseEvent) => {
    if (e.isTrusted) handlers.click({ x: e.clientX, y: e.clientY, target: e.target });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isTrusted && e.key === 'Escape') handlers.escape();
  };
  ctx.addEventListener(document, 'pointermove', onPointerMove, { passive: true, capture: true });
  ctx.addEventListener(document, 'click', onClick, { passive: true, capture: true });
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });
}

/** Whether a click landed on something of the page's own that acts on clicks (a link, a button). */
export function isOnControl(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('a, button, [role="button"]');
}

/** The mention under a viewport point, if the point is really over its text (not just nearest to it). */
export function mentionAtPoint(
  annotator: PageAnnotator,
  x: number,
  y: number,
): AnnotatedMention | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  let node: Node | null = null;
  let offset = 0;
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y);
    if (pos) ({ offsetNode: node, offset } = pos);
  } else if (document.caretRangeFromPoint) {
    const r = document.caretRangeFromPoint(x, y);
    if (r) ({ startContainer: node, startOffset: offset } = r);
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const m = annotator.mentionAt(node, offset);
  if (!m) return null;
  for (const rect of liveRange(m.range).getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1)
      return m;
  }
  return null;
}
