/**
 * Dates as people write them on pages, in English, German, French, Spanish, Italian,
 * Portuguese and Dutch: "13. August 2025", "13 août 2025", "13 de agosto de 2025",
 * "August 13, 2025", "13.08.2025", "13/08/2025", "2025/08/13". They carry no time zone,
 * so they give a calendar day.
 */

const MONTH_NAMES: Record<number, string[]> = {
  1: [
    'january',
    'januar',
    'jänner',
    'janvier',
    'enero',
    'gennaio',
    'janeiro',
    'januari',
    'jan',
    'jän',
    'janv',
    'ene',
    'gen',
  ],
  2: [
    'february',
    'februar',
    'février',
    'fevrier',
    'febrero',
    'febbraio',
    'fevereiro',
    'februari',
    'feb',
    'febr',
    'févr',
    'fév',
    'fev',
  ],
  3: ['march', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'mar', 'mär', 'mrz', 'mrt'],
  4: ['april', 'avril', 'abril', 'aprile', 'apr', 'avr', 'abr'],
  5: ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'mag'],
  6: ['june', 'juni', 'juin', 'junio', 'giugno', 'junho', 'jun', 'giu'],
  7: ['july', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'jul', 'juil', 'lug'],
  8: ['august', 'août', 'aout', 'agosto', 'augustus', 'aug', 'ago'],
  9: ['september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'sep', 'sept', 'set'],
  10: ['october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'oct', 'okt', 'ott', 'out'],
  11: ['november', 'novembre', 'noviembre', 'novembro', 'nov'],
  12: [
    'december',
    'dezember',
    'décembre',
    'decembre',
    'diciembre',
    'dicembre',
    'dezembro',
    'dec',
    'dez',
    'déc',
    'dic',
  ],
};

const MONTH_BY_NAME = new Map<string, number>();
for (const [month, names] of Object.entries(MONTH_NAMES)) {
  for (const name of names) MONTH_BY_NAME.set(name, Number(month));
}
const MONTH_ALT = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

// "13. August 2025", "13 août 2025", "1er mars 2020", "13 de agosto de 2025", "13 Aug. 2025"
const DAY_MONTH_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2})(?:\.|er|º|ª)?\s*(?:de\s+)?(${MONTH_ALT})\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?!\d)`,
  'iu',
);
// "August 13, 2025", "Aug. 13th 2025"
const MONTH_DAY_YEAR = new RegExp(
  String.raw`(?<![\p{L}])(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`,
  'iu',
);
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
}

function fullYear(y: string): number {
  const n = Number.parseInt(y, 10);
  if (y.length === 4) return n;
  // Two-digit years on news pages are this century's.
  return 2000 + n;
}

/** The first written-out or numeric day in `text`, or null. */
export function findTextDay(text: string, options: TextDateOptions = {}): DayParts | null {
  let m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = MONTH_BY_NAME.get((m[2] ?? '').toLowerCase());
    if (month) return { year: fullYear(m[3] ?? ''), month, day: Number(m[1]) };
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = MONTH_BY_NAME.get((m[1] ?? '').toLowerCase());
    if (month) return { year: fullYear(m[3] ?? ''), month, day: Number(m[2]) };
  }
  m = DOTTED.exec(text);
  if (m) return { year: fullYear(m[3] ?? ''), month: Number(m[2]), day: Number(m[1]) };
  m = YEAR_FIRST.exec(text);
  if (m) return { year: fullYear(m[1] ?? ''), month: Number(m[3]), day: Number(m[4]) };
  m = SLASHED.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4] ?? '');
    // The order is only a guess when both parts could be a month.
    const monthFirst = a > 12 ? false : b > 12 ? true : !!options.monthFirst;
    return monthFirst ? { year, month: a, day: b } : { year, month: b, day: a };
  }
  return null;
}
