import Dexie from 'dexie';

/**
 * Waits for requests issued together inside a transaction. Dexie's own `all`, not the native one: native
 * promise steps between IndexedDB events can let the browser commit the transaction early
 * ("Transaction committed too early"), and fake-indexeddb in the unit tests does not show it.
 */
export function together<T>(requests: (T | PromiseLike<T>)[]): Promise<T[]> {
  return Dexie.Promise.all<T>(requests);
}
