/**
 * Turns a headline and its URL into weighted matching keys: stemmed content words (names weighted above the
 * rest, under the same key, so "Apple" and "apple" still meet), pairs of adjacent names as keys of their own
 * ("edward_snowden", "game_thrones": unstemmed, so the same in every language) and the slug's extra words.
 * Weights here are relative; the engine multiplies them by how rare the key is among stories.
 */
import { stem } from './stemmer';
import { guessLanguage, isStopWord, type Language } from './stop-words';
import { slugWords } from './url-words';
import { foldWord, splitWords, type Word } from './words';

export interface FeatureWeights {
  /** Multiplier for a name or acronym over a common word. */
  name: number;
  /** Weight of a pair of adjacent names. */
  namePair: number;
  /** Multiplier for a slug word the headline does not have. */
  slug: number;
}

/** What the engine has learnt about how a word is written in headlines that are not in title case. */
export type NameLookup = (folded: string) => boolean;

export interface HeadlineFeatures {
  lang: Language;
  /** Matching key → relative weight. */
  weights: Map<string, number>;
  /**
   * Casing evidence from this headline for the engine to learn from: folded word → capitalised or not, for
   * words in the middle of a clause of a sentence-case headline (the only place where capitals mean a name).
   */
  casing: Map<string, boolean>;
}

/** Short words that may sit inside a name: "Bank of England", "Game of Thrones", "Banco de España". */
const NAME_JOINERS = new Set('of de del della di da do dos du des la le von van der den y e'.split(' '));

/** Share of capitalised mid-clause content words above which a headline is written in title case. */
const TITLE_CASE_SHARE = 0.7;
const MAX_ACRONYM_LETTERS = 6;
/**
 * Bare numbers (years, amounts, percentages) recur across unrelated stories ("2014", "1.4") yet now and
 * then mark one ("Flight 370"): they count, at half a word.
 */
const NUMBER_WEIGHT = 0.5;

type CaseStyle = 'sentence' | 'title' | 'caps';

function caseStyle(words: readonly Word[], lang: Language): CaseStyle {
  const content = words.filter((w) => /\p{L}/u.test(w.folded) && !isStopWord(w.folded, lang));
  if (content.length >= 3 && content.filter((w) => w.allCaps).length >= 0.8 * content.length) return 'caps';
  // Short words are often lower case even in title case ("Is", "Has"): judge on the longer ones.
  const judged = content.filter((w) => !w.clauseStart && w.folded.length >= 4);
  if (judged.length < 2) return 'title'; // too little to tell: trust only what the engine learnt
  const capitalised = judged.filter((w) => w.capitalised).length;
  return capitalised >= TITLE_CASE_SHARE * judged.length ? 'title' : 'sentence';
}

function isName(word: Word, style: CaseStyle, knownName: NameLookup): boolean {
  const letters = word.folded.replace(/[^\p{L}]/gu, '').length;
  if (style !== 'caps' && word.allCaps && letters <= MAX_ACRONYM_LETTERS) return true;
  if (style === 'sentence' && word.capitalised && !word.clauseStart) return true;
  return knownName(word.folded);
}

function keepWord(folded: string, lang: Language): boolean {
  if (folded.length < 2 || isStopWord(folded, lang)) return false;
  return /\p{L}/u.test(folded) || folded.length >= 3; // bare numbers: years and amounts, not "4" or "10"
}

function setMax(weights: Map<string, number>, key: string, weight: number): void {
  if (weight > (weights.get(key) ?? 0)) weights.set(key, weight);
}

export function headlineFeatures(
  title: string,
  url: string | null | undefined,
  knownName: NameLookup,
  weights: FeatureWeights,
): HeadlineFeatures {
  const words = splitWords(title);
  const slug = slugWords(url).map(foldWord);
  const lang = guessLanguage([...words.map((w) => w.folded), ...slug]);
  const style = caseStyle(words, lang);
  const out = new Map<string, number>();
  const casing = new Map<string, boolean>();
  const keyOfFolded = new Map<string, string>();

  let previousName: string | null = null;
  let joinerSeen = false;
  for (const word of words) {
    const folded = word.folded;
    if (previousName && NAME_JOINERS.has(folded) && !joinerSeen) {
      joinerSeen = true; // one joiner may continue a name; two ("of the") end it
      continue;
    }
    if (!keepWord(folded, lang)) {
      previousName = null;
      continue;
    }
    if (style === 'sentence' && !word.clauseStart && /\p{L}/u.test(folded)) {
      casing.set(folded, word.capitalised || (casing.get(folded) ?? false));
    }
    const name = isName(word, style, knownName);
    const key = stem(folded, lang);
    keyOfFolded.set(folded, key);
    const isNumber = !/\p{L}/u.test(folded);
    setMax(out, key, isNumber ? NUMBER_WEIGHT : name ? weights.name : 1);
    if (name && previousName) setMax(out, `${previousName}_${folded}`, weights.namePair);
    previousName = name ? folded : null;
    joinerSeen = false;
  }

  for (const folded of slug) {
    if (!keepWord(folded, lang) || keyOfFolded.has(folded)) continue;
    const name = knownName(folded);
    const key = stem(folded, lang);
    if (!out.has(key)) setMax(out, key, weights.slug * (name ? weights.name : 1));
  }
  return { lang, weights: out, casing };
}
