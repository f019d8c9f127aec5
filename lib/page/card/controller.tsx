/**
 * The hover card's controller: mounts the Popover component in a shadow root (page CSS cannot reach it),
 * positions it next to the mention with floating-ui (flip, shift, and inline for names broken across
 * lines), and removes its host element from the page whenever the card closes.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { Popover, type MuteScope } from '../../../components/Popover';
import type { EntityDetails } from '../../messages';
import type { AnnotatedMention } from '../annotator';
import { liveRange } from '../ranges';

export interface PopoverOptions {
  css: string;
  loadDetails: (entityId: string) => Promise<EntityDetails | null>;
  /** `name`: the entity's, from the details the card shows (the list of muted names in the options). */
  onMute: (mention: AnnotatedMention, scope: MuteScope, name: string) => void;
  onUndoMute: (mention: AnnotatedMention) => void;
  onOpenReader: (articleId: string, sentenceIndex: number) => void;
  onPointerOnCard: (inside: boolean) => void;
  onPin: () => void;
  onClosed: () => void;
}

export interface ClientPoint {
  x: number;
  y: number;
}

/** Which of a name's boxes (one per line it spans) holds the point; -1 for none, or one box only. */
function boxUnder(boxes: DOMRectList, p: ClientPoint): number {
  if (boxes.length < 2) return -1;
  for (let i = 0; i < boxes.length; i++) {
    const b = boxes[i]!;
    if (p.x >= b.left - 1 && p.x <= b.right + 1 && p.y >= b.top - 1 && p.y <= b.bottom + 1)
      return i;
  }
  return -1;
}

/** The card's tallest, where there is room for it. */
const MAX_HEIGHT = 560;
/** Its shortest: room for the bar, the name and the start of a sentence. */
const MIN_HEIGHT = 120;
/** Below this the footer scrolls with the sentences instead of staying pinned under them. */
const SHORT_HEIGHT = 340;

