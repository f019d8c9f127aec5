/**
 * Hover intent, as in Wikipedia's Page Previews: a card opens after the pointer dwells on a name
 * (500 ms), closes a little after it leaves (300 ms), and stays open while the pointer is on the card.
 * A pinned card (clicked, or opened from the keyboard) stays until closed. Pure state + injected timers.
 */
export interface HoverDelays {
  /** Dwell before a card opens (Page Previews: 500 ms). */
  openMs: number;
  /** Grace period after the pointer leaves before the card closes (300 ms). */
  closeMs: number;
}

export interface HoverCallbacks<T> {
  open(target: T, pinned: boolean): void;
  close(): void;
}

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms) as unknown as number,
  clear: (id) => clearTimeout(id),
};

export class HoverIntent<T> {
  current: T | null = null;
  pinned = false;
  private pending: T | null = null;
  private openTimer: number | null = null;
  private closeTimer: number | null = null;
  private onCard = false;

  constructor(
    private readonly delays: () => HoverDelays,
    private readonly callbacks: HoverCallbacks<T>,
    private readonly timers: Timers = defaultTimers,
  ) {}

  /** The pointer is now over `target` (a mention), or over nothing of ours (null). */
  overTarget(target: T | null): void {
    if (target === null || this.pinned) {
      this.cancelOpen();
      if (target === null && this.current !== null && !this.pinned && !this.onCard)
        this.scheduleClose();
      return;
    }
    if (target === this.current) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    if (target === this.pending) return;
    this.cancelOpen();
    this.pending = target;
    this.openTimer = this.timers.set(() => {
      this.openTimer = null;
      this.pending = null;
      this.cancelClose();
      this.current = target;
      this.callbacks.open(target, false);
    }, this.delays().openMs);
  }

  /**
   * The pointer entered or left the card. Leaving it for the name the card is about is not leaving: a
   * card first drawn under a resting pointer, then moved beside the name, must stay open.
   */
  overCard(inside: boolean, stillOverTarget = false): void {
    this.onCard = inside;
    if (inside || stillOverTarget) this.cancelClose();
    else if (!this.pinned && this.current !== null) this.scheduleClose();
  }

  /** Open now and keep open (click, keyboard, "reveal"). */
  pin(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    const reopen = target !== this.current;
    this.current = target;
    this.pinned = true;
    if (reopen) this.callbacks.open(target, true);
  }

  close(): void {
    this.cancelOpen();
    this.cancelClose();
    const wasOpen = this.current !== null;
    this.current = null;
    this.pinned = false;
    this.onCard = false;
    if (wasOpen) this.callbacks.close();
  }

  private scheduleClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = this.timers.set(() => {
      this.closeTimer = null;
      this.close();
    }, this.delays().closeMs);
  }

  private cancelOpen(): void {
    if (this.openTimer !== null) this.timers.clear(this.openTimer);
    this.openTimer = null;
    this.pending = null;
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.timers.clear(this.closeTimer);
    this.closeTimer = null;
  }
}
