/**
 * The extraction batch run inside a real browser instead of Node: `npm run eval -- DIR --browser
 * chromium|firefox`. Each page is served from 127.0.0.1 with its scripts blocked (the DOM is the
 * parser's, as in Node and in the bench), the extractor's bundle is evaluated in it, and the result
 * has the same shape as `npm run extract -- --batch`. The Node figures are the browsers' only as
 * far as linkedom builds the DOM a browser builds, and Chrome and Firefox must read pages alike:
 * this shows both on the corpus.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH, QUIET_CHROMIUM_FLAGS } from '../../tests/e2e/chromium';
import { PAGE_HEADERS } from '../bench/browser';
import { extractorBundle } from '../bench/bundle';
import { type BatchCase, type BatchResult, caseUrl, emptyResult } from '../extract';
import { readHtmlFile } from './load-page';

export const BROWSERS = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

const FIREFOX_PATH = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const LOAD_TIMEOUT_MS = 20_000;

/** What the batch needs of a Playwright or Puppeteer page: both spell these alike. */
interface DriverPage {
  goto(url: string, options: { waitUntil: 'domcontentloaded'; timeout: number }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
}

interface Driver {
  page: DriverPage;
  close(): Promise<void>;
}

async function launch(name: BrowserName): Promise<Driver> {
  if (name === 'chromium') {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      // Requests to other hosts fail at once: there is no network, and no name is looked up. Not the
      // bench's launcher: its rule maps 127.0.0.1 nowhere too (tried: every page failed to load).
      args: [...QUIET_CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    return { page: await browser.newPage(), close: () => browser.close() };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Every request that is not for 127.0.0.1 goes to a proxy that is not there, and fails at once.
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  return { page: (await browser.newPage()) as unknown as DriverPage, close: () => browser.close() };
}

/**
 * Serves the page being extracted at any path, once, with the bench's headers: its own scripts never
 * run, and it is cross-origin isolated (127.0.0.1 is a secure context), for `ms` in fine steps (Firefox
 * otherwise rounds `performance.now()` to the millisecond). Later navigations (frames, a meta refresh) get
 * 204, which leaves the current document in place, and everything else 404.
 */
async function startPageServer(): Promise<{
  origin: string;
  show(html: string): void;
  close(): Promise<void>;
}> {
  let current: string | null = null;
  const server = createServer((request, response) => {
    if (!request.headers.accept?.includes('text/html')) response.writeHead(404).end();
    else if (current === null) response.writeHead(204).end();
    else {
      response.writeHead(200, PAGE_HEADERS).end(current);
      current = null;
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    show: (html) => (current = html),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Navigates to `url` and waits until its document is parsed. Polled, not left to the driver's
 * `waitUntil`: Firefox over WebDriver BiDi sometimes never reports the DOMContentLoaded of a page
 * that did load (2 of the first 75 fundus-dev pages, each then waiting out the timeout).
 */
async function open(page: DriverPage, url: string): Promise<void> {
  const navigation = page
    .goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS })
    .catch(() => undefined);
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  while (Date.now() < deadline) {
    // Throws while the old document is being replaced.
    const state = await page.evaluate('location.href + " " + document.readyState').catch(() => '');
    if (state === `${url} interactive` || state === `${url} complete`) return;
    await sleep(25);
  }
  await navigation;
  throw new Error(`${url} did not load in ${LOAD_TIMEOUT_MS / 1000} s`);
}

/** Runs in the page: the extraction of the case's URL, timed as the Node batch times it. */
const inPage = (url: string): string =>
  `(() => { const start = performance.now();
  const page = globalThis.backstoryExtract.extractPage(document, ${JSON.stringify(url)}, { extractNonArticles: true });
  const ms = Math.round((performance.now() - start) * 1000) / 1000;
  return JSON.stringify({ isArticle: page.isArticle, headline: page.headline, publishedAt: page.publishedAt,
    related: page.related, ms }); })()`;

/** As `runBatch` in scripts/extract.ts, in a browser: every case gives one result, in input order. */
export async function runBatchInBrowser(
  casesFile: string,
  name: BrowserName,
  emit: (r: BatchResult) => void,
): Promise<void> {
  const baseDir = dirname(resolve(casesFile));
  const lines = (await readFile(casesFile, 'utf8')).split('\n');
  const bundle = await extractorBundle();
  const server = await startPageServer();
  let driver = await launch(name);
  try {
    for (const [index, line] of lines.entries()) {
      if (!line.trim()) continue;
      const result = emptyResult(`line ${index + 1}`);
      // A case that failed in the browser is tried once more in a new one: a load that timed out once
      // (1 of the 557 dev pages, in one run of several) was enough to change a set's figures.
      for (let attempt = 0; attempt < 2; attempt++) {
        let inBrowser = false;
        try {
          const c = JSON.parse(line) as BatchCase;
          result.id = c.id;
          if (typeof c.html_file !== 'string') throw new Error('case has no html_file');
          server.show(await readHtmlFile(resolve(baseDir, c.html_file)));
          // The page's own path, so that the document's address looks like the page's, and the case's
          // line and attempt, so that it differs from the last one's (cases without a URL share one).
          const url = caseUrl(c);
          const path = URL.canParse(url) ? new URL(url).pathname : '/';
          inBrowser = true;
          await open(driver.page, `${server.origin}${path}?case=${index + 1}.${attempt}`);
          await driver.page.evaluate(bundle);
          Object.assign(result, JSON.parse(String(await driver.page.evaluate(inPage(url)))), { error: null });
          break;
        } catch (error) {
          result.error = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'error';
          // A case that never reached the browser (bad JSON, a missing file) fails alike every time.
          if (!inBrowser) break;
          // A page that hung or crashed the tab may leave it unusable: a new browser for what follows.
          await driver.close().catch(() => undefined);
          driver = await launch(name);
        }
      }
      emit(result);
    }
  } finally {
    await driver.close().catch(() => undefined);
    await server.close();
  }
}
