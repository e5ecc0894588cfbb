/** The one ordered registry of site adapters: each applies, in this order, to the pages it handles. */
import { hankookIlbo } from './hankookilbo';
import { meridianWire } from './meridian-wire';
import type { SiteAdapter } from './types';
import type { PageExtraction } from '../types';

export const ADAPTERS: readonly SiteAdapter[] = [meridianWire, hankookIlbo];

export function adaptersFor(doc: Document, url: string): SiteAdapter[] {
  return ADAPTERS.filter((a) => {
    try {
      return a.urls.some((re) => re.test(url)) && (!a.detect || a.detect(doc));
    } catch {
      return false;
    }
  });
}

export function applyAdapters(
  adapters: readonly SiteAdapter[],
  doc: Document,
  url: string,
  result: PageExtraction,
  now: number,
): PageExtraction {
  let out = result;
  for (const adapter of adapters) {
    try {
      out = adapter.patch(doc, url, out, now);
    } catch {
      // A broken adapter must not cost the reader the generic result.
    }
  }
  return out;
}
