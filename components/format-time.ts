/** Time display in the reader's own time zone and locale. */
import { toEpochMs } from '../utils/extract/dates';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** "13 Aug 2025, 21:41" for an instant (in the reader's zone); "13 Aug 2025" for a bare day. */
export function formatPublished(value: string | null, locale?: string, timeZone?: string): string {
  if (!value) return 'Date unknown';
  const ms = toEpochMs(value);
  if (!Number.isFinite(ms)) return 'Date unknown';
  const dayOnly = value.length === 10;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(dayOnly ? { timeZone: 'UTC' } : { timeStyle: 'short', timeZone }),
  }).format(ms);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "2 days earlier", "3 hours later", "same time": the offset of `value` from `reference`. */
export function relativeTo(value: string | null, reference: string | null): string | null {
  if (!value || !reference) return null;
  const diff = toEpochMs(value) - toEpochMs(reference);
  if (!Number.isFinite(diff)) return null;
  const abs = Math.abs(diff);
  const direction = diff < 0 ? 'earlier' : 'later';
  if (abs < MINUTE_MS) return 'same time';
  if (abs < HOUR_MS) return `${plural(Math.round(abs / MINUTE_MS), 'minute')} ${direction}`;
  if (abs < DAY_MS) return `${plural(Math.round(abs / HOUR_MS), 'hour')} ${direction}`;
  return `${plural(Math.floor(abs / DAY_MS), 'day')} ${direction}`;
}
