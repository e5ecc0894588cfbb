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

  it('shows the seed article’s earlier coverage in the popup: its story newest first, the rest as its theme', async () => {
    const popup = await popupFor(site.origin + SEED_ARTICLE);
    const items = popup.getByTestId('timeline-item');
    await expect.poll(() => items.count()).toBe(SEED_TIMELINE.length + 1);
    const entries = await readEntries(popup);
    const current = entries.filter((e) => e.current);
    expect(current.map((e) => e.headline)).toEqual([SEED_HEADLINE]);
    // Every listed item is there once, in the story or in its theme; which story each belongs to is the
    // story engine's call (tests/unit covers it), so only order and completeness are checked here.
    const others = entries.filter((e) => !e.current);
    expect(others.map((e) => e.headline).sort()).toEqual([...SEED_TIMELINE].sort());
    const story = others.filter((e) => e.relation === 'story').map((e) => e.headline);
    expect(story.length).toBeGreaterThanOrEqual(SEED_TIMELINE.length / 2);
    expect(story).toEqual(SEED_TIMELINE.filter((h) => story.includes(h)));
    const relatives = others.filter((e) => e.relation === 'story').map((e) => e.relative);
    expect(relatives.every((r) => /earlier/.test(r))).toBe(true);
    expect(relatives.at(-1)).toBe('4 days earlier');
    // The four earlier pages the reader opened are marked as read; the rest were only listed.
    expect(await popup.locator('[data-testid="timeline-item"].visited:not([data-current])').count()).toBe(
      BROWSING_ORDER.length - 1,
    );
    expect(entries.every((e) => e.href.startsWith(site.origin + '/articles/'))).toBe(true);
    await popup.close();
  });

  it('gives an earlier article only the coverage older than itself', async () => {
    const popup = await popupFor(site.origin + BROWSING_ORDER[0]);
    await popup.locator('[data-current="true"]').waitFor();
    const own = 'North Korean Workers Facing Slavery in Russia Amid Labor Shortages';
    const story = (await readEntries(popup)).filter((e) => e.relation === 'story');
    // Newest first: the story's later coverage comes above the current article, the older below it.
    const at = story.findIndex((e) => e.current);
    expect(story[at]).toMatchObject({ headline: own, current: true });
    const older = SEED_TIMELINE.slice(SEED_TIMELINE.indexOf(own) + 1);
    expect(story.slice(at + 1).every((e) => older.includes(e.headline as (typeof older)[number]))).toBe(true);
    expect(story.slice(0, at).every((e) => !older.includes(e.headline as (typeof older)[number]))).toBe(true);
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
    expect(tab.url()).toMatch(`chrome-extension://${ext.extensionId}/timeline.html?`);
    expect(new URL(tab.url()).searchParams.get('url')).toBe(site.origin + SEED_ARTICLE);
    expect(await tab.getByTestId('timeline-item').count()).toBe(SEED_TIMELINE.length + 1);
    await tab.close();
  });
});

interface Entry {
  headline: string;
  href: string;
  relation: string | null;
  current: boolean;
  relative: string;
}

/** Every timeline entry, by the contract's attributes: story and theme, current marked. */
function readEntries(view: Page): Promise<Entry[]> {
  return view.getByTestId('timeline-item').evaluateAll((items) =>
    items.map((li) => {
      const link = li.querySelector('a');
      return {
        headline: link?.textContent?.trim() ?? '',
        href: link?.href ?? '',
        relation: li.getAttribute('data-relation'),
        current: li.getAttribute('data-current') === 'true',
        relative: li.querySelector('.relative')?.textContent?.trim() ?? '',
      };
    }),
  );
}
