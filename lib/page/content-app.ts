/**
 * The content script, wired from its parts:
 *
 *   tab's site + settings ─► PageMarks (gate; match-source ─► PageAnnotator: scan, paint, watch)
 *        │                         │
 *        └── watch settings ───────┘      hit-test (pointer) ─► CardSession (hover intent, card)
 *   page-messages: get-page-mentions, reveal-mention, reveal-entity, next-mention, get-top-site; index-changed (every frame)
 *
 * | page state                | work done                                                        |
 * |---------------------------|------------------------------------------------------------------|
 * | site or extension off     | none: no scan, no observer, no pointer handling; only listeners  |
 * |                           | for the settings and for messages (answering "disabled")          |
 * | on                        | sliced scan, queued mutation flushes, one rAF-throttled pointer   |
 * |                           | hit test, card host in the DOM only while a card is open          |
 * | turned off live / invalid | everything above undone: highlights cleared, observer and timers |
 *
 * The switch is decided by the tab's site (its top-level page), for every frame of the tab: a frame
 * cannot read a cross-origin top page's address, so it asks the background, which knows it.
 * Every listener and timer is tied to the WXT context, so an extension update or reload leaves nothing.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../messages';
import { getSettings, watchSettings } from '../settings';
import { siteKey } from '../sites';
import { CardSession } from './card/session';
import { watchPointer } from './hit-test';
import { OWN_MATCH_KEY } from '../match/stored';
import { loadMatchSource, type MatchSource, type MatchSourceInputs } from './match-source';
import {
  answerPageRequest,
  listenForIndexChanges,
  listenForPageRequests,
  PageNames,
} from './page-messages';
import { PageMarks } from './page-marks';

const RUNNING = Symbol.for('source-context.content-script');

/**
 * The site of this frame's tab. The top frame's is its own address; a frame asks the background, which
 * knows its tab's address (else the top frame's report); where it cannot say, none.
 */
async function tabSite(isTop: boolean): Promise<string | null> {
  if (isTop) return siteKey(location.href);
  try {
    return (await sendToBackground({ type: 'get-tab-site' })).site;
  } catch {
    return null;
  }
}

/** `bundledMatch`: the bundled index's match data, carried by the content script (lib/match/bundled.ts). */
export async function runContentScript(
  ctx: ContentScriptContext,
  bundledMatch: unknown,
): Promise<void> {
  // Content scripts live in an isolated world: this flag is invisible to the page.
  const scope = globalThis as unknown as Record<symbol, boolean>;
  if (scope[RUNNING]) return;
  scope[RUNNING] = true;
  ctx.onInvalidated(() => delete scope[RUNNING]);

  // Page setup (for the benchmark) counts from here, or from the index change that reloads the matcher.
  let started = performance.now();
  const inputs: MatchSourceInputs = {
    bundled: bundledMatch,
    readStored: () => browser.storage.local.get(OWN_MATCH_KEY).then((r) => r[OWN_MATCH_KEY]),
    ask: () => sendToBackground({ type: 'get-match-data' }),
  };
  // The bundled matcher is decoded first, then the settings and the tab's site are asked for (it is not
  // used where the site is switched off: a small cost that keeps the first marks from waiting for it).
  let early: Promise<MatchSource> | null = loadMatchSource(started, inputs);
  early.catch(() => {});
  const matchSource = () => {
    const source = early ?? loadMatchSource(started, inputs);
    early = null;
    return source;
  };
  const isTop = window === window.top;
  const [site, settings] = await Promise.all([tabSite(isTop), getSettings()]);
  if (ctx.isInvalid) return;

  let card: CardSession | null = null;
  const marks = new PageMarks(ctx, {
    site,
    isTop,
    settings,
    loadMatchSource: matchSource,
    onStop: () => card?.end(),
  });
  card = new CardSession(ctx, marks);
  const session = card;

  watchPointer(ctx, {
    move: (point) => session.pointerMoved(point),
    click: (point) => session.clicked(point),
    escape: () => session.escape(),
  });
  const names = new PageNames((ids) => sendToBackground({ type: 'get-entity-names', ids }));
  listenForPageRequests(ctx, (request) => answerPageRequest(request, marks, session, names));
  listenForIndexChanges(ctx, () => {
    started = performance.now();
    early = null;
    names.forget();
    session.forgetDetails();
    void marks.reload();
  });
  const unwatch = watchSettings((next) => marks.apply(next));
  ctx.onInvalidated(() => {
    unwatch();
    marks.stop();
  });

  if (marks.enabled) await marks.start();
  else marks.report();
}
