/** The page scanner and annotator on DOM fixtures (happy-dom has no Highlight API: the wrapping fallback runs). */
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import type { MatchAlias } from '../../../lib/match/matcher';
import { scanSubtree } from '../../../lib/page/scanner';
import { PageAnnotator, documentOrder } from '../../../lib/page/annotator';
import { createPainter, supportsHighlightApi } from '../../../lib/page/highlights';

const aliases: MatchAlias[] = [
  ['bukele', 'Nayib Bukele', false],
  ['bukele', 'Bukele', false],
  ['trump', 'Trump', false],
  ['safe', 'SAFE', true],
  ['sv', 'El Salvador', false],
].map(([entityId, text, caseSensitive]) => ({
  entityId: entityId as string,
  text: text as string,
  caseSensitive: caseSensitive as boolean,
  requireCapital: !caseSensitive,
}));
const matcher = compileMatcher(aliases);

function page(markup: string): HTMLElement {
  document.body.replaceChildren();
  const template = document.createElement('template');
  template.innerHTML = markup;
  document.body.append(template.content);
  return document.body;
}

const found = (root: Node) =>
  scanSubtree(root, matcher).map((m) => {
    const r = document.createRange();
    r.setStart(m.startNode, m.startOffset);
    r.setEnd(m.endNode, m.endOffset);
    return `${r.toString()}→${m.entityId}`;
  });

afterEach(() => document.body.replaceChildren());

describe('scanner', () => {
  it('finds names in visible text, in document order', () => {
    expect(
      found(page('<h1>Trump hosts Bukele</h1><p>El Salvador’s leader, Nayib Bukele.</p>')),
    ).toEqual(['Trump→trump', 'Bukele→bukele', 'El Salvador→sv', 'Nayib Bukele→bukele']);
  });

  it('finds a name split across inline elements', () => {
    expect(
      found(page('<p>Nayib <b>Bukele</b> and <a href="#">El</a> <i>Salvador</i></p>')),
    ).toEqual(['Nayib Bukele→bukele', 'El Salvador→sv']);
  });

  it('never joins text across blocks', () => {
    expect(found(page('<div>Nayib</div><div>Bukele</div><p>El</p> Salvador'))).toEqual([
      'Bukele→bukele',
    ]);
  });

  it.each([
    ['script', '<script>var x = "Trump";</script>'],
    ['style', '<style>/* Trump */</style>'],
    ['noscript', '<noscript>Trump</noscript>'],
    ['template', '<template>Trump</template>'],
    ['textarea', '<textarea>Trump</textarea>'],
    ['select/option', '<select><option>Trump</option></select>'],
    ['code', '<p>Run <code>Trump()</code></p>'],
    ['pre', '<pre>Trump</pre>'],
    ['contenteditable', '<div contenteditable="true"><p>Trump</p></div>'],
    ['contenteditable (empty value)', '<div contenteditable><span>Trump</span></div>'],
    ['aria-hidden', '<div aria-hidden="true">Trump</div>'],
    ['svg', '<svg><text>Trump</text></svg>'],
    ['own UI', '<source-context-card>Trump</source-context-card>'],
  ])('skips %s', (_name, markup) => {
    expect(found(page(`${markup}<p>Bukele</p>`))).toEqual(['Bukele→bukele']);
  });

  it('does scan contenteditable="false" islands and normal inputs’ labels', () => {
    expect(
      found(
        page('<label>Trump <input value="Trump"></label><div contenteditable="false">Bukele</div>'),
      ),
    ).toEqual(['Trump→trump', 'Bukele→bukele']);
  });

  it('sees a one-word name’s neighbours across inline elements: “Melania <b>Trump</b>” is not Trump', () => {
    expect(
      found(page('<p>Melania <b>Trump</b> and <i>Trump</i> Tower; but Trump spoke.</p>')),
    ).toEqual(['Trump→trump']);
  });

  it('does not mark a name hyphenated into another word, even across inline elements', () => {
    const root = page(
      '<p>The <b>SAFE</b>-guarded border, the SAFE program, an anti-Trump rally.</p>',
    );
    expect(found(root)).toEqual(['SAFE→safe', 'Trump→trump']);
  });

  it('does not mark a name inside a handle or identifier joined by underscores', () => {
    expect(
      found(page('<p>Follow @President_<b>Bukele</b>, BUKELE_2024 and _Trump_ today.</p>')),
    ).toEqual(['Trump→trump']);
  });

  it('keeps case rules on the page: "safe" is not SAFE', () => {
    expect(found(page('<p>Stay safe. The SAFE programme. Safe travels.</p>'))).toEqual([
      'SAFE→safe',
    ]);
  });
});

