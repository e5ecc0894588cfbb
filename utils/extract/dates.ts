/**
 * Date parsing for page strings. Never hands a non-ISO string to `Date.parse`:
 * Chrome and Firefox disagree on those, so every format is matched explicitly
 * and assembled with `Date.UTC`.
 *
 * Results are either an instant, `YYYY-MM-DDTHH:MM:SSZ` (UTC, when the offset is
 * known), or a day, `YYYY-MM-DD` (when only the calendar day is known).
 */

import { lower, regex } from './text';
import { type TextDateOptions, ZONES, findTextDay, findZonedTime, monthNumber } from './date-text';

/** Clock skew between the publisher's server and the reader's clock. */
const INSTANT_SLACK_MS = 10 * 60 * 1000;
/** A day is not in the future while it has begun somewhere on Earth (UTC+14). */
const DAY_SLACK_MS = 14 * 3600 * 1000;
const MIN_YEAR = 1990;
const ZONE_NAME_RE = /^\([^()]*\)$/;
const GMT_OFFSET_RE = /^(?:gmt|utc)[+-]/i;
const OUR_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/;

const WEEKDAY = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`;
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?`;

const ISO_RE = regex('i')`(\d{4})-(\d{2})-(\d{2})(?:[T ]${CLOCK}\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`;
// RFC 1123 / 2822: "Wed, 13 Aug 2025 18:41:09 GMT", "13 Aug 2025 18:41 +0200"
// prettier-ignore
const RFC_RE = regex('i')`(?:${WEEKDAY})?(\d{1,2})\s+${MONTH}\s+(\d{4})\s+${CLOCK}\s*((?:gmt|utc)[+-]\d{2}:?\d{2}|gmt|utc|ut|z|[ecmp][sd]t|[+-]\d{4})?\b`;
// JavaScript's Date#toString: "Thu Aug 14 2025 01:29:50 GMT+0300 (Eastern European Summer Time)"
const JS_RE = regex('i')`(?:${WEEKDAY})?${MONTH}\s+(\d{1,2})\s+(\d{4})\s+${CLOCK}\s*(?:gmt|utc)([+-]\d{4})`;

export interface ParseOptions extends TextDateOptions {
  /** Reference "now" in ms; dates after it (plus a day of slack) are rejected. */
  now?: number;
}

/** Parses one date string in a known format; null when it is none or impossible. */
export function parseDate(input: string, options: ParseOptions = {}): string | null {
  const text = input.trim().slice(0, 200);
  if (!text) return null;
  return matchIso(text, true, options) ?? matchRfc(text, true, options) ?? matchJs(text, true, options);
}

/** Finds the first date of a known format anywhere inside a longer text (a date line). */
export function findDate(input: string, options: ParseOptions = {}): string | null {
  const text = input.slice(0, 2000);
  return matchJs(text, false, options) ?? matchRfc(text, false, options) ?? matchIso(text, false, options);
}

/**
 * Like `findDate`, and also dates written for people ("13. August 2025", "13.08.2025",
 * "August 13, 2025"), which give only the day.
 */
export function findAnyDate(input: string, options: ParseOptions = {}): string | null {
  const text = input.slice(0, 2000);
  const exact = findDate(text, options);
  if (exact && exact.length > 10) return exact;
  // A timestamp in a known format that is impossible ("24:61") makes the whole line suspect.
  if (!exact && (JS_RE.test(text) || RFC_RE.test(text) || ISO_RE.test(text))) return null;
  const parts = findTextDay(text, options);
  if (!parts) return exact;
  const clock = findZonedTime(text, parts);
  if (clock) {
    const exact = instant(
      parts.year,
      parts.month,
      parts.day,
      clock.hour,
      clock.minute,
      clock.second,
      clock.offset,
      options,
    );
    if (exact) return exact;
  }
  return exact ?? dayOnly(parts.year, parts.month, parts.day, options);
}

function anchored(re: RegExp, text: string, whole: boolean): RegExpExecArray | null {
  const m = re.exec(text);
  if (!m) return null;
  if (whole && (m.index !== 0 || m[0].length !== text.length)) {
    // Allow a trailing parenthesised zone name, as Date#toString prints.
    const rest = text.slice(m.index + m[0].length).trim();
    if (m.index !== 0 || (rest && !ZONE_NAME_RE.test(rest))) return null;
  }
  return m;
}

function matchIso(text: string, whole: boolean, options: ParseOptions): string | null {
  const m = anchored(ISO_RE, text, whole);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  if (h !== undefined && (num(h) > 23 || num(mi) > 59 || num(s) > 60)) return null;
  if (h === undefined || zone === undefined) {
    return dayOnly(num(y), num(mo), num(d), options);
  }
  return instant(num(y), num(mo), num(d), num(h), num(mi), num(s), isoOffset(zone), options);
}

function matchRfc(text: string, whole: boolean, options: ParseOptions): string | null {
  const m = anchored(RFC_RE, text, whole);
  if (!m) return null;
  const [, d, mon, y, h, mi, s, zone] = m;
  const month = monthNumber(mon);
  if (month === undefined) return null;
  if (zone === undefined) return dayOnly(num(y), month, num(d), options);
  return instant(num(y), month, num(d), num(h), num(mi), num(s), rfcOffset(zone), options);
}

function matchJs(text: string, whole: boolean, options: ParseOptions): string | null {
  const m = anchored(JS_RE, text, whole);
  if (!m) return null;
  const [, mon, d, y, h, mi, s, zone] = m;
  const month = monthNumber(mon);
  if (month === undefined || zone === undefined) return null;
  return instant(num(y), month, num(d), num(h), num(mi), num(s), rfcOffset(zone), options);
}

const num = (s: string | undefined): number => (s ? Number.parseInt(s, 10) : 0);

/** "+03:00", "+0300", "+03", "Z" to minutes east of UTC. */
function isoOffset(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (num(digits.slice(0, 2)) * 60 + num(digits.slice(2, 4)));
}

function rfcOffset(zone: string): number {
  if (GMT_OFFSET_RE.test(zone)) return isoOffset(zone.slice(3));
  const name = lower(zone);
  const known = name === 'ut' || name === 'z' ? 0 : ZONES[name];
  if (known !== undefined) return known;
  return isoOffset(zone);
}

function validDay(y: number, mo: number, d: number): boolean {
  if (y < MIN_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function dayOnly(y: number, mo: number, d: number, options: ParseOptions): string | null {
  if (!validDay(y, mo, d)) return null;
  if (Date.UTC(y, mo - 1, d) > (options.now ?? Date.now()) + DAY_SLACK_MS) return null;
  return `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}`;
}

function instant(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMinutes: number,
  options: ParseOptions,
): string | null {
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || s > 60 || Math.abs(offsetMinutes) > 14 * 60) {
    return null;
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59)) - offsetMinutes * 60_000;
  if (!Number.isFinite(ms) || ms > (options.now ?? Date.now()) + INSTANT_SLACK_MS) return null;
  return formatInstant(ms);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO-8601 UTC without milliseconds. */
export const formatInstant = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** Milliseconds since the epoch of a value produced by `parseDate` (a day counts as its UTC midnight). */
export function toEpochMs(value: string): number {
  const m = OUR_DATE_RE.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(num(m[1]), num(m[2]) - 1, num(m[3]), num(m[4]), num(m[5]), num(m[6]));
}
