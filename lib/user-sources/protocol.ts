/** What the background answers the own-sources requests of lib/messages.ts with. */
import type { ExtractedArticle } from './article';
import type { UserSource } from './merge';

/** Why nothing was stored, for the UI to say in the reader's language. */
export type OwnSourceProblem =
  | { reason: 'not-article' }
  | { reason: 'empty' }
  | { reason: 'too-large'; chars: number; limit: number }
  /** The browser does not let extensions read this page (browser pages, stores). */
  | { reason: 'unreadable' }
  | { reason: 'storage'; detail: string }
  | { reason: 'index'; detail: string }
  | { reason: 'invalid-file'; detail: string };

export interface NameFound {
  id: string;
  name: string;
  type: string;
}

export type PreviewResponse =
  | { ok: false; problem: OwnSourceProblem }
  | {
      ok: true;
      /** The source as it will be stored on confirmation (sent back with own-sources-add). */
      source: UserSource;
      article: Omit<ExtractedArticle, 'text' | 'blocks'>;
      /** The first blocks of the text, for the reader to recognise the article. */
      firstLines: string[];
      names: NameFound[];
      /** The title of the saved source this page already is (same address or same text), if any. */
      duplicateOf: string | null;
    };

export type AddResponse =
  { ok: true; added: boolean; names: number } | { ok: false; problem: OwnSourceProblem };

export interface OwnSourceSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  site: string;
  url: string;
  savedAt: string;
  published: string | null;
  names: NameFound[];
}

export type ImportResponse =
  { ok: true; added: number; skipped: number } | { ok: false; problem: OwnSourceProblem };

export type RemoveResponse =
  { ok: true; removed: UserSource[] } | { ok: false; problem: OwnSourceProblem };
