/**
 * Compiles aliases into the matcher's automaton. Runs where time is cheap — at build time for the bundled
 * index, once in the background for a changed one, in tests — never on a page (pages decode, see codec.ts).
 */
import { SEPARATOR, UNSPACED, WORD, charClass, normalizeForMatch } from './chars';
import { Matcher, type MatchAlias } from './matcher';
import {
  ENDS_IN_WORD,
  EXACT,
  MAX_PATTERN,
  REQUIRE_CAPITAL,
  STANDALONE,
  TrieWriter,
  endsInWord,
} from './trie';

interface Entry {
  /** The folded key as a string: JavaScript compares strings by UTF-16 code unit, the trie's order. */
  key: string;
  entity: number;
  flags: number;
  exact: number[] | null;
  order: number;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * `entityOrder` fixes which number each entity gets (the payload's entity list); without it entities are
 * numbered as they first appear. Aliases of entities not in `entityOrder` are left out.
 */
export function compileMatcher(
  aliases: readonly MatchAlias[],
  entityOrder?: readonly string[],
): Matcher {
  const entityIds: string[] = entityOrder ? [...entityOrder] : [];
  const entityIndex = new Map<string, number>(entityIds.map((id, i) => [id, i]));
  const entries: Entry[] = [];
  for (const alias of aliases) {
    const folded = normalizeForMatch(alias.text, true);
    if (folded.length === 0 || folded.length > MAX_PATTERN) continue;
    const firstClass = charClass(folded[0]!);
    if (firstClass !== WORD && firstClass !== UNSPACED) continue; // a name starts with a letter or digit
    let entity = entityIndex.get(alias.entityId);
    if (entity === undefined) {
      if (entityOrder) continue;
      entity = entityIds.push(alias.entityId) - 1;
      entityIndex.set(alias.entityId, entity);
    }
    const exactForm = alias.caseSensitive ? normalizeForMatch(alias.text, false) : null;
    const all = folded.map((_, i) => i);
    // "MS-13" should also find "MS13": a variant without separators between letters and digits.
    const joined = all.filter((i) => {
      if (folded[i] !== SEPARATOR) return true;
      const before = folded[i - 1]!;
      const after = folded[i + 1]!;
      return !(
        charClass(before) === WORD &&
        charClass(after) === WORD &&
        isDigit(before) !== isDigit(after)
      );
    });
    const variants = joined.length === all.length ? [all] : [all, joined];
    for (const kept of variants) {
      const chars = kept.map((i) => folded[i]!);
      let flags = 0;
      if (alias.requireCapital) flags |= REQUIRE_CAPITAL;
      if (endsInWord(chars[chars.length - 1]!)) flags |= ENDS_IN_WORD;
      if (alias.requireCapital && !alias.caseSensitive && !folded.includes(SEPARATOR))
        flags |= STANDALONE;
      if (exactForm) flags |= EXACT;
      entries.push({
        key: String.fromCharCode(...chars),
        entity,
        flags,
        exact: exactForm && kept.map((i) => exactForm[i]!),
        order: entries.length,
      });
    }
  }
  // Equal keys (aliases differing only in case rules): the later alias is tried first, as it always was.
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : b.order - a.order));

  let nodes = 1;
  let exactChars = 0;
  let prev = '';
  const shared: number[] = [];
  for (const e of entries) {
    let s = 0;
    const max = Math.min(prev.length, e.key.length);
    while (s < max && prev.charCodeAt(s) === e.key.charCodeAt(s)) s++;
    shared.push(s);
    nodes += e.key.length - s;
    if (e.exact) exactChars += e.exact.length;
    prev = e.key;
  }
  const writer = new TrieWriter(nodes, entries.length, exactChars);
  entries.forEach((e, i) => {
    const s = shared[i]!;
    writer.startKey(s);
    for (let k = s; k < e.key.length; k++) writer.push(e.key.charCodeAt(k));
    writer.endKey();
    const at = writer.pattern(e.entity, e.flags);
    if (e.exact) writer.exactChars.set(e.exact, at);
  });
  return new Matcher(writer.finish(), entityIds);
}
