import type { Entity } from './schema';

/** What fuse.js sees of an entity. The builder indexes these; the popup rebuilds the same list to search. */
export function searchDocument(e: Pick<Entity, 'name' | 'aliases' | 'description'>) {
  return {
    name: e.name,
    aliases: e.aliases.map((a) => a.text),
    description: e.description ?? '',
  };
}
