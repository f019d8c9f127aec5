/**
 * The neighbour rules' shortcuts: `standsAlone` runs its regular expressions only when the first
 * character beside the match allows them to match, and the scanner reads the text on a side only when
 * `readsBefore` / `readsAfter` say that side can matter. Both must decide exactly as the rule written
 * with the regular expressions alone (the reference below).
 */
import { describe, expect, it } from 'vitest';
import {
  isJoiner,
  isNeutral,
  readsAfter,
  readsBefore,
  standsAlone,
  NEIGHBOUR_CHARS,
} from '../../../lib/match/neighbours';

function referenceStandsAlone(before: string, after: string): boolean {
  // The word lists are the module's own (isNeutral): what is checked here is the shortcuts around them.
  const prev = /(\p{Lu}[\p{L}\p{M}.'’-]*)[ \t\n\r\u00a0]+$/u.exec(before)?.[1];
  if (prev && !/['’]s?$/u.test(prev) && !isNeutral(prev)) return false;
  if (/^['’]s?(?![\p{L}\p{N}])/u.test(after)) return true;
  const next = /^[ \t\n\r\u00a0]+(\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(after)?.[1];
  return !next || isNeutral(next);
}

const befores = [
  '',
  'Melania ',
  'Melania',
  'Melania\u00a0',
  'Melania\n\t ',
  'Secretary ',
  'In ',
  'said ',
  '(',
  '“',
  "El Salvador's ",
  'the U.S. ',
  'Mr. ',
  'Monday, ',
  'President-elect ',
  'a very long sentence that runs past the window with Melania ',
];
const afters = [
  '',
  ' Tower',
  'Tower',
  '\u00a0Tower',
  ' said',
  '.',
  ', who',
  "'s prison",
  '’ policy',
  "'sake",
  ' Monday',
  '\n\nTower',
  ' (Tower)',
  '-Vance',
];

describe('neighbour shortcuts', () => {
  it('standsAlone decides as the regular expressions alone, on every pair', () => {
    for (const before of befores)
      for (const after of afters)
        expect([before, after, standsAlone(before, after)]).toEqual([
          before,
          after,
          referenceStandsAlone(before, after),
        ]);
  });

  it('a side the scanner does not read (given as nothing) changes no decision', () => {
    for (const before of befores)
      for (const after of afters) {
        const b = readsBefore(before.charCodeAt(before.length - 1)) ? before : '';
        const a = readsAfter(after.charCodeAt(0)) ? after : '';
        expect([before, after, standsAlone(b, a)]).toEqual([
          before,
          after,
          referenceStandsAlone(before.slice(-NEIGHBOUR_CHARS), after),
        ]);
      }
  });

  it('reads a side only across a gap (or, after, an apostrophe); none beside the block edge', () => {
    expect(readsBefore(' '.charCodeAt(0))).toBe(true);
    expect(readsBefore(0xa0)).toBe(true);
    expect(readsBefore('('.charCodeAt(0))).toBe(false);
    expect(readsBefore(NaN)).toBe(false);
    expect(readsAfter('’'.charCodeAt(0))).toBe(true);
    expect(readsAfter("'".charCodeAt(0))).toBe(true);
    expect(readsAfter('.'.charCodeAt(0))).toBe(false);
    expect(readsAfter(NaN)).toBe(false);
    expect(['-', '\u2010', '\u2011', '\u2012', ' '].map((c) => isJoiner(c.charCodeAt(0)))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(isJoiner(NaN)).toBe(false);
  });
});
