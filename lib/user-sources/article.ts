/**
 * A web page's article, as Readability leaves it, turned into what the index builder reads: plain text
 * with one block per paragraph, heading, list item or block quote (the same blocks the Markdown reader
 * makes for the bundled seeds, lib/extract/markdown.ts), plus the page's own metadata. Pure over a DOM
 * element: the injected script (entrypoints/readability.ts) runs it on the page, tests on happy-dom.
 */
import { joinBlocks, type Block, type BlockKind, type PlainText } from '../extract/markdown';

/** What "Add this page" extracts from a page and shows for confirmation before anything is stored. */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** The outlet the page names (og:site_name and the like), null when it names none. */
  siteName: string | null;
  /** YYYY-MM-DD, or null when the page gives no date that reads as one. */
  published: string | null;
  url: string;
  language: string | null;
  text: string;
  blocks: Block[];
}

/** The injected script's answer: an article, or why there is none. */
export type ExtractResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: 'not-article' | 'too-large' | 'empty'; chars?: number };

/** Pages larger than this (characters of article text) are refused: no index entry needs a book. */
export const MAX_ARTICLE_CHARS = 1_000_000;

const HEADING = /^H[1-6]$/;
/** Elements whose text is one block of their own. */
const BLOCK_LEAVES = new Set(['P', 'LI', 'DT', 'DD', 'FIGCAPTION', 'CAPTION', 'TD', 'TH']);
/** Never prose. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'PRE', 'CODE', 'SVG', 'MATH']);

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Visible words of an inline run; <br> ends a line (a block of its own, as in the Markdown reader). */
function inlineLines(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out[out.length - 1] += (node as Text).data;
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  if (SKIP.has(tagOf(el))) return;
  if (tagOf(el) === 'BR') {
    out.push('');
    return;
  }
  for (const child of el.childNodes) inlineLines(child, out);
}

const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'BLOCKQUOTE',
  'FIGURE',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'FORM',
  'FIELDSET',
  'DETAILS',
]);

const tagOf = (el: Element) => el.tagName.toUpperCase();
const isBlock = (el: Element) => {
  const tag = tagOf(el);
  return BLOCK_LEAVES.has(tag) || HEADING.test(tag) || CONTAINERS.has(tag) || SKIP.has(tag);
};

/** The article element → text and blocks. Nested blocks are visited, never joined to their parent. */
export function blocksFromElement(root: Element): PlainText {
  const lines: Array<{ text: string; kind: BlockKind }> = [];
  const push = (nodes: Iterable<Node>, kind: BlockKind) => {
    const parts = [''];
    for (const n of nodes) inlineLines(n, parts);
    for (const part of parts) {
      const text = clean(part);
      if (text) lines.push({ text, kind });
    }
  };
  const visit = (el: Element, inQuote: boolean, inItem: boolean) => {
    const tag = tagOf(el);
    if (SKIP.has(tag)) return;
    const quote = inQuote || tag === 'BLOCKQUOTE';
    const item = inItem || tag === 'LI';
    const kind: BlockKind = quote
      ? 'quote'
      : HEADING.test(tag)
        ? 'heading'
        : item
          ? 'item'
          : 'paragraph';
    const children = [...el.childNodes];
    if (HEADING.test(tag) || !children.some((c) => c.nodeType === 1 && isBlock(c as Element)))
      return push(children, kind);
    // Text sitting directly in a container beside blocks is a block of its own per run.
    let run: Node[] = [];
    for (const child of children) {
      if (child.nodeType === 1 && isBlock(child as Element)) {
        push(run, kind);
        run = [];
        visit(child as Element, quote, item);
      } else run.push(child);
    }
    push(run, kind);
  };
  visit(root, false, false);
  return joinBlocks(lines);
}

/** "2025-03-27T10:06:32-04:00", "2025-03-27" → "2025-03-27"; anything else → null (never guessed). */
export function isoDay(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(value ?? '');
  return m ? m[1]! : null;
}

/** The shape Readability's parse() returns when asked for the element itself (serializer: el => el). */
export interface ReadabilityLike {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  content?: Element | null;
}

/** Readability's result → the article to confirm, or why there is none. */
export function toExtracted(parsed: ReadabilityLike | null, url: string): ExtractResult {
  if (!parsed?.content) return { ok: false, reason: 'not-article' };
  const { text, blocks } = blocksFromElement(parsed.content);
  if (text.length > MAX_ARTICLE_CHARS)
    return { ok: false, reason: 'too-large', chars: text.length };
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  return {
    ok: true,
    article: {
      title: clean(parsed.title ?? '') || null,
      byline: clean(parsed.byline ?? '') || null,
      siteName: clean(parsed.siteName ?? '') || null,
      published: isoDay(parsed.publishedTime),
      url,
      language:
        clean(parsed.lang ?? '')
          .split('-')[0]
          ?.toLowerCase() || null,
      text,
      blocks,
    },
  };
}
