/**
 * Curated corrections (`seeds/entities.json`), applied on top of automatic extraction, never instead of it.
 *
 *     { "entities": [
 *         { "id": "white-house", "type": "facility" },                        retype
 *         { "id": "breitbart", "name": "Breitbart News" },                    rename (the id stays)
 *         { "id": "cecot", "description": "…" },                              describe
 *         { "id": "biden", "mergeInto": "joe-biden" },                        merge
 *         { "id": "memorandum-of-cooperation", "suppress": true },            suppress
 *         { "id": "trump", "aliases": ["45th President"], "removeAliases": ["Donald"] },
 *         { "add": true, "id": "dhs", "name": "…", "type": "organization", "aliases": ["DHS"] }
 *     ] }
 */
import { ENTITY_TYPES, type EntityType } from '../index/constants';
import type { AliasDraft, EntityDraft } from './entities';
import { foldKey } from './entities';
import { isAcronym } from './candidates';
import { SeedError } from './errors';

interface OverrideEntry {
  id: string;
  add?: boolean;
  name?: string;
  type?: EntityType;
  description?: string;
  aliases?: Array<string | { text: string; caseSensitive?: boolean }>;
  removeAliases?: string[];
  mergeInto?: string;
  suppress?: boolean;
}

const ENTRY_FIELDS = new Set([
  'id',
  'add',
  'name',
  'type',
  'description',
  'aliases',
  'removeAliases',
  'mergeInto',
  'suppress',
]);

/** The 1-based line where `needle` first appears after `from`, to point at the offending entry. */
function lineOf(source: string, needle: string, from = 0): number | null {
  const at = source.indexOf(needle, from);
  return at < 0 ? null : source.slice(0, at).split('\n').length;
}

export function parseOverrides(file: string, source: string): OverrideEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    const pos = /position (\d+)/.exec(String(err))?.[1];
    const line = pos === undefined ? null : source.slice(0, Number(pos)).split('\n').length;
    throw new SeedError(file, line, `not valid JSON: ${(err as Error).message}`);
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    !Array.isArray((data as { entities?: unknown }).entities)
  ) {
    throw new SeedError(file, 1, 'expected an object with an "entities" list');
  }
  const extra = Object.keys(data).filter((k) => k !== 'entities' && k !== '$comment');
  if (extra.length)
    throw new SeedError(file, lineOf(source, `"${extra[0]}"`), `unknown field "${extra[0]}"`);
  const entries = (data as { entities: unknown[] }).entities;
  let searchFrom = 0;
  return entries.map((raw, n) => {
    const where = `entry ${n + 1}`;
    if (typeof raw !== 'object' || raw === null)
      throw new SeedError(file, null, `${where} is not an object`);
    const entry = raw as Record<string, unknown>;
    const id = entry.id;
    const line = typeof id === 'string' ? lineOf(source, `"${id}"`, searchFrom) : null;
    if (typeof id === 'string') searchFrom = source.indexOf(`"${id}"`, searchFrom) + 1;
    const fail = (reason: string): never => {
      throw new SeedError(
        file,
        line,
        `${where}${typeof id === 'string' ? ` ("${id}")` : ''}: ${reason}`,
      );
    };
    if (typeof id !== 'string' || !/^[a-z0-9-]+$/.test(id))
      fail('"id" must be a lower-case slug such as "donald-trump"');
    for (const key of Object.keys(entry)) {
      if (!ENTRY_FIELDS.has(key))
        fail(`unknown field "${key}" (known: ${[...ENTRY_FIELDS].join(', ')})`);
    }
    if (entry.type !== undefined && !ENTITY_TYPES.includes(entry.type as EntityType)) {
      fail(`"type" must be one of ${ENTITY_TYPES.join(', ')}`);
    }
    for (const key of ['name', 'description', 'mergeInto'] as const) {
      if (entry[key] !== undefined && (typeof entry[key] !== 'string' || entry[key] === '')) {
        fail(`"${key}" must be a non-empty string`);
      }
    }
    if (entry.add && (typeof entry.name !== 'string' || entry.type === undefined)) {
      fail('an added entity needs "name" and "type"');
    }
    return entry as unknown as OverrideEntry;
  });
}

function toAlias(a: string | { text: string; caseSensitive?: boolean }): AliasDraft {
  const text = typeof a === 'string' ? a : a.text;
  const caseSensitive =
    typeof a === 'string' ? isAcronym(text) : (a.caseSensitive ?? isAcronym(text));
  return { text, caseSensitive, requireCapital: !caseSensitive };
}

function addAliases(entity: EntityDraft, aliases: AliasDraft[]): void {
  const have = new Set(entity.aliases.map((a) => foldKey(a.text)));
  for (const a of aliases) {
    if (!have.has(foldKey(a.text))) {
      entity.aliases.push(a);
      have.add(foldKey(a.text));
    }
  }
}

export function applyOverrides(file: string, source: string, drafts: EntityDraft[]): EntityDraft[] {
  const entries = parseOverrides(file, source);
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const unknown = (entry: OverrideEntry, id: string) =>
    new SeedError(
      file,
      lineOf(source, `"${id}"`),
      `"${id}" names no entity extracted from the seeds${entry.add ? '' : ' (to create one, add "add": true)'}`,
    );
  for (const entry of entries) {
    if (entry.add) {
      if (byId.has(entry.id))
        throw new SeedError(file, lineOf(source, `"${entry.id}"`), `"${entry.id}" already exists`);
      const created: EntityDraft = {
        id: entry.id,
        name: entry.name!,
        type: entry.type!,
        aliases: [],
        roles: [],
      };
      addAliases(created, [toAlias(entry.name!), ...(entry.aliases ?? []).map(toAlias)]);
      if (entry.description) created.description = entry.description;
      byId.set(entry.id, created);
      continue;
    }
    const entity = byId.get(entry.id);
    if (!entity) throw unknown(entry, entry.id);
    if (entry.name) {
      entity.name = entry.name;
      addAliases(entity, [toAlias(entry.name)]);
    }
    if (entry.type) entity.type = entry.type;
    if (entry.description) entity.description = entry.description;
    if (entry.aliases) addAliases(entity, entry.aliases.map(toAlias));
    if (entry.removeAliases) {
      const drop = new Set(entry.removeAliases.map(foldKey));
      entity.aliases = entity.aliases.filter((a) => !drop.has(foldKey(a.text)));
    }
    if (entry.mergeInto) {
      const target = byId.get(entry.mergeInto);
      if (!target) throw unknown(entry, entry.mergeInto);
      addAliases(target, entity.aliases);
      target.roles = [...new Set([...target.roles, ...entity.roles])];
      byId.delete(entry.id);
    }
    if (entry.suppress) byId.delete(entry.id);
  }
  return [...byId.values()];
}
