/**
 * The automaton as pages receive it: compiled once, serialised to JSON, decoded on the page. The decoded
 * matcher must be the compiled one exactly, and damaged data must be refused, never matched with.
 */
import { describe, expect, it } from 'vitest';
import { checksum, decodeAutomaton, encodeAutomaton } from '../../../lib/match/codec';
import { compileMatcher } from '../../../lib/match/compile';
import type { MatchAlias, Matcher } from '../../../lib/match/matcher';
import { matcherFromPayload, toMatchPayload, type MatchPayload } from '../../../lib/match/payload';
import { CorruptAutomaton } from '../../../lib/match/trie';
import type { SourceIndex } from '../../../lib/index/schema';
import { MATCHER_ALIASES } from './aliases';

const EXTRA: MatchAlias[] = [
  // Written lower-case and case-sensitive: must still start at a lower-case word.
  { entityId: 'ebay', text: 'eBay', caseSensitive: true, requireCapital: false },
  { entityId: 'iphone', text: 'iPhone', caseSensitive: true, requireCapital: false },
  // Any case at all.
  { entityId: 'qaeda', text: 'al-Qaeda', caseSensitive: false, requireCapital: false },
  // Same folded text, different rules: the later alias is tried first.
  { entityId: 'apple-co', text: 'Apple', caseSensitive: false, requireCapital: true },
  { entityId: 'apple-fruit', text: 'apple', caseSensitive: true, requireCapital: false },
  // Outside printable ASCII: escaped in the labels.
  { entityId: 'tokyo', text: '東京都', caseSensitive: false, requireCapital: false },
  { entityId: 'sao', text: 'São Paulo', caseSensitive: false, requireCapital: true },
  { entityId: 'quote', text: 'Operation "Tidal Wave"', caseSensitive: false, requireCapital: true },
  { entityId: 'tilde', text: 'A~B\\C', caseSensitive: true, requireCapital: false },
  { entityId: 'emoji', text: 'Team 🚀 Rocket', caseSensitive: false, requireCapital: true },
];
const ALIASES = [...MATCHER_ALIASES, ...EXTRA];

const TEXTS = [
  'President Donald Trump met Nayib Bukele in El Salvador; Secretary Noem and SAFE officers watched.',
  'the trumpet, a Trump-style rally, anti-Trump protests, MS-13 and MS13 and ms-13, CECOT and cecot.',
  'In Washington, The Washington Post wrote about Tren  de\n Aragua and TREN DE ARAGUA.',
  'Bukele’s prison; El Salvador’s CECOT; the United States’ policy; U.S. soil and u.s. soil',
  '在北京举行 and 東京都 and 東京 — São Paulo, são paulo, SÃO PAULO',
  'I bought an iPhone on eBay; IPHONE and Ebay and EBAY do not count; iphone neither.',
  'al-Qaeda, Al-Qaeda, AL QAEDA, alqaeda; an apple a day; Apple Inc.; APPLE; Apple pie',
  'Operation "Tidal Wave" and operation “Tidal Wave” and A~B\\C and a~b\\c',
  'Team 🚀 Rocket and team 🚀 rocket',
  'Zürich and Zürichsee, Nayib\u200bBukele, MS\u00ad-13, El\u00a0Salvador',
];

/** The first field in which two automata differ, or null (vitest's deep equality is slow on big arrays). */
function firstDifference(a: Matcher, b: Matcher): string | null {
  if (a.entityIds.join('\n') !== b.entityIds.join('\n')) return 'entityIds';
  for (const [key, value] of Object.entries(a.trie)) {
    const other = (b.trie as unknown as Record<string, unknown>)[key];
    if (typeof value === 'number') {
      if (value !== other) return key;
      continue;
    }
    const x = value as ArrayLike<number>;
    const y = other as ArrayLike<number>;
    if (x.length !== y.length) return `${key}.length`;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return `${key}[${i}]`;
  }
  return null;
}

function roundTrip(matcher: Matcher): Matcher {
  const payload: MatchPayload = {
    entities: matcher.entityIds.map((id) => [id, id]),
    common: [],
    automaton: encodeAutomaton(matcher),
  };
  // Through JSON, as an extension message travels.
  return matcherFromPayload(JSON.parse(JSON.stringify(payload)) as MatchPayload);
}

const compiled = compileMatcher(ALIASES);
const decoded = roundTrip(compiled);

