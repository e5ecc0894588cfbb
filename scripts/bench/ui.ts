/**
 * `npm run bench -- ui [--runs N] [--articles N]`: how long the popup takes from opening
 * `popup.html?url=…` to its timeline on screen (the `backstory-ready` performance mark, set in the
 * commit that first shows content), in headless Chromium with the built extension.
 *
 * Baseline: a store that holds only the demo site's story (the reader opens its five articles).
 * Then the same story among 100,000 synthetic articles (in stories of ten, linked like related
 * lists), seeded through the extension's own `importData`. Popups of the two are opened in turn; medians over the runs; last line
 * `popup_ready_ratio=<100k / baseline> popup_ready_ms_100k=…`.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { BROWSING_ORDER, SEED_ARTICLE } from '../../tests/demo-site';
import { type ExtensionBrowser, launchWithExtension } from '../../tests/e2e/chromium';
import { startSiteServer } from '../../tests/site-server';
import { median, ms, quantile, ratio } from './stats';

const BUILD = resolve('.output/chrome-mv3');
const WARMUP = 3;

interface Options {
  runs: number;
  articles: number;
}

function readOptions(args: string[]): Options {
  const value = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    const n = i >= 0 ? Number(args[i + 1]) : fallback;
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number`);
    return n;
  };
  return { runs: value('--runs', 15), articles: value('--articles', 100_000) };
}

/** Sends one protocol message from an extension page, as the popup does. */
async function send(page: Page, type: string, data: unknown): Promise<unknown> {
  const reply = (await page.evaluate(
    ({ type, data }) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        backstory: 1,
        type,
        data,
      }),
    { type, data },
  )) as { ok: boolean; value?: unknown; error?: string };
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no reply'}`);
  return reply.value;
}

const SYLLABLES = 'ka lo mi ne ru sa ti vo be da fe gu ho ji ku la mo ni po re'.split(' ');

/**
 * 100,000 plausible history records: ten-article stories on forty sites over two years. Each story
 * has its own four words (from a vocabulary of 8,000 made-up ones) plus three common words per
 * headline, so stories are about as distinct as real news and the story engine keeps them apart.
 */
