/**
 * Turns name candidates from all articles into entities: groups spellings of one name, merges an acronym
 * with its expansion ("CECOT" ↔ "Terrorism Confinement Center", "U.S." ↔ "United States"), a surname with
 * the one person who bears it ("Noem" → "Kristi Noem"), decides each entity's type from the clues of all
 * its mentions, and gives every alias its matching rule.
 */
import type { Candidate } from './candidates';
import { isAcronym, isRomanNumeral } from './candidates';
import type { EntityType } from '../index/constants';
import { PERSON_TITLES } from '../words';
import {
  CONNECTORS,
  GIVEN_NAMES,
  PLACES,
  TYPE_BY_FOLLOWING_NOUN,
  TYPE_BY_HEAD_WORD,
} from './lexicon';

/** Following nouns that hint at a type without naming it ("stores", "residents"). */
const CONTEXT_NOUNS = new Set(
  'store stores shares stock chain employees customers platform spokesman spokeswoman spokesperson executives headquarters brand residents mayor county'.split(
    ' ',
  ),
);

/** Direction words: "West Point", "Northern Pacific" are places, not people named West. */
export const COMPASS = new Set(
  'north south east west northern southern eastern western upper lower central midtown downtown northeast northwest southeast southwest'.split(
    ' ',
  ),
);

/** Nouns that say an appositive describes a person: "Jane Roe, a fierce elder of …". */
const PERSON_NOUNS = new Set(
  `man woman boy girl mother father son daughter wife husband brother sister elder resident fisherman
  farmer owner worker teacher student expert scientist researcher activist lawyer doctor nurse author
  writer artist musician singer actor actress player veteran survivor victim witness member fellow
  professor economist historian journalist photographer supervisor official officer executive founder
  partner friend neighbor neighbour native citizen immigrant migrant whisperer`.split(/\s+/),
);

/** Forms of address, not roles: "Mr Obama" is an alias, but "Mr" says nothing about him. */
const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Sir', 'Dame']);

export interface AliasDraft {
  text: string;
  caseSensitive: boolean;
  requireCapital: boolean;
  pageMatch?: false;
}

export interface EntityDraft {
  id: string;
  name: string;
  type: EntityType;
  aliases: AliasDraft[];
  roles: string[];
  description?: string;
}

interface Group {
  key: string;
  /** Spellings seen, with counts, to pick the usual one as the name. */
  surfaces: Map<string, number>;
  candidates: Candidate[];
  /** Extra alias spellings (titled forms, absorbed acronyms and surnames). */
  extraAliases: Set<string>;
  mergedInto?: Group;
}

export function foldKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0\-‐‑–]+/g, ' ')
    .trim();
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'entity';
}

function root(g: Group): Group {
  while (g.mergedInto) g = g.mergedInto;
  return g;
}

function merge(from: Group, into: Group): void {
  const a = root(from);
  const b = root(into);
  if (a !== b) a.mergedInto = b;
}

