/** Time display in the reader's own time zone and locale. */
import { toEpochMs } from '../utils/extract/dates';
import { t, tn } from './i18n';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** A bare `YYYY-MM-DD` names a calendar day, not an instant: it is shown in UTC so it never moves. */
function isDay(value: string): boolean {
  return value.length === 10;
}

function epoch(value: string | null): number {
  return value ? toEpochMs(value) : Number.NaN;
}

/** "13 Aug 2025, 21:41" for an instant (in the reader's zone); "13 Aug 2025" for a bare day. */
export function formatPublished(value: string | null, locale?: string, timeZone?: string): string {
  const ms = epoch(value);
  if (!value || !Number.isFinite(ms)) return t('dateUnknown');
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(isDay(value) ? { timeZone: 'UTC' } : { timeStyle: 'short', timeZone }),
  }).format(ms);
}

/** "13 Aug 2025, 21:41" for an epoch instant such as when Backstory saw something. */
export function formatInstant(ms: number, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

/** "9 Aug" (the year only when it is not this year's). */
export function formatShortDay(ms: number, locale?: string, timeZone?: string, now = Date.now()): string {
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone,
  }).format(ms);
}

/** The calendar day an entry belongs to, as a sortable key and a label, or null when undated. */
export function dayOf(
  value: string | null,
  locale?: string,
  timeZone?: string,
): { key: string; label: string } | null {
  const ms = epoch(value);
  if (!value || !Number.isFinite(ms)) return null;
  const zone = isDay(value) ? 'UTC' : timeZone;
  const key = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(ms);
  const label = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(ms);
  return { key, label };
}

/** "21 reports · 9 Aug – 13 Aug": a story's size and the days its coverage spans. */
export function formatSpan(firstMs: number | null, lastMs: number | null, locale?: string): string | null {
  if (firstMs === null || lastMs === null) return null;
  const from = formatShortDay(firstMs, locale);
  const to = formatShortDay(lastMs, locale);
  return from === to ? from : t('dayRange', { from, to });
}

/** "2 days earlier", "3 hours later", "same time": the offset of `value` from `reference`. */
export function relativeTo(value: string | null, reference: string | null): string | null {
  const diff = epoch(value) - epoch(reference);
  if (!Number.isFinite(diff)) return null;
  const abs = Math.abs(diff);
  const direction = diff < 0 ? 'Earlier' : 'Later';
  if (abs < MINUTE_MS) return t('sameTime');
  if (abs < HOUR_MS) return tn(`minutes${direction}`, Math.round(abs / MINUTE_MS));
  if (abs < DAY_MS) return tn(`hours${direction}`, Math.round(abs / HOUR_MS));
  return tn(`days${direction}`, Math.floor(abs / DAY_MS));
}
