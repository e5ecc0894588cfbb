/**
 * Headline words for the search index: folded (case, accents) so "Zelensky" finds "zelenský", and capped,
 * because a multi-entry index pays per word.
 */
const MAX_TERMS = 32;

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function searchTerms(headline: string): string[] {
  const words = foldText(headline).match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}
