/**
 * `npm run demo`: shows Backstory at work on the demo news site, with no setup.
 *
 * Serves "Meridian Wire" on 127.0.0.1, loads the freshly built extension into Chromium and reads
 * the site's articles like a reader would, then prints the timeline the popup shows for the last one.
 *
 * - Headless (no display, or `--headless`): also writes the README's screenshots (overlay collapsed and
 *   expanded, popup light and dark, settings) into demo-output/ (or $DEMO_OUT, e.g. `DEMO_OUT=docs`) and exits.
 * - Headed: leaves the browser open on the timeline so you can click around; Ctrl+C quits.
 *
 * Environment: DEMO_PORT (site port, default random), DEMO_OUT (screenshot folder).
 */
import { access, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { BROWSING_ORDER, FRONT_PAGE } from '../tests/demo-site';
import { type ExtensionBrowser, launchWithExtension } from '../tests/e2e/chromium';
import { type SiteServer, startSiteServer } from '../tests/site-server';

const EXTENSION_PATH = resolve('.output/chrome-mv3');
const OVERLAY_HOST = 'backstory-overlay';
const OVERLAY_BUTTON = `${OVERLAY_HOST} [data-action="open-timeline"]`;
const OVERLAY_TOGGLE = `${OVERLAY_HOST} [data-action="expand"]`;
const OVERLAY_TIMEOUT_MS = 15_000;
const ARTICLE_VIEWPORT = { width: 1280, height: 900 };
/** Roughly the size Chromium gives an extension's toolbar popup. */
const POPUP_VIEWPORT = { width: 400, height: 600 };
const SETTINGS_VIEWPORT = { width: 800, height: 900 };
/** If closing the browser hangs, a second chance to quit should not depend on it. */
const CLEANUP_TIMEOUT_MS = 10_000;

interface Options {
  headless: boolean;
  port: number;
  outDir: string;
}

interface TimelineLine {
  headline: string;
  published: string;
  relative: string;
  site: string;
  current: boolean;
  theme: boolean;
  read: boolean;
}

interface PopupTimeline {
  title: string;
  summary: string;
  entries: TimelineLine[];
}

function readOptions(): Options {
  const noDisplay = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const port = Number(process.env.DEMO_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`DEMO_PORT must be a port number (0-65535), got "${process.env.DEMO_PORT}".`);
  }
  return {
    headless: noDisplay || process.argv.includes('--headless'),
    port,
    outDir: resolve(process.env.DEMO_OUT ?? 'demo-output'),
  };
}

/** Closes what was opened, newest first, once only, even when called from a signal handler too. */
class Cleanup {
  private readonly steps: Array<() => Promise<void>> = [];
  private running: Promise<void> | null = null;

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        await step().catch((error: unknown) => console.error(`Cleanup step failed: ${describe(error)}`));
      }
    })();
    return this.running;
  }
}

