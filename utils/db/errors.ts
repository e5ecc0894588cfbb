/** Recognising storage failures, which Dexie may wrap (a full disk often surfaces as an AbortError). */

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  failures?: unknown;
  cause?: unknown;
}

function errorsIn(error: unknown, depth = 0): ErrorLike[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const e = error as ErrorLike;
  const nested = [e.inner, e.cause, ...(Array.isArray(e.failures) ? e.failures : [])];
  return [e, ...nested.flatMap((n) => errorsIn(n, depth + 1))];
}

export function isQuotaError(error: unknown): boolean {
  return errorsIn(error).some(
    (e) =>
      e.name === 'QuotaExceededError' ||
      (typeof e.message === 'string' && /quota|disk (is )?full|no space/i.test(e.message)),
  );
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
