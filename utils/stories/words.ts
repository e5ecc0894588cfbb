/**
 * Splits a headline into words that keep what the story engine needs from their spelling: the folded form
 * for matching and whether they were capitalised, written in capitals or opened a clause.
 */

export interface Word {
  /** Lower case, accents removed, apostrophes resolved ("Titanfall's" → "titanfall", "l'Élysée" → "elysee"). */
  folded: string;
  /** First letter upper case as written. */
  capitalised: boolean;
  /** Two or more letters, all upper case ("GM", "SXSW", "MH370"). */
  allCaps: boolean;
  /** First word of the headline or of a clause after ":", "|", " - " and the like, where capitals say nothing. */
  clauseStart: boolean;
}

// A word with optional inner apostrophes (both ' and ’), then the separators that open a new clause.
const WORD_OR_BREAK = /[\p{L}\p{N}]+(?:['’\u02bc][\p{L}\p{N}]+)*|[:|!?.;«»"“”]|\s[-–—]\s/gu;
const CLAUSE_BREAK = /^(?:[:|!?.;«»"“”]|\s[-–—]\s)$/u;

/** French and Italian elided articles and prepositions: the word after the apostrophe is the one that counts. */
const ELIDED = new Set('l d j m n s t c qu dell dall nell sull all un quell jusqu lorsqu puisqu'.split(' '));

function foldLetters(raw: string): string {
  const lower = raw.toLowerCase();
  if (/^[\x20-\x7e]*$/.test(lower)) return lower; // most headline words: nothing to fold
  return lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l');
}

/** The folded word and, for "l'Etna" or "dell'Etna", the elided article, which tells the language. */
function foldParts(raw: string): { word: string; elided: string | null } {
  const folded = foldLetters(raw);
  const parts = folded.split(/['’\u02bc]/);
  if (parts.length === 1) return { word: folded, elided: null };
  const [head = '', ...rest] = parts;
  const tail = rest.join('');
  // English possessive ("GM's"); "it's" ends up as the stop word "it".
  if (tail === 's') return { word: head, elided: null };
  if (ELIDED.has(head)) return { word: tail, elided: head };
  return { word: head + tail, elided: null }; // contractions: "don't" → "dont", a stop word
}

export function foldWord(raw: string): string {
  return foldParts(raw).word;
}

export function splitWords(headline: string): Word[] {
  const words: Word[] = [];
  let clauseStart = true;
  for (const match of headline.matchAll(WORD_OR_BREAK)) {
    const raw = match[0];
    if (CLAUSE_BREAK.test(raw)) {
      clauseStart = true;
      continue;
    }
    const { word, elided } = foldParts(raw);
    if (elided) words.push({ folded: elided, capitalised: false, allCaps: false, clauseStart });
    // Case is judged on the word itself: "RBS's" is an acronym, "l'Élysée" a capitalised word.
    const own = elided ? raw.replace(/^[^'’\u02bc]*['’\u02bc]/u, '') : raw.replace(/['’\u02bc]s$/u, '');
    const letters = own.replace(/[^\p{L}]/gu, '');
    const first = letters[0] ?? '';
    words.push({
      folded: word,
      capitalised: first !== '' && first !== first.toLowerCase(),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      clauseStart,
    });
    clauseStart = false;
  }
  return words;
}
