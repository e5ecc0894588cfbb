/**
 * Headless Chromium that shows saved pages exactly as parsed, offline, with the pages' own
 * scripts unable to run, for benchmarks that inject their code into the page.
 */
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_CHROMIUM_FLAGS } from '../../tests/e2e/chromium';

/**
 * Debian's Chromium; Playwright never downloads one. No request should ever leave the
 * machine (every one is answered or aborted in `route`), but <link rel=dns-prefetch> and
 * preconnect hints bypass request interception, so the resolver is pointed nowhere too.
 * `--expose-gc` lets the harness collect garbage between timed runs.
 */
export async function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...QUIET_CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND', '--js-flags=--expose-gc'],
  });
}

/**
 * Why JavaScript stays enabled and a CSP header blocks the page's scripts instead
 * (checked on Chromium 156 with Playwright 1.65):
 * - `javaScriptEnabled: false` also stops `addScriptTag` scripts, silently, and makes the
 *   HTML parser treat <noscript> content as markup, so the DOM would differ from the one
 *   the extension's content script sees.
 * - `script-src 'none'` blocks the page's inline and external scripts and its inline event
 *   handlers while keeping the normal (scripting-on) parse. It blocks `addScriptTag` as
 *   well, but not `page.evaluate`, which goes through the DevTools protocol: that is how
 *   `inject` installs the bundles. (`default-src 'none'` would also stop subresources
 *   before they reach the route, but logs a violation per inline style and parses slower.)
 * The COOP/COEP pair makes the page cross-origin isolated, which gives `performance.now()`
 * 5 µs resolution instead of 100 µs; that needs a secure context, hence https.
 */
export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "script-src 'none'; object-src 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/**
 * By default every page is served from this one origin (the route answers; nothing is
 * fetched), so all pages share one renderer process. That saves a process swap (about
 * 0.4 s) per page and, more importantly, lets both tools' code warm up across pages: in a
 * fresh process one warm-up run is far from enough (Readability's median of the next five
 * runs is 1.5-2x its steady state), so the per-page medians would measure JIT tiering as
 * much as the page. `ownOrigin` serves each page on its own site instead, for figures that
 * include that start-up cost.
 */
const SHARED_ORIGIN = 'https://fakehost';

/** Where a page is served: the path and query of its URL (or of `fallback`), on the shared origin or its own (over https). */
export function servedUrl(url: string | null | undefined, fallback: string, ownOrigin = false): string {
  for (const candidate of [url, fallback]) {
    if (!candidate) continue;
    try {
      const parsed = new URL(candidate);
      const origin =
        ownOrigin && /^https?:$/.test(parsed.protocol) ? `https://${parsed.host}` : SHARED_ORIGIN;
      return new URL(parsed.pathname + parsed.search, origin).href;
    } catch {
      // Not a URL: try the fallback.
    }
  }
  return `${SHARED_ORIGIN}/`;
}

export interface OfflinePage {
  readonly page: Page;
  /** Shows `html` as the document at `url` and waits for its load event. */
  load(url: string, html: string, timeoutMs: number): Promise<void>;
  /** Evaluates script sources (bundles) in the page's main world, in order. */
  inject(...sources: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function openOfflinePage(context: BrowserContext): Promise<OfflinePage> {
  const page = await context.newPage();
  let pending: string | null = null;
  await page.route('**/*', async (route) => {
    const request = route.request();
    try {
      if (pending !== null && request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        const body = pending;
        pending = null;
        await route.fulfill({ status: 200, headers: PAGE_HEADERS, body });
      } else if (request.isNavigationRequest()) {
        // Meta refreshes and frames: 204 leaves the current document in place, where an
        // abort would replace it with Chrome's error page.
        await route.fulfill({ status: 204 });
      } else {
        await route.abort();
      }
    } catch {
      // The page closed or navigated away while the request was pending.
    }
  });
  return {
    page,
    async load(url, html, timeoutMs) {
      pending = html;
      try {
        await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
        // Unconsumed means no request reached the route, so the old document is still showing.
        if (pending !== null) throw new Error('the page was not requested');
      } finally {
        pending = null;
      }
      if (page.url() !== url) throw new Error(`page ended up at ${page.url()}`);
    },
    async inject(...sources) {
      // One string, so Playwright evaluates it as a script instead of calling it, and one
      // round trip for all of them.
      await page.evaluate(sources.join(';\n'));
    },
    async close() {
      await page.close().catch(() => undefined);
    },
  };
}
