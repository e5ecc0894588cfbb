/**
 * Light stemmers in the spirit of Savoy's "light" stemmers for European languages: they strip inflection
 * (plural, gender, the commonest verb endings) and nothing derivational, so "recalls", "recalled" and
 * "recalling" meet while "recall" and "recaller" may not. Headlines are short; a wrong conflation costs more
 * than a missed one. Input is a folded word (lower case, accents removed).
 */
import type { Language } from './stop-words';

const VOWEL = /[aeiouy]/;

function hasVowel(stem: string): boolean {
  return VOWEL.test(stem);
}

/** "stopp" → "stop" after an ending was removed; ll/ss/zz are often part of the root ("fall", "miss"). */
function undouble(stem: string): string {
  const n = stem.length;
  if (n > 2 && stem[n - 1] === stem[n - 2] && /[bcdfgkmnprt]/.test(stem[n - 1] ?? ''))
    return stem.slice(0, -1);
  return stem;
}

function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:[sxz]|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.length > 5 && w.endsWith('ing') && hasVowel(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed') && hasVowel(w.slice(0, -2))) {
    w = undouble(w.slice(0, -2));
  }
  // "hire"/"hired"/"hiring" and "company"/"companies" only meet once the final e and y are normalised.
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = w.slice(0, -1) + 'i';
  return w;
}

function stemGerman(word: string): string {
  const w = word;
  if (w.length > 5 && w.endsWith('ern')) return w.slice(0, -3);
  if (w.length > 4 && /(?:em|en|er|es)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) return w.slice(0, -1);
  // Only after consonants that can end a German stem before the genitive/plural s.
  if (w.length > 3 && /[bdfghklmnrt]s$/.test(w)) return w.slice(0, -1);
  return w;
}

function stemFrench(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('aux')) return w.slice(0, -3) + 'al';
  if (w.length > 3 && /[sx]$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && /(?:euse|trice)$/.test(w)) return w.slice(0, w.endsWith('euse') ? -4 : -5);
  if (w.length > 5 && w.endsWith('er')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function stemSpanish(word: string): string {
  let w = word;
  if (w.length > 4 && /[^aeiou]es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 3 && /[aoe]$/.test(w)) w = w.slice(0, -1);
  return w;
}

function stemItalian(word: string): string {
  let w = word;
  if (w.length > 3 && /[aeio]$/.test(w)) w = w.slice(0, -1);
  // banca/banche, lago/laghi: the h only keeps the consonant hard before e/i.
  if (w.length > 3 && /[cg]h$/.test(w)) w = w.slice(0, -1);
  return w;
}

function stemPortuguese(word: string): string {
  let w = word;
  if (w.length > 4 && /(?:oes|aes|aos)$/.test(w)) w = w.slice(0, -3) + 'ao';
  else if (w.length > 4 && w.endsWith('ais')) w = w.slice(0, -3) + 'al';
  else if (w.length > 4 && w.endsWith('eis')) w = w.slice(0, -3) + 'el';
  else if (w.length > 3 && w.endsWith('ns')) w = w.slice(0, -2) + 'm';
  else if (w.length > 3 && w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 3 && /[aoe]$/.test(w)) w = w.slice(0, -1);
  return w;
}

function stemDutch(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('heden')) return w.slice(0, -5) + 'heid';
  if (w.length > 4 && w.endsWith('en')) w = undouble(w.slice(0, -2));
  else if (w.length > 3 && /[^aeious]s$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const STEMMERS: Record<Language, (word: string) => string> = {
  en: stemEnglish,
  de: stemGerman,
  fr: stemFrench,
  es: stemSpanish,
  it: stemItalian,
  pt: stemPortuguese,
  nl: stemDutch,
};

/** Numbers and words with digits ("mh370", "2014") are identifiers: left alone. */
export function stem(word: string, lang: Language): string {
  if (/\d/.test(word)) return word;
  return STEMMERS[lang](word);
}
