/**
 * The store end to end in Chromium: the MV3 service worker can be stopped at any time, including while
 * reports are being written, and every report the extension acknowledged must still be there afterwards,
 * once; and the toolbar badge counts the tab's earlier coverage.
 *
 * Only the data contract of the UI is used (the `backstory-overlay` host, which the content script mounts
 * only after the background acknowledged its report, and `[data-testid="timeline-item"]`); everything else
 * is read through the message protocol from an extension page.
 *
 * Needs `npm run build` first.
 */
import { resolve } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser } from 'puppeteer-core';
import { BROWSING_ORDER, FRONT_PAGE, SEED_ARTICLE } from '../demo-site';
import { type SiteServer, startSiteServer } from '../site-server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';

/** The few extension APIs the test calls inside the browser (the project has no @types/chrome). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(query: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

const BUILD = resolve('.output/chrome-mv3');
const ACK_TIMEOUT_MS = 10_000;

let site: SiteServer;
let ext: ExtensionBrowser;
/** An extension page, to talk to the background as the popup does. */
let control: Page;
let cdp: CDPSession;

/**
 * One synthetic story on the demo site's origin, served by the test: a harbour strike covered in sixteen
 * articles, each listing the three before it (the first two list older, unvisited coverage), so every
 * one has earlier coverage and the overlay appears once its report is stored.
 */
const STORY = [
  'dockers walk out over pay',
  'strike enters second day as ships queue',
  'port authority calls strike unlawful',
  'union rejects first pay offer',
  'container ships diverted to rival ports',
  'shortages hit local shops',
  'talks collapse after six hours',
  'regional government offers mediation',
  'dockers march through the old town',
  'port authority raises pay offer',
  'strike enters second week',
  'union ballot on revised offer',
  'dockers reject revised offer',
  'exporters warn of lost contracts',
  'mediator named in harbour dispute',
  'deal reached, dockers return to work',
];
const startMs = Date.UTC(2025, 2, 1, 9);
const genPath = (i: number) => `/gen/qelmarine-${i}.html`;
const headline = (i: number) => `Qelmarine harbour strike: ${STORY[i]}`;
const publishedAt = (i: number) => new Date(startMs + i * 6 * 3600e3).toISOString().replace('.000', '');

function genArticle(i: number): string {
  const related =
    i < 2
      ? [-2, -1].map((k) => ({
          path: `/gen/qelmarine-old${k}.html`,
          title: `Qelmarine harbour row ${-k}`,
          k,
        }))
      : [i - 1, i - 2, i - 3].map((k) => ({ path: genPath(k), title: headline(k), k }));
  const items = related
    .map(
      (r) =>
        `<li><a href="${r.path}">${r.title}</a> <time datetime="${publishedAt(r.k)}">earlier</time></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8" />
<title>${headline(i)}</title>
<meta property="og:type" content="article" />
<meta property="og:title" content="${headline(i)}" />
<meta property="og:site_name" content="Harbour Gazette" />
<meta property="article:published_time" content="${publishedAt(i)}" />
</head><body>
<header class="masthead"><a href="/">Harbour Gazette</a></header>
<main><article>
<h1>${headline(i)}</h1>
<p><time datetime="${publishedAt(i)}">${publishedAt(i)}</time></p>
<p>Dockers at the Qelmarine harbour voted again on Tuesday in the dispute with the port authority, which has left container ships waiting offshore and local businesses short of imported goods.</p>
<p>Union leaders said any offer had to keep pace with inflation, and that the stoppage would continue until the authority returned to the table with an improved proposal for every grade of worker.</p>
<p>The port authority said it regretted the decision and warned that the dispute risked pushing shipping lines towards rival harbours along the coast for good.</p>
<p>The regional government said it was ready to mediate if both sides agreed, and called on them to settle before the busy spring season.</p>
</article>
<section class="related"><h2>Related</h2><ul>
${items}
</ul></section></main></body></html>`;
}

interface Reply<T> {
  ok: boolean;
  value: T;
  error?: string;
}

/** One protocol message from the extension page, as the popup sends it. */
async function message<T>(type: string, data: object = {}): Promise<T> {
  const reply = (await control.evaluate(
    ([t, d]) => chrome.runtime.sendMessage({ backstory: 1, type: t, data: d }),
    [type, data] as const,
  )) as Reply<T>;
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no reply'}`);
  return reply.value;
}

/** Waits for the overlay: the background's reply to the page's report came back. */
async function acknowledged(page: Page, timeout = ACK_TIMEOUT_MS): Promise<boolean> {
  try {
    await page.locator('backstory-overlay').waitFor({ state: 'attached', timeout });
    return true;
  } catch {
    return false;
  }
}

async function read(page: Page, path: string): Promise<void> {
  await page.goto(site.origin + path);
  expect(await acknowledged(page), `the report of ${path} was acknowledged`).toBe(true);
}

/**
 * Stops every service worker and waits until ours is really gone: DevTools reports its version stopped,
 * or Playwright sees its target close (whichever this Chromium tells first).
 */
async function stopWorker(): Promise<void> {
  const ours = `chrome-extension://${ext.extensionId}/`;
  let onUpdate: (event: { versions: { scriptURL: string; runningStatus: string }[] }) => void = () =>
    undefined;
  const stopped = new Promise<void>((done) => {
    onUpdate = ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(ours) && v.runningStatus === 'stopped')) done();
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
    for (const w of ext.context.serviceWorkers()) w.once('close', () => done());
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error('the service worker did not stop')), 10_000);
  });
  try {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, timeout]);
  } finally {
    clearTimeout(timer);
    cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
  }
}

