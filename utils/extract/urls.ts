export const MAX_URL_LENGTH = 2048;
const HTTP_RE = /^https?:$/;

/** Resolves `href` against `base` and keeps it only if it is an http(s) URL of sane length. */
export function toHttpUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed || trimmed.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (!HTTP_RE.test(url.protocol) || url.username || url.password) return null;
  const out = url.href;
  return out.length > MAX_URL_LENGTH ? null : out;
}

/** The same page, ignoring the fragment: for spotting self links. */
export const samePage = (a: string, b: string): boolean => a.split('#')[0] === b.split('#')[0];
