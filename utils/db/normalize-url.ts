/** Query parameters that only track where a click came from; they never change the article. */
const TRACKING_PARAM_RE = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ref|ref_src|igshid|_ga)$/i;

/** Mobile and AMP hosts serve the same article as the main site: m.example.com, amp.example.com. */
const MOBILE_HOST_RE = /^(?:m|mobile|amp)\.(?=[^.]+\.[^.]+)/i;
/** AMP paths: /amp/story, /story/amp, /story.amp, /story/amp.html. */
const AMP_PATH_RE = /^\/amp(?=\/)|\/amp(?:\.html)?\/?$|\.amp(?=$|\.html$)/i;
const AMP_PARAM_RE = /^(amp|outputType)$/i;

/**
 * The key an article is stored under: lower-case host (via URL), no fragment, no default port, no
 * tracking parameters, no trailing slash on the path, mobile and AMP variants folded into the main one.
 */
export function normalizeUrl(input: string): string {
  const url = new URL(input);
  url.hash = '';
  url.hostname = url.hostname.replace(MOBILE_HOST_RE, '');
  url.pathname = url.pathname.replace(AMP_PATH_RE, '');
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM_RE.test(key) || AMP_PARAM_RE.test(key)) url.searchParams.delete(key);
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
