/**
 * Article extraction: pure functions of a `Document` and its URL, touching no browser
 * API, so the content script, vitest and the Node CLI run the same code.
 */
import { detectArticle, mainHeading } from './detect';
import { extractHeadline } from './headline';
import { readJsonLd } from './jsonld';
import { extractPublished } from './published';
import { extractRelated } from './related';
import type { PageExtraction } from './types';
import { toHttpUrl } from './urls';

export type { PageExtraction, RelatedItem } from './types';

export interface ExtractOptions {
  /** "Now" in ms, for rejecting future dates; defaults to the clock. */
  now?: number;
}

const NOT_AN_ARTICLE: PageExtraction = {
  isArticle: false,
  canonicalUrl: null,
  headline: null,
  publishedAt: null,
  related: [],
};

export function extractPage(doc: Document, url: string, options: ExtractOptions = {}): PageExtraction {
  const jsonLd = readJsonLd(doc);
  const heading = mainHeading(doc);
  if (!detectArticle(doc, { jsonLd, heading })) return { ...NOT_AN_ARTICLE, related: [] };
  const now = options.now ?? Date.now();
  const canonical = doc.querySelector('link[rel="canonical" i]')?.getAttribute('href');
  return {
    isArticle: true,
    canonicalUrl: toHttpUrl(canonical, url),
    headline: extractHeadline(doc, jsonLd),
    publishedAt: extractPublished(doc, url, jsonLd, heading, now),
    related: extractRelated(doc, url),
  };
}
