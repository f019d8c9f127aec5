import { describe, expect, it } from 'vitest';
import { isEmphasis } from '../../../lib/extract/emphasis';
import { nodeEnglish } from '../../../lib/node/node-english';

const english = nodeEnglish();
/** Whether `name` (its first occurrence) in `text` is read as emphasis. */
const emphasis = (text: string, name: string) => {
  const start = text.indexOf(name);
  return isEmphasis(text, start, start + name.length, english);
};

describe('capitals written for emphasis', () => {
  it('are emphasis next to another all-capital English word, one short word between at most', () => {
    expect(emphasis('We will keep our border SAFE and SECURE.', 'SAFE')).toBe(true);
    expect(emphasis('Make our streets SAFE AGAIN!', 'SAFE')).toBe(true);
    expect(emphasis('It was NEVER SAFE to cross.', 'SAFE')).toBe(true);
  });

  it('are a name when the neighbour is no English word, or not in capitals', () => {
    expect(emphasis('ICE and CBP agents made arrests.', 'ICE')).toBe(false);
    expect(emphasis('The SAFE task force met in Miami.', 'SAFE')).toBe(false);
    expect(emphasis('Officers of SAFE and the FBI arrested him.', 'SAFE')).toBe(false);
    expect(emphasis('SAFE arrested 40 people, officials said.', 'SAFE')).toBe(false);
    // Punctuation ends the phrase: a label, then the name.
    expect(emphasis('HOAX: WIRED falsely claimed it.', 'WIRED')).toBe(false);
  });

  it('only ever concern matches in capitals that spell English words', () => {
    expect(emphasis('The FBI and the DOJ AGREED.', 'FBI')).toBe(false);
    expect(emphasis('Bukele said it was SAFE AND SECURE.', 'Bukele')).toBe(false);
    // A name of several words in capitals is a heading, still about the name.
    expect(emphasis('MEMORANDUM FOR THE UNITED STATES TRADE REPRESENTATIVE', 'UNITED STATES')).toBe(
      false,
    );
  });
});
