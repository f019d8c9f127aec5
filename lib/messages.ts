/** Messages between the extension's parts. Every request has a `type`; answers are plain JSON. */
import type { Article, Attribution, Entity, Mention } from './index/schema';
import type { UserSource } from './user-sources/merge';

/** The compact alias table the content script compiles its matcher from (every page gets it: keep it small). */
export interface MatchData {
  /** [id, name] of each entity; aliases point at them by position. */
  entities: Array<[string, string]>;
  /** [entity position, alias text, flags] — flags: 1 = case-sensitive, 2 = must be capitalised. */
  aliases: Array<[number, string, number]>;
  /** Ids of entities more than half of the indexed articles mention: too common to mark by default. */
  common: string[];
}

export const ALIAS_CASE_SENSITIVE = 1;
export const ALIAS_REQUIRE_CAPITAL = 2;

export type ArticleMeta = Omit<Article, 'sentences'>;

/** A mention with its sentence's text and attribution, as the card shows it. */
export interface MentionView extends Mention {
  sentence: string;
  attribution: Attribution;
}

export interface EntityView extends Omit<Entity, 'mentions'> {
  mentions: MentionView[];
}

export interface EntityDetails {
  entity: EntityView;
  articles: Record<string, ArticleMeta>;
}

/** Sent to the background service worker. */
export type BackgroundRequest =
  | { type: 'get-match-data' }
  | { type: 'get-entity'; id: string }
  | { type: 'mentions-changed'; count: number; enabled: boolean }
  | { type: 'open-reader'; articleId: string; sentenceIndex?: number }
  /** Inject the hover card's code into the sender's frame (see lib/page/card-ui.ts). */
  | { type: 'load-card-ui' }
  /** The merged index (bundled + the reader's own sources), for the popup's search and the reader. */
  | { type: 'get-index' }
  /** Own sources (lib/user-sources): read the article of a tab for confirmation → PreviewResponse. */
  | { type: 'own-sources-preview'; tabId: number }
  /** Store a previewed source and index it → AddResponse. */
  | { type: 'own-sources-add'; source: UserSource }
  /** → OwnSourceSummary[] */
  | { type: 'own-sources-list' }
  /** → RemoveResponse (the removed sources, for undo). */
  | { type: 'own-sources-remove'; ids: string[] | 'all' }
  /** Put removed sources back (undo) → ImportResponse. */
  | { type: 'own-sources-restore'; sources: UserSource[] }
  /** → the export file's object (JSON or Web Annotation JSON-LD). */
  | { type: 'own-sources-export'; format: 'json' | 'annotations' }
  /** A file's text → ImportResponse. */
  | { type: 'own-sources-import'; text: string };

/** Sent to a tab's content script (by the popup, the background, and tests). */
export type ContentRequest =
  | { type: 'get-page-mentions' }
  | { type: 'reveal-mention'; index: number }
  /** Opens the card at this entity's next mention after the one shown last (its first, at first). */
  | { type: 'reveal-entity'; entityId: string }
  | { type: 'next-mention' }
  /** The merged index changed (an own source added or removed): fetch the match data again. */
  | { type: 'index-changed' };

export interface PageMentionItem {
  entityId: string;
  name: string;
  /** Exactly as written on the page. */
  text: string;
  /** False for a mention of an entity the reader muted: listed, not marked on the page. */
  marked: boolean;
}

export interface PageMentionsResponse {
  mentions: PageMentionItem[];
  /** False where the extension is off for this site (then mentions is empty). */
  enabled: boolean;
  /** True while the page is still being scanned. */
  pending: boolean;
  /** What scanning this page has cost so far (diagnostics for tests and the benchmark). */
  stats?: { textNodes: number; textChars: number; scanMs: number; slices: number };
}
