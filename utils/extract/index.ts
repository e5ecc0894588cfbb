/**
 * Article extraction: pure functions of a `Document` and its URL, touching no browser
 * API, so the content script, vitest and the Node CLI run the same code.
 */
import { attr, one } from './dom';
import { adaptersFor, applyAdapters } from './adapters';
import { detectArticle, mainHeading } from './detect';
import { extractHeadline } from './headline';
import { primaryArticle, readJsonLd } from './jsonld';
import { agrees } from './headline';
import { SOCIAL_TITLE, forgetMeta, metaContent } from './meta';
import { decodeEntities } from './text';
import { extractPublished } from './published';
import { extractRelated } from './related';
import type { PageExtraction } from './types';
import { toHttpUrl } from './urls';

export type { PageExtraction, RelatedItem } from './types';

export interface ExtractOptions {
  /** "Now" in ms, for rejecting future dates; defaults to the clock. */
  now?: number;
  /**
   * Extract headline, date and related items even when the page is not judged an
   * article (the command-line tools report them for any page). The content script
   * leaves this off, so a page that is not an article costs one detection pass.
   */
  extractNonArticles?: boolean;
  /** Apply the per-site adapters (default); off shows what the generic path alone finds. */
  adapters?: boolean;
}

export function extractPage(doc: Document, url: string, options: ExtractOptions = {}): PageExtraction {
  forgetMeta(doc);
  const jsonLd = readJsonLd(doc);
  const socialTitle = metaContent(doc, SOCIAL_TITLE);
  const heading = mainHeading(doc, socialTitle ?? doc.title);
  const adapters = options.adapters === false ? [] : adaptersFor(doc, url);
  const verdict = adapters.find((a) => a.isArticle)?.isArticle?.(doc, url);
  const isArticle = verdict ?? detectArticle(doc, { jsonLd, heading }, url);
  if (!isArticle && !options.extractNonArticles)
    return { isArticle, canonicalUrl: null, headline: null, publishedAt: null, related: [] };
  const now = options.now ?? Date.now();
  const canonicalUrl = toHttpUrl(attr(one(doc, 'link[rel="canonical" i]'), 'href'), url);
  const articleNode = primaryArticle(
    jsonLd,
    (headline, nodeUrl) =>
      (!!headline && !!socialTitle && agrees(decodeEntities(headline), decodeEntities(socialTitle))) ||
      (!!nodeUrl && (nodeUrl === url || nodeUrl === canonicalUrl)),
  );
  const generic: PageExtraction = {
    isArticle,
    canonicalUrl,
    headline: extractHeadline(doc, articleNode, heading, url),
    publishedAt: extractPublished(doc, url, jsonLd, articleNode, heading, now),
    related: extractRelated(doc, url, { jsonLd, canonicalUrl, now, heading }),
  };
  return applyAdapters(adapters, doc, url, generic, now);
}
