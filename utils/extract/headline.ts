import { byTag, closestInBody, list } from './dom';
import { type JsonObject, stringProp } from './jsonld';
import { SOCIAL_TITLE, metaContent } from './meta';
import {
  CUT_SHORT_RE,
  WORD_CHAR_RE,
  cleanTitle,
  collapseWhitespace,
  decodeEntities,
  longest,
  stripTags,
  titleKey,
  visibleText,
} from './text';

const SEPARATOR_RE = /\s+[|–—•·ㅣ-]\s+|\s*[|ㅣ]\s*/;
/** The host of an absolute URL (lower case in a parsed URL; any user name is harmless: only labels are compared). */
const HOST_RE = /\/\/([^/:?#]+)/;
const KICKER_OR_SEPARATOR_RE = /:\s+|\s+[|–—•·ㅣ-]\s+|\s*[|ㅣ]\s*/g;
/** The first five words of a title key. */
const FIVE_WORDS_RE = /^(?:\S+ ){4}\S+/;

/**
 * Removes a site name written before or after the headline: "Title | Site", "Site: Title". The
 * site is `siteName`, or a part that spells a label of the page's host ("Mozilla - Wikipedia").
 */
export function stripSiteName(
  title: string,
  siteName: string | null,
  url = '',
  headings: string[] = [],
): string {
  const parts = title.split(SEPARATOR_RE).filter((p) => p.trim());
  if (parts.length < 2) return title;
  const site = siteName ? titleKey(siteName) : null;
  const labels = HOST_RE.exec(url)?.[1]?.split('.') ?? [];
  const kept = parts.filter((p) => {
    const key = titleKey(p);
    return !(site && (key === site || site.includes(key))) && !labels.includes(key.replaceAll(' ', ''));
  });
  if (kept.length > 0 && kept.length < parts.length) return kept.join(' - ');
  // Without a known site name, the part that is also a heading on the page (where the page's only h1 is
  // the site's logo, "Archive of Our Own"), else the longest part, is the headline.
  return parts.find((p) => headings.includes(titleKey(p))) ?? longest(parts);
}

/** Two titles agree when one contains the other's words, which absorbs kickers and site names. */
export function agrees(a: string, b: string): boolean {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (!ka || !kb) return false;
  return ka === kb || (ka.length > 15 && kb.includes(ka)) || (kb.length > 15 && ka.includes(kb));
}

/** Metadata strings may be entity-escaped twice and carry tags: decode, then strip. */
function usable(text: string | null | undefined): string | null {
  const clean = text ? cleanTitle(stripTags(decodeEntities(stripTags(text)))) : '';
  return clean && WORD_CHAR_RE.test(clean) ? clean : null;
}

/**
 * The declared headline less a kicker before ": " that the social title leaves out, or
 * less a site or section name after a separator that a heading or social title leaves out.
 */
function trimDeclared(declared: string, social: string[], others: string[]): string {
  // exec, not matchAll: matchAll copies the expression, and each copy is compiled anew.
  KICKER_OR_SEPARATOR_RE.lastIndex = 0;
  for (let m; (m = KICKER_OR_SEPARATOR_RE.exec(declared));) {
    const kicker = m[0][0] === ':';
    const rest = kicker ? declared.slice(m.index + m[0].length) : declared.slice(0, m.index);
    const key = titleKey(rest);
    if (key && (kicker ? social : others).includes(key)) return rest;
  }
  return declared;
}

/**
 * A social title that starts as the headline does, for five words or more, and is shorter: the
 * headline without the clause the page adds to it ("… - here's how to check" against "… - here's
 * how to check if you have the rare buck"). Not where either is cut short.
 */
function shortens(social: string, headline: string): boolean {
  const short = titleKey(social);
  const long = titleKey(headline);
  const start = FIVE_WORDS_RE.exec(short);
  return (
    !!start &&
    short.length < long.length &&
    long.startsWith(`${start[0]} `) &&
    !CUT_SHORT_RE.test(`${social}\n${headline}`)
  );
}

/**
 * The story's own headline. The article's JSON-LD `headline` is what the publisher
 * declares for the story (less a kicker or a site name that the page's other titles
 * leave out); without it, the on-page heading that agrees with the social title (with
 * the document title when there is none), then the social title, then the document
 * title, then the only heading.
 */
export function extractHeadline(
  doc: Document,
  articleNode: JsonObject | undefined,
  heading: Element | null,
  url = '',
): string | null {
  const siteName = metaContent(doc, ['og:site_name', 'application-name']);
  const social = metaContent(doc, SOCIAL_TITLE);
  const socials = [social, metaContent(doc, SOCIAL_TITLE.slice(1))].map((t) => titleKey(t ?? ''));
  const documentTitle = collapseWhitespace(doc.title ?? '');
  /** The page's first headings of one level: a page of teasers may hold hundreds. */
  const first = (tag: string): Element[] => list(byTag(doc, tag)).slice(0, 20);
  const headings = first('h1')
    .map((h) => collapseWhitespace(visibleText(h)))
    .filter((t) => t.length > 0);
  const found = usable(articleNode ? stringProp(articleNode, 'headline') : null);
  if (found && (!siteName || titleKey(found) !== titleKey(siteName))) {
    const declared = trimDeclared(found, socials, socials.concat(headings.map(titleKey)));
    const key = titleKey(declared);
    const [socialKey = ''] = socials;
    if (social && shortens(social, declared)) return usable(social);
    // Two different titles: the one the reader sees as the page's heading (not a breadcrumb's),
    // perhaps after a kicker.
    if (social && key !== socialKey)
      for (const tag of ['h1', 'h2']) {
        const seen = first(tag)
          .filter((h) => !closestInBody(h, 'nav,[class*=rumb]'))
          .map((h) => ` ${titleKey(visibleText(h))}`);
        const [d, s] = [key, socialKey].map((k) => seen.some((h) => h.endsWith(` ${k}`)));
        if (d !== s) return d ? declared : usable(social);
      }
    return declared;
  }

  const metaTitle = social ?? documentTitle;
  for (const h of headings) {
    if (agrees(h, metaTitle)) return usable(social && shortens(social, h) ? social : h);
  }
  const shown = headings.concat(first('h2').map((h) => visibleText(h))).map(titleKey);
  return (
    usable(social && stripSiteName(social, siteName, url, shown)) ??
    usable(documentTitle && stripSiteName(documentTitle, siteName, url, shown)) ??
    usable(visibleText(heading))
  );
}
