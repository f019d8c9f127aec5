/**
 * One very long "sentence" (a list or table row run together) must not cost time quadratic in its
 * length: before the patterns were bounded, 8,000 capitalised words took ~7 s and 40,000 would take
 * minutes; now it is milliseconds. The timeout below is a guard with a margin of hundreds, not a
 * benchmark.
 */
import { describe, expect, it } from 'vitest';
import { attributeSentences } from '../../../lib/extract/attribution';

const capitalisedRun = (words: number) =>
  Array.from({ length: words }, (_, i) => (i % 2 ? 'Alpha' : 'Beta')).join(' ');

describe('attribution on a very long line', () => {
  it(
    'attributes a 40,000-word run of capitalised words without scanning it again from every word',
    { timeout: 15_000 },
    () => {
      const text = `${capitalisedRun(40_000)} went home.`;
      expect(attributeSentences(text, [[0, text.length]])).toEqual([
        { role: 'narration', speaker: null },
      ]);
    },
  );

  it('still reads the cues at the head and the tail of a long sentence', () => {
    const filler = ' and the list goes on'.repeat(200);
    const opening = `According to Breitbart, the plan failed${filler}.`;
    const closing = `The plan failed${filler}, a senior official said.`;
    const [a, b] = attributeSentences(`${opening} ${closing}`, [
      [0, opening.length],
      [opening.length + 1, opening.length + 1 + closing.length],
    ]);
    expect(a).toMatchObject({ role: 'reported', speaker: 'Breitbart', cue: 'according to' });
    expect(b).toMatchObject({ role: 'reported', cue: 'said' });
  });
});
