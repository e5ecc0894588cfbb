/**
 * End to end in Firefox: the built MV2 extension is installed over WebDriver BiDi, a reader
 * browses the demo site, and the timeline tab the in-page pill opens must list the seed
 * article's earlier coverage, newest first.
 *
 * Needs `npx wxt build -b firefox` first (npm test builds it) and /usr/bin/firefox-esr.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSING_ORDER, FRONT_PAGE, SEED_ARTICLE, SEED_HEADLINE, SEED_TIMELINE } from '../demo-site';
import { startSiteServer, type SiteServer } from '../site-server';
import { DATE_CASES, datesBundle, parseInPage } from './date-parsing';

const EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const OVERLAY_TIMEOUT_MS = 15_000;
const NO_OVERLAY_WAIT_MS = 1_500;
const TAB_TIMEOUT_MS = 15_000;
const OPEN_BUTTON = '[data-action="open-timeline"]';

interface TimelineItem {
  headline: string;
  href: string;
  current: string | null;
  relation: string | null;
  relative: string | null;
}

let server: SiteServer | undefined;
let browser: Browser | undefined;
let page: Page;
/** Console output and page errors of every page, shown when a wait times out. */
const logs: string[] = [];

function watch(target: Page, label: string): void {
  target.on('console', (message) => logs.push(`[${label}] ${message.type()}: ${message.text()}`));
  target.on('pageerror', (error) => logs.push(`[${label}] pageerror: ${String(error)}`));
}

function withLogs(error: unknown, what: string): Error {
  const reason = error instanceof Error ? error.message : String(error);
  const output = logs.length ? logs.join('\n') : '(no console output)';
  return new Error(`${what}: ${reason}\nPage console:\n${output}`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitForOverlay(target: Page, path: string): Promise<void> {
  try {
    await target.waitForFunction(
      (selector) => !!document.querySelector('backstory-overlay')?.shadowRoot?.querySelector(selector),
      { timeout: OVERLAY_TIMEOUT_MS, polling: 100 },
      OPEN_BUTTON,
    );
  } catch (error) {
    throw withLogs(error, `No Backstory overlay on ${path}`);
  }
}

async function hrefOf(candidate: Page): Promise<string | null> {
  try {
    return await candidate.evaluate(() => location.href);
  } catch {
    // A page that is closing or still navigating cannot be evaluated yet.
    return null;
  }
}

/** BiDi reports extension tabs as about:blank, so ask each page where it really is. */
async function findTimelineTab(owner: Browser): Promise<{ tab: Page; href: string }> {
  const deadline = Date.now() + TAB_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const candidate of await owner.pages()) {
      if (candidate === page) continue;
      const href = await hrefOf(candidate);
      if (href?.startsWith('moz-extension://') && href.includes('timeline.html')) {
        return { tab: candidate, href };
      }
    }
    await sleep(200);
  }
  throw withLogs(
    new Error(`none after ${TAB_TIMEOUT_MS} ms`),
    'No moz-extension://…/timeline.html tab opened',
  );
}

beforeAll(async () => {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No Firefox build in ${EXTENSION_DIR}: run \`npx wxt build -b firefox\` first.`);
  }
  server = await startSiteServer();
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  await browser.installExtension(EXTENSION_DIR);
  page = await browser.newPage();
  watch(page, 'site');
});

afterAll(async () => {
  try {
    if (browser) {
      const child = browser.process();
      await browser.close().catch(() => child?.kill('SIGKILL'));
    }
  } finally {
    await server?.close();
  }
});

describe('Backstory in Firefox', () => {
  it('parses the seed’s date formats to the same instants as Node', async () => {
    if (!server) throw new Error('beforeAll did not finish');
    await page.goto(server.origin + FRONT_PAGE, { waitUntil: 'load' });
    await page.addScriptTag({ content: await datesBundle() });
    const inputs = DATE_CASES.map(([input]) => input);
    expect(await page.evaluate(parseInPage, inputs)).toEqual(DATE_CASES.map(([, expected]) => expected));
  });

  it('stores each article read and opens the seed timeline from the in-page pill', async () => {
    if (!server || !browser) throw new Error('beforeAll did not finish');
    const { origin } = server;

    await page.goto(origin + FRONT_PAGE, { waitUntil: 'load' });
    await sleep(NO_OVERLAY_WAIT_MS);
    expect(await page.$('backstory-overlay'), 'overlay on the front page').toBeNull();

    for (const path of BROWSING_ORDER) {
      await page.goto(origin + path, { waitUntil: 'load' });
      await waitForOverlay(page, path);
    }
    expect(await page.evaluate(() => location.pathname)).toBe(SEED_ARTICLE);

    await page.locator(`backstory-overlay >>> ${OPEN_BUTTON}`).click();

    const { tab, href } = await findTimelineTab(browser);
    watch(tab, 'timeline');
    expect(new URL(href).searchParams.get('url')).toBe(origin + SEED_ARTICLE);

    try {
      await tab.waitForSelector('section[data-state]', { timeout: TAB_TIMEOUT_MS });
    } catch (error) {
      throw withLogs(error, 'The timeline tab never rendered');
    }
    const state = await tab.$eval('section[data-state]', (section) => ({
      state: section.getAttribute('data-state'),
      text: section.textContent ?? '',
    }));
    expect(state.state, state.text).toBe('timeline');

    const all: TimelineItem[] = await tab.$$eval('[data-testid="timeline-item"]', (lis) =>
      lis.map((li) => {
        const link = li.querySelector<HTMLAnchorElement>('a');
        return {
          headline: link?.textContent?.trim() ?? '',
          href: link?.href ?? '',
          current: li.getAttribute('data-current'),
          relation: li.getAttribute('data-relation'),
          relative: li.querySelector('.relative')?.textContent?.trim() ?? null,
        };
      }),
    );
    // Each listed item appears once, in the story (newest first) or in its theme.
    expect(all.map((item) => item.headline).sort()).toEqual([SEED_HEADLINE, ...SEED_TIMELINE].sort());
    const items = all.filter((item) => item.relation === 'story');
    const story = items.map((item) => item.headline);
    expect(story).toEqual([SEED_HEADLINE, ...SEED_TIMELINE].filter((h) => story.includes(h)));
    expect(items[0]?.current).toBe('true');
    expect(items.slice(1).filter((item) => item.current !== null)).toEqual([]);
    for (const item of items) {
      expect(item.href, item.headline).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(item.href.startsWith(`${origin}/`), `${item.href} is on the demo site`).toBe(true);
    }
    expect(items[0]?.href).toBe(origin + SEED_ARTICLE);
    expect(items[0]?.relative ?? '').not.toContain('earlier');
    for (const item of items.slice(1)) {
      expect(item.relative, `relative time of "${item.headline}"`).toContain('earlier');
    }
  });
});
