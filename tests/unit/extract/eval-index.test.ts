/**
 * Extraction and attribution quality on the hand-labelled development set (tests/fixtures/eval), with no
 * curation: the figures `npm run eval:index` prints. The floors are the figures measured when they were
 * last raised, so a change that makes extraction worse fails here; the targets are in the README.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../eval/eval-index';

describe('index quality on the labelled development set', () => {
  it('holds entity precision, recall, alias grouping, typing and quote attribution', async () => {
    const { overall, scores } = await evaluate();
    expect(scores.length).toBeGreaterThanOrEqual(12);
    expect(overall.precision).toBeGreaterThanOrEqual(0.91);
    expect(overall.recall).toBeGreaterThanOrEqual(0.81);
    expect(overall.aliasGrouping).toBeGreaterThanOrEqual(0.75);
    expect(overall.typeAccuracy).toBeGreaterThanOrEqual(0.89);
    expect(overall.otherShare).toBeLessThanOrEqual(0.17);
    expect(overall.quoteAttribution).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
