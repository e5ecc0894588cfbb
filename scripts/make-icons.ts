/**
 * Regenerates the extension icons in public/icon/ (WXT adds them to the manifest by their file names).
 *
 *   npx tsx scripts/make-icons.ts
 *
 * The icon is drawn once as SVG and rasterised by headless Chromium at each size, so every PNG is
 * rendered natively instead of being scaled down from a large one. The PNGs are committed; this
 * script only needs to run again when the design changes.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, QUIET_CHROMIUM_FLAGS } from '../tests/e2e/chromium';

const SIZES = [16, 32, 48, 96, 128] as const;
const OUT_DIR = fileURLToPath(new URL('../public/icon/', import.meta.url));

const BRAND_RED = '#8a1c1c';
const WHITE = '#ffffff';

/**
 * A timeline on a deep red tile: a vertical line with three entries, each a dot and a bar.
 * Drawn on a 16-unit grid with the line and bars on whole pixels, so they stay sharp at 16 px
 * (the toolbar size) and the content is centred: x 3-13, y 2.5-13.5.
 */
const ICON_SVG = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="100%" height="100%">
  <rect width="16" height="16" rx="3.5" fill="${BRAND_RED}"/>
  <g fill="${WHITE}">
    <rect x="4" y="4" width="1" height="8"/>
    <circle cx="4.5" cy="4" r="1.5"/>
    <circle cx="4.5" cy="8" r="1.5"/>
    <circle cx="4.5" cy="12" r="1.5"/>
    <rect x="8" y="3" width="5" height="2" rx="1"/>
    <rect x="8" y="7" width="3.5" height="2" rx="1"/>
    <rect x="8" y="11" width="5" height="2" rx="1"/>
  </g>
</svg>`;

function pageFor(size: number): string {
  return `<!doctype html>
<html><head><style>
  html, body { margin: 0; background: transparent; }
  svg { display: block; width: ${size}px; height: ${size}px; }
</style></head><body>${ICON_SVG}</body></html>`;
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: QUIET_CHROMIUM_FLAGS,
  });
  try {
    for (const size of SIZES) {
      // deviceScaleFactor 1 makes one CSS pixel one PNG pixel, so the file is exactly size x size.
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(pageFor(size));
      const path = `${OUT_DIR}${size}.png`;
      await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${path}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`make-icons failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
