/**
 * Export and import of the reader's own sources. Two exports: one JSON file in the index's own article
 * and entity shapes (versioned, read back by import), and W3C Web Annotation JSON-LD for annotation
 * tools (one annotation per attributed sentence that names an entity). Import validates the whole file
 * with zod first: a file that fails is refused whole, with a message that says where.
 */
import { z } from 'zod';
import { INDEX_VERSION } from '../index/constants';
import { articleSchema, entitySchema, type Article, type SourceIndex } from '../index/schema';
import type { UserSource } from './merge';

export const EXPORT_FORMAT = 'source-context/own-sources';
export const EXPORT_VERSION = 1;

const blockSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(['heading', 'paragraph', 'item', 'quote']),
});

const exportedSourceSchema = z
  .strictObject({
    /** The article as the merged index holds it: metadata, saved, and every sentence attributed. */
    article: articleSchema.extend({
      id: z.string().regex(/^mine-[A-Za-z0-9_-]+$/, 'an own source id starts with "mine-"'),
      url: z.string().regex(/^(?:https?|file):\/\/\S+$/, 'the address must be http(s) or file'),
      saved: z.strictObject({ at: z.iso.datetime(), site: z.string() }),
    }),
    byline: z.string().nullable(),
    /** The article's text and blocks: what the pipeline indexes again on import and after updates. */
    text: z.string().min(1),
    blocks: z.array(blockSchema),
  })
  .refine((s) => s.blocks.every((b) => b.start <= b.end && b.end <= s.text.length), {
    message: 'a block lies outside the text',
    path: ['blocks'],
  });

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  indexVersion: z.number().int(),
  exported: z.string(),
  sources: z.array(exportedSourceSchema),
  /** The entities the sources name, mentions limited to them: for tools; import derives them again. */
  entities: z.array(entitySchema),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

const articleOf = (index: SourceIndex, id: string): Article | undefined =>
  index.articles.find((a) => a.id === id);

export function exportJson(sources: readonly UserSource[], index: SourceIndex): ExportFile {
  const ids = new Set(sources.map((s) => s.id));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    indexVersion: INDEX_VERSION,
    exported: new Date().toISOString(),
    sources: sources.flatMap((s) => {
      const article = articleOf(index, s.id);
      if (!article) return [];
      return [
        {
          article: { ...article, url: s.url, saved: { at: s.savedAt, site: s.site } },
          byline: s.byline,
          text: s.text,
          blocks: s.blocks,
        },
      ];
    }),
    entities: index.entities.flatMap((e) => {
      const mentions = e.mentions.filter((m) => ids.has(m.articleId));
      return mentions.length ? [{ ...e, mentions }] : [];
    }),
  };
}

export class ImportError extends Error {}

/** A file's text → the sources it holds, or an ImportError saying what is wrong (nothing is taken then). */
export function parseImport(text: string): UserSource[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not JSON (${(err as Error).message})`);
  }
  const result = exportFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the file';
    throw new ImportError(`${where}: ${issue.message}`);
  }
  return result.data.sources.map(({ article, byline, text, blocks }): UserSource => ({
    id: article.id,
    savedAt: article.saved.at,
    site: article.saved.site,
    title: article.title,
    byline,
    outlet: article.outlet,
    url: article.url,
    published: article.published,
    language: article.language,
    text,
    blocks,
  }));
}

const CONTEXT_CHARS = 32;

/** "Quote — Donald Trump" style, in English: annotation bodies are data, not interface. */
function attributionText(a: Article['sentences'][number]['attribution']): string {
  const who = a.by ?? 'unknown';
  return a.role === 'narration'
    ? `Narration — ${who}`
    : `${a.role === 'quote' ? 'Quote' : 'Reported'} — ${who}${a.cue ? ` (${a.cue})` : ''}`;
}

/**
 * W3C Web Annotation (JSON-LD) collection: per sentence of a saved article that names an entity, one
 * annotation targeting the sentence on the source page by a TextQuoteSelector, tagged with each entity
 * named, its attribution in a describing body.
 */
export function exportWebAnnotations(sources: readonly UserSource[], index: SourceIndex) {
  const items: object[] = [];
  for (const s of sources) {
    const article = articleOf(index, s.id);
    if (!article) continue;
    const named = new Map<number, string[]>();
    for (const e of index.entities)
      for (const m of e.mentions)
        if (m.articleId === s.id)
          named.set(m.sentenceIndex, [...(named.get(m.sentenceIndex) ?? []), e.name]);
    let from = 0;
    article.sentences.forEach((sentence, i) => {
      const at = s.text.indexOf(sentence.text, from);
      if (at >= 0) from = at + sentence.text.length;
      const names = named.get(i);
      if (!names) return;
      items.push({
        id: `urn:source-context:${s.id}:${i}`,
        type: 'Annotation',
        motivation: 'tagging',
        created: s.savedAt,
        body: [
          ...names.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
          {
            type: 'TextualBody',
            purpose: 'describing',
            format: 'text/plain',
            value: attributionText(sentence.attribution),
          },
        ],
        target: {
          source: s.url,
          selector: {
            type: 'TextQuoteSelector',
            exact: sentence.text,
            ...(at >= 0
              ? {
                  prefix: s.text.slice(Math.max(0, at - CONTEXT_CHARS), at),
                  suffix: s.text.slice(
                    at + sentence.text.length,
                    at + sentence.text.length + CONTEXT_CHARS,
                  ),
                }
              : {}),
          },
        },
      });
    });
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Source Context: own sources',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
}
