/** What the scanner never reads, and where a name may not continue from one text node into the next. */

/** Never matched inside: code, form fields, scripts and styles, media, and non-text markup. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
]);

/** Attributes that make a subtree off-limits; collected with one selector query per scan. */
export const SKIP_SELECTOR =
  '[contenteditable]:not([contenteditable="false"]), [aria-hidden="true"], [hidden]';

/** Elements that start and end a block of text: a name never spans two of them. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'button',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'img',
  'label',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** The custom element names of the extension's own UI (card host, fallback marks). */
export const OWN_TAGS = new Set(['source-context-card', 'source-context-mark']);

/** True when `node` sits in a part of the page the scanner must not read (used for mutation targets). */
export function isInSkippedSubtree(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return true;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const name = e.localName;
    if (SKIP_TAGS.has(name) || OWN_TAGS.has(name)) return true;
  }
  return el.closest(SKIP_SELECTOR) !== null;
}

/** A tag's part in the scan, in one lookup: SKIP_TAGS and OWN_TAGS → TAG_SKIP, BLOCK_TAGS → TAG_BLOCK. */
export const TAG_SKIP = 1;
export const TAG_BLOCK = 2;
export const TAG_KIND: ReadonlyMap<string, number> = new Map([
  ...[...BLOCK_TAGS].map((tag): [string, number] => [tag, TAG_BLOCK]),
  ...[...SKIP_TAGS, ...OWN_TAGS].map((tag): [string, number] => [tag, TAG_SKIP]),
]);
