/**
 * The marks on this frame's page, behind the settings gate: starts the annotator when the tab's site is
 * switched on, undoes everything when it is switched off, applies style and mute changes live, and
 * reports the count for the toolbar badge (top frame only). Where the matcher cannot be loaded it says so
 * (`error`) instead of waiting for ever, and tries again when asked.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../messages';
import { isEntityMuted, isSiteEnabled, type Settings } from '../settings';
import { PageAnnotator, type AnnotatedMention } from './annotator';
import { createPainter, type Painter } from './highlights';
import type { MatchSource } from './match-source';

export interface PageMarksOptions {
  /** The tab's site: the switch for this frame is the switch for its tab. */
  site: string | null;
  isTop: boolean;
  settings: Settings;
  loadMatchSource: () => Promise<MatchSource>;
  /** Called when the marks go away (switched off, context invalidated): an open card must close. */
  onStop: () => void;
}

export class PageMarks {
  settings: Settings;
  annotator: PageAnnotator | null = null;
  painter: Painter | null = null;
  /** Why marking could not start, until it does. */
  error: string | null = null;
  private source: MatchSource | null = null;
  private starting: Promise<void> | null = null;
  /** Counts index changes, so a matcher that was on its way from the old index is not used. */
  private generation = 0;
  private reportTimer: number | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: PageMarksOptions,
  ) {
    this.settings = options.settings;
  }

  get site(): string | null {
    return this.options.site;
  }

  get enabled(): boolean {
    return isSiteEnabled(this.settings, this.options.site);
  }

  /** Still scanning, or still starting (waiting for the alias table) while switched on. */
  get pending(): boolean {
    return this.enabled && this.error === null && (this.annotator === null || this.annotator.busy);
  }

  mentions(): AnnotatedMention[] {
    return this.annotator?.mentions() ?? [];
  }

  /** Starts marking if switched on; a failed start is recorded in `error` and retried on the next call. */
  start(): Promise<void> {
    if (this.annotator || !this.enabled) return Promise.resolve();
    return (this.starting ??= this.startOnce().finally(() => (this.starting = null)));
  }

  private async startOnce(): Promise<void> {
    const generation = this.generation;
    let source: MatchSource;
    try {
      source = this.source ?? (await this.options.loadMatchSource());
      this.error = null;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      this.report();
      return;
    }
    // The index changed while the matcher was on its way: ask for the new one.
    if (generation !== this.generation) return this.startOnce();
    this.source = source;
    if (this.annotator || !this.enabled || this.ctx.isInvalid) return;
    this.painter = createPainter(this.settings.highlightStyle);
    this.annotator = new PageAnnotator(document, {
      matcher: source.matcher,
      setupMs: source.setupMs,
      startMs: performance.now() - source.started,
      isMarked: this.markFilter(this.settings),
      firstOnly: !this.settings.markEveryMention,
      painter: this.painter,
      onChange: () => this.report(),
    });
    this.annotator.start();
    this.report();
  }

  stop(): void {
    this.options.onStop();
    this.annotator?.stop();
    this.annotator = null;
    this.painter = null;
    this.report();
  }

  /** The index changed (own sources added or removed): forget the matcher, and mark again if marking. */
  async reload(): Promise<void> {
    this.generation++;
    this.source = null;
    if (!this.annotator) return;
    this.stop();
    await this.start();
  }

  apply(next: Settings): void {
    const before = this.settings;
    this.settings = next;
    if (!this.enabled) return this.stop();
    if (!this.annotator) return void this.start();
    if (next.highlightStyle !== before.highlightStyle) this.painter?.setStyle(next.highlightStyle);
    if (
      JSON.stringify(next.mutedEntities) !== JSON.stringify(before.mutedEntities) ||
      next.markEveryMention !== before.markEveryMention ||
      next.markCommonNames !== before.markCommonNames
    ) {
      // A filter on what was found, not a new matcher; an open card stays (it offers the undo).
      this.annotator.setMarkFilter(this.markFilter(next), !next.markEveryMention);
    }
  }

  /** Marked: not muted here, and not too common to help unless the reader wants those too. */
  private markFilter(s: Settings) {
    const common = this.source?.common ?? new Set<string>();
    const site = this.options.site;
    return (entityId: string): boolean =>
      !isEntityMuted(s, entityId, site) && (s.markCommonNames || !common.has(entityId));
  }

  /** The toolbar badge: the top frame's count, sent at most every 200 ms. */
  report(): void {
    if (!this.options.isTop || this.reportTimer !== null) return;
    this.reportTimer = this.ctx.setTimeout(() => {
      this.reportTimer = null;
      const enabled = this.annotator !== null;
      void sendToBackground({
        type: 'mentions-changed',
        count: this.annotator?.mentions().length ?? 0,
        enabled,
      }).catch(() => {});
    }, 200);
  }
}
