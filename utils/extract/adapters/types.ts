import type { PageExtraction } from '../types';

/**
 * A per-site adapter, in the manner of Zotero's translators: it declares which pages it
 * handles and patches the generic result where the generic path is not enough, rather
 * than extracting everything again. Each one needs a fixture page in
 * tests/fixtures/adapters/<id>.html (tests/unit/adapters.test.ts fails without it).
 */
export interface SiteAdapter {
  id: string;
  /** Pages it handles, tested on the page URL first because that is cheap. */
  urls: RegExp[];
  /** For a site known by its page template rather than its address: a cheap check of the layout. */
  detect?: (doc: Document) => boolean;
  /** The site's own verdict on article pages, when its template says it better than generic signals. */
  isArticle?: (doc: Document, url: string) => boolean;
  /** Returns the corrected result; must not mutate `result` or the document. */
  patch: (doc: Document, url: string, result: PageExtraction, now: number) => PageExtraction;
}
