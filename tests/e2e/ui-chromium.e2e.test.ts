/**
 * The reader's view in Chromium: the overlay on the demo site (expand, dismiss, turn off a site,
 * single-page navigation), the host page's styles, accessibility of every view, and that no
 * extension context talks to anything but the test server.
 */
import { resolve } from 'node:path';
import { type Page, chromium } from 'playwright-core';
import { BROWSING_ORDER, FRONT_PAGE, SEED_ARTICLE, SEED_HEADLINE, SEED_TIMELINE } from '../demo-site';
import { type SiteServer, startSiteServer } from '../site-server';
import { CHROMIUM_PATH, type ExtensionBrowser, launchWithExtension } from './chromium';
import {
  type AxeFinding,
  SPA_FIRST,
  SPA_SECOND,
  SPA_SECOND_HEADLINE,
  axeSource,
  blockPositions,
  pageStyles,
  runAxe,
} from './ui-helpers';

const BUILD = resolve('.output/chrome-mv3');
const OVERLAY = 'backstory-overlay';
const VIEWPORT = { width: 1280, height: 900 };

let site: SiteServer;
let ext: ExtensionBrowser;
let page: Page;
let axe: string;
/** Every URL any page, frame or the service worker asked for. */
const requests: string[] = [];

function extensionPage(path: string): string {
  return `chrome-extension://${ext.extensionId}/${path}`;
}

async function scan(target: Page, within: string | null = null): Promise<AxeFinding[]> {
  // The panel fades in (120 ms): a scan mid-fade reads its text as faint, and fails on contrast.
  await target.evaluate(async (host) => {
    const shadow = host ? document.querySelector(host)?.shadowRoot : null;
    const running = [...document.getAnimations(), ...(shadow?.getAnimations() ?? [])];
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  }, within);
  await target.evaluate(axe);
  return target.evaluate(runAxe, within);
}

async function overlayShown(target: Page): Promise<void> {
  await target.locator(`${OVERLAY} [data-action="open-timeline"]`).waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  axe = await axeSource();
  site = await startSiteServer();
  ext = await launchWithExtension(BUILD);
  ext.context.on('request', (request) => requests.push(request.url()));
  page = await ext.context.newPage();
  await page.setViewportSize(VIEWPORT);
  for (const path of BROWSING_ORDER) {
    await page.goto(site.origin + path);
    await overlayShown(page);
  }
});

afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('Backstory’s reader view in Chromium', () => {
  it('puts the pill beside the headline, out of the article’s way', async () => {
    await page.goto(site.origin + SEED_ARTICLE);
    await overlayShown(page);
    const pill = await page.locator(`${OVERLAY} .pill`).boundingBox();
    const headline = await page.locator('h1').boundingBox();
    const column = await page.locator('main').boundingBox();
    expect(pill && headline && column).toBeTruthy();
    if (!pill || !headline || !column) return;
    expect(pill.x).toBeGreaterThanOrEqual(column.x + column.width);
    expect(Math.abs(pill.y - headline.y)).toBeLessThan(4);
    expect(await page.locator(`${OVERLAY} [data-action="expand"]`).textContent()).toMatch(
      /^Backstory · \d+ earlier reports since .*9/,
    );
    expect(await page.evaluate((tag) => !!document.querySelector(tag)?.shadowRoot, OVERLAY)).toBe(true);
  });

  it('expands into the story’s timeline and collapses again', async () => {
    const toggle = page.locator(`${OVERLAY} [data-action="expand"]`);
    await toggle.click();
    const items = page.locator(`${OVERLAY} [data-testid="timeline-item"]`);
    await expect.poll(() => items.count()).toBe(SEED_TIMELINE.length + 1);
    // Which listed item joins the story and which its theme is the story engine's call.
    const relations = await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-relation')));
    expect(relations.every((r) => r === 'story' || r === 'theme')).toBe(true);
    expect(relations[0]).toBe('story');
    expect(await page.locator(`${OVERLAY} [data-current="true"] .headline`).textContent()).toBe(
      SEED_HEADLINE,
    );
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await items.count()).toBe(0);
  });

  it('marks the page’s related links the reader has read', async () => {
    const marks = await page
      .locator('.more-on-theme a backstory-mark')
      .evaluateAll((hosts) => hosts.map((h) => h.shadowRoot?.textContent ?? ''));
    // Every page read before this one. Any other mark is on coverage this page listed first, new since the
    // reader's previous visit to the story: opened again within seconds, the page is still on the same visit.
    expect(marks.filter((text) => text.includes('read'))).toHaveLength(BROWSING_ORDER.length - 1);
    expect(marks.filter((text) => !text.includes('read')).every((text) => text.includes('new since'))).toBe(
      true,
    );
  });

  it('has no serious or critical accessibility finding in the overlay, collapsed or expanded', async () => {
    await page.goto(site.origin + SEED_ARTICLE);
    await overlayShown(page);
    expect(await scan(page, OVERLAY)).toEqual([]);
    await page.locator(`${OVERLAY} [data-action="expand"]`).click();
    await page.locator(`${OVERLAY} [data-testid="timeline-item"]`).first().waitFor();
    expect(await scan(page, OVERLAY)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await scan(page, OVERLAY)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('is dismissed for the page, and back on the next visit', async () => {
    await page.goto(site.origin + SEED_ARTICLE);
    await overlayShown(page);
    await page.locator(`${OVERLAY} [data-action="dismiss"]`).click();
    await expect.poll(() => page.locator(OVERLAY).count()).toBe(0);
    expect(await page.locator('backstory-mark').count()).toBe(0);
    await page.reload();
    await overlayShown(page);
  });

  it('leaves the host page’s styles and layout exactly as they are', async () => {
    await page.goto(site.origin + SEED_ARTICLE);
    await overlayShown(page);
    await page.locator('backstory-mark').first().waitFor();
    const withExtension = {
      styles: await page.evaluate(pageStyles),
      blocks: await page.evaluate(blockPositions),
    };

    const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
    try {
      const bare = await plain.newPage({ viewport: VIEWPORT });
      await bare.goto(site.origin + SEED_ARTICLE);
      await bare.waitForLoadState('load');
      expect(withExtension.styles).toEqual(await bare.evaluate(pageStyles));
      expect(withExtension.blocks).toEqual(await bare.evaluate(blockPositions));
    } finally {
      await plain.close();
    }
  });

  it('follows a single-page site’s navigation', async () => {
    await page.goto(site.origin + SPA_FIRST);
    // The first story has no earlier coverage: by default nothing shows.
    await page.waitForTimeout(1500);
    expect(await page.locator(OVERLAY).count()).toBe(0);
    await page.locator('a[data-spa]').click();
    expect(new URL(page.url()).pathname).toBe(SPA_SECOND);
    await overlayShown(page);
    expect(await page.locator(`${OVERLAY} [data-action="expand"]`).textContent()).toMatch(
      /1 earlier report\b/,
    );
    await page.locator(`${OVERLAY} [data-action="expand"]`).click();
    expect(await page.locator(`${OVERLAY} [data-current="true"] .headline`).textContent()).toBe(
      SPA_SECOND_HEADLINE,
    );
    expect(await page.locator('.more-on-theme a backstory-mark').count()).toBe(1);
    // Back to the first story: the second one's overlay and marks go away with it.
    await page.goBack();
    await expect.poll(() => page.locator(OVERLAY).count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('backstory-mark').count()).toBe(0);
  });

  it('has no serious or critical accessibility finding in the popup, the full timeline or the settings', async () => {
    const view = await ext.context.newPage();
    await view.setViewportSize({ width: 400, height: 600 });
    const targets = [
      `popup.html?url=${encodeURIComponent(site.origin + SEED_ARTICLE)}`,
      `popup.html?url=${encodeURIComponent(site.origin + FRONT_PAGE)}`,
      `timeline.html?url=${encodeURIComponent(site.origin + SEED_ARTICLE)}`,
      'options.html',
    ];
    for (const scheme of ['light', 'dark'] as const) {
      await view.emulateMedia({ colorScheme: scheme });
      for (const target of targets) {
        await view.goto(extensionPage(target));
        await view.locator('main[data-ready]').waitFor();
        const findings = await scan(view);
        expect({ target, scheme, findings }).toEqual({ target, scheme, findings: [] });
      }
    }
    // 400 px wide popup: nothing scrolls sideways.
    await view.goto(extensionPage(targets[0] ?? ''));
    await view.locator('main[data-ready]').waitFor();
    expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await view.close();
  });

  it('reaches every popup control with the keyboard, with a visible focus', async () => {
    const view = await ext.context.newPage();
    await view.goto(extensionPage(`popup.html?url=${encodeURIComponent(site.origin + SEED_ARTICLE)}`));
    await view.locator('main[data-ready]').waitFor();
    const focusable = await view.locator('a[href], button, input').count();
    const seen = new Set<string>();
    for (let i = 0; i < focusable; i++) {
      await view.keyboard.press('Tab');
      const state = await view.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { key: `${el.localName}:${el.textContent}`, outline: style.outlineStyle !== 'none' };
      });
      if (!state) continue;
      expect(state.outline, state.key).toBe(true);
      seen.add(state.key);
    }
    expect(seen.size).toBe(focusable);
    await view.close();
  });

  it('turns off a site from the overlay', async () => {
    await page.goto(site.origin + SEED_ARTICLE);
    await overlayShown(page);
    await page.locator(`${OVERLAY} [data-action="expand"]`).click();
    await page.locator(`${OVERLAY} [data-action="disable-site"]`).click();
    await page
      .locator(OVERLAY)
      .getByText(/Backstory is now off on 127\.0\.0\.1/)
      .waitFor();
    expect(await page.locator('backstory-mark').count()).toBe(0);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await page.locator(OVERLAY).count()).toBe(0);

    const settings = await ext.context.newPage();
    await settings.goto(extensionPage('options.html'));
    const turnOn = settings.getByRole('button', { name: 'Turn back on for 127.0.0.1' });
    await turnOn.click();
    await expect.poll(() => turnOn.count()).toBe(0);
    await settings.close();
    await page.reload();
    await overlayShown(page);
  });

  it('sends nothing to anything but the test server, from any extension context', () => {
    const allowed = (url: string) =>
      url.startsWith(site.origin + '/') ||
      // Our own packaged files (WXT loads the overlay's CSS through a dynamic extension URL).
      url.startsWith('chrome-extension://') ||
      /^(data|blob|about):/.test(url);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !allowed(url))).toEqual([]);
  });
});
