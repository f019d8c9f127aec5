/**
 * How news writes names and quotes, one form per case, built through the whole pipeline with the real
 * English dictionary (no curation).
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../lib/extract/build';
import { indexAliases } from '../../../lib/match/payload';
import { nodeEnglish } from '../../../lib/node/node-english';
import type { SourceIndex } from '../../../lib/index/schema';
import type { SeedArticle } from '../../../lib/extract/seed-file';

function build(...texts: string[]): SourceIndex {
  const seeds: SeedArticle[] = texts.map((text, i) => ({
    id: `a${i}`,
    file: `a${i}.txt`,
    title: null,
    outlet: 'Example News',
    citedSources: [],
    url: null,
    published: null,
    language: 'en',
    note: null,
    text,
  }));
  return buildIndex(seeds, undefined, nodeEnglish());
}

const forms = (index: SourceIndex) =>
  index.entities.map((e) => [e.name, ...e.aliases.map((a) => a.text)]);
const entity = (index: SourceIndex, form: string) =>
  index.entities.find((e) => e.name === form || e.aliases.some((a) => a.text === form));
const said = (index: SourceIndex, start: string) =>
  index.articles.flatMap((a) => a.sentences).find((s) => s.text.includes(start))?.attribution;

describe('names as news writes them', () => {
  it('keeps middle initials and suffixes, and one person across spellings and articles', () => {
    const index = build(
      'President Donald J. Trump signed the order on Monday.',
      'Donald Trump spoke in Ohio. Trump said he would return. President Trump left.',
    );
    const trump = entity(index, 'Donald J. Trump')!;
    expect(trump.type).toBe('person');
    for (const form of ['Donald Trump', 'Trump', 'President Trump'])
      expect(entity(index, form)).toBe(trump);
    expect(forms(index).flat()).not.toContain('Donald J');
  });

  it('keeps connectors inside organisation names, two names joined by "and" stay two', () => {
    const index = build(
      'Agents of U.S. Immigration and Customs Enforcement’s (ICE) Boston office made arrests. ' +
        'Officials from Tunisia and Egypt met. The Office of Management and Budget agreed.',
    );
    const ice = entity(index, 'U.S. Immigration and Customs Enforcement')!;
    expect(ice.type).toBe('organization');
    expect(entity(index, 'ICE')).toBe(ice);
    expect(entity(index, 'Tunisia')).toBeDefined();
    expect(entity(index, 'Egypt')).toBeDefined();
    expect(forms(index).flat()).not.toContain('Tunisia and Egypt');
    expect(entity(index, 'Office of Management and Budget')?.type).toBe('organization');
  });

  it('splits a role title from the name it comes before', () => {
    const index = build(
      'Senior White House Counselor Peter Navarro said tariffs work. ' +
        'Acting Director of U.S. Citizenship and Immigration Services (USCIS) Jane Doe announced a rule.',
    );
    expect(entity(index, 'Peter Navarro')?.type).toBe('person');
    expect(entity(index, 'Jane Doe')?.type).toBe('person');
    expect(forms(index).flat()).not.toContain('Senior White House Counselor Peter Navarro');
    expect(entity(index, 'USCIS')?.name).toBe('U.S. Citizenship and Immigration Services');
  });

  it('does not take ordinary words, headings, file names, handles or hashtags for names', () => {
    const index = build(
      'FACT SHEET: President Donald J. Trump Protects Americans',
      'Watch: the briefing.',
      'Eggs are cheaper. Terminated the program.',
      'See Juan-Carlos-Vasquez-Natera.jpg and @SenMullin and #Trade.',
    );
    const all = forms(index).flat();
    for (const junk of [
      'FACT',
      'Watch',
      'Eggs',
      'Terminated',
      'Juan-Carlos-Vasquez-Natera.jpg',
      'SenMullin',
      'Trade',
    ])
      expect(all).not.toContain(junk);
  });

  it('makes "United States", "U.S." and "the U.S." one place', () => {
    const index = build('The United States and the U.S. Congress met. U.S. forces left.');
    const us = entity(index, 'United States')!;
    expect(us.type).toBe('place');
    expect(entity(index, 'U.S.')).toBe(us);
  });
});

describe('quotes as news writes them', () => {
  const index = build(
    [
      'Jane Smith is the acting secretary. Bob Jones runs the agency.',
      '“We will act now,” said Acting Secretary Smith.',
      '“The border is closed,” Jones said.',
      'Smith added: "We have more to do."',
      'Jones said: “It is done. Nothing is left.”',
      '“This is the first sentence. And this is the second,” Smith told reporters.',
      '“A quotation that runs on. It goes over paragraphs.',
      '“And ends here,” Jones said.',
      'According to Reuters, the deal was signed.',
      'Smith told Congress that the plan would work.',
      'Officials called it a “historic” step.',
      '“Prices will fall this year,” Bob Jones, the agency’s chief economist, said.',
      '“The talks are over for now,” according to Jane Smith.',
      'He said she was ‘a very fine public servant indeed’, Smith told the court.',
      'It was called ‘slimming tablets’ by the sellers.',
    ].join('\n'),
  );

  it.each([
    ['We will act now', 'Jane Smith'],
    ['The border is closed', 'Bob Jones'],
    ['Smith added: "We have more to do."', 'Jane Smith'],
    ['Jones said: “It is done.', 'Bob Jones'],
    ['Nothing is left.”', 'Bob Jones'],
    ['“This is the first sentence.', 'Jane Smith'],
    ['And this is the second', 'Jane Smith'],
    ['“A quotation that runs on.', 'Bob Jones'],
    ['It goes over paragraphs.', 'Bob Jones'],
    ['Prices will fall this year', 'Bob Jones'],
    ['The talks are over for now', 'Jane Smith'],
    ['a very fine public servant indeed', 'Jane Smith'],
  ])('“%s” is a quote by %s', (start, speaker) => {
    expect(said(index, start.replace(/^“(?=[A-Z][a-z]+ [a-z])/, '“'))).toMatchObject({
      role: 'quote',
      by: speaker,
    });
  });

  it('reports what a source says without quoting it, and leaves scare quotes as narration', () => {
    expect(said(index, 'According to Reuters')).toMatchObject({
      role: 'reported',
      by: 'Reuters',
      cue: 'according to',
    });
    expect(said(index, 'Smith told Congress')).toMatchObject({
      role: 'reported',
      by: 'Jane Smith',
    });
    expect(said(index, 'Officials called it')?.role).not.toBe('quote');
    expect(said(index, 'It was called ‘slimming')?.role).not.toBe('quote');
  });

  it('gives sentences with no entity their attribution too', () => {
    expect(said(index, 'It goes over paragraphs.')?.role).toBe('quote');
    expect(said(index, 'Jane Smith is the acting')).toMatchObject({
      role: 'narration',
      by: 'Example News',
    });
  });
});

describe('who speaks when the sentence does not name them', () => {
  const index = build(
    [
      'Vanessa Hicks took the photo. Bob Jones ran the agency.',
      'Hicks, a Navy veteran herself, said her intention was to honor the flag.',
      'She said she stayed up until 4 a.m. to take down comments.',
      '“The border is closed,” Jones said.',
      'Prices rose in May.',
      'Rents rose in June.',
      'Wages rose in July.',
      'Sales fell in August.',
      '“We will not stop,” he added.',
      '“We write to you as parents,” they said in an open letter.',
      'I wrote to the committee last week.',
      '“When I came to Congress, I promised to act.',
      'Additionally, zero people were released, compared to 27,766 a year earlier.',
      'An unidentified poster put up her picture and wrote they found it “disrespectful and rude.”',
    ].join('\n'),
  );

  it('takes the subject before an appositive, and "she" for the party reported just before', () => {
    expect(said(index, 'Hicks, a Navy veteran')).toMatchObject({
      role: 'reported',
      by: 'Vanessa Hicks',
    });
    expect(said(index, 'She said she stayed')).toMatchObject({
      role: 'reported',
      by: 'Vanessa Hicks',
    });
  });

  it('leaves “he” unnamed when the person last quoted is paragraphs away, and “they” always', () => {
    expect(said(index, '“We will not stop,”')).toEqual({ role: 'quote', by: null });
    expect(said(index, '“We write to you')).toEqual({ role: 'quote', by: null });
  });

  it('reads a whole institution or company as the party, and no headline or action as saying', () => {
    const index = build(
      [
        'PROMISE MADE: “We will close the border.”',
        'Fiserv, Inc. announced a $175 million investment in Kansas.',
        'The Department of Health and Human Services announced states can act.',
        'President Trump continued to pursue peace through strength.',
        'Immediately declared a National Energy Emergency to bring down costs.',
        'FACT: A top official confirmed “there is nothing illegal here at all.”',
      ].join('\n'),
    );
    expect(said(index, 'PROMISE MADE')).toEqual({ role: 'quote', by: null });
    expect(said(index, 'Fiserv, Inc.')?.by).toBe('Fiserv, Inc.');
    expect(said(index, 'The Department of Health')?.by).toBe(
      'Department of Health and Human Services',
    );
    expect(said(index, 'President Trump continued')?.role).toBe('narration');
    expect(said(index, 'Immediately declared')?.role).toBe('narration');
    expect(said(index, 'FACT: A top official')?.by ?? null).not.toBe('al');
  });

  it('never makes a pronoun, an adverb or a clause a speaker', () => {
    expect(said(index, 'I wrote to the committee')?.role).toBe('narration');
    expect(said(index, '“When I came to Congress')).toEqual({ role: 'quote', by: null });
    expect(said(index, 'Additionally, zero')?.role).toBe('narration');
    expect(said(index, 'An unidentified poster')?.by ?? null).not.toMatch(/picture/);
  });
});

describe('names that must not be taken for another', () => {
  it('keeps an institution that “said” things an institution, and out of the surname rule', () => {
    const index = build(
      'The Department of the Interior said on Monday that leases would resume. The Department of ' +
        'the Interior said more would follow. The Department of the Interior said it had approved ' +
        'two. The Department of the Interior said nothing else. Officials at Interior agreed.',
    );
    expect(entity(index, 'Department of the Interior')?.type).toBe('organization');
    expect(entity(index, 'Interior')?.name).not.toBe('Department of the Interior');
  });

  it('keeps a plural noun’s possessive inside a name, and ends a name at a person’s', () => {
    const index = build(
      'Officials of the People’s Republic of China met staff of Children’s National Hospital. ' +
        'Exports to China fell. Trump’s America First plan moved on.',
    );
    expect(entity(index, 'People’s Republic of China')).toBeDefined();
    expect(entity(index, 'Republic of China')).toBeUndefined();
    expect(entity(index, 'China')?.name).toBe('China');
    expect(entity(index, 'Children’s National Hospital')?.type).toBe('facility');
    expect(forms(index).flat()).not.toContain('Trump’s America First');
  });

  it('takes no name suffix after a comma, and no dictionary name the articles write in lower case, for a name', () => {
    const index = build(
      'Secretary Robert F. Kennedy, Jr., spoke on Monday. Fiserv, Inc. announced new jobs.',
      'He was arrested in Aurora, CO, last year.',
      'Kristi Noem on Face the Nation. Marco Rubio on Face the Nation.',
      'Since Day 1 the nation has changed, day by day.',
    );
    for (const junk of ['Jr', 'Inc', 'CO', 'Nation', 'Day'])
      expect(forms(index).flat(), junk).not.toContain(junk);
    expect(entity(index, 'Robert F. Kennedy')?.type).toBe('person');
    // A person's name ends before "on …", as before "of …".
    expect(entity(index, 'Kristi Noem')?.aliases.map((a) => a.text)).toEqual([
      'Kristi Noem',
      'Noem',
    ]);
  });

  it('types a company or an acronym that speaks as an institution, and a person by their full name', () => {
    const index = build(
      'Chevron announced a $5 billion investment in Texas on Monday.',
      'NPR said the report was wrong. Hamas and other terrorist organizations were named.',
      'Secretary Kristi Noem visited. Noem said the border was closed.',
    );
    expect(entity(index, 'Chevron')?.type).toBe('organization');
    expect(entity(index, 'NPR')?.type).toBe('organization');
    expect(entity(index, 'Hamas')?.type).toBe('organization');
    expect(entity(index, 'Noem')?.type).toBe('person');
  });

  it('takes no shouted ordinary word, heading demonym or Roman numeral for a name; a spelt-out acronym stays', () => {
    const index = build(
      'Border encounters are DOWN by 93%. Crossings are DOWN by 99%.',
      'EMPOWERING THE AMERICAN PEOPLE',
      'He moved marijuana to Schedule III. See subchapter III of chapter 99.',
      'The Security Alliance for Fugitive Enforcement (SAFE) met. SAFE said it would grow.',
    );
    for (const junk of ['DOWN', 'AMERICAN PEOPLE', 'III'])
      expect(forms(index).flat(), junk).not.toContain(junk);
    expect(entity(index, 'SAFE')?.name).toBe('Security Alliance for Fugitive Enforcement');
  });

  it('calls the one person of the index with a first name by it alone, in the articles only if it is common', () => {
    const index = build(
      'Sen. Markwayne Mullin spoke. Markwayne Mullin voted. Markwayne Mullin left.',
      'I know Markwayne will do well.',
      'As Secretary of State Marco Rubio said, the deal holds. Marco Rubio agreed. Marco Rubio left.',
      'JD is fantastic and Marco is fantastic.',
      'George Washington crossed. George Mason wrote. George spoke.',
    );
    const mullin = entity(index, 'Markwayne Mullin')!;
    expect(entity(index, 'Markwayne')).toBe(mullin);
    expect(mullin.aliases.find((a) => a.text === 'Markwayne')?.pageMatch).toBeUndefined();
    const rubio = entity(index, 'Marco Rubio')!;
    expect(entity(index, 'Marco')).toBe(rubio);
    expect(rubio.aliases.find((a) => a.text === 'Marco')?.pageMatch).toBe(false);
    expect(forms(index).flat()).not.toContain('As Secretary of State Marco Rubio');
    // Two Georges: "George" alone is neither.
    expect(entity(index, 'George')?.name ?? 'George').toBe('George');
  });

  it('knows a department by its field alone, and a numbered order or proclamation by the word before the number', () => {
    const index = build(
      'The U.S. Department of Homeland Security said on Monday that it would act.',
      'Officials at Homeland Security agreed with the plan.',
      'The President signed Proclamation 9704 in March. Executive Order 13224 froze assets.',
      'In Proclamation 9704, tariffs were set. Duties in Proclamation 9704 rose. In Proclamation 9704 they fell.',
    );
    expect(entity(index, 'Homeland Security')?.name).toBe('U.S. Department of Homeland Security');
    expect(entity(index, 'Proclamation 9704')?.type).toBe('law');
    expect(entity(index, 'Executive Order 13224')?.type).toBe('law');
  });

  it('leaves a past-tense verb opening a line out of the name after it', () => {
    const index = build(
      'Combatted Tren de Aragua in three states.\nDeployed National Guard troops.',
    );
    expect(forms(index).flat()).not.toContain('Combatted Tren de Aragua');
    expect(forms(index).flat()).not.toContain('Deployed National Guard');
    expect(entity(index, 'Tren de Aragua')).toBeDefined();
  });

  it('takes a legislative house for an institution, not a building', () => {
    const index = build(
      'The House of Representatives passed the bill. The US House voted again on Friday.',
      'Tourists toured the White House.',
    );
    expect(entity(index, 'House of Representatives')?.type).toBe('organization');
    expect(entity(index, 'US House')?.type).toBe('organization');
    expect(entity(index, 'White House')?.type).toBe('facility');
  });

  it('takes a town before a state (its name or postal code) for a place', () => {
    const index = build(
      'A gang member tied to a shooting in Aurora, Colorado — was charged.',
      'He has convictions in Providence, RI, and Pueblo, CO.',
    );
    for (const town of ['Aurora', 'Providence', 'Pueblo'])
      expect(entity(index, town)?.type).toBe('place');
  });

  it('keeps two members of Congress of one party and state apart, and two letters for places and unions only', () => {
    const index = build(
      'Rep. August Pfluger (R-TX) spoke. Rep. Jodey Arrington (R-TX) agreed. August Pfluger left.',
      'MOSCOW (AP) — The AP reported it. The United Nations met. The UN voted.',
    );
    expect(entity(index, 'Jodey Arrington')).not.toBe(entity(index, 'August Pfluger'));
    expect(forms(index).flat()).not.toContain('R-TX');
    expect(entity(index, 'AP')?.name ?? 'AP').toBe('AP');
    expect(entity(index, 'UN')?.name).toBe('United Nations');
  });

  it('matches a “person’s” last word on other pages only when a first name or a title vouches for them', () => {
    const index = build(
      'Ansar Allah said the attacks would go on. Ansar Allah said so again.',
      'Kristi Noem said the border was closed. Noem left.',
    );
    const allah = entity(index, 'Ansar Allah')!;
    expect(allah.aliases.find((a) => a.text === 'Allah')?.pageMatch ?? true).toBe(false);
    const noem = entity(index, 'Kristi Noem')!;
    expect(noem.aliases.find((a) => a.text === 'Noem')?.pageMatch).toBeUndefined();
  });

  it('does not make a country a person who shares its name', () => {
    const index = build(
      'Rep. Jim Jordan spoke on Tuesday.',
      'Trade with Jordan grew. Jordan exported more potash. Exports to Jordan rose in Jordan and Egypt.',
    );
    expect(entity(index, 'Jim Jordan')?.type).toBe('person');
    expect(entity(index, 'Jim Jordan')?.aliases.map((a) => a.text)).not.toContain('Jordan');
    expect(entity(index, 'Jordan')?.name).toBe('Jordan');
    expect(entity(index, 'Jordan')?.type).toBe('place');
  });

  it('takes no initials from a Roman numeral, and no Roman numeral for an acronym', () => {
    const index = build(
      'Title VI of the Civil Rights Act applies. The TV networks covered Title VI hearings. ' +
        'Illegal Immigration rose before World War II ended, and II more said so.',
    );
    expect(entity(index, 'TV')?.name).not.toBe('Title VI');
    expect(entity(index, 'II')?.name ?? null).not.toBe('Illegal Immigration');
  });

  it('calls a person by a surname that is also a given name only when the articles name them often', () => {
    const once = build('Sen. Rand Paul voted no on Tuesday.', 'Kristi Noem visited Texas.');
    expect(entity(once, 'Rand Paul')?.aliases.map((a) => a.text)).not.toContain('Paul');
    // A surname that is no given name still works alone, after one mention.
    expect(entity(once, 'Kristi Noem')?.aliases.map((a) => a.text)).toContain('Noem');
    const often = build(
      'Sen. Rand Paul voted no. Rand Paul spoke later.',
      'Rand Paul objected again on Friday.',
    );
    expect(entity(often, 'Rand Paul')?.aliases.map((a) => a.text)).toContain('Paul');
  });
});

describe('short forms kept for the articles only', () => {
  it('does not look for a one-word ordinary-word short form on pages, and keeps people’s surnames', () => {
    // A company read as a person gets its last word as a "surname" (a White House list of investments).
    const index = build(
      'Hikma Pharmaceuticals said it will invest $1 billion. Elon Musk praised it. Musk said he would visit.',
    );
    const aliasOf = (name: string, text: string) =>
      entity(index, name)?.aliases.find((a) => a.text === text);
    expect(aliasOf('Hikma Pharmaceuticals', 'Pharmaceuticals')?.pageMatch).toBe(false);
    expect(aliasOf('Elon Musk', 'Musk')).toBeDefined();
    expect(aliasOf('Elon Musk', 'Musk')?.pageMatch).toBeUndefined();
    const onPages = indexAliases(index).map((a) => a.text);
    expect(onPages).toContain('Hikma Pharmaceuticals');
    expect(onPages).not.toContain('Pharmaceuticals');
    expect(onPages).toContain('Musk');
  });
});

describe('quotes under a topic label', () => {
  const index = build(
    'Donald Trump spoke to NBC on Sunday.\n' +
      'On tariffs: “We are going to win. It will be great for our workers.”\n' +
      'Donald Trump on his motivations: “I am proud to serve the workers of this country.”',
  );

  it('are someone’s words with the speaker unknown, never the topic as speaker or the outlet’s voice', () => {
    expect(said(index, 'On tariffs')).toEqual({ role: 'quote', by: null });
    expect(said(index, 'It will be great')).toEqual({ role: 'quote', by: null });
  });

  it('take the name before “on <topic>” as the speaker', () => {
    expect(said(index, 'Donald Trump on his motivations')).toMatchObject({
      role: 'quote',
      by: 'Donald Trump',
    });
  });
});
