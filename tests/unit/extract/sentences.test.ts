import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../lib/extract/sentences';

const split = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));

describe('splitSentences', () => {
  it.each([
    ['One. Two.', ['One.', 'Two.']],
    [
      'It flew 22 U.S. deportation flights. Then it stopped.',
      ['It flew 22 U.S. deportation flights.', 'Then it stopped.'],
    ],
    ['Dr. Smith met Mr. Jones. They spoke.', ['Dr. Smith met Mr. Jones.', 'They spoke.']],
    [
      'It began on Jan. 5 in Washington. Nobody came.',
      ['It began on Jan. 5 in Washington.', 'Nobody came.'],
    ],
    ['John F. Kennedy spoke. Crowds cheered!', ['John F. Kennedy spoke.', 'Crowds cheered!']],
    ['Trump wrote:\nWe did it. Thanks.', ['Trump wrote:', 'We did it.', 'Thanks.']],
    ['"We are done." He left.', ['"We are done."', 'He left.']],
    ['Is it? Yes.', ['Is it?', 'Yes.']],
    ['Version 2.5 shipped today.', ['Version 2.5 shipped today.']],
    ['removed from U.S. soil.', ['removed from U.S. soil.']],
  ])('%j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const text = '  First one.   Second one.  ';
    const spans = splitSentences(text);
    expect(spans).toEqual([
      [2, 12],
      [15, 26],
    ]);
  });
});
