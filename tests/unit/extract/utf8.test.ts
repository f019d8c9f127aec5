import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Line } from '../../../lib/extract/seed-file';

const bytes = (...b: number[]) => new Uint8Array(b);
const enc = (s: string) => new TextEncoder().encode(s);

describe('firstInvalidUtf8Line', () => {
  it('accepts well-formed text of every length, on any line', () => {
    expect(firstInvalidUtf8Line(enc('a\né\n€\n𝄞 U+10FFFF: \u{10ffff}\n\ud7ff \ue000'))).toBeNull();
  });

  it.each([
    ['overlong 2-byte "/"', [0xc0, 0xaf]],
    ['overlong 2-byte NUL', [0xc1, 0x80]],
    ['overlong 3-byte', [0xe0, 0x80, 0xaf]],
    ['overlong 3-byte, high', [0xe0, 0x9f, 0xbf]],
    ['overlong 4-byte', [0xf0, 0x80, 0x80, 0xaf]],
    ['overlong 4-byte, high', [0xf0, 0x8f, 0xbf, 0xbf]],
    ['a surrogate (U+D800)', [0xed, 0xa0, 0x80]],
    ['a surrogate (U+DFFF)', [0xed, 0xbf, 0xbf]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['F5 lead byte', [0xf5, 0x80, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
  ])('refuses %s, naming its line', (_name, seq) => {
    expect(firstInvalidUtf8Line(bytes(0x61, 0x0a, 0x62, 0x0a, ...seq))).toBe(3);
    // And the decoder agrees it is not UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(...seq))).toThrow();
  });
});
