/**
 * The scanner against its rule, written out plainly, on random markup: a page's text is cut into block
 * texts — consecutive text nodes with the same nearest block element, text under a skipped element (a
 * SKIP_TAGS tag, own UI, or SKIP_SELECTOR) left out as if it were not there — and each block text is
 * matched on its own (Matcher.findMentions, which applies the neighbour rules to the whole string).
 *
 * The scanner does not work that way (it looks blocks up only where the stream says they matter, see
 * scanner.ts), so it must find exactly the same mentions at exactly the same positions, whole or in
 * slices, from the body or from an element inside it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import type { MatchAlias } from '../../../lib/match/matcher';
import { SubtreeScan, type PageMention } from '../../../lib/page/scanner';
import { BLOCK_TAGS, SKIP_SELECTOR, SKIP_TAGS } from '../../../lib/page/skip';

const aliases: MatchAlias[] = [
  ['bukele', 'Nayib Bukele', false, true],
  ['bukele', 'Bukele', false, true],
  ['trump', 'Trump', false, true],
  ['sv', 'El Salvador', false, true],
  ['noem', 'Kristi Noem', false, true],
  ['noem', 'Noem', false, true],
  ['ms13', 'MS-13', true, false],
  ['us', 'U.S.', true, false],
  ['gaulle', 'de Gaulle', false, false],
].map(([entityId, text, caseSensitive, requireCapital]) => ({
  entityId: entityId as string,
  text: text as string,
  caseSensitive: caseSensitive as boolean,
  requireCapital: requireCapital as boolean,
}));
const matcher = compileMatcher(aliases);

const WORDS = [
  'Nayib',
  'Bukele',
  'Trump',
  'El',
  'Salvador',
  'Kristi',
  'Noem',
  'MS',
  '13',
  'U.S.',
  'de',
  'Gaulle',
  'Melania',
  'Secretary',
  'met',
  'the',
  'foo',
  'style',
  'anti',
  'chevron_right',
  '.',
  ',',
  '-',
  '’s',
  '\u00ad',
  '★',
];
const GLUE = [' ', ' ', ' ', '', '\n', '-', '\u00a0'];
/** Elements the random pages are made of: blocks, inline, skipped by tag and by attribute. */
const ELEMENTS: Array<[string, Record<string, string>?]> = [
  ['p'],
  ['div'],
  ['li'],
  ['span'],
  ['span'],
  ['b'],
  ['a'],
  ['i'],
  ['code'],
  ['script'],
  ['span', { hidden: '' }],
  ['span', { 'aria-hidden': 'true' }],
  ['div', { 'aria-hidden': 'true' }],
  ['div', { contenteditable: '' }],
  ['div', { contenteditable: 'false' }],
  ['br'],
];

/** A small seeded generator (mulberry32): the same pages on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(rand: () => number): string {
  if (rand() < 0.2) return ['\n', ' ', '\n  ', ''][Math.floor(rand() * 4)]!;
  // Now and then a long one (the scanner looks those up before reading them).
  const words = rand() < 0.03 ? 80 : 1 + Math.floor(rand() * 4);
  let text = rand() < 0.3 ? GLUE[Math.floor(rand() * GLUE.length)]! : '';
  for (let i = 0; i < words; i++) {
    text += WORDS[Math.floor(rand() * WORDS.length)]!;
    if (i < words - 1 || rand() < 0.4) text += GLUE[Math.floor(rand() * GLUE.length)]!;
  }
  return text;
}

function fill(parent: Element, rand: () => number, depth: number): void {
  const children = Math.floor(rand() * 5);
  for (let i = 0; i < children; i++) {
    if (depth >= 4 || rand() < 0.55) {
      parent.append(document.createTextNode(randomText(rand)));
      continue;
    }
    const [tag, attributes = {}] = ELEMENTS[Math.floor(rand() * ELEMENTS.length)]!;
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    parent.append(el);
    if (tag === 'script') el.append(document.createTextNode(randomText(rand)));
    else if (tag !== 'br') fill(el, rand, depth + 1);
  }
}

/** The rule: a text node's block (nearest block element, or the top), or null when skipped. */
function blockOf(text: Text): Node | null {
  let block: Node | null = null;
  let top: Node = text;
  for (let e = text.parentElement; e; e = e.parentElement) {
    if (SKIP_TAGS.has(e.localName) || e.matches(SKIP_SELECTOR)) return null;
    if (!block && BLOCK_TAGS.has(e.localName)) block = e;
    top = e;
  }
  return block ?? (text.parentElement ? top : text.parentNode);
}

function byTheRule(root: Node): string[] {
  const runs: Text[][] = [];
  let run: Text[] = [];
  let runBlock: Node | null = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const block = blockOf(n);
    if (block === null || n.data === '') continue;
    if (block !== runBlock) runs.push((run = []));
    runBlock = block;
    run.push(n);
  }
  const out: string[] = [];
  for (const nodes of runs) {
    const bases: number[] = [];
    let text = '';
    for (const n of nodes) {
      bases.push(text.length);
      text += n.data;
    }
    const at = (offset: number, isEnd: boolean) => {
      let i = 0;
      while (i + 1 < nodes.length && (isEnd ? bases[i + 1]! < offset : bases[i + 1]! <= offset))
        i++;
      return i;
    };
    for (const m of matcher.findMentions(text)) {
      const first = at(m.start, false);
      const last = at(m.end, true);
      out.push(
        describe_({
          entityId: m.entityId,
          startNode: nodes[first]!,
          startOffset: m.start - bases[first]!,
          endNode: nodes[last]!,
          endOffset: m.end - bases[last]!,
        }),
      );
    }
  }
  return out;
}

let textIds = new Map<Text, number>();
function describe_(m: PageMention): string {
  const r = document.createRange();
  r.setStart(m.startNode, m.startOffset);
  r.setEnd(m.endNode, m.endOffset);
  return `${JSON.stringify(r.toString())} ${textIds.get(m.startNode)}:${m.startOffset}-${textIds.get(m.endNode)}:${m.endOffset} ${m.entityId}`;
}

function scanned(root: Node, sliced: boolean): string[] {
  const scan = new SubtreeScan(root, matcher);
  // A deadline in the past: every slice stops at its first look at the clock.
  if (sliced) while (!scan.run(-1));
  else scan.run();
  return scan.mentions.map(describe_);
}

afterEach(() => document.body.replaceChildren());

describe('scanner: the same mentions as the rule written out', () => {
  it('on 400 random pages, whole and sliced, from the body and from an element inside', () => {
    let mentions = 0;
    let inner = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rand = random(seed);
      document.body.replaceChildren();
      fill(document.body, rand, 0);
      // Many text nodes, so slices end between them (the clock is read every 128 nodes).
      for (let k = 0; k < 1 + (seed % 3) * 40; k++) fill(document.body, rand, 1);
      textIds = new Map();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        textIds.set(n as Text, textIds.size);

      const expected = byTheRule(document.body);
      mentions += expected.length;
      expect(scanned(document.body, false), `seed ${seed}`).toEqual(expected);
      expect(scanned(document.body, true), `seed ${seed}, sliced`).toEqual(expected);

      const elements = document.body.querySelectorAll('*');
      if (elements.length > 0) {
        const el = elements[Math.floor(rand() * elements.length)]!;
        const within = byTheRule(el);
        inner += within.length;
        expect(scanned(el, false), `seed ${seed}, from <${el.localName}>`).toEqual(within);
      }
    }
    // The pages are not empty of names: the comparison means something.
    expect(mentions).toBeGreaterThan(1000);
    expect(inner).toBeGreaterThan(50);
  });
});