function initials(words: string[]): string {
  return words
    .filter((w) => !CONNECTORS.has(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/**
 * The acronyms a name may go by: its initials ("ICE"), with connectors ("TdA" for Tren de Aragua), and
 * of what follows its first "of" ("HUD" for Department of Housing and Urban Development).
 */
function initialsVariants(name: string): string[] {
  const words = name
    .split(/\s+/)
    .filter((w) => w !== 'and' && w !== '&' && !/^(?:U\.S\.|US)$/.test(w) && !isRomanNumeral(w));
  const of = words.indexOf('of');
  return [
    initials(words),
    words.map((w) => w[0]!.toUpperCase()).join(''),
    ...(of > 0 ? [initials(words.slice(of + 1))] : []),
  ];
}

/**
 * Whether a two-word name may go by its two initials: a place of the gazetteer ("US", "UK") or a union of
 * states ("EU", "UN") — never a person ("AP" is not August Pfluger), nor "Tribal Nations" ("TN").
 */
function goesByTwoLetters(g: Group): boolean {
  const words = g.key.split(' ').filter((w) => !CONNECTORS.has(w));
  return (
    words.length === 2 &&
    (PLACES.has([...g.surfaces.keys()][0] ?? '') || words[0] === 'united' || words[1] === 'union')
  );
}

function acronymLetters(acronym: string): string | null {
  if (/\d/.test(acronym)) return null;
  return acronym.replace(/[.\-&]/g, '').toUpperCase();
}

export function typeVotes(
  candidates: Candidate[],
  name: string,
  otherNames: readonly string[] = [],
): Map<EntityType, number> {
  const votes = new Map<EntityType, number>();
  const vote = (t: EntityType, w: number) => votes.set(t, (votes.get(t) ?? 0) + w);
  const words = name.split(/\s+/);
  // The head of "Memorandum of Cooperation" is "Memorandum"; of "Alien Enemies Act", "Act".
  const connector = words.findIndex((w) => CONNECTORS.has(w));
  // "Proclamation 9704", "Executive Order 13224": a number names which one; the word before is the head.
  const last =
    words.length > 1 && /^\d+$/.test(words[words.length - 1]!)
      ? words.length - 2
      : words.length - 1;
  const head = words[connector > 0 ? connector - 1 : last]!.toLowerCase();
  const headType = TYPE_BY_HEAD_WORD[head];
  /** A name of several words with a head word ("Department of …"): what it is, said outright. */
  const headed = !!headType && words.length > 1;
  if (headed) vote(headType, connector > 0 ? 2 : 3);
  // "House of Representatives", "US House", "House of Commons": a chamber, not a building.
  if (
    head === 'house' &&
    (/ of (?:Representatives|Commons|Lords|Delegates)$/u.test(name) ||
      (words.length === 2 && COUNTRY_QUALIFIERS.has(words[0]!.toLowerCase())))
  )
    vote('organization', 4);
  // "CAIRO —" in a dateline is Cairo.
  const titled = name.charAt(0) + name.slice(1).toLowerCase();
  if (
    PLACES.has(name) ||
    otherNames.some((n) => PLACES.has(n)) ||
    (name === name.toUpperCase() && PLACES.has(titled))
  )
    // Strong enough to outweigh a speech verb, a first name and a person's shape together ("Costa Rica
    // announced" is still the country).
    vote('place', 5);
  if (candidates.some((c) => c.givenNameFirst)) vote('person', words.length > 1 ? 2 : 1);
  // "West Side", "Northern Pacific", "Lower Manhattan": a compass word before a name makes a region.
  if (words.length > 1 && COMPASS.has(words[0]!.toLowerCase()) && !headType) vote('place', 2);
  // An acronym with no other clue is most often an institution's (BBC, ICE, GOP).
  if (words.length === 1 && isAcronym(name)) vote('organization', 0.9);
  // "Congress", "Parliament": an institution word used as a name on its own.
  if (words.length === 1 && headType === 'organization') vote('organization', 1);
  if (candidates.some((c) => c.personShape)) vote('person', 1.5);
  // "X said": institutions speak too, so it is a hint, counted once, and no match for a head word
  // ("the Department of the Interior said" many times over is still a department).
  // One word alone: an acronym that speaks is an institution ("NPR said", "ISIS claimed"), and so is a
  // word no dictionary lists as anyone's name ("Chevron announced", "Stellantis said"); a person named
  // by a surname alone is counted with their full name (merged before this is asked).
  if (!headed && candidates.some((c) => c.speechVerbAfter)) {
    const institution =
      words.length === 1 &&
      (isAcronym(name) || !candidates.some((c) => c.knownName || c.givenNameFirst));
    vote(institution ? 'organization' : 'person', 1);
  }
  // "Walmart’s stores", "Toledo residents": a hint, counted once, that a head word outweighs.
  const hint = candidates.find((c) => c.followingNoun && CONTEXT_NOUNS.has(c.followingNoun));
  if (hint) vote(TYPE_BY_FOLLOWING_NOUN[hint.followingNoun!]!, 1);
  // "Department of Homeland Security" before "Secretary": the words a role hangs on are an institution.
  if (candidates.some((c) => c.fromRolePrefix)) vote('organization', 1.5);
  for (const c of candidates) {
    if (c.role) vote('person', 3);
    if (c.followingNoun === 'administration') vote('person', 1);
    else if (c.followingNoun && !CONTEXT_NOUNS.has(c.followingNoun))
      vote(TYPE_BY_FOLLOWING_NOUN[c.followingNoun]!, 2.5);
    if (c.afterRoleNoun) vote('person', 2);
    if (c.beforePlace) vote('place', 3);
    if (c.appositiveNoun) {
      const noun = c.appositiveNoun.toLowerCase();
      const t =
        TYPE_BY_FOLLOWING_NOUN[noun] ??
        TYPE_BY_HEAD_WORD[noun.replace(/s$/, '')] ??
        TYPE_BY_HEAD_WORD[noun];
      if (t) vote(t, 2);
      else if (PERSON_TITLES.has(noun) || PERSON_NOUNS.has(noun)) vote('person', 2);
    }
    if (c.afterAccordingTo) vote('organization', 1);
    // "in Tunis" — but "in Proclamation 9704": a head word says more than a preposition.
    if (
      !headed &&
      c.previousWord &&
      ['in', 'to', 'from', 'across', 'near', 'into', 'toward', 'towards'].includes(c.previousWord)
    )
      vote('place', 0.5);
  }
  // "in Tunis": for a one-word name with no other clue, being "in" it is enough to say place.
  if (
    words.length === 1 &&
    !isAcronym(name) &&
    candidates.some((c) => c.previousWord === 'in' || c.previousWord === 'near')
  )
    vote('place', 0.5);
  return votes;
}

function decideType(votes: Map<EntityType, number>): EntityType {
  let best: EntityType = 'other';
  let bestScore = 0;
  for (const [t, score] of votes) {
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return bestScore >= 1 ? best : 'other';
}

function aliasRule(text: string): AliasDraft {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const allCaps = letters.length > 0 && letters === letters.toUpperCase();
  // Acronyms and short all-caps words match only as written: SAFE must never light up "safe".
  const caseSensitive = isAcronym(text) || (allCaps && letters.length <= 5);
  return { text, caseSensitive, requireCapital: !caseSensitive };
}

export function buildEntities(candidates: Candidate[]): EntityDraft[] {
  const groups = new Map<string, Group>();
  const groupOf = (surface: string): Group => {
    const key = foldKey(surface);
    let g = groups.get(key);
    if (!g) {
      g = { key, surfaces: new Map(), candidates: [], extraAliases: new Set() };
      groups.set(key, g);
    }
    return g;
  };
  for (const c of candidates) {
    const g = groupOf(c.surface);
    g.surfaces.set(c.surface, (g.surfaces.get(c.surface) ?? 0) + 1);
    g.candidates.push(c);
    if (c.titledForm) g.extraAliases.add(c.titledForm);
  }

  // A leading demonym is an adjective: "Venezuelan Tren de Aragua" is "Tren de Aragua".
  for (const g of groups.values()) {
    const space = g.key.indexOf(' ');
    if (space < 0) continue;
    const rest = groups.get(g.key.slice(space + 1));
    const first = g.key.slice(0, space);
    // "Israeli …" is an adjective; "Lotfi Azzouz" and "Kristi Noem" are people.
    const adjective =
      /(?:an|ian|ese|ish)$/.test(first) ||
      (/i$/.test(first) && !GIVEN_NAMES.has(first) && !g.candidates.some((c) => c.personShape));
    if (rest && adjective) {
      g.mergedInto = rest;
      g.surfaces.clear();
    }
  }

  // "Donald J. Trump" is "Donald Trump": a middle initial does not make another name.
  for (const g of groups.values()) {
    const plain = g.key.replace(/ \p{L}\.(?= )/gu, '');
    const other = plain !== g.key ? groups.get(plain) : undefined;
    if (other && !g.mergedInto) merge(g, other);
  }

  // Acronyms defined in parentheses, then acronyms whose letters are a name's initials.
  for (const c of candidates) {
    if (c.definesAcronym) merge(groupOf(c.definesAcronym), groupOf(c.surface));
  }
  const multiWord = [...groups.values()].filter((g) => g.key.includes(' ') && !g.mergedInto);
  // Each name's initials, computed once: looked up per acronym instead of recomputed for every name.
  const byInitials = new Map<string, Group[]>();
  for (const m of multiWord)
    for (const letters of new Set(initialsVariants([...m.surfaces.keys()][0]!))) {
      const list = byInitials.get(letters);
      if (list) list.push(m);
      else byInitials.set(letters, [m]);
    }
  for (const g of groups.values()) {
    if (g.mergedInto || g.key.includes(' ')) continue;
    const surface = [...g.surfaces.keys()][0];
    // "TdA" for Tren de Aragua: a short word of capitals with a connector's small letter.
    const mixedCase = !!surface && /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{L}&]{2,6}$/u.test(surface);
    if (!surface || !(isAcronym(surface) || mixedCase) || isRomanNumeral(surface)) continue;
    const letters = acronymLetters(surface);
    if (!letters) continue;
    // Two letters fit too many names: "AP" is not August Pfluger, "TN" not Tribal Nations, "CA" not a
    // Canada Agreement, "VA" not the Board of Visitors for the Army — unless the articles spell them out.
    const matches = [...(byInitials.get(letters) ?? [])].filter(
      (m) => letters.length > 2 || goesByTwoLetters(m),
    );
    // Several expansions fit ("US": "United States", "Under Secretary"): the far more frequent one wins.
    const ranked = matches.sort((a, b) => b.candidates.length - a.candidates.length);
    if (
      ranked.length === 1 ||
      (ranked.length > 1 && ranked[0]!.candidates.length >= 3 * ranked[1]!.candidates.length)
    )
      merge(g, ranked[0]!);
  }

  mergeQualifiedNames(groups);

  // Types are decided on whole groups, then surnames join the one person who has them.
  const members = new Membership(groups);
  const typed = new Map<Group, EntityType>();
  const typeOf = (g: Group): EntityType => {
    const r = root(g);
    let t = typed.get(r);
    if (!t) {
      const all = members.of(r);
      t = decideType(
        typeVotes(
          all.flatMap((m) => m.candidates),
          nameOf(r, members),
          all.flatMap((m) => [...m.surfaces.keys()]),
        ),
      );
      typed.set(r, t);
    }
    return t;
  };
  const people = [...groups.values()].filter(
    (g) => !g.mergedInto && g.key.includes(' ') && typeOf(g) === 'person',
  );
  // People by every ending of their key after a space ("kristi noem" → "noem"), in `people` order.
  const peopleBySurname = new Map<string, Group[]>();
  for (const p of people)
    for (let at = p.key.indexOf(' '); at >= 0; at = p.key.indexOf(' ', at + 1)) {
      const ending = p.key.slice(at + 1);
      const list = peopleBySurname.get(ending);
      if (list) list.push(p);
      else peopleBySurname.set(ending, [p]);
    }
  for (const g of groups.values()) {
    if (g.mergedInto) continue;
    // "Noem", "de Blasio", "Van Hollen": a surname, alone or with its particle.
    const words = g.key.split(' ');
    if (
      words.length > 2 ||
      (words.length === 2 && !/^(?:de|van|von|da|di|du|del|le|la|al|bin|ter)$/.test(words[0]!))
    )
      continue;
    // "Jordan" the country is not Jim Jordan: a place of the gazetteer keeps its own entity.
    if ([...g.surfaces.keys()].some((s) => PLACES.has(s))) continue;
    const bearers = (peopleBySurname.get(g.key) ?? [])
      .filter((p) => p !== g)
      .map((p) => ({ p, n: timesNamed(members, p) }))
      .sort((a, b) => b.n - a.n);
    // "Trump" is Donald Trump when he is named far more often than any other Trump.
    if (bearers.length === 1 || (bearers.length > 1 && bearers[0]!.n >= 3 * bearers[1]!.n))
      members.merge(g, bearers[0]!.p);
    else if (bearers.length > 1) g.surfaces.clear(); // ambiguous surname: match neither
  }
  mergeGivenNames(groups, people, members);
  typed.clear();

  const drafts: EntityDraft[] = [];
  /** How many times the articles name each entity (for `addSurnames`). */
  const namedTimes = new Map<EntityDraft, number>();
  const usedIds = new Set<string>();
  for (const g of groups.values()) {
    if (g.mergedInto) continue;
    const merged = members.of(g);
    if (merged.every((m) => m.surfaces.size === 0)) continue;
    const name = nameOf(g, members);
    const type = typeOf(g);
    const allCandidates = merged.flatMap((m) => m.candidates);
    // One lone capitalised word with no clue at all is more often noise than a name.
    if (
      type === 'other' &&
      !name.includes(' ') &&
      !isAcronym(name) &&
      allCandidates.length < 2 &&
      !allCandidates.some((c) => c.knownName)
    )
      continue;
    // "DOWN by 93%": one ordinary word in capitals, never spelt out, is shouting, not an acronym.
    if (
      allCandidates.every((c) => c.shoutedWord) &&
      merged.every((m) => [...m.surfaces.keys()].every((k) => k === name))
    )
      continue;
    // Ordinary words in capitals ("Golden Age") count as a name only when the articles repeat them so.
    // ("Amnesty International, a rights group": once is enough when something says what it is.)
    if (allCandidates.every((c) => c.allOrdinary) && allCandidates.length < 2 && type === 'other')
      continue;
    const aliasTexts = new Map<string, string>();
    const addAlias = (text: string) => {
      const key = foldKey(text);
      if (!aliasTexts.has(key)) aliasTexts.set(key, text);
    };
    addAlias(name);
    // "Kingdom of Saudi Arabia" is also called "Saudi Arabia".
    const contained =
      /^(?:Kingdom|Republic|State|Commonwealth|Emirate|Principality|Sultanate|Federation) of (?:the )?(.+)$/.exec(
        name,
      );
    if (contained && PLACES.has(contained[1]!)) addAlias(contained[1]!);
    for (const m of merged) {
      for (const s of m.surfaces.keys()) addAlias(s);
      for (const s of m.extraAliases) addAlias(s);
    }
    let id = slugify(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slugify(name)}-${n}`;
    usedIds.add(id);
    const roles = [
      ...new Set(
        allCandidates
          .map((c) => c.role)
          .filter((r): r is string => !!r && !HONORIFICS.has(r.replace(/\.$/, ''))),
      ),
    ];
    const draft: EntityDraft = {
      id,
      name,
      type,
      aliases: [...aliasTexts.values()].map(aliasRule),
      roles,
    };
    drafts.push(draft);
    namedTimes.set(draft, allCandidates.length);
  }
  return dropAmbiguousAliases(addSurnames(drafts, namedTimes));
}

const CONTAINERS = new Set([
  'kingdom',
  'republic',
  'state',
  'commonwealth',
  'emirate',
  'principality',
  'sultanate',
  'federation',
]);
/** Heads of "<head> of <field>" ministries, whose field alone names them. */
const DEPARTMENTS = new Set(['department', 'ministry']);
const COMPANY_SUFFIXES = new Set([
  'company',
  'corporation',
  'corp',
  'corp.',
  'inc',
  'inc.',
  'co',
  'co.',
  'group',
  'market',
  'markets',
  'holdings',
  'ltd',
  'llc',
  'plc',
]);
const COUNTRY_QUALIFIERS = new Set(['u.s.', 'us', 'u.k.', 'uk', 'american', 'british']);

/**
 * One name with and without its qualifier: "United States of America" / "United States", "Kingdom of
 * Saudi Arabia" / "Saudi Arabia", "New Zealand Department of Conservation" / "Department of
 * Conservation", "US Congress" / "Congress", "Whole Foods Market" / "Whole Foods".
 */
function mergeQualifiedNames(groups: Map<string, Group>): void {
  const live = (key: string) => {
    const g = groups.get(key);
    return g && g.surfaces.size > 0 ? g : undefined;
  };
  for (const g of [...groups.values()]) {
    if (g.mergedInto || g.surfaces.size === 0) continue;
    const words = g.key.split(' ');
    if (words.length < 2) continue;
    const of = words.indexOf('of');
    if (of > 0) {
      const left = live(words.slice(0, of).join(' '));
      const right = live(words.slice(of + 1).join(' '));
      if (left && left !== g && PLACES.has(nameOfGroup(left))) merge(g, left);
      else if (right && right !== g && of === 1 && CONTAINERS.has(words[0]!)) merge(right, g);
      // "Homeland Security" is the "(U.S.) Department of Homeland Security" for short.
      else if (
        right &&
        right !== g &&
        DEPARTMENTS.has(words[of - 1]!) &&
        words.slice(0, of - 1).every((w) => COUNTRY_QUALIFIERS.has(w)) &&
        !PLACES.has(nameOfGroup(right)) &&
        !right.candidates.some((c) => c.personShape || c.role)
      )
        merge(right, g);
    }
    for (let q = 1; q < words.length - 1 || (q === 1 && words.length === 2); q++) {
      const qualifier = words.slice(0, q).join(' ');
      const rest = live(words.slice(q).join(' '));
      if (!rest || rest === g) continue;
      if (COUNTRY_QUALIFIERS.has(qualifier) || PLACES.has(nameOfGroup(live(qualifier)) ?? '')) {
        merge(rest, g);
        break;
      }
    }
    const last = words[words.length - 1]!;
    // "Environmental Protection Department" is the "Department of Environmental Protection".
    if (TYPE_BY_HEAD_WORD[last] === 'organization' && words.length > 1) {
      const inverted = live(`${last} of ${words.slice(0, -1).join(' ')}`);
      if (inverted && inverted !== g) merge(g, inverted);
    }
    if (COMPANY_SUFFIXES.has(last)) {
      for (let cut = words.length - 1; cut >= 1; cut--) {
        const base = live(words.slice(0, cut).join(' '));
        if (base && base !== g && !base.candidates.some((c) => c.role || c.personShape)) {
          merge(base, g);
          break;
        }
      }
    }
  }
}

function nameOfGroup(g: Group | undefined): string {
  if (!g) return '';
  return [...g.surfaces.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * How often the articles must name a person before a surname that is also a given name is taken to mean
 * them alone: one passing mention of "Sen. Rand Paul" does not make every "Paul" on the web that senator.
 */
const GIVEN_NAME_SURNAME_MIN_NAMED = 3;

/** How many times the articles name `g` with everything merged into it (its root's members). */
function timesNamed(members: Membership, g: Group): number {
  return members.of(root(g)).reduce((sum, m) => sum + m.candidates.length, 0);
}

/**
 * "Markwayne will build on …", "Marco [Rubio] is fantastic": a first name written alone is the one person
 * of the index it opens, when only one does and the articles name them often (GIVEN_NAME_SURNAME_MIN_NAMED)
 * — else ("George": several Georges) it stays apart. A place ("Jordan") never joins a person.
 */
function mergeGivenNames(groups: Map<string, Group>, people: Group[], members: Membership): void {
  const byFirstName = new Map<string, Set<Group>>();
  for (const p of people) {
    const first = p.key.split(' ')[0]!;
    const bearers = byFirstName.get(first) ?? new Set<Group>();
    bearers.add(root(p));
    byFirstName.set(first, bearers);
  }
  for (const g of groups.values()) {
    if (g.mergedInto || g.key.includes(' ') || g.surfaces.size === 0) continue;
    if ([...g.surfaces.keys()].some((s) => PLACES.has(s) || isAcronym(s))) continue;
    const bearers = [...(byFirstName.get(g.key) ?? [])].filter((p) => p !== root(g));
    if (bearers.length === 1 && timesNamed(members, bearers[0]!) >= GIVEN_NAME_SURNAME_MIN_NAMED)
      members.merge(g, bearers[0]!);
  }
}

/**
 * A person is also called by surname alone ("Noem") when no other entity could be meant — and, when the
 * surname is also a given name ("Paul", "James", "Lee"), when the articles name them often enough
 * (GIVEN_NAME_SURNAME_MIN_NAMED). A surname the articles write alone is an alias already (merged above).
 */
function addSurnames(drafts: EntityDraft[], namedTimes: Map<EntityDraft, number>): EntityDraft[] {
  const surnameOf = (d: EntityDraft) =>
    (d.type === 'person' ? d.name.split(/\s+/) : []).slice(1).pop();
  const counts = new Map<string, number>();
  for (const d of drafts) {
    const s = surnameOf(d);
    if (s) counts.set(foldKey(s), (counts.get(foldKey(s)) ?? 0) + 1);
  }
  for (const d of drafts) {
    const s = surnameOf(d);
    if (!s || counts.get(foldKey(s)) !== 1 || s.length < 3) continue;
    if (GIVEN_NAMES.has(s.toLowerCase()) && (namedTimes.get(d) ?? 0) < GIVEN_NAME_SURNAME_MIN_NAMED)
      continue;
    if (!d.aliases.some((a) => foldKey(a.text) === foldKey(s))) d.aliases.push(aliasRule(s));
  }
  return drafts;
}

/**
 * Which groups are merged into which root, kept up to date on each merge: listing a root's members is then
 * a lookup, not a scan of every group (with thousands of articles that scan made the build quadratic).
 * Members are listed root first, then in the groups' insertion order, as a full scan would list them.
 */
class Membership {
  private readonly order = new Map<Group, number>();
  private readonly lists = new Map<Group, Group[]>();

  constructor(groups: Map<string, Group>) {
    for (const g of groups.values()) {
      this.order.set(g, this.order.size);
      const r = root(g);
      const list = this.lists.get(r);
      if (list) list.push(g);
      else this.lists.set(r, [g]);
    }
  }

  /** All groups merged into the root `g`, with `g` first. */
  of(g: Group): Group[] {
    const list = this.lists.get(g) ?? [g];
    return [g, ...list.filter((m) => m !== g)];
  }

  merge(from: Group, into: Group): void {
    const a = root(from);
    const b = root(into);
    if (a === b) return;
    merge(a, b);
    const order = this.order;
    const left = this.lists.get(a) ?? [a];
    const right = this.lists.get(b) ?? [b];
    const joined: Group[] = [];
    let i = 0;
    let j = 0;
    while (i < left.length || j < right.length) {
      if (j >= right.length || (i < left.length && order.get(left[i]!)! < order.get(right[j]!)!))
        joined.push(left[i++]!);
      else joined.push(right[j++]!);
    }
    this.lists.delete(a);
    this.lists.set(b, joined);
  }
}

/** The usual spelling of the longest name that is not an acronym. */
function nameOf(g: Group, membership: Membership): string {
  const members = membership.of(g).filter((m) => m.surfaces.size > 0);
  const words = (s: string) => s.split(/\s+/).length;
  // The usual full name: the most frequent spelling of two words or more ("United States", not the
  // rarer "United States of America"), else the longest; acronyms only when nothing else is written.
  const full = members
    .map((m) => ({ text: nameOfGroup(m), n: m.candidates.length }))
    .sort(
      (a, b) =>
        Number(isAcronym(a.text)) - Number(isAcronym(b.text)) ||
        Number(words(a.text) < 2) - Number(words(b.text) < 2) ||
        b.n - a.n ||
        words(b.text) - words(a.text) ||
        b.text.length - a.text.length,
    );
  return full[0]?.text ?? g.key;
}

/** An alias claimed by two entities would light up the wrong card half the time: it goes to neither. */
function dropAmbiguousAliases(drafts: EntityDraft[]): EntityDraft[] {
  const owners = new Map<string, number>();
  for (const d of drafts)
    for (const a of d.aliases) owners.set(foldKey(a.text), (owners.get(foldKey(a.text)) ?? 0) + 1);
  return drafts
    .map((d) => ({
      ...d,
      aliases: d.aliases.filter(
        (a) => owners.get(foldKey(a.text)) === 1 || foldKey(a.text) === foldKey(d.name),
      ),
    }))
    .filter((d) => d.aliases.length > 0);
}