/** Without this check a missing build only shows up as a 30 s wait for the extension's worker. */
async function assertBuilt(): Promise<void> {
  try {
    await access(resolve(EXTENSION_PATH, 'manifest.json'));
  } catch {
    throw new Error(
      `No extension build in ${EXTENSION_PATH}: run \`npm run build\` first (npm run demo does).`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function popupUrl(extensionId: string, articleUrl: string): string {
  return `chrome-extension://${extensionId}/popup.html?url=${encodeURIComponent(articleUrl)}`;
}

/** Reads the front page and then each article, oldest first, waiting for Backstory's pill on each. */
async function browseLikeAReader(page: Page, origin: string): Promise<void> {
  console.log(`Reading ${origin}${FRONT_PAGE} like a reader would:`);
  await page.goto(origin + FRONT_PAGE);
  console.log(`  front page     ${await page.title()}`);

  for (const [index, path] of BROWSING_ORDER.entries()) {
    await page.goto(origin + path);
    const pill = await waitForPill(page, path);
    const step = `article ${index + 1}/${BROWSING_ORDER.length}`;
    console.log(`  ${step.padEnd(14)} ${await page.title()}  [pill: ${pill}]`);
  }
}

/** The pill only appears once the article is stored, so it is the sign that Backstory did its job. */
async function waitForPill(page: Page, path: string): Promise<string> {
  const button = page.locator(OVERLAY_BUTTON);
  try {
    await button.waitFor({ timeout: OVERLAY_TIMEOUT_MS });
  } catch {
    throw new Error(
      `Backstory's pill did not appear within ${OVERLAY_TIMEOUT_MS / 1000} s on ${path}: ` +
        'the extension did not record this article (is the build in .output/chrome-mv3 up to date?).',
    );
  }
  return (await page.locator(OVERLAY_TOGGLE).textContent())?.trim() ?? '';
}

/** Opens the popup page for an article and waits until it has decided what to show. */
async function openPopup(page: Page, extensionId: string, articleUrl: string): Promise<void> {
  await page.goto(popupUrl(extensionId, articleUrl));
  await page.locator('section[data-state]').waitFor({ timeout: OVERLAY_TIMEOUT_MS });
}

async function readPopupTimeline(popup: Page): Promise<PopupTimeline> {
  const section = popup.locator('section[data-state]');
  const state = (await section.getAttribute('data-state')) ?? '';
  if (state !== 'timeline' && state !== 'empty') {
    throw new Error(
      `The popup shows "${state}" instead of a timeline: ${(await section.innerText()).trim()}`,
    );
  }
  // This callback runs in the page. It declares no named helpers: tsx would wrap them in a
  // `__name()` call that does not exist there.
  const entries = await popup.getByTestId('timeline-item').evaluateAll((items) =>
    items.map((item) => {
      const [headline = '', published = '', relative = '', site = ''] = [
        'a.headline',
        '.meta time',
        '.relative',
        '.site',
      ].map((selector) => item.querySelector(selector)?.textContent?.trim() ?? '');
      return {
        headline,
        published,
        relative,
        site,
        current: item.getAttribute('data-current') === 'true',
        theme: item.getAttribute('data-relation') === 'theme',
        read: item.classList.contains('visited'),
      };
    }),
  );
  return {
    title: (await popup.locator('h2.story-title').textContent())?.trim() ?? '',
    summary: (await popup.locator('p.summary').textContent())?.trim() ?? '',
    entries,
  };
}

function printTimeline({ title, summary, entries }: PopupTimeline): void {
  console.log(`\nThe popup's timeline for "${title}":`);
  console.log(`  ${summary}  (▶ this article, ✓ you read it, ~ on this theme)`);
  for (const entry of entries) {
    const mark = entry.current ? '▶' : entry.read ? '✓' : entry.theme ? '~' : ' ';
    const fields = [entry.published, entry.relative, entry.site, entry.headline].filter(Boolean);
    console.log(`  ${mark} ${fields.join(' · ')}`);
  }
}

/** Screenshots for the README: the overlay collapsed and expanded, the popup light and dark, the settings. */
async function saveScreenshots(
  ext: ExtensionBrowser,
  article: Page,
  popup: Page,
  outDir: string,
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const shot = (name: string) => resolve(outDir, name);
  // The pill sits beside the headline at the top, so a viewport shot (not full page) shows it.
  await article.bringToFront();
  await article.evaluate(() => document.fonts.ready);
  await article.screenshot({ path: shot('overlay.png') });
  await article.locator(OVERLAY_TOGGLE).click();
  await article.locator(`${OVERLAY_HOST} [data-testid="timeline-item"]`).first().waitFor();
  await article.screenshot({ path: shot('overlay-expanded.png') });
  await article.locator(OVERLAY_TOGGLE).click();

  await popup.bringToFront();
  await popup.screenshot({ path: shot('popup.png') });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await popup.screenshot({ path: shot('popup-dark.png') });
  await popup.emulateMedia({ colorScheme: 'light' });

  const settings = await ext.context.newPage();
  await settings.setViewportSize(SETTINGS_VIEWPORT);
  await settings.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await settings.locator('main[data-ready]').waitFor();
  await settings
    .getByTestId('stats')
    .getByText(/articles in/)
    .waitFor();
  await settings.screenshot({ path: shot('settings.png'), fullPage: true });
  await settings.close();
  return ['overlay.png', 'overlay-expanded.png', 'popup.png', 'popup-dark.png', 'settings.png'].map(shot);
}

/** Resolves on Ctrl+C or when the user closes the browser window, whichever comes first. */
function untilUserQuits(ext: ExtensionBrowser, quit: Promise<void>): Promise<void> {
  return Promise.race([quit, new Promise<void>((done) => ext.context.once('close', () => done()))]);
}

const cleanup = new Cleanup();
let interrupted = false;
let waitingForQuit = false;
let quitRequested = (): void => {};

function onSigint(): void {
  // npm, tsx and the terminal may each deliver the same Ctrl+C, so repeats are ignored.
  if (interrupted) return;
  interrupted = true;
  if (waitingForQuit) return quitRequested();
  console.error('\nInterrupted; closing the browser and the site server.');
  setTimeout(() => process.exit(130), CLEANUP_TIMEOUT_MS).unref();
  void cleanup.run().then(() => process.exit(130));
}

async function main(): Promise<void> {
  const options = readOptions();
  const quit = new Promise<void>((done) => (quitRequested = done));
  process.on('SIGINT', onSigint);

  try {
    await assertBuilt();
    const site: SiteServer = await startSiteServer(options.port);
    cleanup.add(() => site.close());
    console.log(`Demo site "Meridian Wire" is at ${site.origin}`);

    // Playwright's own Ctrl+C handler would kill Chromium at once and leave the profile behind.
    const ext = await launchWithExtension(EXTENSION_PATH, {
      headless: options.headless,
      handleSIGINT: false,
    });
    cleanup.add(() => ext.close());
    console.log(
      `Chromium is running ${options.headless ? 'headless' : 'in a window'} with Backstory loaded.\n`,
    );

    // Reuse the tab Chromium starts with, so the window shows no stray blank tab.
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    if (options.headless) await page.setViewportSize(ARTICLE_VIEWPORT);
    await browseLikeAReader(page, site.origin);
    const seedUrl = page.url();

    const popup = await ext.context.newPage();
    if (options.headless) await popup.setViewportSize(POPUP_VIEWPORT);
    await openPopup(popup, ext.extensionId, seedUrl);
    printTimeline(await readPopupTimeline(popup));

    if (options.headless) {
      const shots = await saveScreenshots(ext, page, popup, options.outDir);
      console.log('\nScreenshots:');
      for (const shot of shots) console.log(`  ${shot}`);
      return;
    }

    console.log('\nThe browser stays open with the timeline in its own tab. Press Ctrl+C to quit.');
    waitingForQuit = true;
    await untilUserQuits(ext, quit);
    console.log('\nClosing the browser and the site server.');
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // After Ctrl+C the failures are just the browser going away; the signal handler exits.
    if (interrupted && !waitingForQuit) return;
    console.error(`\nDemo failed: ${describe(error)}`);
    process.exit(1);
  },
);
