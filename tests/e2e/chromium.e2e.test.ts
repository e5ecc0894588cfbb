import { resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { BROWSING_ORDER, FRONT_PAGE, SEED_ARTICLE, SEED_HEADLINE, SEED_TIMELINE } from '../demo-site';
import { type SiteServer, startSiteServer } from '../site-server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { DATE_CASES, datesBundle, parseInPage } from './date-parsing';

const BUILD = resolve('.output/chrome-mv3');

let site: SiteServer;
let ext: ExtensionBrowser;
let page: Page;

async function popupFor(url: string): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?url=${encodeURIComponent(url)}`);
  await popup.locator('section[data-state]').waitFor();
  return popup;
}

beforeAll(async () => {
  site = await startSiteServer();
  ext = await launchWithExtension(BUILD);
  page = await ext.context.newPage();
});

afterAll(async () => {
  await ext?.close();
  await site?.close();
});

describe('Backstory in Chromium', () => {
  it('parses the seed’s date formats to the same instants as Node', async () => {
    await page.goto(site.origin + FRONT_PAGE);
    await page.addScriptTag({ content: await datesBundle() });
    const inputs = DATE_CASES.map(([input]) => input);
    expect(await page.evaluate(parseInPage, inputs)).toEqual(DATE_CASES.map(([, expected]) => expected));
  });

  it('records each article of the demo site as it is read', async () => {
    for (const path of BROWSING_ORDER) {
      await page.goto(site.origin + path);
      // Every demo article lists older coverage, so the overlay proves the report was stored.
      await page.locator('backstory-overlay [data-action="open-timeline"]').waitFor({ timeout: 15_000 });
    }
  });

  it('shows the seed article’s earlier coverage, newest first, in the popup', async () => {
    const popup = await popupFor(site.origin + SEED_ARTICLE);
    const items = popup.getByTestId('timeline-item');
    await expect.poll(() => items.count()).toBe(SEED_TIMELINE.length + 1);
    expect(await popup.locator('.timeline .headline').allTextContents()).toEqual([
      SEED_HEADLINE,
      ...SEED_TIMELINE,
    ]);
    await expect.poll(() => items.first().getAttribute('data-current')).toBe('true');
    expect(await popup.locator('.summary').textContent()).toBe('20 earlier reports of this story');
    const relatives = await popup.locator('.entry:not(.current) .relative').allTextContents();
    expect(relatives).toHaveLength(SEED_TIMELINE.length);
    expect(relatives[0]).toBe('4 hours earlier');
    expect(relatives.at(-1)).toBe('4 days earlier');
    // The four earlier pages the reader opened are marked as read; the rest were only listed.
    expect(await popup.locator('.entry.visited:not(.current)').count()).toBe(BROWSING_ORDER.length - 1);
    const hrefs = await popup
      .locator('.timeline .headline')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.every((href) => href.startsWith(site.origin + '/articles/'))).toBe(true);
    await popup.close();
  });

  it('gives an earlier article only the coverage older than itself', async () => {
    const popup = await popupFor(site.origin + BROWSING_ORDER[0]);
    const headlines = await popup.locator('.timeline .headline').allTextContents();
    const own = 'North Korean Workers Facing Slavery in Russia Amid Labor Shortages';
    expect(headlines).toEqual([own, ...SEED_TIMELINE.slice(SEED_TIMELINE.indexOf(own) + 1)]);
    await popup.close();
  });

  it('does not record the front page, and the popup says so', async () => {
    await page.goto(site.origin + FRONT_PAGE);
    await page.waitForTimeout(1000);
    expect(await page.locator('backstory-overlay').count()).toBe(0);
    const popup = await popupFor(site.origin + FRONT_PAGE);
    expect(await popup.locator('section[data-state]').getAttribute('data-state')).toBe('not-article');
    await popup.close();
  });

  it('opens the full timeline in a tab from the overlay', async () => {
    await page.goto(site.origin + SEED_ARTICLE);
    const opened = ext.context.waitForEvent('page');
    await page.locator('backstory-overlay [data-action="open-timeline"]').click();
    const tab = await opened;
    await tab.locator('section[data-state="timeline"]').waitFor();
    expect(tab.url()).toBe(
      `chrome-extension://${ext.extensionId}/timeline.html?url=${encodeURIComponent(site.origin + SEED_ARTICLE)}`,
    );
    expect(await tab.getByTestId('timeline-item').count()).toBe(SEED_TIMELINE.length + 1);
    await tab.close();
  });
});
