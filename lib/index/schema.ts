/**
 * The shape of the bundled article index. Tools outside the project read this file, so fields are only
 * ever added; a breaking change bumps INDEX_VERSION.
 */
import { z } from 'zod';

import { ATTRIBUTION_ROLES, ENTITY_TYPES, INDEX_VERSION } from './constants';

export const attributionSchema = z.strictObject({
  /** Who asserts the sentence: the outlet (null when unknown), the quoted person, the reported party. */
  by: z.string().nullable(),
  role: z.enum(ATTRIBUTION_ROLES),
  /** The entity behind `by`, when it is one of the index's entities. */
  byEntityId: z.string().optional(),
  /** The words of the article that establish the attribution, e.g. "According to Breitbart". */
  cue: z.string().optional(),
});
export type Attribution = z.infer<typeof attributionSchema>;

/** One sentence of an article, stored once: entity mentions point at it by index. */
export const sentenceSchema = z.strictObject({
  text: z.string(),
  /** Which paragraph (heading, list item, block quote) of the article the sentence is in, from 0. */
  paragraph: z.number().int().nonnegative(),
  attribution: attributionSchema,
});
export type Sentence = z.infer<typeof sentenceSchema>;

export const articleSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/),
  /** null where the seed does not say; the UI shows "unknown". */
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  citedSources: z.array(z.string()),
  url: z.string().nullable(),
  /** ISO date (YYYY-MM-DD) or null. */
  published: z.string().nullable(),
  language: z.string().nullable(),
  note: z.string().nullable(),
  /** Only on the reader's own sources (lib/user-sources): when and from which site they saved it. */
  saved: z.strictObject({ at: z.string(), site: z.string() }).optional(),
  /** Every sentence of the article in order, with who asserts it, so the reader page works offline. */
  sentences: z.array(sentenceSchema),
});
export type Article = z.infer<typeof articleSchema>;

export const aliasSchema = z.strictObject({
  text: z.string().min(1),
  /** Acronyms and short all-caps words match only as written: SAFE never matches "safe". */
  caseSensitive: z.boolean(),
  /** Single words (surnames, one-word places) only match when capitalised: "Trump", not "trump". */
  requireCapital: z.boolean(),
  /**
   * false: found in the indexed articles but never marked on a web page — a one-word short form that is
   * an ordinary English word ("Electric" for Schneider Electric), which on other pages is mostly that
   * word (lib/extract/build.ts `articlesOnly`).
   */
  pageMatch: z.literal(false).optional(),
});
export type Alias = z.infer<typeof aliasSchema>;

/** Where an entity is named: the article's sentence, and [start, end) spans inside its text. */
export const mentionSchema = z.strictObject({
  articleId: z.string(),
  sentenceIndex: z.number().int().nonnegative(),
  spans: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type Mention = z.infer<typeof mentionSchema>;

export const entitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(aliasSchema),
  description: z.string().optional(),
  /** Titles the articles use before the name ("President", "Homeland Security Secretary"). */
  roles: z.array(z.string()),
  mentions: z.array(mentionSchema),
});
export type Entity = z.infer<typeof entitySchema>;

export const indexSchema = z.strictObject({
  version: z.literal(INDEX_VERSION),
  articles: z.array(articleSchema),
  entities: z.array(entitySchema),
  /** fuse.js index over SEARCH_KEYS, prebuilt so the popup does not index at start-up. */
  search: z.strictObject({
    keys: z.array(z.string()),
    index: z.unknown(),
  }),
});
export type SourceIndex = z.infer<typeof indexSchema>;