function synthesize(base: Record<string, unknown[]>, count: number): string {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const word = () => [0, 1, 2].map(() => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  const common = Array.from({ length: 200 }, word);
  const start = Date.UTC(2023, 6, 1);
  const articles: unknown[] = [];
  const links: unknown[] = [];
  let storyWords: string[] = [];
  const urlOf = (story: number, i: number) => `https://site${story % 40}.example/news/${story}/${i}`;
  for (let i = 0; i < count; i++) {
    const story = Math.floor(i / 10);
    if (i % 10 === 0) storyWords = [word(), word(), word(), word()];
    const site = `site${story % 40}.example`;
    const url = urlOf(story, i);
    const publishedMs = start + story * 600_000 + (i % 10) * 3_600_000;
    const pickCommon = () => common[Math.floor(random() * common.length)] as string;
    const headline = [...storyWords, pickCommon(), pickCommon(), pickCommon()]
      .sort(() => random() - 0.5)
      .join(' ');
    const visited = i % 10 === 9 ? 1 : 0;
    articles.push({
      url,
      href: url,
      headline: headline.charAt(0).toUpperCase() + headline.slice(1),
      publishedAt: new Date(publishedMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      publishedMs,
      site,
      visited,
      visitCount: visited,
      firstSeen: publishedMs + 60_000,
      lastVisited: visited ? publishedMs + 60_000 : null,
      history: [],
      previousVisit: null,
    });
    // The story's newest article lists the other nine, as a related-coverage block would.
    if (i % 10 !== 9)
      links.push({ from: urlOf(story, story * 10 + 9), to: url, seenAt: publishedMs + 120_000 });
  }
  return JSON.stringify({
    ...base,
    articles: [...(base.articles ?? []), ...articles],
    links: [...(base.links ?? []), ...links],
  });
}

/** Opens the popup for an article once; returns the time to ready and how many entries it shows. */
async function openPopup(
  ext: ExtensionBrowser,
  articleUrl: string,
): Promise<{ ms: number; entries: number }> {
  const popup = await ext.context.newPage();
  try {
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(
      `chrome-extension://${ext.extensionId}/popup.html?url=${encodeURIComponent(articleUrl)}`,
    );
    await popup.locator('main[data-ready]').waitFor({ timeout: 60_000 });
    const state = await popup.locator('section[data-state]').getAttribute('data-state');
    if (state !== 'timeline') throw new Error(`The popup shows "${state}", not a timeline`);
    const ms = await popup.evaluate(
      () => performance.getEntriesByName('backstory-ready')[0]?.startTime ?? NaN,
    );
    return { ms, entries: await popup.getByTestId('timeline-item').count() };
  } finally {
    await popup.close();
  }
}

async function readDemoStory(ext: ExtensionBrowser, origin: string): Promise<void> {
  const reader = await ext.context.newPage();
  for (const path of BROWSING_ORDER) {
    await reader.goto(origin + path);
    await reader.locator('backstory-overlay [data-action="open-timeline"]').waitFor({ timeout: 15_000 });
  }
  await reader.close();
}

function summary(label: string, times: number[], entries: number): string {
  return (
    `${label}: median ${ms(median(times))} ms, p90 ${ms(quantile(times, 0.9))} ms over ${times.length} runs ` +
    `(${entries} timeline entries)`
  );
}

/**
 * Two browsers, one with the demo story only and one with it among the synthetic history, opened
 * in turn: the machine's other load then weighs on both sides of the ratio alike.
 */
export async function benchUi(args: string[]): Promise<void> {
  const options = readOptions(args);
  if (!existsSync(resolve(BUILD, 'manifest.json'))) {
    console.error('No build in .output/chrome-mv3: building it first.');
    if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0)
      throw new Error('wxt build failed');
  }
  const site = await startSiteServer();
  const small = await launchWithExtension(BUILD);
  const large = await launchWithExtension(BUILD);
  try {
    const seedUrl = site.origin + SEED_ARTICLE;
    await readDemoStory(small, site.origin);
    await readDemoStory(large, site.origin);

    const control = await large.context.newPage();
    await control.goto(
      `chrome-extension://${large.extensionId}/popup.html?url=${encodeURIComponent(seedUrl)}`,
    );
    const exported = (await send(control, 'exportData', {})) as { json: string };
    const big = synthesize(JSON.parse(exported.json) as Record<string, unknown[]>, options.articles);
    const started = performance.now();
    const imported = (await send(control, 'importData', { json: big })) as { articles: number };
    const stats = (await send(control, 'getStats', {})) as { articles: number; stories: number };
    console.log(
      `seeded ${imported.articles} articles (${(big.length / 1e6).toFixed(1)} MB) in ${ms(performance.now() - started)} ms: ` +
        `${stats.articles} articles in ${stats.stories} stories`,
    );
    await control.close();

    const times = { small: [] as number[], large: [] as number[] };
    const entries = { small: 0, large: 0 };
    for (let i = 0; i < WARMUP + options.runs; i++) {
      for (const [key, ext] of [
        ['small', small],
        ['large', large],
      ] as const) {
        const run = await openPopup(ext, seedUrl);
        entries[key] = run.entries;
        if (i >= WARMUP) times[key].push(run.ms);
      }
    }
    console.log(summary('demo story only', times.small, entries.small));
    console.log(summary(`among ${options.articles} more articles`, times.large, entries.large));
    console.log(
      `popup_ready_ratio=${ratio(median(times.large), median(times.small))} popup_ready_ms_100k=${ms(median(times.large))} popup_ready_ms_empty=${ms(median(times.small))}`,
    );
  } finally {
    await small.close();
    await large.close();
    await site.close();
  }
}
