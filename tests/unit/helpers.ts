import { readFileSync } from 'node:fs';
import { SITE_ROOT } from '../site-server';

export const SITE_ORIGIN = 'http://127.0.0.1:8080';

/** Parses a page of the demo site as the browser would have it at `SITE_ORIGIN + path`. */
export function loadSitePage(path: string): { doc: Document; url: string } {
  const file = path.endsWith('/') ? `${path}index.html` : path;
  const html = readFileSync(SITE_ROOT + file.replace(/^\//, ''), 'utf8');
  return { doc: parseHtml(html), url: SITE_ORIGIN + path };
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