/** The running service worker, woken by a message when it is stopped. */
async function liveWorker(): Promise<Worker> {
  const running = ext.context.serviceWorkers()[0];
  if (running) return running;
  const started = ext.context.waitForEvent('serviceworker');
  await message('getStats');
  return ext.context.serviceWorkers()[0] ?? (await started);
}

interface ExportedArticle {
  url: string;
  headline: string;
  visited: 0 | 1;
  visitCount: number;
}

describe('the store in Chromium', () => {
  beforeAll(async () => {
    site = await startSiteServer();
    ext = await launchWithExtension(BUILD);
    await ext.context.route(`${site.origin}/gen/*`, async (route) => {
      const match = /qelmarine-(\d+)\.html$/.exec(new URL(route.request().url()).pathname);
      if (!match) return route.fulfill({ status: 404, body: 'not here' });
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: genArticle(Number(match[1])) });
    });
    control = await ext.context.newPage();
    await control.goto(
      `chrome-extension://${ext.extensionId}/popup.html?url=${encodeURIComponent(site.origin + FRONT_PAGE)}`,
    );
    cdp = await ext.context.newCDPSession(control);
    await cdp.send('ServiceWorker.enable');
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('keeps every acknowledged report when the service worker is stopped, even mid-write', async () => {
    const acked: string[] = [];
    const page = await ext.context.newPage();
    for (const path of BROWSING_ORDER) {
      await read(page, path);
      acked.push(path);
    }

    // Stopped between reports: the next report wakes it.
    await stopWorker();
    for (const i of [0, 1, 2, 3]) {
      await read(page, genPath(i));
      acked.push(genPath(i));
    }

    // Stopped while eight tabs report at once: as soon as the first reply arrives (the others are then
    // being written or queued), and again shortly after. A report cut off is not acknowledged (its tab
    // shows no overlay); every one that is must be stored.
    const batch = [4, 5, 6, 7, 8, 9, 10, 11];
    const tabs = await Promise.all(batch.map(() => ext.context.newPage()));
    const loads = tabs.map((tab, n) => tab.goto(site.origin + genPath(batch[n]!)).catch(() => undefined));
    await Promise.race(tabs.map((tab) => acknowledged(tab, ACK_TIMEOUT_MS * 2)));
    await stopWorker();
    await new Promise((r) => setTimeout(r, 150));
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.all(loads);
    const inFlight = await Promise.all(tabs.map((tab) => acknowledged(tab, 3_000)));
    batch.forEach((i, n) => inFlight[n] && acked.push(genPath(i)));
    await Promise.all(tabs.map((tab) => tab.close()));

    // And the reader goes on: the worker wakes for the next reports.
    for (const i of [12, 13, 14, 15]) {
      await read(page, genPath(i));
      acked.push(genPath(i));
    }
    await page.close();

    const { json } = await message<{ json: string }>('exportData');
    const articles = (JSON.parse(json) as { articles: ExportedArticle[] }).articles;
    const stats = await message<{ articles: number; storage: { mode: string } }>('getStats');
    expect(stats.storage.mode).toBe('persistent');
    expect(stats.articles).toBe(articles.length);
    const byUrl = new Map(articles.map((a) => [a.url, a]));
    for (const path of acked) {
      const stored = byUrl.get(site.origin + path);
      expect(stored, `${path} is stored`).toBeDefined();
      expect(stored?.visited, `${path} is stored as read`).toBe(1);
    }
    // No duplicate: one record per page, and per headline among the pages read.
    expect(byUrl.size).toBe(articles.length);
    const visitedHeadlines = articles.filter((a) => a.visited).map((a) => a.headline);
    expect(new Set(visitedHeadlines).size).toBe(visitedHeadlines.length);
    // Each page was opened once; a report retried after a stop would count twice.
    expect(articles.filter((a) => a.visitCount > 1).map((a) => a.url)).toEqual([]);
    const timeline = await message<{ status: string }>('getTimeline', { url: site.origin + genPath(15) });
    expect(timeline.status).toBe('ok');
    console.info(`store e2e: ${batch.filter((_, n) => inFlight[n]).length}/8 in-flight reports acknowledged`);
  });

  it('shows the number of earlier reports on the toolbar badge of the article’s tab, and none on the front page', async () => {
    const page = await ext.context.newPage();
    await read(page, SEED_ARTICLE);
    const view = await message<{ status: string; timeline: { earlier: unknown[] } }>('getTimeline', {
      url: site.origin + SEED_ARTICLE,
    });
    const earlier = view.timeline.earlier.length;
    expect(earlier).toBeGreaterThan(0);

    // The badge is set per tab; `tabs.query` needs no permission for ids alone.
    const badges = async () =>
      (await liveWorker()).evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        return Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id! })));
      });
    const shown = await badges();
    expect(shown.filter((text) => text !== '')).toEqual([String(earlier)]);

    await page.goto(site.origin + FRONT_PAGE);
    await page.waitForTimeout(500);
    expect((await badges()).filter((text) => text !== '')).toEqual([]);
    await page.close();
  });

  it('shows the stored story in the popup by the contract’s items', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(
      `chrome-extension://${ext.extensionId}/popup.html?url=${encodeURIComponent(site.origin + genPath(15))}`,
    );
    const items = popup.locator('[data-testid="timeline-item"]');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(3);
    await popup.close();
  });
});

