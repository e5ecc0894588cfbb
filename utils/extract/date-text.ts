/**
 * Dates as people write them on pages, in English, German, French, Spanish, Italian,
 * Portuguese and Dutch: "13. August 2025", "13 août 2025", "13 de agosto de 2025",
 * "August 13, 2025", "13.08.2025", "13/08/2025", "2025/08/13". They carry no time zone,
 * so they give a calendar day.
 */

import { lower, regex } from './text';

/** Month names and abbreviations, January first: one string a month ships smaller than arrays. */
const MONTH_NAMES = [
  'january januar jänner janvier enero gennaio janeiro januari jan jän janv ene gen',
  'february februar février fevrier febrero febbraio fevereiro februari feb febr févr fév fev',
  'march märz maerz mars marzo março marco maart mar mär mrz mrt',
  'april avril abril aprile apr avr abr',
  'may mai mayo maggio maio mei mag',
  'june juni juin junio giugno junho jun giu',
  'july juli juillet julio luglio julho jul juil lug',
  'august août aout agosto augustus aug ago',
  'september septembre septiembre setiembre settembre setembro sep sept set',
  'october oktober octobre octubre ottobre outubro oct okt ott out',
  'november novembre noviembre novembro nov',
  'december dezember décembre decembre diciembre dicembre dezembro dec dez déc dic',
];

const MONTH_BY_NAME = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const name of names.split(' ')) MONTH_BY_NAME.set(name, i + 1);
});

/** The month (1–12) a name or abbreviation in any of our languages stands for, in any case. */
export const monthNumber = (name?: string): number | undefined => MONTH_BY_NAME.get(lower(name));

/**
 * A run of Latin letters where a month name may stand; the run is looked up in MONTH_BY_NAME.
 * Not the names as one alternation, nor `\p{L}` with the `iu` flags: compiling either costs
 * a fresh page (every news site gets its own renderer) 1 to 5 ms, more than the rest of the
 * extraction. Every language we read writes its months in these letters.
 */
const LETTER = String.raw`a-z\u00c0-\u024f`;
const WORD = String.raw`([${LETTER}]{3,10})`;
// "13. August 2025", "13 août 2025", "1er mars 2020", "13 de agosto de 2025", "13 Aug. 2025"
// prettier-ignore
const DAY_MONTH_YEAR = regex('gi')`(?<![${LETTER}\d])(\d{1,2})(?:\.|er|º|ª)?\s*(?:de\s+)?${WORD}\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?!\d)`;
// "August 13, 2025", "Aug. 13th 2025"
const MONTH_DAY_YEAR = regex('gi')`(?<![${LETTER}])${WORD}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`;

// 13.08.2025, 13.8.25
const DOTTED = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d.]*\d)/;
// 13/08/2025 or 08/13/2025, 13-08-2025
const SLASHED = /(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/-])/;
// 2025/08/13, 2025.08.13
const YEAR_FIRST = /(?<!\d)(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d/.])/;

export interface TextDateOptions {
  /** Read 01/02/2025 as 2 January (US) rather than 1 February. */
  monthFirst?: boolean;
}

export interface DayParts {
  year: number;
  month: number;
  day: number;
  /** Where the date starts and ends in the text, to look for a time beside it. */
  start: number;
  end: number;
}

function fullYear(y: string): number {
  const n = Number.parseInt(y, 10);
  if (y.length === 4) return n;
  // Two-digit years on news pages are this century's.
  return 2000 + n;
}

/** The first written-out or numeric day in `text`, or null. */
export function findTextDay(text: string, options: TextDateOptions = {}): DayParts | null {
  const end = (match: RegExpExecArray): number => match.index + match[0].length;
  const at = (match: RegExpExecArray) => ({ start: match.index, end: end(match) });
  // The first match whose letter run is a month name, day first, then month first.
  for (const [re, day, name] of [
    [DAY_MONTH_YEAR, 1, 2],
    [MONTH_DAY_YEAR, 2, 1],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; re.lastIndex = m.index + 1, m = re.exec(text)) {
      const month = monthNumber(m[name]);
      if (month) return { year: fullYear(m[3] ?? ''), month, day: Number(m[day]), ...at(m) };
    }
  }
  let m = DOTTED.exec(text);
  if (m) return { year: fullYear(m[3] ?? ''), month: Number(m[2]), day: Number(m[1]), ...at(m) };
  m = YEAR_FIRST.exec(text);
  if (m) return { year: fullYear(m[1] ?? ''), month: Number(m[3]), day: Number(m[4]), ...at(m) };
  m = SLASHED.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4] ?? '');
    // The order is only a guess when both parts could be a month.
    const monthFirst = a > 12 ? false : b > 12 ? true : !!options.monthFirst;
    return monthFirst ? { year, month: a, day: b, ...at(m) } : { year, month: b, day: a, ...at(m) };
  }
  return null;
}

/** Zone abbreviations seen after times on news pages; minutes east of UTC. */
export const ZONES: Record<string, number> = {
  utc: 0,
  gmt: 0,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  mez: 60,
  cest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
};

const ZONE_ALT = Object.keys(ZONES).join('|');
const CLOCK = String.raw`(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\.?)?\s*(?:uhr\s*)?\(?\s*(?:(${ZONE_ALT})\b)?\s*([+-]\d{1,2}(?::?\d{2})?)?\)?`;
// Only a connector may stand between the date and its time: "13.08.2025, 09:15 CEST", "Aug 11, 2025 at 5:15 PM CDT".
const TIME_AFTER = regex('i')`^\s*(?:[,/|–—-]|at|um|à|a las|alle|às|om|kl\.?)?\s*(?:[,/|–—-]\s*)?${CLOCK}`;
// "6:42 p.m. EDT Aug. 9, 2025", "09:15 CEST, 14/08/2025"
const TIME_BEFORE = regex('i')`${CLOCK}\s*(?:[,/|–—-]|on|am|le|el|il|em|op)?\s*$`;

export interface ClockParts {
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** A time with an explicit zone written next to the date at `parts`; null when there is none or no zone. */
export function findZonedTime(text: string, parts: DayParts): ClockParts | null {
  const after = TIME_AFTER.exec(text.slice(parts.end, parts.end + 48));
  const before = TIME_BEFORE.exec(text.slice(Math.max(0, parts.start - 48), parts.start));
  for (const m of [after, before]) {
    const clock = m ? toClock(m) : null;
    if (clock) return clock;
  }
  return null;
}

function toClock(m: RegExpExecArray): ClockParts | null {
  // Neither group matches an empty string: '' is a zone or meridiem the text does not state.
  const zoneName = lower(m[5]);
  const numeric = m[6];
  if (!zoneName && !numeric) return null;
  let hour = Number(m[1]);
  const meridiem = lower(m[4]);
  if (meridiem === 'p' && hour < 12) hour += 12;
  if (meridiem === 'a' && hour === 12) hour = 0;
  let offset = zoneName ? (ZONES[zoneName] ?? 0) : 0;
  if (numeric) {
    const sign = numeric.startsWith('-') ? -1 : 1;
    const digits = numeric.slice(1).replace(':', '');
    const hours = digits.length > 2 ? digits.slice(0, -2) : digits;
    const minutes = digits.length > 2 ? digits.slice(-2) : '0';
    offset += sign * (Number(hours) * 60 + Number(minutes));
  }
  return { hour, minute: Number(m[2]), second: Number(m[3] ?? 0), offset };
}
