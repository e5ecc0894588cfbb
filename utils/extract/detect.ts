import { type JsonObject, isArticleNode, typesOf } from './jsonld';
import { metaContent } from './meta';
import { collapseWhitespace } from './text';

const NON_ARTICLE_TYPES = new Set([
  'collectionpage',
  'itemlist',
  'searchresultspage',
  'profilepage',
  'videoobject',
  'imagegallery',
  'recipe',
  'product',
  'discussionforumposting',
]);
const MIN_BODY_CHARS = 500;
const MAX_LINK_TEXT_RATIO = 0.5;
const MAX_PARAGRAPHS = 400;

export interface DetectionSignals {
  jsonLd: JsonObject[];
  heading: Element | null;
}

/**
 * Whether the page is a single story. Metadata decides when it speaks; otherwise
 * a page needs one dominant heading over a body of prose that is mostly not links.
 */
export function detectArticle(doc: Document, signals: DetectionSignals): boolean {
  const { jsonLd } = signals;
  if (jsonLd.some(isArticleNode)) return true;
  const ogType = metaContent(doc, ['og:type'])?.toLowerCase() ?? '';
  if (ogType === 'article' || metaContent(doc, ['article:published_time'])) return true;
  if (ogType && ogType !== 'article' && ogType !== 'website') return false;
  if (jsonLd.some((n) => typesOf(n).some((t) => NON_ARTICLE_TYPES.has(t)))) return false;
  if (!signals.heading) return false;
  return proseDominates(signals.heading);
}

/** The heading's article block holds enough paragraph text that is not link text. */
function proseDominates(heading: Element): boolean {
  const block = heading.closest('article, main, [role="main"]') ?? heading.ownerDocument.body;
  if (!block) return false;
  const paragraphs = block.getElementsByTagName('p');
  let text = 0;
  let linkText = 0;
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i++) {
    const p = paragraphs[i];
    if (!p) continue;
    text += collapseWhitespace(p.textContent ?? '').length;
    const links = p.getElementsByTagName('a');
    for (let j = 0; j < links.length; j++) linkText += (links[j]?.textContent ?? '').length;
  }
  return text >= MIN_BODY_CHARS && linkText / text <= MAX_LINK_TEXT_RATIO;
}

/** The page's main heading: the only `<h1>`, or the first one inside the article element. */
export function mainHeading(doc: Document): Element | null {
  const h1s = doc.getElementsByTagName('h1');
  if (h1s.length === 0) return null;
  if (h1s.length === 1) return h1s[0] ?? null;
  return doc.querySelector('article h1, main h1, [role="main"] h1') ?? h1s[0] ?? null;
}
