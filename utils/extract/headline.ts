import { type JsonObject, isArticleNode, stringProp } from './jsonld';
import { metaContent } from './meta';
import { cleanTitle, collapseWhitespace, titleKey } from './text';

const MAX_H1 = 10;

/** Removes a site name written before or after the headline: "Title | Site", "Site: Title". */
export function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—•·-]\s+|\s*\|\s*/);
  if (parts.length < 2) return title;
  const site = siteName ? titleKey(siteName) : null;
  const kept = parts.filter((p) => !site || titleKey(p) !== site);
  if (kept.length !== parts.length) return kept.join(' - ');
  // Without a known site name, the longest part is the headline.
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/** Two titles agree when one contains the other's words, which absorbs kickers and site names. */
function agrees(a: string, b: string): boolean {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (!ka || !kb) return false;
  return ka === kb || (ka.length > 15 && kb.includes(ka)) || (kb.length > 15 && ka.includes(kb));
}

export function extractHeadline(doc: Document, jsonLd: JsonObject[]): string | null {
  const articleNode = jsonLd.find(isArticleNode);
  const siteName = metaContent(doc, ['og:site_name', 'application-name']);
  const metaTitles = [
    articleNode ? stringProp(articleNode, 'headline') : null,
    metaContent(doc, ['og:title', 'twitter:title']),
    collapseWhitespace(doc.title ?? ''),
  ].filter((t): t is string => !!t);

  const headings = Array.from(doc.getElementsByTagName('h1'))
    .slice(0, MAX_H1)
    .map((h) => collapseWhitespace(h.textContent ?? ''))
    .filter((t) => t.length > 0);

  // The on-page heading that agrees with the metadata is the story's own headline.
  for (const heading of headings) {
    if (metaTitles.some((m) => agrees(heading, m))) return cleanTitle(heading);
  }
  const first = metaTitles[0];
  if (first) return cleanTitle(stripSiteName(first, siteName)) || null;
  if (headings.length === 1 && headings[0]) return cleanTitle(headings[0]);
  return null;
}
