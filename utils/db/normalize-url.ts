/** Query parameters that only track where a click came from; they never change the article. */
const TRACKING_PARAM_RE = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|igshid|_ga)$/i;

/**
 * The key an article is stored under: lower-case host (via URL), no fragment, no
 * default port, no tracking parameters, no trailing slash on the path.
 */
export function normalizeUrl(input: string): string {
  const url = new URL(input);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM_RE.test(key)) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '');
  }
  return url.href;
}

export function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}