describe('the serialised automaton', () => {
  it('decodes to the very arrays the compiler made', () => {
    expect(firstDifference(decoded, compiled)).toBeNull();
    expect(decoded.trie.nodes).toBeGreaterThan(100);
  });

  it.each(TEXTS)('matches what the compiled matcher matches: %j', (text) => {
    const found = compiled.findMentions(text);
    expect(found.length).toBeGreaterThan(0);
    expect(decoded.findMentions(text)).toEqual(found);
  });

  it('keeps lower-case and case-sensitive starts (the lower-case prefilter drops none)', () => {
    const names = (text: string) =>
      decoded.findMentions(text).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);
    expect(names('on eBay, an iPhone')).toEqual(['eBay→ebay', 'iPhone→iphone']);
    expect(names('EBay, Ebay, iphone')).toEqual([]);
    expect(names('al-Qaeda and AL QAEDA')).toEqual(['al-Qaeda→qaeda', 'AL QAEDA→qaeda']);
    expect(names('an apple; Apple; APPLE')).toEqual([
      'apple→apple-fruit',
      'Apple→apple-co',
      'APPLE→apple-co',
    ]);
    expect(names('在東京都内')).toEqual(['東京都→tokyo']);
  });

  it('round-trips 40,000 aliases and matches exactly', () => {
    const aliases: MatchAlias[] = [];
    for (let i = 0; i < 40_000; i++)
      aliases.push({
        entityId: `e${i >> 2}`,
        text: `Name${i} Person${i % 97}${i % 3 ? '' : '-Smith'}`,
        caseSensitive: i % 5 === 0,
        requireCapital: i % 5 !== 0,
      });
    const big = compileMatcher(aliases);
    const back = roundTrip(big);
    expect(firstDifference(back, big)).toBeNull();
    const text =
      'I met Name124 Person27 and name7 person7, Name39998 Person34 and Name0 Person0-Smith.';
    expect(back.findMentions(text)).toEqual(big.findMentions(text));
    expect(back.findMentions(text).map((m) => m.entityId)).toEqual(['e31', 'e9999', 'e0']);
  });
});

describe('a damaged payload', () => {
  const good = encodeAutomaton(compiled);
  const count = compiled.entityIds.length;
  const refuse = (enc: unknown, reason: RegExp) => {
    expect(() => decodeAutomaton(enc as typeof good, count)).toThrow(CorruptAutomaton);
    expect(() => decodeAutomaton(enc as typeof good, count)).toThrow(reason);
  };
  const flip = (s: string, at: number) =>
    s.slice(0, at) + String.fromCharCode(s.charCodeAt(at) === 0x61 ? 0x62 : 0x61) + s.slice(at + 1);

  it('is refused when a character changed', () => {
    refuse({ ...good, labels: flip(good.labels, 10) }, /checksum/);
    refuse({ ...good, shape: flip(good.shape, 3) }, /checksum/);
    refuse({ ...good, exact: flip(good.exact, 0) }, /checksum/);
  });

  it('is refused when truncated', () => {
    refuse({ ...good, labels: good.labels.slice(0, -5) }, /corrupt or truncated/);
    refuse({ ...good, shape: good.shape.slice(0, good.shape.length >> 1) }, /corrupt or truncated/);
    refuse({ ...good, nodes: good.nodes + 1 }, /corrupt or truncated/);
    refuse({ ...good, patterns: good.patterns - 1 }, /corrupt or truncated/);
  });

  it('is refused when it does not hold together, even with a matching checksum', () => {
    const resealed = (labels: string) => ({
      ...good,
      labels,
      check: checksum(labels, good.shape, good.exact),
    });
    // The same length, other labels: keys out of order or characters the format never writes.
    refuse(resealed([...good.labels].reverse().join('')), /out of order|bad/);
    refuse(resealed(good.labels.replace(/a/g, '\u0001')), /bad label/);
    const entities = { ...good, check: good.check };
    expect(() => decodeAutomaton(entities, 2)).toThrow(/bad pattern/);
  });

  it('is refused when it is not an automaton or another format', () => {
    refuse(null, /not an encoded automaton/);
    refuse({ ...good, labels: 5 }, /not an encoded automaton/);
    refuse({ ...good, format: 99 }, /format 99/);
    expect(() => matcherFromPayload({} as MatchPayload)).toThrow(CorruptAutomaton);
  });
});

describe('toMatchPayload', () => {
  const index = {
    articles: ['a1', 'a2', 'a3'].map((id) => ({ id })),
    entities: [
      {
        id: 'bukele',
        name: 'Nayib Bukele',
        aliases: [
          { text: 'Nayib Bukele', caseSensitive: false, requireCapital: true },
          { text: 'Bukele', caseSensitive: false, requireCapital: true },
        ],
        mentions: ['a1', 'a2'].map((articleId) => ({ articleId })),
      },
      {
        id: 'sv',
        name: 'El Salvador',
        aliases: [{ text: 'El Salvador', caseSensitive: false, requireCapital: true }],
        mentions: [{ articleId: 'a1' }],
      },
      { id: 'nameless', name: 'Nameless', aliases: [], mentions: [] },
    ],
  } as unknown as SourceIndex;

  it('carries names, the too-common set and a ready matcher that survives JSON', () => {
    const payload = JSON.parse(JSON.stringify(toMatchPayload(index))) as MatchPayload;
    expect(payload.entities).toEqual([
      ['bukele', 'Nayib Bukele'],
      ['sv', 'El Salvador'],
      ['nameless', 'Nameless'],
    ]);
    expect(payload.common).toEqual(['bukele']);
    const m = matcherFromPayload(payload);
    expect(m.findMentions('Bukele flew to El Salvador.').map((x) => x.entityId)).toEqual([
      'bukele',
      'sv',
    ]);
  });
});
