/** Cleaning of page strings before they are stored or shown. */

export const MAX_TITLE_LENGTH = 300;
/** Page text read for a title or a date line is cut here first: a megabyte heading must stay cheap. */
export const MAX_TEXT_READ = 4000;

// Invisible characters: zero-width, bidi controls, fillers. They break matching and can reorder
// text. U+200D is kept only inside emoji sequences (👩‍👧), U+FE0F (emoji presentation) always.
// Strings, not literals: the bundle carries these characters as UTF-8.
const INVISIBLE_RE = new RegExp(
  '[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u061C\u180E\u3164\u115F\uFFA0]|\u034F|\u1160|\u17B4|\u17B5',
  'g',
);
/** Apart: a `\p{…}` class costs a fraction of a millisecond to compile, and most text has no U+200D. */
const LONE_JOINER_RE = new RegExp(
  '(?<!\\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\\p{Extended_Pictographic})',
  'gu',
);
const TAG_RE = /<\/?[a-z][^<>]*>/gi;
/**
 * A run of whitespace that is not already a single space: text that is spaced normally (most) is left
 * as it is, not copied piece by piece.
 */
const SPACES_RE = / \s+|[^\S ]\s*/g;
const MARKDOWN_RE = /[*_`#]/;
const ACCENTS_RE = /[\u0300-\u036f]/g;
const ENTITY_RE = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;
/** Elements whose text a reader never sees, by tag name (matched against "TAG class"). */
const UNSEEN_RE = /^(?:script|style|noscript|template) /i;

/**
 * A regular expression from a raw template literal, with these flags: regex('i')`\d{4}-${x}` is
 * new RegExp(String.raw`\d{4}-${x}`, 'i'), spelled once in the bundle.
 */
export const regex =
  (flags: string) =>
  (raw: TemplateStringsArray, ...parts: string[]): RegExp =>
    new RegExp(String.raw(raw, ...parts), flags);

/** The set of space-separated words: a list of names ships smaller as one string. */
export const wordSet = (words: string): Set<string> => new Set(words.split(' '));

/** Lower case of a string that may be missing: spelled once in the bundle, as the helpers of dom.ts. */
export const lower = (text?: string | null): string => (text ?? '').toLowerCase();

/** Collapses whitespace and removes invisible characters. */
export function collapseWhitespace(text: string): string {
  let visible = text.replace(INVISIBLE_RE, '');
  if (visible.includes('\u200D')) visible = visible.replace(LONE_JOINER_RE, '');
  return visible.replace(SPACES_RE, ' ').trim();
}

/**
 * An element's text as a reader sees it: without script and style contents (or what else `skipped`
 * matches in "TAG class"), capped in length.
 */
export function visibleText(
  el: Element | null | undefined,
  max = MAX_TEXT_READ,
  skipped = UNSEEN_RE,
): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && out.length < max; child = child.nextSibling) {
      // A run of indentation counts as one space: the cap is for text, not markup's layout. (An SVG
      // element's className is an object, whose string form matches no skip pattern.)
      if (child.nodeType === 3) out += squeeze(child.nodeValue ?? '');
      else if (
        child.nodeType === 1 &&
        !skipped.test(`${(child as Element).tagName} ${(child as Element).className}`)
      )
        walk(child);
    }
  };
  walk(el);
  return out.slice(0, max);
}

/** A text node with each run of whitespace (the markup's indentation, mostly) as one space. */
export const squeeze = (text: string): string => text.replace(SPACES_RE, ' ');

/** The longest of `texts` (the first of equals), or '' when there is none. */
export const longest = (texts: string[]): string => texts.reduce((a, b) => (b.length > a.length ? b : a), '');

/** Removes markup that metadata strings sometimes carry (`<em>`, `<img onerror=…>`): titles are text. */
export const stripTags = (text: string): string => (text.includes('<') ? text.replace(TAG_RE, ' ') : text);

/** Cuts at a character boundary that splits no emoji, flag or accented letter. */
function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let out = '';
  // Every browser the extension supports (and Node) has Intl.Segmenter.
  for (const { segment: piece } of new Intl.Segmenter().segment(text)) {
    if (out.length + piece.length > maxLength - 1) break;
    out += piece;
  }
  return out.trimEnd() + '…';
}

/**
 * A headline as a reader should see it: no stray Markdown (`### Title`, `**Title**`,
 * `*Title*`), no invisible characters, single spaces, capped length.
 */
