/**
 * The alias table content scripts match with: made from the index in the background (or at build time),
 * read on the page. Only this reaches the content script, never the index itself.
 */
import { ALIAS_CASE_SENSITIVE, ALIAS_REQUIRE_CAPITAL, type MatchData } from '../messages';
import type { SourceIndex } from '../index/schema';
import type { MatchAlias } from './matcher';

export function toMatchData(index: SourceIndex): MatchData {
  const half = index.articles.length / 2;
  return {
    common: index.entities
      .filter(
        (e) => index.articles.length > 2 && new Set(e.mentions.map((m) => m.articleId)).size > half,
      )
      .map((e) => e.id),
    entities: index.entities.map((e) => [e.id, e.name]),
    aliases: index.entities.flatMap((e, position) =>
      e.aliases.map((a): [number, string, number] => [
        position,
        a.text,
        (a.caseSensitive ? ALIAS_CASE_SENSITIVE : 0) |
          (a.requireCapital ? ALIAS_REQUIRE_CAPITAL : 0),
      ]),
    ),
  };
}

/** The matcher's alias list. (Muted entities are still found, then left unmarked: see the annotator.) */
export function matchAliases(data: MatchData): MatchAlias[] {
  const out: MatchAlias[] = [];
  data.aliases.forEach(([position, text, flags], aliasId) => {
    const entityId = data.entities[position]?.[0];
    if (entityId === undefined) return;
    out.push({
      entityId,
      aliasId,
      text,
      caseSensitive: (flags & ALIAS_CASE_SENSITIVE) !== 0,
      requireCapital: (flags & ALIAS_REQUIRE_CAPITAL) !== 0,
    });
  });
  return out;
}
