/** Cleaning of page strings before they are stored or shown. */

export const MAX_TITLE_LENGTH = 300;

// Zero-width and bidi control characters: invisible, but they break matching and can reorder text.
const INVISIBLE_RE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;

/** Collapses whitespace and removes invisible characters. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE_RE, '').replace(/\s+/g, ' ').trim();
}

/**
 * A headline as a reader should see it: no stray Markdown (`### Title`, `**Title**`),
 * no invisible characters, single spaces, capped length.
 */
export function cleanTitle(raw: string, maxLength = MAX_TITLE_LENGTH): string {
  let text = collapseWhitespace(raw.slice(0, maxLength * 4));
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text
      .replace(/^#{1,6}\s+/, '')
      .replace(/\s+#{1,6}$/, '')
      .replace(/^(\*\*|__)(.+)\1$/, '$2')
      .replace(/^([*_`])(.+)\1$/, '$2')
      .trim();
  }
  text = text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/__(.+?)__/g, '$1');
  if (text.length > maxLength) text = text.slice(0, maxLength - 1).trimEnd() + '…';
  return text;
}

/** Comparable form of a title: lower case, letters and digits only. */
export function titleKey(text: string): string {
  return collapseWhitespace(text)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
};

/**
 * Decodes HTML entities left in metadata strings (JSON-LD is often escaped twice).
 * Text only, never markup: no parser is involved.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}
