/**
 * The content script, wired from its stages:
 *
 *   settings gate ──► matcher (from the background's alias table) ──► PageAnnotator (scan, paint, watch)
 *        │                                                                   │
 *        └── watch: site/global switch, style, muted names                   ▼
 *                                             pointer ─► hit test ─► HoverIntent ─► PopoverController
 *   messages: get-page-mentions, reveal-mention, next-mention
 *
 * | page state                | work done                                                        |
 * |---------------------------|------------------------------------------------------------------|
 * | site or extension off     | none: no scan, no observer, no pointer handling; only listeners  |
 * |                           | for the settings and for messages (answering "disabled")          |
 * | on                        | sliced scan, queued mutation flushes, one rAF-throttled pointer   |
 * |                           | hit test, card host in the DOM only while a card is open          |
 * | turned off live / invalid | everything above undone: highlights cleared, observer and timers |
 *
 * Every listener and timer is tied to the WXT context, so an extension update or reload leaves nothing.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Matcher } from '../match/matcher';
import type {
  BackgroundRequest,
  ContentRequest,
  EntityDetails,
  MatchData,
  PageMentionsResponse,
} from '../messages';
import { matchAliases } from '../match/match-data';
import {
  getSettings,
  isEntityMuted,
  isSiteEnabled,
  setSetting,
  siteKey,
  watchSettings,
  type Settings,
} from '../settings';
import { PageAnnotator, type AnnotatedMention } from './annotator';
import { createPainter, type Painter } from './highlights';
import { HoverIntent } from './hover-intent';
import { loadCardUi } from './card-ui';
import type { PopoverController, PopoverOptions } from './popover';
import { liveRange } from './ranges';

const RUNNING = Symbol.for('source-context.content-script');

function send<T>(message: BackgroundRequest): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  // Content scripts live in an isolated world: this flag is invisible to the page.
  const scope = globalThis as unknown as Record<symbol, boolean>;
  if (scope[RUNNING]) return;
  scope[RUNNING] = true;
  ctx.onInvalidated(() => delete scope[RUNNING]);

  const isTop = window === window.top;
  const site = siteKey(location.href);
  let settings = await getSettings();
  let matchData: MatchData | null = null;
  let entityNames: Map<string, string> | null = null;
  let commonEntities: ReadonlySet<string> = new Set();
  let annotator: PageAnnotator | null = null;
  let painter: Painter | null = null;
  let activeIndex = -1;
  const detailsCache = new Map<string, Promise<EntityDetails | null>>();

  const loadDetails = (id: string) => {
    let p = detailsCache.get(id);
    if (!p) {
      p = send<EntityDetails | null>({ type: 'get-entity', id }).catch(() => null);
      detailsCache.set(id, p);
    }
    return p;
  };

  const textOf = (m: AnnotatedMention) => liveRange(m.range).toString();

  /** Marked: not muted here, and not too common to help unless the reader wants those too. */
  const markFilter =
    (s: Settings) =>
    (entityId: string): boolean =>
      !isEntityMuted(s, entityId, site) && (s.markCommonNames || !commonEntities.has(entityId));

  let reportTimer: number | null = null;
  const reportCount = () => {
    if (!isTop || reportTimer !== null) return;
    reportTimer = ctx.setTimeout(() => {
      reportTimer = null;
      const enabled = annotator !== null;
      void send({
        type: 'mentions-changed',
        count: annotator?.mentions().length ?? 0,
        enabled,
      }).catch(() => {});
    }, 200);
  };

  // The card's code arrives on first use (see card-ui.ts); until then there is no popover at all.
  let popover: PopoverController | null = null;
  let popoverLoading: Promise<PopoverController | null> | null = null;
  const ensurePopover = () =>
    (popoverLoading ??= loadCardUi().then(
      (create) => (popover = create(ctx, popoverOptions)),
      () => {
        popoverLoading = null;
        return null;
      },
    ));
  const popoverOptions: Omit<PopoverOptions, 'css'> = {
    loadDetails,
    onMute: (m, scope) => {
      const others = settings.mutedEntities.filter((x) => x.entityId !== m.entityId);
      const name = entityNames?.get(m.entityId) ?? m.entityId;
      const entry = { entityId: m.entityId, name, site: scope === 'site' ? site : null };
      void setSetting('mutedEntities', [...others, entry]);
    },
    onUndoMute: (m) =>
      void setSetting(
        'mutedEntities',
        settings.mutedEntities.filter((x) => x.entityId !== m.entityId),
      ),
    onOpenReader: (articleId, sentenceIndex) =>
      void send({ type: 'open-reader', articleId, sentenceIndex }),
    onPointerOnCard: (inside) => {
      // The pointer may rest on the name while the card moves away from under it.
      const p = lastPointer;
      const still =
        !inside && !!annotator && !!p && mentionAtPoint(annotator, p.x, p.y) === hover.current;
      hover.overCard(inside, still);
    },
    onPin: () => {
      const m = hover.current;
      if (m && !hover.pinned) {
        hover.pin(m);
        popover?.setPinned(true);
      }
    },
    onClosed: () => {
      hover.close();
      painter?.setActive(null);
    },
  };

  const hover = new HoverIntent<AnnotatedMention>(() => settings.hoverDelays, {
    open: (m, pinned) => {
      painter?.setActive(m.range);
      void ensurePopover().then((p) => {
        if (hover.current === m) void p?.open(m, textOf(m), pinned, pinned);
      });
    },
    close: () => popover?.close(),
  });

  const openMention = (index: number) => {
    const list = annotator?.mentions() ?? [];
    const m = list[index];
    if (!m) return false;
    activeIndex = index;
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    m.startNode.parentElement?.scrollIntoView({
      block: 'center',
      behavior: reduceMotion ? 'auto' : 'smooth',
    });
    hover.close();
    // Let a smooth scroll settle before measuring where the card goes.
    ctx.setTimeout(() => hover.pin(m), reduceMotion ? 0 : 350);
    return true;
  };

  // Pointer: one passive listener, hit-tested at most once per animation frame.
  let lastPointer: { x: number; y: number; target: EventTarget | null } | null = null;
  let frameRequested = false;
  const hitTest = () => {
    frameRequested = false;
    if (!annotator || !lastPointer) return;
    const { x, y, target } = lastPointer;
    if (popover?.contains(target)) return;
    const m = mentionAtPoint(annotator, x, y);
    // Start fetching the card's code while the pointer dwells, so the card is ready when it opens.
    if (m) void ensurePopover();
    hover.overTarget(m);
  };
  // Only the person drives the extension: events a page script dispatches (untrusted) are ignored.
  const onPointerMove = (e: PointerEvent) => {
    if (!e.isTrusted) return;
    lastPointer = { x: e.clientX, y: e.clientY, target: e.target };
    if (!frameRequested) {
      frameRequested = true;
      ctx.requestAnimationFrame(hitTest);
    }
  };
  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted || !annotator || popover?.contains(e.target)) return;
    const m = mentionAtPoint(annotator, e.clientX, e.clientY);
    if (m && !(e.target instanceof Element && e.target.closest('a, button, [role="button"]'))) {
      // A click on the name of the open card pins that card.
      const samePopover = m === hover.current;
      hover.pin(m);
      if (samePopover) popover?.setPinned(true);
    } else if (hover.pinned) {
      hover.close();
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isTrusted && e.key === 'Escape' && hover.current) hover.close();
  };

  const start = async (): Promise<void> => {
    if (annotator) return;
    const generation = indexGeneration;
    const data = matchData ?? (await send<MatchData>({ type: 'get-match-data' }));
    // The index changed while this was on its way (an own source added or removed): ask again.
    if (generation !== indexGeneration) return start();
    matchData = data;
    entityNames ??= new Map(matchData.entities);
    commonEntities = new Set(matchData.common);
    if (annotator || !isSiteEnabled(settings, site) || ctx.isInvalid) return;
    painter = createPainter(settings.highlightStyle);
    annotator = new PageAnnotator(document, {
      matcher: new Matcher(matchAliases(matchData)),
      isMarked: markFilter(settings),
      firstOnly: !settings.markEveryMention,
      painter,
      onChange: reportCount,
    });
    annotator.start();
    reportCount();
  };

  /** Own sources changed the merged index: drop what came from the old one, and scan again if running. */
  let indexGeneration = 0;
  const onIndexChanged = () => {
    indexGeneration++;
    matchData = null;
    entityNames = null;
    detailsCache.clear();
    if (!annotator) return;
    stop();
    void start();
  };

  const stop = () => {
    hover.close();
    popover?.close();
    annotator?.stop();
    annotator = null;
    painter = null;
    activeIndex = -1;
    reportCount();
  };

  const applySettings = (next: Settings) => {
    const before = settings;
    settings = next;
    const enabled = isSiteEnabled(next, site);
    if (!enabled) return stop();
    if (!annotator) return void start();
    if (next.highlightStyle !== before.highlightStyle) painter?.setStyle(next.highlightStyle);
    if (
      JSON.stringify(next.mutedEntities) !== JSON.stringify(before.mutedEntities) ||
      next.markEveryMention !== before.markEveryMention ||
      next.markCommonNames !== before.markCommonNames
    ) {
      // A filter on what was found, not a new matcher; an open card stays (it offers the undo).
      annotator.setMarkFilter(markFilter(next), !next.markEveryMention);
    }
  };

  ctx.addEventListener(document, 'pointermove', onPointerMove, { passive: true, capture: true });
  ctx.addEventListener(document, 'click', onClick, { passive: true, capture: true });
  ctx.addEventListener(document, 'keydown', onKeyDown, { capture: true });
  const unwatch = watchSettings(applySettings);
  ctx.onInvalidated(() => {
    unwatch();
    stop();
  });

  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const request = message as ContentRequest;
    // Every frame has its own matcher: each one refetches.
    if (request?.type === 'index-changed') return void onIndexChanged();
    if (!isTop) return undefined; // one answer per tab: the top frame's
    switch (request?.type) {
      case 'get-page-mentions': {
        const list = annotator?.mentions() ?? [];
        const enabled = isSiteEnabled(settings, site);
        const response: PageMentionsResponse = {
          mentions: list.map((m) => ({
            entityId: m.entityId,
            name: entityNames?.get(m.entityId) ?? m.entityId,
            text: textOf(m),
            marked: m.marked,
          })),
          enabled,
          // Still starting (waiting for the alias table) counts as pending too.
          pending: enabled && (annotator === null || annotator.busy),
          ...(annotator ? { stats: { ...annotator.stats } } : {}),
        };
        return Promise.resolve(response);
      }
      case 'reveal-mention':
        return Promise.resolve({ ok: openMention(request.index) });
      case 'reveal-entity': {
        const list = annotator?.mentions() ?? [];
        const own = list.flatMap((m, i) => (m.entityId === request.entityId ? [i] : []));
        const next = own.find((i) => i > activeIndex) ?? own[0];
        const ok = next !== undefined && openMention(next);
        return Promise.resolve({ ok, index: ok ? next : -1 });
      }
      case 'next-mention': {
        // Moves between marked mentions; the popup's "On this page" reaches the others.
        const list = annotator?.mentions() ?? [];
        const marked = list.flatMap((m, i) => (m.marked ? [i] : []));
        const next = marked.find((i) => i > activeIndex) ?? marked[0];
        return Promise.resolve({ ok: next !== undefined && openMention(next) });
      }
      default:
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  if (isSiteEnabled(settings, site)) await start();
  else reportCount();
}

/** The mention under a viewport point, if the point is really over its text (not just nearest to it). */
function mentionAtPoint(annotator: PageAnnotator, x: number, y: number): AnnotatedMention | null {
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
