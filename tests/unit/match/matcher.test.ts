/** The matcher, table-driven: what must match, what must not (false-positive traps), and how. */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/match/compile';
import { MatchStream, type MatchAlias } from '../../../lib/match/matcher';
import { MATCHER_ALIASES } from './aliases';

const matcher = compileMatcher(MATCHER_ALIASES);

/** Renders matches as "text→entity" for readable tables. */
const find = (text: string) =>
  matcher.findMentions(text).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

describe('matcher', () => {
  it.each<[string, string[]]>([
    // hyphenated into another word: not the name; joined names and qualifying prefixes: the name
    ['the SAFE-guarded border', []],
    ['a Trump-style rally', []],
    ['the mid-Noem era', ['Noem→noem']],
    ['an anti-Trump protest', ['Trump→trump']],
    ['the Trump-Bukele meeting', ['Trump→trump', 'Bukele→bukele']],
    ['super-Bukele', []],
    // joined into a handle or identifier by an underscore: part of that word
    ['follow @Sec_Noem and TRUMP_BUKELE', []],
    ['members of MS-13 met', ['MS-13→ms13']],
    // plain names and aliases
    ['Nayib Bukele spoke.', ['Nayib Bukele→bukele']],
    ['Bukele spoke.', ['Bukele→bukele']],
    ['They met Noem.', ['Noem→noem']],
    ['Tren de Aragua', ['Tren de Aragua→tda']],
    ['members of MS-13 and CECOT', ['MS-13→ms13', 'CECOT→cecot']],
    // longest match wins, no overlaps
    ['President Donald Trump said', ['President Donald Trump→trump']],
    ['President Trump said', ['President Trump→trump']],
    ['Donald Trump said', ['Donald Trump→trump']],
    [
      'the Terrorism Confinement Center (CECOT)',
      ['Terrorism Confinement Center→cecot', 'CECOT→cecot'],
    ],
    [
      'Security Alliance for Fugitive Enforcement (SAFE)',
      ['Security Alliance for Fugitive Enforcement→safe', 'SAFE→safe'],
    ],
    // Unicode-aware word boundaries
    ['Trumpet players', []],
    ['a trumped up charge', []],
    ['Noemi arrived', []],
    ['Venezuelan migrants', []],
    ['Venezuela, Venezuela.', ['Venezuela→venezuela', 'Venezuela→venezuela']],
    ['SuperTrump', []],
    ['Trump2024', []],
    ['_Trump_', ['Trump→trump']],
    ['(Trump)', ['Trump→trump']],
    ['Zürich and Zürichsee', ['Zürich→zurich']],
    ['Bukeleño', []],
    ['ÉTrump', []],
    // possessives
    ["Bukele's prison", ['Bukele→bukele']],
    ['Bukele’s prison', ['Bukele→bukele']],
    ["El Salvador's CECOT", ['El Salvador→sv', 'CECOT→cecot']],
    ["the United States' policy", ['United States→us']],
    // case rules
    ['safe and sound', []],
    ['Safe travels', []],
    ['SAFE program', ['SAFE→safe']],
    ['cecot', []],
    ['Cecot', []],
    ['ms-13', []],
    ['trump card', []],
    ['noem', []],
    ['TRUMP wins', ['TRUMP→trump']],
    ['Tren De Aragua', ['Tren De Aragua→tda']],
    ['TREN DE ARAGUA', ['TREN DE ARAGUA→tda']],
    ['tren de aragua', []],
    ['the white house', []],
    ['the White House', ['White House→wh']],
    ['us and them', []],
    ['US troops', []],
    ['U.S. soil', ['U.S.→us']],
    ['u.s. soil', []],
    // normalisation: NBSP, hyphen variants, spacing
    ['El\u00a0Salvador', ['El\u00a0Salvador→sv']],
    ['MS 13', ['MS 13→ms13']],
    ['MS13', ['MS13→ms13']],
    ['MS\u201113', ['MS\u201113→ms13']],
    ['MS\u201013', ['MS\u201013→ms13']],
    ['MS\u00ad-13', ['MS\u00ad-13→ms13']],
    ['Tren  de\n  Aragua', ['Tren  de\n  Aragua→tda']],
    ['Tren-de-Aragua', ['Tren-de-Aragua→tda']],
    ['Nayib\u200bBukele', []],
    ['MS-135', []],
    ['XMS-13', []],
    // non-Latin scripts
    ['在北京举行', ['北京→beijing']],
    ['', []],
    ['Alien Enemies Act of 1798', ['Alien Enemies Act→aea']],
    [
      'Department of Homeland Security Secretary Kristi Noem',
      ['Department of Homeland Security→dhs', 'Kristi Noem→noem'],
    ],
    // a one-word alias inside a longer name is someone or something else
    ['read The Washington Post today', []],
    ['Melania Trump spoke', []],
    ['at Trump Tower', []],
    ['George Washington crossed', []],
    ['Secretary Noem said', ['Noem→noem']],
    ['In Washington, officials met', ['Washington→washington']],
    ["El Salvador's Bukele", ['El Salvador→sv', 'Bukele→bukele']],
    ['Trump’s Cabinet', ['Trump→trump']],
    ['met Bukele on Monday', ['Bukele→bukele']],
    ['Bukele. The end', ['Bukele→bukele']],
  ])('%j → %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('reports offsets into the original text', () => {
    const text = 'Before — Nayib  Bukele’s visit';
    const [m] = matcher.findMentions(text);
    expect(m).toMatchObject({ entityId: 'bukele', start: 9, end: 22 });
  });

  it('matches names split across pieces of one block, never across blocks', () => {
    const found: Array<[number, number, string]> = [];
    const stream = new MatchStream(matcher, (s, e, p) => found.push([s, e, matcher.entityOf(p)]));
    stream.feed('Nayib ', 0);
    stream.feed('Bukele', 6);
    stream.feed(' met Kristi', 12);
    stream.boundary();
    stream.feed(' Noem', 100);
    stream.boundary();
    expect(found).toEqual([
      [0, 12, 'bukele'],
      [101, 105, 'noem'],
    ]);
  });

  it('decides a word boundary that falls at the start of the next piece', () => {
    const found: string[] = [];
    const stream = new MatchStream(matcher, (_s, _e, p) => found.push(matcher.entityOf(p)));
    stream.feed('Trump', 0);
    stream.feed('et', 5);
    stream.boundary();
    expect(found).toEqual([]);
  });

  it('decides a word start from the end of the previous piece, invisible characters passed over', () => {
    const found = (...pieces: string[]) => {
      const names: string[] = [];
      const stream = new MatchStream(matcher, (_s, _e, p) => names.push(matcher.entityOf(p)));
      let at = 0;
      for (const piece of pieces) {
        stream.feed(piece, at);
        at += piece.length;
      }
      stream.boundary();
      return names;
    };
    expect(found('foo', 'Trump')).toEqual([]);
    expect(found('foo\u00ad', '\u00adTrump')).toEqual([]);
    expect(found('foo ', 'Trump')).toEqual(['trump']);
    expect(found('foo.', '\u00ad', 'Trump')).toEqual(['trump']);
    expect(found('Trump', ' and', 'Trump')).toEqual(['trump']);
  });

  it('keeps every candidate of a long busy stretch (more than its first buffer holds)', () => {
    // The long alias keeps a walker alive over all 24 words, so all 24 short matches wait for it;
    // it fails at the last word, and each short one is reported.
    const words = Array.from({ length: 24 }, (_, i) => `w${i}x`);
    const aliases: MatchAlias[] = [
      ...words.map((w) => ({ entityId: w, text: w, caseSensitive: false, requireCapital: false })),
      {
        entityId: 'long',
        text: `${words.join(' ')} never`,
        caseSensitive: false,
        requireCapital: false,
      },
    ];
    const m = compileMatcher(aliases);
    const found: string[] = [];
    const stream = new MatchStream(m, (_s, _e, p) => found.push(m.entityOf(p)));
    stream.feed(`${words.join(' ')} ever`, 0);
    stream.boundary();
    expect(found).toEqual(words);
    // The same stream, reused after the boundary, still picks the longest among overlapping candidates.
    found.length = 0;
    stream.feed(`${words.join(' ')} never`, 500);
    stream.boundary();
    expect(found).toEqual(['long']);
  });

  it('among overlapping names takes the longest, then the earliest, and reports in text order', () => {
    // Random multi-word aliases over a five-word vocabulary, random texts: every stretch of text is a
    // tangle of overlapping candidates. The reference is the rule itself over all occurrences.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const vocabulary = ['ka', 'kob', 'ku', 'kid', 'ke'];
    const phrase = (max: number) =>
      Array.from({ length: 1 + random(max) }, () => vocabulary[random(vocabulary.length)]!);
    for (let round = 0; round < 40; round++) {
      const texts = new Set<string>();
      while (texts.size < 12) texts.add(phrase(4).join(' '));
      const aliasTexts = [...texts];
      const m = compileMatcher(
        aliasTexts.map((text, i) => ({
          entityId: `a${i}`,
          text,
          caseSensitive: false,
          requireCapital: false,
        })),
      );
      const words = phrase(40);
      const text = words.join(' ');
      const starts: number[] = [];
      for (let i = 0, at = 0; i < words.length; at += words[i]!.length + 1, i++) starts.push(at);
      const occurrences: Array<[number, number, string]> = [];
      aliasTexts.forEach((alias, a) => {
        const n = alias.split(' ').length;
        for (let i = 0; i + n <= words.length; i++)
          if (words.slice(i, i + n).join(' ') === alias)
            occurrences.push([starts[i]!, starts[i]! + alias.length, `a${a}`]);
      });
      occurrences.sort((x, y) => y[1] - y[0] - (x[1] - x[0]) || x[0] - y[0]);
      const taken: Array<[number, number, string]> = [];
      for (const o of occurrences)
        if (taken.every((t) => o[1] <= t[0] || o[0] >= t[1])) taken.push(o);
      taken.sort((x, y) => x[0] - y[0]);
      const found: Array<[number, number, string]> = [];
      const stream = new MatchStream(m, (s, e, p) => found.push([s, e, m.entityOf(p)]));
      stream.feed(text, 0);
      stream.boundary();
      expect(found).toEqual(taken);
    }
  });

  it('compiles 40,000 aliases and still matches exactly', () => {
    const aliases: MatchAlias[] = [];
    for (let i = 0; i < 40_000; i++) {
      aliases.push({
        entityId: `e${i}`,
        text: `Name${i} Person${i % 97}`,
        caseSensitive: false,
        requireCapital: true,
      });
    }
    const big = compileMatcher(aliases);
    expect(
      big
        .findMentions('I met Name123 Person26 and name9 person9 and Name39999 Person35.')
        .map((m) => m.entityId),
    ).toEqual(['e123', 'e39999']);
  });
});
