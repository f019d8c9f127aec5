/**
 * The content script's answers to the extension (popup, background, tests): what is on the page, moving
 * to a mention, and the tab's site for the other frames. Only the top frame answers (one answer per tab),
 * only this extension may ask, and a request that fails its check gets no answer.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  MAX_NAMES_ASKED,
  parseContentRequest,
  type ContentMessages,
  type ContentRequest,
  type PageMentionsResponse,
} from '../messages';
import type { AnnotatedMention } from './annotator';
import type { CardSession } from './card/session';
import { textOf } from './card/session';
import type { PageMarks } from './page-marks';

type Answer = ContentMessages[ContentRequest['type']]['response'];

/** Entities' names, as the background's `get-entity-names` gives them (same order). */
export type AskNames = (ids: string[]) => Promise<string[]>;

/**
 * The names of the entities found on the page, for the popup's list. The match data carries none (a big
 * index has megabytes of them), so they are asked of the background — only when the list is asked for,
 * when the popup has woken it anyway — and kept until the index changes (`forget`). Where it cannot
 * answer, an id stands for its name.
 */
export class PageNames {
  private readonly known = new Map<string, string>();

  constructor(private readonly ask: AskNames) {}

  async of(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const missing = [...new Set(ids)].filter((id) => !this.known.has(id));
    for (let at = 0; at < missing.length; at += MAX_NAMES_ASKED) {
      const batch = missing.slice(at, at + MAX_NAMES_ASKED);
      const names = await this.ask(batch).catch(() => null);
      if (!Array.isArray(names) || names.length !== batch.length) continue;
      batch.forEach((id, i) => this.known.set(id, typeof names[i] === 'string' ? names[i] : id));
    }
    return this.known;
  }

  forget(): void {
    this.known.clear();
  }
}

export function answerPageRequest(
  request: ContentRequest,
  marks: PageMarks,
  card: Pick<CardSession, 'openMention' | 'nextIndex'>,
  names: PageNames,
): Answer | Promise<Answer> {
  switch (request.type) {
    case 'get-page-mentions':
      return pageMentions(marks, names);
    case 'reveal-mention':
      return { ok: card.openMention(request.index) };
    case 'reveal-entity': {
      const next = card.nextIndex((m: AnnotatedMention) => m.entityId === request.entityId);
      const ok = next !== undefined && card.openMention(next);
      return { ok, index: ok ? next : -1 };
    }
    case 'next-mention': {
      // Moves between marked mentions; the popup's "On this page" reaches the others.
      const next = card.nextIndex((m) => m.marked);
      return { ok: next !== undefined && card.openMention(next) };
    }
    case 'get-top-site':
      return { site: marks.site };
    case 'index-changed':
      // Every frame hears it through listenForIndexChanges; the top frame has nothing more to say.
      return null;
  }
}

async function pageMentions(marks: PageMarks, names: PageNames): Promise<PageMentionsResponse> {
  // Asking again is how a failed start is retried.
  if (marks.error !== null) void marks.start();
  const annotator = marks.annotator;
  // Read before the names are awaited: one consistent picture of the page.
  const mentions = marks.mentions();
  const state = {
    enabled: marks.enabled,
    pending: marks.pending,
    site: marks.site,
    ...(marks.error !== null ? { error: marks.error } : {}),
    ...(annotator ? { stats: { ...annotator.stats } } : {}),
  };
  const known = await names.of(mentions.map((m) => m.entityId));
  return {
    mentions: mentions.map((m) => ({
      entityId: m.entityId,
      name: known.get(m.entityId) ?? m.entityId,
      text: textOf(m),
      marked: m.marked,
    })),
    ...state,
  };
}

/** Answers requests in the top frame for as long as the context lives. */
export function listenForPageRequests(
  ctx: ContentScriptContext,
  answer: (request: ContentRequest) => Answer | Promise<Answer>,
): void {
  if (window !== window.top) return;
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseContentRequest(message);
    return request ? Promise.resolve(answer(request)) : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

/**
 * Own sources added or removed changed the index: every frame (each has its own matcher) is told, not
 * only the top one. Only this extension may say so.
 */
export function listenForIndexChanges(ctx: ContentScriptContext, onChange: () => void): void {
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (parseContentRequest(message)?.type === 'index-changed') onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
