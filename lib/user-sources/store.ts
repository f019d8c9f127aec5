/**
 * The reader's own sources in IndexedDB (through `idb`), never in storage.sync's small quota. Every
 * change is one transaction: a write that fails (quota) leaves nothing half-written. The merged index is
 * cached here too, so a service worker that wakes up does not rebuild it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SourceIndex } from '../index/schema';
import type { UserSource } from './merge';

const DB_NAME = 'source-context-own-sources';
const DB_VERSION = 1;

export interface MergedCache {
  /** The bundle's buildId and the saved articles' ids: a cache with another key is stale. */
  key: string;
  index: SourceIndex;
}

interface OwnSourcesDB extends DBSchema {
  sources: { key: string; value: UserSource };
  cache: { key: string; value: MergedCache };
}

let db: Promise<IDBPDatabase<OwnSourcesDB>> | null = null;

function open(): Promise<IDBPDatabase<OwnSourcesDB>> {
  db ??= openDB<OwnSourcesDB>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('sources', { keyPath: 'id' });
      database.createObjectStore('cache');
    },
  });
  db.catch(() => (db = null));
  return db;
}

/** Oldest first. */
export async function listSources(): Promise<UserSource[]> {
  const all = await (await open()).getAll('sources');
  return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Same address or same text: the same source (an import never adds it twice). */
export function sameSource(a: UserSource, b: UserSource): boolean {
  return a.id === b.id || a.url === b.url || a.text === b.text;
}

/**
 * Adds the sources that are not already stored, in one transaction; returns those added and those
 * skipped as duplicates. Nothing is written when any write fails.
 */
export async function addSources(
  incoming: readonly UserSource[],
): Promise<{ added: UserSource[]; skipped: UserSource[] }> {
  const tx = (await open()).transaction('sources', 'readwrite');
  const added: UserSource[] = [];
  const skipped: UserSource[] = [];
  const writes: Array<Promise<unknown>> = [];
  try {
    const kept = await tx.store.getAll();
    for (const s of incoming) {
      if (kept.some((k) => sameSource(k, s))) skipped.push(s);
      else {
        kept.push(s);
        added.push(s);
        writes.push(tx.store.add(s));
      }
    }
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    // A write refused on the spot would otherwise let the others commit: undo them all. (The aborted
    // writes then reject too; their reason is this one.)
    for (const w of [...writes, tx.done]) w.catch(() => {});
    try {
      tx.abort();
    } catch {
      // already finished (aborted by the failed request)
    }
    throw err;
  }
  return { added, skipped };
}

/** Removes these ids in one transaction; returns what was removed (for undo). */
export async function removeSources(ids: readonly string[] | 'all'): Promise<UserSource[]> {
  const tx = (await open()).transaction('sources', 'readwrite');
  const all = await tx.store.getAll();
  const removed = ids === 'all' ? all : all.filter((s) => ids.includes(s.id));
  await Promise.all([...removed.map((s) => tx.store.delete(s.id)), tx.done]);
  return removed;
}

export async function readCache(): Promise<MergedCache | undefined> {
  return (await open()).get('cache', 'merged');
}

export async function writeCache(value: MergedCache | null): Promise<void> {
  const database = await open();
  if (value) await database.put('cache', value, 'merged');
  else await database.delete('cache', 'merged');
}
