import { type JsonObject, stringProp } from './jsonld';
import { metaContent } from './meta';
import { cleanTitle, collapseWhitespace, decodeEntities, stripTags, titleKey, visibleText } from './text';

const MAX_H1 = 10;
const SEPARATOR_RE = /\s+[|–—•·ㅣ-]\s+|\s*[|ㅣ]\s*/;

/** Removes a site name written before or after the headline: "Title | Site", "Site: Title". */
export function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(SEPARATOR_RE).filter((p) => p.trim());
  if (parts.length < 2) return title;
  const site = siteName ? titleKey(siteName) : null;
  if (site) {
    const kept = parts.filter((p) => titleKey(p) !== site && !site.includes(titleKey(p)));
    if (kept.length > 0 && kept.length < parts.length) return kept.join(' - ');
  }
  // Without a known site name, the longest part is the headline.
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
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
  return clean && /[\p{L}\p{N}]/u.test(clean) ? clean : null;
}

/**
 * The story's own headline. The article's JSON-LD `headline` is what the publisher
 * declares for the story; without it, the on-page heading that agrees with the social
 * title, then the social title, then the only heading, then the document title.
 */
export function extractHeadline(
  doc: Document,
  articleNode: JsonObject | undefined,
  heading: Element | null,
): string | null {
  const siteName = metaContent(doc, ['og:site_name', 'application-name']);
  const declared = usable(articleNode ? stringProp(articleNode, 'headline') : null);
  if (declared && (!siteName || titleKey(declared) !== titleKey(siteName))) return declared;

  const social = metaContent(doc, ['og:title', 'twitter:title']);
  const documentTitle = collapseWhitespace(doc.title ?? '');
  const headings = Array.from(doc.getElementsByTagName('h1'))
    .slice(0, MAX_H1)
    .map((h) => collapseWhitespace(visibleText(h)))
    .filter((t) => t.length > 0);
  const metaTitles = [social, documentTitle].filter((t): t is string => !!t);
  for (const h of headings) {
    if (metaTitles.some((m) => agrees(h, m))) return usable(h);
  }
  return (
    usable(social && stripSiteName(social, siteName)) ??
    usable(visibleText(heading)) ??
    usable(documentTitle && stripSiteName(documentTitle, siteName))
  );
}
