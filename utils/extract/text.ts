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