describe('PageAnnotator (fallback painter)', () => {
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(cond()).toBe(true);
  };

  it('wraps mentions and unwraps them exactly, leaving the original nodes in place', async () => {
    expect(supportsHighlightApi()).toBe(false);
    page('<p id="p">Trump met Nayib <b>Bukele</b> and Trump again.</p><p>Plain text.</p>');
    const p = document.getElementById('p')!;
    const before = document.body.outerHTML;
    const firstText = p.firstChild;
    const annotator = new PageAnnotator(document, { matcher, painter: createPainter('underline') });
    annotator.start();
    await until(() => !annotator.busy);
    expect(annotator.mentions().map((m) => m.entityId)).toEqual(['trump', 'bukele', 'trump']);
    expect(document.querySelectorAll('source-context-mark').length).toBe(2); // the split name is not wrapped
    annotator.stop();
    expect(document.body.outerHTML).toBe(before);
    expect(p.firstChild).toBe(firstText);
    expect(p.firstChild?.textContent).toBe('Trump met Nayib ');
  });

  it('rescans only what changed, and forgets removed text', async () => {
    page('<p>Trump</p><div id="feed"></div>');
    const annotator = new PageAnnotator(document, { matcher, painter: createPainter('none') });
    annotator.start();
    await until(() => !annotator.busy && annotator.mentions().length === 1);
    const feed = document.getElementById('feed')!;
    const item = document.createElement('p');
    item.textContent = 'Breaking: Bukele arrives.';
    feed.append(item);
    await until(() => annotator.mentions().length === 2);
    item.remove();
    await until(() => annotator.mentions().length === 1);
    annotator.stop();
    expect(document.querySelectorAll('source-context-mark').length).toBe(0);
  });

  it('marks each entity once, at its first mention, and still lists the others', async () => {
    page('<p>Trump met Bukele.</p><p id="later">Trump and Bukele again; Trump once more.</p>');
    const annotator = new PageAnnotator(document, {
      matcher,
      painter: createPainter('underline'),
      firstOnly: true,
    });
    annotator.start();
    await until(() => !annotator.busy);
    const marks = () => annotator.mentions().map((m) => `${m.entityId}:${m.marked}`);
    expect(marks()).toEqual([
      'trump:true',
      'bukele:true',
      'trump:false',
      'bukele:false',
      'trump:false',
    ]);
    // Unmarked mentions are not hoverable.
    const later = document.getElementById('later')!.firstChild!;
    expect(annotator.mentionAt(later, 1)).toBeNull();
    // A name added earlier in the page takes the mark from the one below it.
    const first = document.createElement('p');
    first.textContent = 'Bukele first.';
    document.body.prepend(first);
    await until(() => annotator.mentions().length === 6);
    await until(() => !annotator.busy);
    expect(annotator.mentions()[0]).toMatchObject({ entityId: 'bukele', marked: true });
    expect(
      annotator
        .mentions()
        .filter((m) => m.marked)
        .map((m) => m.entityId),
    ).toEqual(['bukele', 'trump']);
    // Every mention, live.
    annotator.setMarkFilter(() => true, false);
    await until(() => !annotator.busy && annotator.mentions().every((m) => m.marked));
    annotator.stop();
  });

  it('a name split over three text nodes can be hovered on its middle part too', async () => {
    page('<p id="p">President Na<b>yi</b>b Bukele spoke.</p>');
    const p = document.getElementById('p')!;
    const annotator = new PageAnnotator(document, { matcher, painter: createPainter('none') });
    annotator.start();
    await until(() => !annotator.busy && annotator.mentions().length === 1);
    const [start, middle, end] = [p.firstChild!, p.querySelector('b')!.firstChild!, p.lastChild!];
    expect(annotator.mentionAt(start, 11)?.entityId).toBe('bukele');
    expect(annotator.mentionAt(middle, 1)?.entityId).toBe('bukele');
    expect(annotator.mentionAt(end, 3)?.entityId).toBe('bukele');
    // Forgotten everywhere once the text goes.
    p.remove();
    await until(() => annotator.mentions().length === 0);
    expect(annotator.mentionAt(middle, 1)).toBeNull();
    annotator.stop();
  });

  it('nested changed blocks are rescanned once, through their outermost block', async () => {
    page('<div id="outer"><p id="inner">Plain.</p></div>');
    const annotator = new PageAnnotator(document, { matcher, painter: createPainter('none') });
    annotator.start();
    await until(() => !annotator.busy);
    const inner = document.getElementById('inner')!;
    const outer = document.getElementById('outer')!;
    inner.textContent = 'Trump spoke.';
    const added = document.createElement('p');
    added.textContent = 'Bukele answered.';
    outer.append(added);
    await until(() => !annotator.busy && annotator.mentions().length === 2);
    expect(annotator.mentions().map((m) => m.entityId)).toEqual(['trump', 'bukele']);
    annotator.stop();
  });
});

describe('documentOrder', () => {
  it('sorts text that left the document last, equal to each other, so sorting stays consistent', () => {
    page('<p id="a">Trump</p><p id="b">Bukele</p>');
    const a = document.getElementById('a')!.firstChild!;
    const b = document.getElementById('b')!.firstChild!;
    const gone1 = document.createTextNode('Trump');
    const gone2 = document.createElement('p').appendChild(document.createTextNode('Bukele'));
    const m = (node: Node, offset = 0) => ({
      entityId: 'x',
      startNode: node as Text,
      startOffset: offset,
      endNode: node as Text,
      endOffset: offset + 1,
    });
    const [ma, mb, g1, g1later, g2] = [m(a), m(b), m(gone1), m(gone1, 3), m(gone2)];
    expect(documentOrder(ma, mb)).toBeLessThan(0);
    expect(documentOrder(mb, ma)).toBeGreaterThan(0);
    expect(documentOrder(ma, g1)).toBeLessThan(0);
    expect(documentOrder(g2, mb)).toBeGreaterThan(0);
    // Before: disconnected nodes compared by offset within a node but not across them (not transitive).
    expect(documentOrder(g1, g1later)).toBe(0);
    expect(documentOrder(g1later, g2)).toBe(0);
    expect(documentOrder(g1, g2)).toBe(0);
  });
});
