/**
 * The reader's view in Firefox: the overlay expands, is dismissed, follows a single-page site and
 * turns a site off; the settings page (reached through the full-timeline tab's moz-extension://
 * origin) turns it back on. Needs `npm run build:firefox` first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BROWSING_ORDER, SEED_ARTICLE, SEED_HEADLINE, SEED_TIMELINE } from '../demo-site';
import { type SiteServer, startSiteServer } from '../site-server';
import { SPA_FIRST, SPA_SECOND, SPA_SECOND_HEADLINE } from './ui-helpers';

const EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
const WAIT = { timeout: 15_000, polling: 100 };

let server: SiteServer;
let browser: Browser;
let page: Page;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Runs in the page: what the overlay's shadow root holds. */
function overlayState() {
  const root = document.querySelector('backstory-overlay')?.shadowRoot;
  if (!root) return null;
  return {
    label: root.querySelector('[data-action="expand"]')?.textContent ?? '',
    expanded: root.querySelector('[data-action="expand"]')?.getAttribute('aria-expanded') ?? null,
    items: [...root.querySelectorAll('[data-testid="timeline-item"]')].map((li) => ({
      relation: li.getAttribute('data-relation'),
      current: li.getAttribute('data-current'),
      headline: li.querySelector('.headline')?.textContent ?? '',
    })),
    text: root.textContent ?? '',
  };
}

async function waitForOverlay(target: Page): Promise<void> {
  await target.waitForFunction(
    () =>
      !!document
        .querySelector('backstory-overlay')
        ?.shadowRoot?.querySelector('[data-action="open-timeline"]'),
    WAIT,
  );
}

async function click(target: Page, action: string): Promise<void> {
  await target.locator(`backstory-overlay >>> [data-action="${action}"]`).click();
}

beforeAll(async () => {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No Firefox build in ${EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  server = await startSiteServer();
  // The viewport is set at launch, where Puppeteer tolerates what the browser lacks: Firefox 140.12 ESR
  // knows no emulation.setScreenOrientationOverride, which page.setViewport also sends, and rejects.
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
  });
  await browser.installExtension(EXTENSION_DIR);
  page = await browser.newPage();
  for (const path of BROWSING_ORDER) {
    await page.goto(server.origin + path, { waitUntil: 'load' });
    await waitForOverlay(page);
  }
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

describe('Backstory’s reader view in Firefox', () => {
  it('expands the pill into the story’s timeline', async () => {
    expect((await page.evaluate(overlayState))?.label).toMatch(/^Backstory · \d+ earlier reports? since/);
    await click(page, 'expand');
    await page.waitForFunction(
      (n) =>
        (document
          .querySelector('backstory-overlay')
          ?.shadowRoot?.querySelectorAll('[data-testid="timeline-item"]').length ?? 0) >= n,
      WAIT,
      SEED_TIMELINE.length + 1,
    );
    const state = await page.evaluate(overlayState);
    expect(state?.expanded).toBe('true');
    expect(state?.items).toHaveLength(SEED_TIMELINE.length + 1);
    expect(state?.items.filter((i) => i.current === 'true').map((i) => i.headline)).toEqual([SEED_HEADLINE]);
    expect(state?.items.every((i) => i.relation === 'story' || i.relation === 'theme')).toBe(true);
  });

  it('is dismissed for the page', async () => {
    await click(page, 'dismiss');
    await page.waitForFunction(() => !document.querySelector('backstory-overlay'), WAIT);
    expect(await page.$('backstory-mark')).toBeNull();
  });

  it('follows a single-page site’s navigation', async () => {
    await page.goto(server.origin + SPA_FIRST, { waitUntil: 'load' });
    await sleep(1500);
    expect(await page.$('backstory-overlay')).toBeNull();
    await page.locator('a[data-spa]').click();
    // Firefox ESR has no Navigation API: WXT notices the new URL by polling once a second.
    await waitForOverlay(page);
    expect(await page.evaluate(() => location.pathname)).toBe(SPA_SECOND);
    await click(page, 'expand');
    await page.waitForFunction(
      () => !!document.querySelector('backstory-overlay')?.shadowRoot?.querySelector('[data-current="true"]'),
      WAIT,
    );
    const state = await page.evaluate(overlayState);
    expect(state?.items.find((i) => i.current === 'true')?.headline).toBe(SPA_SECOND_HEADLINE);
    // history.back(), not page.goBack(): Firefox 140.12's BiDi reports no navigation for a
    // same-document step back, and goBack waits for one until it times out.
    await page.evaluate(() => history.back());
    await page.waitForFunction(() => !document.querySelector('backstory-overlay'), WAIT);
  });

  it('turns a site off from the overlay, and the settings page turns it back on', async () => {
    // Extension pages are only reachable through a tab the extension opens: the settings page
    // lives at the origin of the full-timeline tab the overlay opens.
    const settings = await openTimelineTab();
    await page.bringToFront();
    await page.goto(server.origin + SEED_ARTICLE, { waitUntil: 'load' });
    await waitForOverlay(page);
    await click(page, 'expand');
    await click(page, 'disable-site');
    await page.waitForFunction(
      () =>
        /now off on 127\.0\.0\.1/.test(
          document.querySelector('backstory-overlay')?.shadowRoot?.textContent ?? '',
        ),
      WAIT,
    );
    await page.reload({ waitUntil: 'load' });
    await sleep(1500);
    expect(await page.$('backstory-overlay')).toBeNull();

    // WebDriver BiDi may not navigate to moz-extension:// itself, but our own page may.
    await settings.bringToFront();
    await settings.evaluate(() => location.assign('/options.html'));
    const turnOn = 'button[aria-label="Turn back on for 127.0.0.1"]';
    await settings.waitForSelector(turnOn, { timeout: 15_000 });
    await settings.click(turnOn);
    // Not waitForFunction: in an extension page Firefox's CSP blocks the Function() it builds.
    await settings.waitForSelector(turnOn, { hidden: true, timeout: WAIT.timeout });
    await settings.close();
    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    await waitForOverlay(page);
  });
});

/** The full-timeline tab the overlay opens: an extension page of ours. */
async function openTimelineTab(): Promise<Page> {
  const probe = await browser.newPage();
  try {
    await probe.goto(server.origin + BROWSING_ORDER[1], { waitUntil: 'load' });
    await waitForOverlay(probe);
    await click(probe, 'open-timeline');
    for (let i = 0; i < 75; i++) {
      for (const candidate of await browser.pages()) {
        const href = await candidate.evaluate(() => location.href).catch(() => '');
        if (href.startsWith('moz-extension://') && href.includes('timeline.html')) return candidate;
      }
      await sleep(200);
    }
    throw new Error('No full-timeline tab opened');
  } finally {
    await probe.close();
  }
}
