/**
 * The same database, held in memory: when IndexedDB cannot be opened (a Firefox private window, a profile
 * that disables storage) or the disk is full, Backstory keeps working for the session on this copy.
 * fake-indexeddb is a complete IndexedDB in plain JavaScript, so every query runs exactly as on disk.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { type BackstoryDB, DB_NAME, openDatabase } from './database';

export async function openMemoryDatabase(): Promise<BackstoryDB> {
  const db = openDatabase(DB_NAME, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
}

/** Copies every table, record for record (keys included), into an empty database. */
export async function copyDatabase(from: BackstoryDB, to: BackstoryDB): Promise<void> {
  for (const table of from.tables) {
    const records = await table.toArray();
    await to.table(table.name).bulkPut(records);
  }
}
