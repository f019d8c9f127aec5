/**
 * The scanner's block and skip decisions as it climbs from a text node's parent through inline elements
 * (nothing memoised below a block), and a scan cut into slices by its deadline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import type { MatchAlias } from '../../../lib/match/matcher';
import { scanSubtree, SubtreeScan, type PageMention } from '../../../lib/page/scanner';

const aliases: MatchAlias[] = [
  ['bukele', 'Nayib Bukele'],
  ['bukele', 'Bukele'],
  ['trump', 'Trump'],
  ['sv', 'El Salvador'],
].map(([entityId, text]) => ({
  entityId: entityId!,
  text: text!,
  caseSensitive: false,
  requireCapital: true,
}));
const matcher = compileMatcher(aliases);

function page(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

const render = (mentions: PageMention[]) =>
  mentions.map((m) => {
    const r = document.createRange();
    r.setStart(m.startNode, m.startOffset);
    r.setEnd(m.endNode, m.endOffset);
    return `${r.toString()}→${m.entityId}`;
  });
const found = (root: Node) => render(scanSubtree(root, matcher));

afterEach(() => document.body.replaceChildren());

describe('scanner: climbing inline elements', () => {
  it('joins a name over inline elements nested at different depths', () => {
    expect(
      found(
        page(
          '<p>Nayib <span><a><b>Bukele</b></a></span> met <i>Trump</i> in <span><b>El</b></span> <a><i>Salva</i>dor</a>.</p>',
        ),
      ),
    ).toEqual(['Nayib Bukele→bukele', 'Trump→trump', 'El Salvador→sv']);
  });

  it.each([
    ['a skipped tag above the block', '<video><p>Nayib <b><i>Bukele</i></b></p></video>'],
    [
      'a skipped tag between block and text',
      '<p>Nayib <span><code><b>Bukele</b></code></span></p>',
    ],
    [
      'aria-hidden above the block',
      '<div aria-hidden="true"><p>Trump <span><a>Bukele</a></span></p></div>',
    ],
    [
      'a skipped parent whose own text came just before',
      '<div hidden>x <p>Trump</p> y <p>Bukele</p></div>',
    ],
    ['a skipped tag whose own text came just before', '<pre>x<div>Trump</div></pre>'],
    ['hidden two blocks up', '<div hidden><ul><li><a><b>Trump</b></a></li></ul></div>'],
    [
      'own UI above a block',
      '<source-context-card><p><span>Trump</span></p></source-context-card>',
    ],
  ])('skips text under %s', (_name, markup) => {
    expect(found(page(`${markup}<p>Trump</p>`))).toEqual(['Trump→trump']);
  });

  it('does not join the outer block’s text around a nested block, whichever inline element holds it', () => {
    expect(found(page('<div>Nayib <p>x</p><b>Bukele</b></div>'))).toEqual(['Bukele→bukele']);
    expect(found(page('<div><i>El</i><p>x</p> <b>Salvador</b></div>'))).toEqual([]);
  });

  it('joins text around skipped inline content of the same block, as before', () => {
    // The skipped text is not read and nothing ends the block: the mention runs from "Nayib " to "Bukele".
    const root = page('<p>Nayib <span hidden>x</span><b>Bukele</b></p>');
    const [mention, ...rest] = scanSubtree(root, matcher);
    expect(rest).toEqual([]);
    expect(mention).toMatchObject({
      entityId: 'bukele',
      startNode: root.querySelector('p')!.firstChild,
      startOffset: 0,
      endNode: root.querySelector('b')!.firstChild,
      endOffset: 6,
    });
  });

  it('asks the root and what is above it directly, for a root that is an inline element', () => {
    page(
      '<div aria-hidden="true"><p><span id="hidden">Trump</span></p></div>' +
        '<p>Nayib <span id="shown">El <b>Salvador</b> and <i>Trump</i></span></p>',
    );
    expect(found(document.getElementById('hidden')!)).toEqual([]);
    expect(found(document.getElementById('shown')!)).toEqual(['El Salvador→sv', 'Trump→trump']);
  });

  it('finds the same mentions when the scan is cut into slices', () => {
    const parts: string[] = [];
    for (let i = 0; i < 150; i++) {
      parts.push(
        i % 3 === 0
          ? `<p>Nayib <a><b>Bukele</b></a> ${i}</p>`
          : i % 3 === 1
            ? `<div><span>El</span> <i><b>Salvador</b></i><p>Trump ${i}</p></div>`
            : `<ul><li>Nayib</li><li><span hidden>x</span><b>Trump</b></li></ul>`,
      );
    }
    const root = page(parts.join('\n'));
    const whole = found(root);
    const sliced = new SubtreeScan(root, matcher);
    let slices = 1;
    // A deadline in the past: every slice stops at its first look at the clock.
    while (!sliced.run(-1)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(render(sliced.mentions)).toEqual(whole);
    expect(whole.length).toBe(50 + 100 + 50);
  });

  it('joins adjacent text right under a shadow root, also when a slice ends between them', () => {
    const host = page('<div></div>').firstElementChild!;
    const shadow = host.attachShadow({ mode: 'open' });
    // The 127th and 128th text nodes: a slice looks at the clock at every 128th node and stops there.
    for (let i = 0; i < 126; i++) shadow.append(document.createTextNode(' x'));
    shadow.append(document.createTextNode(' Nayib '), document.createTextNode('Bukele'));
    const b = document.createElement('b');
    b.append(document.createTextNode('Trump'));
    shadow.append(b);
    const whole = found(shadow);
    expect(whole).toEqual(['Nayib Bukele→bukele', 'Trump→trump']);
    const sliced = new SubtreeScan(shadow, matcher);
    let slices = 1;
    while (!sliced.run(-1)) slices++;
    expect(slices).toBe(2);
    expect(render(sliced.mentions)).toEqual(whole);
  });

  it('decides a name followed by thousands of skipped text nodes (read unchecked) in its block', () => {
    const icons = '<i>x</i>'.repeat(3000);
    const root = page(`<p>met Trump <span aria-hidden="true">${icons}</span> in Washington</p>`);
    expect(found(root)).toEqual(['Trump→trump']);
    const sliced = new SubtreeScan(root, matcher);
    while (!sliced.run(-1));
    expect(render(sliced.mentions)).toEqual(['Trump→trump']);
  });

  describe('attribute skips (aria-hidden, hidden, contenteditable) whatever the root', () => {
    const markup =
      '<div aria-hidden="true"><p>Trump</p></div><p hidden>Trump</p>' +
      '<div contenteditable><b>Trump</b></div><p><span aria-hidden="true">Trump</span> Bukele</p>';

    it('a document', () => {
      page(markup);
      expect(found(document)).toEqual(['Bukele→bukele']);
    });

    it('a shadow root', () => {
      const host = page('<div></div>').firstElementChild!;
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `${markup}<span aria-hidden="true">Trump</span>`;
      expect(found(shadow)).toEqual(['Bukele→bukele']);
    });

    it('a text node, whether the skip is on its inline parent or on a block above', () => {
      page(markup);
      const texts: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if ((n as Text).data === 'Trump') texts.push(n as Text);
      expect(texts.length).toBe(4);
      for (const text of texts) expect(found(text)).toEqual([]);
      expect(found(document.body.lastElementChild!.lastChild!)).toEqual(['Bukele→bukele']);
    });
  });

  describe('blank text nodes (set aside while no name is under way)', () => {
    it('a blank in another block still ends the block around it', () => {
      expect(found(page('<div>Melania Trump</div>'))).toEqual([]);
      expect(found(page('<div>Melania <p> </p>Trump</div>'))).toEqual(['Trump→trump']);
      expect(found(page('<div>Melania <p>\n</p><b>Trump</b></div>'))).toEqual(['Trump→trump']);
    });

    it('a blank of the same block is still read as neighbouring text', () => {
      // "Trump-" + "style" would be a word; with the blank between them it is not.
      expect(found(page('<p>a Trump-<b>\n</b>style rally</p>'))).toEqual(['Trump→trump']);
      expect(found(page('<p>a Trump-style rally</p>'))).toEqual([]);
    });

    it('blanks between blocks change nothing, skipped or not', () => {
      expect(
        found(
          page(
            '<ul>\n  <li>Nayib</li>\n  <li>Bukele</li>\n</ul>\n<div hidden>\n</div>\n<p>El\n<b>\n</b>Salvador</p>\n',
          ),
        ),
      ).toEqual(['Bukele→bukele', 'El\n\nSalvador→sv']);
    });
  });
});
