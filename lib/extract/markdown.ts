/**
 * Markdown article body → plain text with one block per line, parsed by mdast (CommonMark), never by
 * regular expressions. Link text is kept, images, code and raw HTML are dropped; headings, paragraphs and
 * list items each become their own line, so a label ("Watch:") or a heading never runs into the next
 * sentence. Block quotes are kept as blocks of kind "quote", so attribution can give them to whoever the
 * text says is quoted.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parents } from 'mdast';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'quote';

/** A block of the article text: [start, end) offsets and what kind of block it was in the source. */
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
}

export interface PlainText {
  text: string;
  blocks: Block[];
}

/** Stands for a hard line break inside a paragraph until the paragraph is cut at it. */
const HARD_BREAK = '\u2028';

/** Inline content → its visible words. Images, inline code and raw HTML carry no prose. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      // Emphasis marks CommonMark could not pair ("**Lynne Patton **") are formatting, not words.
      return node.value.replace(/\*{2,}|(?<=\s|^)\*(?=\s|$)/g, ' ');
    case 'break':
      // A hard line break ends a line of its own ("✅ Gas prices down  "): a block, not a space.
      return HARD_BREAK;
    case 'image':
    case 'imageReference':
    case 'inlineCode':
      return ' ';
    case 'html':
      // Inline tags sit inside words ("Panama Cana</span>l"): drop them without a gap.
      return '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function markdownToText(markdown: string): PlainText {
  const tree = fromMarkdown(markdown);
  const lines: Array<{ text: string; kind: BlockKind }> = [];
  const visit = (node: Nodes, inQuote: boolean, inItem: boolean) => {
    switch (node.type) {
      case 'heading':
      case 'paragraph': {
        const kind: BlockKind = inQuote
          ? 'quote'
          : node.type === 'heading'
            ? 'heading'
            : inItem
              ? 'item'
              : 'paragraph';
        for (const part of inlineText(node).split(HARD_BREAK)) {
          const text = clean(part);
          // A paragraph that was only an image or a link to a file leaves nothing worth a line.
          if (text) lines.push({ text, kind });
        }
        return;
      }
      case 'code':
      case 'html':
      case 'thematicBreak':
      case 'definition':
        return;
      case 'blockquote':
        for (const child of node.children) visit(child, true, inItem);
        return;
      case 'listItem':
        for (const child of node.children) visit(child, inQuote, true);
        return;
      default:
        if ('children' in node)
          for (const child of (node as Parents).children) visit(child as Nodes, inQuote, inItem);
    }
  };
  visit(tree, false, false);
  return joinBlocks(lines);
}

/** Blocks of text, one per line, with each block's offsets in the joined text. */
export function joinBlocks(lines: ReadonlyArray<{ text: string; kind: BlockKind }>): PlainText {
  let text = '';
  const blocks: Block[] = [];
  for (const line of lines) {
    if (text) text += '\n';
    blocks.push({ start: text.length, end: text.length + line.text.length, kind: line.kind });
    text += line.text;
  }
  return { text, blocks };
}

/** Plain-text articles: every non-empty line is a paragraph. */
export function linesAsBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (line.trim()) blocks.push({ start, end, kind: 'paragraph' });
    start = end + 1;
  }
  return blocks;
}
