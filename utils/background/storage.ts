/**
 * Where the background keeps the reader's history: IndexedDB when it can, memory when it cannot, and the
 * plain-words reason the popup shows when it has had to fall back.
 */
import { type BackstoryDB, openDatabase } from '../db/database';
import { describeError, isQuotaError } from '../db/errors';
import { copyDatabase, openMemoryDatabase } from '../db/memory-database';
import type { StorageStatus } from '../db/views';

export class HistoryStorage {
  private constructor(
    private current: BackstoryDB,
    private state: StorageStatus,
  ) {}

  /** Opens the on-disk database, or an in-memory one when IndexedDB refuses (private windows and the like). */
  static async open(openDisk: () => BackstoryDB = () => openDatabase()): Promise<HistoryStorage> {
    let disk: BackstoryDB | null = null;
    try {
      disk = openDisk();
      await disk.open();
      return new HistoryStorage(disk, { mode: 'persistent' });
    } catch (error) {
      disk?.close();
      console.warn('Backstory: IndexedDB unavailable, keeping history in memory:', error);
      return new HistoryStorage(await openMemoryDatabase(), {
        mode: 'memory',
        reason: 'unavailable',
        detail: describeError(error),
      });
    }
  }

  get db(): BackstoryDB {
    return this.current;
  }

  get status(): StorageStatus {
    return this.state;
  }

  /**
   * Runs a write; when the disk is full, moves the whole history into memory (nothing stored so far is
   * lost, and it stays on disk too) and retries there, so reading goes on for the session.
   */
  async write<T>(run: (db: BackstoryDB) => Promise<T>): Promise<T> {
    try {
      return await run(this.current);
    } catch (error) {
      if (this.state.mode === 'memory' || !isQuotaError(error)) throw error;
      console.warn('Backstory: disk full, keeping new history in memory:', error);
      await this.moveToMemory(error);
      return run(this.current);
    }
  }

  private async moveToMemory(cause: unknown): Promise<void> {
    const memory = await openMemoryDatabase();
    await copyDatabase(this.current, memory);
    this.current.close();
    this.current = memory;
    this.state = { mode: 'memory', reason: 'quota', detail: describeError(cause) };
  }
}
