/**
 * Words of an article URL's slug ("/2014/03/10/gm-hires-law-firms-to-probe-recall.html"). Slugs often carry
 * the full headline when the listed one was cut ("GM Hires Investigator Of Lehman Debacle To Lead  ..."),
 * or the newsroom's own short wording of the story.
 */

/** Fewer words than this make a section name ("world-news"), not a slug. */
const MIN_SLUG_WORDS = 3;

function pathOf(url: string): string {
  try {
    const path = new URL(url).pathname;
    try {
      return decodeURIComponent(path);
    } catch {
      return path;
    }
  } catch {
    return '';
  }
}

/** The words (letters only, as written) of the path segment that looks most like a slug; [] when none does. */
export function slugWords(url: string | null | undefined): string[] {
  if (!url) return [];
  let best: string[] = [];
  for (const segment of pathOf(url).split('/')) {
    const name = segment.replace(/\.[a-z0-9]{2,5}$/i, '');
    // Tokens with digits are ids and dates ("idUSBREA2A0R820140311", "20140310"), not words.
    const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2 && /^\p{L}+$/u.test(w));
    if (words.length >= MIN_SLUG_WORDS && words.length >= best.length) best = words;
  }
  return best;
}