/**
 * Firefox with IndexedDB unavailable to the extension: the background must fall back to memory, keep
 * recording, and say so. Firefox 153 has no switch that disables IndexedDB outright
 * (`dom.indexedDB.enabled` is gone), so the profile is put in permanent private browsing with IndexedDB
 * in private browsing turned off, the closest a reader's profile gets to "IndexedDB refused".
 *
 * Skipped: in that profile no overlay ever appears (checked with Firefox ESR 153), most likely because an
 * extension installed over WebDriver BiDi is not allowed in private windows, so the content script never
 * reports; and BiDi refuses to navigate a tab to moz-extension: pages, so the background cannot be asked
 * directly. tests/unit/story-store.test.ts covers the memory fallback instead.
 */
const FIREFOX_BUILD = resolve('.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'backstory@backstory-extension.org';
const UUID = '5a1f3c2e-6b7d-4e8f-9a0b-1c2d3e4f5a6b';

describe.skip('the store in Firefox without IndexedDB', () => {
  let firefox: FirefoxBrowser | undefined;
  let server: SiteServer;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        'browser.privatebrowsing.autostart': true,
        'dom.indexedDB.privateBrowsing.enabled': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      },
    });
    await firefox.installExtension(FIREFOX_BUILD);
  });

  afterAll(async () => {
    const child = firefox?.process();
    await firefox?.close().catch(() => child?.kill('SIGKILL'));
    await server?.close();
  });

  it('records from memory and says so', async () => {
    const tab = await firefox!.newPage();
    // The second page lists the first: its overlay means both reports were stored.
    for (const path of BROWSING_ORDER.slice(0, 2))
      await tab.goto(server.origin + path, { waitUntil: 'load' });
    await tab.waitForFunction(() => !!document.querySelector('backstory-overlay'), { timeout: 15_000 });
    // BiDi may not navigate to moz-extension: URLs, so the extension page is opened the reader's way.
    await tab.locator('backstory-overlay >>> [data-action="open-timeline"]').click();
    let control: Awaited<ReturnType<FirefoxBrowser['newPage']>> | undefined;
    for (let tries = 0; !control && tries < 50; tries++) {
      for (const candidate of await firefox!.pages()) {
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`moz-extension://${UUID}/`)) control = candidate;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const reply = (await control!.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
        backstory: 1,
        type: 'getStats',
        data: {},
      }),
    )) as Reply<{ articles: number; storage: { mode: string } }>;
    expect(reply.value.articles).toBeGreaterThan(1);
    expect(reply.value.storage.mode).toBe('memory');
  });
});