export class PopoverController {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private container: HTMLElement | null = null;
  private dialog: HTMLDivElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private requestId = 0;
  private returnFocus: Element | null = null;
  /** Focus the card once it is shown: a card still hidden while it is placed cannot take focus. */
  private focusWhenShown = false;
  /** What the card shows: the details once loaded, and whether its entity was just muted (for undo). */
  private details: EntityDetails | null = null;
  private muted: MuteScope | null = null;
  private pageText = '';
  private pinned = false;
  mention: AnnotatedMention | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: PopoverOptions,
  ) {}

  get isOpen(): boolean {
    return this.mention !== null;
  }

  /** `pointer`: where the pointer rests on the name (client coordinates), when it opened the card. */
  async open(
    mention: AnnotatedMention,
    pageText: string,
    pinned: boolean,
    focus: boolean,
    pointer: ClientPoint | null = null,
  ): Promise<void> {
    const id = ++this.requestId;
    this.mention = mention;
    this.details = null;
    this.muted = null;
    if (focus && !this.returnFocus) this.returnFocus = document.activeElement;
    await this.mount();
    if (id !== this.requestId) return;
    this.pageText = pageText;
    this.pinned = pinned;
    this.draw();
    if (this.dialog && !this.stopAutoUpdate) this.dialog.style.visibility = 'hidden';
    this.position(mention, pointer);
    if (focus) {
      this.focusWhenShown = true;
      this.focusIfShown();
    }
    const details = await this.options.loadDetails(mention.entityId);
    // A late answer for a card that has since closed or moved on is dropped.
    if (id !== this.requestId || this.mention !== mention) return;
    this.details = details;
    this.draw();
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    if (this.mention) this.draw();
  }

  close(): void {
    if (!this.mention) return;
    this.requestId++;
    this.mention = null;
    this.focusWhenShown = false;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (this.container) render(null, this.container);
    this.ui?.remove();
    this.dialog = null;
    const focusBack = this.returnFocus;
    this.returnFocus = null;
    if (focusBack instanceof HTMLElement && focusBack.isConnected)
      focusBack.focus({ preventScroll: true });
    this.options.onClosed();
  }

  /** Whether an event target is inside the card (its host element). */
  contains(node: EventTarget | null): boolean {
    return !!this.ui && node instanceof Node && this.ui.shadowHost.contains(node);
  }

  private async mount(): Promise<void> {
    if (!this.ui) {
      this.ui = await createShadowRootUi(this.ctx, {
        name: 'source-context-card',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        mode: 'closed',
        css: this.options.css,
        // Keys typed in the card must not trigger the page's own shortcuts.
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: (container) => {
          this.container = container;
        },
      });
    }
    if (!this.ui.mounted && !this.ui.shadowHost.isConnected) this.ui.mount();
  }

  private draw(): void {
    const mention = this.mention;
    if (!this.container || !mention) return;
    render(
      <Popover
        details={this.details}
        pageText={this.pageText}
        pinned={this.pinned}
        muted={this.muted}
        dialogRef={(el) => {
          this.dialog = el;
        }}
        onClose={() => this.close()}
        onMute={(scope) => {
          this.options.onMute(mention, scope, this.details?.entity.name ?? mention.entityId);
          // The card stays, pinned, to offer the undo; its name is no longer marked behind it.
          this.muted = scope;
          this.pinned = true;
          this.options.onPin();
          this.draw();
        }}
        onUndoMute={() => {
          this.options.onUndoMute(mention);
          this.muted = null;
          this.draw();
        }}
        onOpenReader={this.options.onOpenReader}
        onPointerEnter={() => this.options.onPointerOnCard(true)}
        onPointerLeave={() => this.options.onPointerOnCard(false)}
        onPin={this.options.onPin}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            this.close();
          }
        }}
      />,
      this.container,
    );
  }

  private focusIfShown(): void {
    const dialog = this.dialog;
    if (!this.focusWhenShown || !dialog || dialog.style.visibility === 'hidden') return;
    this.focusWhenShown = false;
    dialog.focus({ preventScroll: true });
  }

  private position(mention: AnnotatedMention, pointer: ClientPoint | null): void {
    const floating = this.dialog;
    if (!floating) return;
    const range = liveRange(mention.range);
    // A name broken across two lines has a box on each: the card goes by the one under the pointer (the
    // same box found again on every update, so the card follows scrolling), not by the pair — inline()
    // alone would put it under the second line's start, across the window from the pointer.
    const line = pointer ? boxUnder(range.getClientRects(), pointer) : -1;
    const lineBox = () => (line >= 0 ? range.getClientRects()[line] : undefined);
    const reference: VirtualElement = {
      getBoundingClientRect: () => lineBox() ?? range.getBoundingClientRect(),
      getClientRects: () => {
        const box = lineBox();
        return box ? [box] : range.getClientRects();
      },
      contextElement: (mention.startNode.parentElement ?? undefined) as Element | undefined,
    };
    const update = () =>
      void computePosition(reference, floating, {
        placement: 'bottom-start',
        strategy: 'fixed',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // As tall as the chosen side allows (never past the window's edge); its body scrolls.
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              const height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, availableHeight));
              floating.style.maxHeight = `${height}px`;
              // Too short for a pinned footer beside a sentence: all of it scrolls, under the bar.
              floating.toggleAttribute('data-short', height < SHORT_HEIGHT);
            },
          }),
          // In a window too short for the smallest card on either side, it overlaps the name rather
          // than the window's edge (the bar and its close button stay on screen).
          shift({ padding: 8, mainAxis: false, crossAxis: true }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
        // Shown only once placed: drawn first under a resting pointer, it would count as entered and left.
        floating.style.visibility = 'visible';
        this.focusIfShown();
      });
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(reference, floating, update, { animationFrame: false });
  }
}
