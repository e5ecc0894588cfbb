/**
 * Publication times for the story engine: parsed without Date.parse (which differs between engines on
 * anything but strict ISO), and turned into a weight that fades as an article moves away from a story's span.
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch from an ISO-8601 date or date-time (no offset = UTC), or epoch ms; else null. */
export function toEpochMs(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  let ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Math.round(Number(`0.${frac}`) * 1000));
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(ms) ? ms : null;
}

/**
 * 1 inside the story's span, then falling hyperbolically with the distance to it: half at `scaleDays`, a
 * tenth at nine times that. Hyperbolic rather than exponential because stories do come back after weeks
 * (a trial, an anniversary) and should still be found when the words match very well.
 */
export function timeWeight(
  at: number | null,
  first: number | null,
  last: number | null,
  scaleDays: number,
): number {
  if (at === null || first === null || last === null) return 1;
  const gap = at < first ? first - at : at > last ? at - last : 0;
  return 1 / (1 + gap / (scaleDays * DAY_MS));
}