export function cleanTitle(raw: string, maxLength = MAX_TITLE_LENGTH): string {
  let text = collapseWhitespace(raw.slice(0, maxLength * 4));
  // Most titles hold no Markdown at all: one test instead of eight replacements.
  if (!MARKDOWN_RE.test(text)) return truncate(text, maxLength);
  text = text
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/__(?=\S)(.+?)(?<=\S)__/g, '$1')
    .replace(/(^|[\s("'])\*(?=\S)([^*]+?)(?<=\S)\*(?=$|[\s.,:;!?)"'])/g, '$1$2')
    .replace(/(^|[\s("'])_(?=\S)([^_]+?)(?<=\S)_(?=$|[\s.,:;!?)"'])/g, '$1$2')
    .replace(/(^|\s)`([^`]+)`(?=$|\s)/g, '$1$2');
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text
      .replace(/^#{1,6}\s+/, '')
      .replace(/\s+#{1,6}$/, '')
      .replace(/^(?:\*\*|__)\s*|\s*(?:\*\*|__)$/g, '')
      .trim();
  }
  return truncate(text, maxLength);
}

/**
 * What is not part of a word: white space; punctuation and symbols of ASCII, Latin-1, U+2000–U+2BFF
 * and U+2E00–U+2E7F, CJK and a few other scripts; variation selectors; private use (icon fonts);
 * surrogates (emoji). A list rather than `\p{L}\p{N}`: a Unicode property class costs 0.3–0.7 ms to
 * compile, paid again on each fresh page. Titles are compared after NFKD, which turns full-width and
 * other compatibility forms into these; combining marks other than Latin accents stay in their words.
 */
const NOT_WORD =
  '\ufe00-\ufe0f\\s\0-/:-@\\[-`{-\xbf\xd7\xf7\u2000-\u2bff\u2e00-\u2e7f\u3000-\u3004\u3008-\u3020\u3030\u30fb\ue000-\uf8ff\ud800-\udfff\u060c\u061b\u061f\u06d4\u05be\u05f3\u05f4\u0964\u0965';
/** A run of them that is not already a single space, as SPACES_RE: words spaced normally are not rebuilt. */
const NOT_WORD_RUN_RE = new RegExp(`(?! (?![${NOT_WORD}]))[${NOT_WORD}]+`, 'g');
const outside = (also: string): RegExp => new RegExp(`[^${also + NOT_WORD}]`);
/** A letter or a digit, of any script. */
export const WORD_CHAR_RE = outside('');
/** A letter, of any script. */
export const LETTER_RE = outside('\\d');
/**
 * A title cut short: "The pound has charged to the highest level…". At the end of any line, so that
 * one test reads several titles joined by line breaks.
 */
export const CUT_SHORT_RE = /\s*(?:…|\.\.\.)$/m;

/** Comparable form of a title: lower case, letters and digits only. */
export function titleKey(text: string): string {
  return lower(collapseWhitespace(text))
    .normalize('NFKD')
    .replace(ACCENTS_RE, '')
    .replace(NOT_WORD_RUN_RE, ' ')
    .trim();
}

/** Named entities, each a name and the character after it: one string ships smaller than an object. */
const NAMED_ENTITIES = new Map(
  'amp& lt< gt> quot" apos\' nbsp\u00A0 aumlä oumlö uumlü AumlÄ OumlÖ UumlÜ szligß eacuteé egraveè agraveà ccedilç ndash– mdash— hellip… laquo« raquo» lsquo‘ rsquo’ ldquo“ rdquo” bdquo„'
    .split(' ')
    .map((e) => [e.slice(0, -1), e.slice(-1)]),
);

/**
 * Decodes HTML entities left in metadata strings (JSON-LD is often escaped twice).
 * Text only, never markup: no parser is involved.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    // A Map, not an object: "&valueOf;" must not find a method of every object.
    return NAMED_ENTITIES.get(ref) ?? whole;
  });
}
