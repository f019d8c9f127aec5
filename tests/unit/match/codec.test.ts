/**
 * The automaton as pages receive it: compiled once, serialised to JSON text, decoded on the page. The
 * decoded matcher must be the compiled one exactly, and damaged data must be refused, never matched with.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeAutomaton, encodeAutomaton, packText, unpackText } from '../../../lib/match/codec';
import { compileMatcher } from '../../../lib/match/compile';
import { Matcher, type MatchAlias } from '../../../lib/match/matcher';
import {
  readyMatch,
  readyMatchFrom,
  toMatchPayload,
  type MatchPayload,
} from '../../../lib/match/payload';
import { CorruptAutomaton, type Trie } from '../../../lib/match/trie';
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

async function roundTrip(
  matcher: Matcher,
  compression: 'gzip' | 'none' = 'gzip',
): Promise<Matcher> {
  const payload: MatchPayload = {
    bundle: 'test',
    ids: await packText(matcher.entityIds.join('\n'), compression),
    common: [],
    automaton: await encodeAutomaton(matcher, compression),
  };
  // As JSON text, the way it is carried, stored and sent.
  return (await readyMatchFrom(JSON.stringify(payload))).matcher;
}

const compiled = compileMatcher(ALIASES);
const decoding = roundTrip(compiled);

describe('the serialised automaton', () => {
  it('decodes to the very arrays the compiler made, gzipped or not', async () => {
    const decoded = await decoding;
    expect(firstDifference(decoded, compiled)).toBeNull();
    expect(firstDifference(await roundTrip(compiled, 'none'), compiled)).toBeNull();
    expect(decoded.trie.nodes).toBeGreaterThan(100);
  });

  it('sends node and pattern numbers in 16 bits when they fit, widened to the matcher’s 32 on the page', async () => {
    const encoded = await encodeAutomaton(compiled, 'none');
    expect(encoded).toMatchObject({ nodeBytes: 2, patternBytes: 2 });
    const decoded = await decoding;
    expect(decoded.trie.nextSibling).toBeInstanceOf(Int32Array);
    expect(decoded.trie.output).toBeInstanceOf(Int32Array);
    // Claimed the other width, the bytes do not add up.
    await expect(
      readyMatch({
        bundle: 't',
        ids: compiled.entityIds.join('\n'),
        common: [],
        automaton: { ...encoded, nodeBytes: 4 },
      }),
    ).rejects.toThrow(/counts do not fit/);
  });

  it('is ready from the object the content script carries, as from JSON text', async () => {
    const payload: MatchPayload = {
      bundle: 'test',
      ids: compiled.entityIds.join('\n'),
      common: [],
      automaton: await encodeAutomaton(compiled, 'none'),
    };
    expect(firstDifference((await readyMatch(payload)).matcher, compiled)).toBeNull();
    await expect(readyMatch({ ...payload, ids: 5 })).rejects.toThrow(/no entity list/);
  });

  it.each(TEXTS)('matches what the compiled matcher matches: %j', async (text) => {
    const decoded = await decoding;
    const found = compiled.findMentions(text);
    expect(found.length).toBeGreaterThan(0);
    expect(decoded.findMentions(text)).toEqual(found);
  });

  it('keeps lower-case and case-sensitive starts (the lower-case prefilter drops none)', async () => {
    const decoded = await decoding;
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

  it('round-trips 40,000 aliases and matches exactly', async () => {
    const aliases: MatchAlias[] = [];
    for (let i = 0; i < 40_000; i++)
      aliases.push({
        entityId: `e${i >> 2}`,
        text: `Name${i} Person${i % 97}${i % 3 ? '' : '-Smith'}`,
        caseSensitive: i % 5 === 0,
        requireCapital: i % 5 !== 0,
      });
    const big = compileMatcher(aliases);
    const back = await roundTrip(big);
    expect(firstDifference(back, big)).toBeNull();
    // Past 65,535 nodes the links cannot take 16 bits.
    expect(big.trie.nodes).toBeGreaterThan(0x10000);
    expect(await encodeAutomaton(big)).toMatchObject({ nodeBytes: 4 });
    const text =
      'I met Name124 Person27 and name7 person7, Name39998 Person34 and Name0 Person0-Smith.';
    expect(back.findMentions(text)).toEqual(big.findMentions(text));
    expect(back.findMentions(text).map((m) => m.entityId)).toEqual(['e31', 'e9999', 'e0']);
  });
});

describe('a damaged payload', () => {
  let good: Awaited<ReturnType<typeof encodeAutomaton>>;
  beforeAll(async () => {
    good = await encodeAutomaton(compiled);
  });
  const count = compiled.entityIds.length;
  const refuse = async (enc: unknown, reason: RegExp, entities = count) => {
    const decoding = decodeAutomaton(enc as typeof good, entities);
    await expect(decoding).rejects.toThrow(CorruptAutomaton);
    await expect(decoding).rejects.toThrow(reason);
  };
  /** The compiled trie with one array changed, encoded again: well-formed gzip, wrong contents. */
  const tampered = (change: (t: Trie) => void) => {
    const t = Object.fromEntries(
      Object.entries(compiled.trie).map(([k, v]) => [k, typeof v === 'number' ? v : v.slice()]),
    ) as unknown as Trie;
    change(t);
    return encodeAutomaton(new Matcher(t, compiled.entityIds));
  };

  it('is refused when a character changed or it was cut short (gzip’s checks)', async () => {
    const at = good.data.length >> 1;
    const other = good.data[at] === 'A' ? 'B' : 'A';
    await refuse(
      { ...good, data: good.data.slice(0, at) + other + good.data.slice(at + 1) },
      /damaged/,
    );
    await refuse({ ...good, data: good.data.slice(0, -8) }, /damaged/);
    await refuse({ ...good, data: 'not base64!' }, /damaged/);
  });

  it('is refused when the counts do not fit the data', async () => {
    await refuse({ ...good, nodes: good.nodes + 1 }, /counts do not fit/);
    await refuse({ ...good, patterns: good.patterns - 1 }, /counts do not fit/);
    await refuse({ ...good, nodes: -1 }, /bad counts/);
    await refuse({ ...good, exactChars: 1.5 }, /bad counts/);
  });

  it('is refused when it does not hold together, even as well-formed gzip', async () => {
    await refuse(await tampered((t) => (t.patLength[0] = 0)), /bad pattern/);
    await refuse(await tampered((t) => (t.patFlags[0] = 99)), /bad pattern/);
    const shared = compiled.trie.patNext.findIndex((n) => n !== 0);
    await refuse(await tampered((t) => (t.patNext[shared] = shared)), /bad pattern/);
    // An entity the payload does not list.
    await refuse(good, /bad pattern/, 2);
  });

  it('is never written with a link back or off the arrays (pages do not check every node)', async () => {
    const sibling = compiled.trie.nextSibling.findLastIndex((n) => n !== 0);
    await expect(tampered((t) => (t.nextSibling[sibling] = sibling))).rejects.toThrow(/bad link/);
    await expect(tampered((t) => (t.nextSibling[sibling] = t.nodes))).rejects.toThrow(/bad link/);
    await expect(tampered((t) => (t.output[1] = t.patterns + 1))).rejects.toThrow(/bad link/);
    // Which nodes have a child is not sent: it must follow from the siblings.
    await expect(tampered((t) => (t.hasChild[t.nodes - 1] = 1))).rejects.toThrow(/depth-first/);
  });

  it('is refused when a sibling or an output points back or off the arrays (hex, no checksum)', async () => {
    const plain = await encodeAutomaton(compiled, 'none');
    expect(plain).toMatchObject({ nodeBytes: 2, patternBytes: 2 });
    /** The hex with the 16-bit value at `index` (counted in 16-bit values from the start) replaced. */
    const with16 = (index: number, value: number) => {
      const at = index * 4;
      const le =
        (value & 0xff).toString(16).padStart(2, '0') + (value >> 8).toString(16).padStart(2, '0');
      return { ...plain, data: plain.data.slice(0, at) + le + plain.data.slice(at + 4) };
    };
    // lowerStarts (32-bit), then the 16-bit arrays in order: patEntity, patNext, patExact (patterns
    // each), outputValue (outputs), siblingFrom, siblingTo (siblings each), outputAt (outputs).
    const siblingTo = 2 * plain.lowerStarts + 3 * plain.patterns + plain.outputs + plain.siblings;
    const outputAt = siblingTo + plain.siblings;
    await expect(decodeAutomaton(plain, count)).resolves.toBeTruthy();
    await refuse(with16(siblingTo, 0), /bad links/);
    await refuse(with16(siblingTo, plain.nodes), /bad links/);
    await refuse(with16(outputAt, plain.nodes + 3), /bad links/);
    await refuse(
      with16(2 * plain.lowerStarts + 3 * plain.patterns, plain.patterns + 1),
      /bad links/,
    );
  });

  it('is refused when its packed entity ids are damaged, or plain beside a gzipped automaton (format 4)', async () => {
    const ids = await packText(compiled.entityIds.join('\n'), 'gzip');
    const payload = { bundle: 't', ids, common: [], automaton: good };
    await expect(readyMatch(payload)).resolves.toBeTruthy();
    const cut = readyMatch({ ...payload, ids: ids.slice(0, -8) });
    await expect(cut).rejects.toThrow(CorruptAutomaton);
    await expect(cut).rejects.toThrow(/damaged text/);
    await expect(readyMatch({ ...payload, ids: compiled.entityIds.join('\n') })).rejects.toThrow(
      /damaged text/,
    );
  });

  it('is refused when it is not an automaton or another format', async () => {
    await refuse(null, /not an encoded automaton/);
    await refuse({ ...good, data: 5 }, /not an encoded automaton/);
    await refuse({ ...good, compression: 'zip' }, /not an encoded automaton/);
    await refuse({ ...good, format: 1 }, /format 1/);
    await refuse({ ...good, nodeBytes: 3 }, /bad counts/);
    await refuse({ ...good, siblings: good.nodes }, /bad counts/);
    await expect(readyMatchFrom('{')).rejects.toThrow(CorruptAutomaton);
    await expect(readyMatchFrom('{}')).rejects.toThrow(/no entity list/);
    await expect(readyMatchFrom('null')).rejects.toThrow(/no entity list/);
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

  it('carries the bundle, ids, the too-common set and a ready matcher, as JSON text — no names', async () => {
    const payload = await toMatchPayload(index, 'build-1');
    expect(payload.bundle).toBe('build-1');
    // Packed as the automaton is: gzip where it travels.
    expect(payload.ids).not.toContain('bukele');
    expect((await unpackText(payload.ids, 'gzip')).split('\n')).toEqual([
      'bukele',
      'sv',
      'nameless',
    ]);
    expect(payload.common).toEqual([0]);
    const ready = await readyMatchFrom(JSON.stringify(payload));
    expect(ready.bundle).toBe('build-1');
    expect([...ready.common]).toEqual(['bukele']);
    // Names are asked of the background when the popup's list needs them (a big index has megabytes).
    expect(JSON.stringify(payload)).not.toContain('El Salvador');
    expect(
      ready.matcher.findMentions('Bukele flew to El Salvador.').map((x) => x.entityId),
    ).toEqual(['bukele', 'sv']);
  });
});
