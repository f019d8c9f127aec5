/**
 * The card session: which mention's card is open, hovered or pinned, and what it does — opening after
 * hover intent, pinning on click, muting and undoing, the reader link, the details it fetched (cached per
 * entity), and moving between mentions for the popup and the keyboard command. The card's code itself
 * arrives on first use (card/load.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground, type EntityDetails } from '../../messages';
import { setSetting } from '../../settings';
import type { AnnotatedMention } from '../annotator';
import { loadCardUi } from './load';
import { isOnControl, mentionAtPoint, type PointerPoint } from '../hit-test';
import { HoverIntent } from '../hover-intent';
import type { PageMarks } from '../page-marks';
import type { PopoverController, PopoverOptions } from './controller';
import { liveRange } from '../ranges';

export const textOf = (m: AnnotatedMention): string => liveRange(m.range).toString();

export class CardSession {
  private popover: PopoverController | null = null;
  private popoverLoading: Promise<PopoverController | null> | null = null;
  private readonly details = new Map<string, Promise<EntityDetails | null>>();
  private lastPointer: PointerPoint | null = null;
  /** The mention the popup or the keyboard showed last (-1: none yet). */
  private activeIndex = -1;
  private readonly hover: HoverIntent<AnnotatedMention>;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly marks: PageMarks,
  ) {
    this.hover = new HoverIntent<AnnotatedMention>(() => marks.settings.hoverDelays, {
      open: (m, pinned) => {
        marks.painter?.setActive(m.range);
        const pointer = this.pointerOn(m);
        void this.ensurePopover().then((p) => {
          if (this.hover.current === m) void p?.open(m, textOf(m), pinned, pinned, pointer);
        });
      },
      close: () => this.popover?.close(),
    });
  }

  // ---- The person's pointer and keys ----

  pointerMoved(point: PointerPoint): void {
    this.lastPointer = point;
    const annotator = this.marks.annotator;
    if (!annotator || this.popover?.contains(point.target)) return;
    const m = mentionAtPoint(annotator, point.x, point.y);
    // Start fetching the card's code while the pointer dwells, so the card is ready when it opens.
    if (m) void this.ensurePopover();
    this.hover.overTarget(m);
  }

  clicked(point: PointerPoint): void {
    const annotator = this.marks.annotator;
    if (!annotator || this.popover?.contains(point.target)) return;
    const m = mentionAtPoint(annotator, point.x, point.y);
    if (m && !isOnControl(point.target)) {
      // A click on the name of the open card pins that card.
      const sameCard = m === this.hover.current;
      this.hover.pin(m);
      if (sameCard) this.popover?.setPinned(true);
    } else if (this.hover.pinned) {
      this.hover.close();
    }
  }

  /** Where the pointer rests, if on `m` (the card then opens by the line the pointer is on). */
  private pointerOn(m: AnnotatedMention): { x: number; y: number } | null {
    const p = this.lastPointer;
    const annotator = this.marks.annotator;
    return p && annotator && mentionAtPoint(annotator, p.x, p.y) === m ? { x: p.x, y: p.y } : null;
  }

  escape(): void {
    if (this.hover.current) this.hover.close();
  }

  /** Closes any card and forgets the position in the page (the marks went away). */
  end(): void {
    this.hover.close();
    this.popover?.close();
    this.activeIndex = -1;
  }

  // ---- Moving between mentions (popup, keyboard command) ----

  /** Scrolls to a mention and opens its card, pinned. */
  openMention(index: number): boolean {
    const m = this.marks.mentions()[index];
    if (!m) return false;
    this.activeIndex = index;
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    m.startNode.parentElement?.scrollIntoView({
      block: 'center',
      behavior: reduceMotion ? 'auto' : 'smooth',
    });
    this.hover.close();
    // Let a smooth scroll settle before measuring where the card goes.
    this.ctx.setTimeout(() => this.hover.pin(m), reduceMotion ? 0 : 350);
    return true;
  }

  /** The next mention (after the one shown last, wrapping) among those `include` accepts. */
  nextIndex(include: (m: AnnotatedMention) => boolean): number | undefined {
    const own = this.marks.mentions().flatMap((m, i) => (include(m) ? [i] : []));
    return own.find((i) => i > this.activeIndex) ?? own[0];
  }

  /** The index changed: details fetched from the old one are stale. */
  forgetDetails(): void {
    this.details.clear();
  }

  // ---- The card ----

  private loadDetails(id: string): Promise<EntityDetails | null> {
    let p = this.details.get(id);
    if (!p) {
      p = sendToBackground({ type: 'get-entity', id }).catch(() => null);
      this.details.set(id, p);
    }
    return p;
  }

  private ensurePopover(): Promise<PopoverController | null> {
    return (this.popoverLoading ??= loadCardUi().then(
      (create) => (this.popover = create(this.ctx, this.popoverOptions())),
      () => {
        this.popoverLoading = null;
        return null;
      },
    ));
  }

  private popoverOptions(): Omit<PopoverOptions, 'css'> {
    const marks = this.marks;
    const hover = this.hover;
    return {
      loadDetails: (id) => this.loadDetails(id),
      onMute: (m, scope, name) => {
        const muted = marks.settings.mutedEntities;
        const others = muted.filter((x) => x.entityId !== m.entityId);
        const entry = {
          entityId: m.entityId,
          name,
          site: scope === 'site' ? marks.site : null,
        };
        void setSetting('mutedEntities', [...others, entry]);
      },
      onUndoMute: (m) =>
        void setSetting(
          'mutedEntities',
          marks.settings.mutedEntities.filter((x) => x.entityId !== m.entityId),
        ),
      onOpenReader: (articleId, sentenceIndex) =>
        void sendToBackground({ type: 'open-reader', articleId, sentenceIndex }).catch(() => {}),
      onPointerOnCard: (inside) => {
        // The pointer may rest on the name while the card moves away from under it.
        const p = this.lastPointer;
        const annotator = marks.annotator;
        const still =
          !inside && !!annotator && !!p && mentionAtPoint(annotator, p.x, p.y) === hover.current;
        hover.overCard(inside, still);
      },
      onPin: () => {
        const m = hover.current;
        if (m && !hover.pinned) {
          hover.pin(m);
          this.popover?.setPinned(true);
        }
      },
      onClosed: () => {
        hover.close();
        marks.painter?.setActive(null);
      },
    };
  }
}
