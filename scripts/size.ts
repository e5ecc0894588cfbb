/**
 * `npm run size [-- --check]`: the minified size of the content script, in full and without
 * its overlay UI (the part that runs on every page; budget 30 KB), from real production builds.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const BUDGET_BYTES = 30 * 1024;
const CONTENT = 'chrome-mv3/content-scripts/content.js';

function build(core: boolean): void {
  const run = spawnSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...(core ? { BACKSTORY_SIZE_CORE: '1' } : {}) },
  });
  if (run.status !== 0) throw new Error('wxt build failed');
}

function sizes(dir: string): { bytes: number; gzip: number } {
  const file = `${dir}/${CONTENT}`;
  return { bytes: statSync(file).size, gzip: gzipSync(readFileSync(file)).length };
}

build(false);
build(true);
const full = sizes('.output');
const core = sizes('.output-size');
console.log(`content script, full:            ${full.bytes} B minified, ${full.gzip} B gzip`);
console.log(
  `content script, without overlay: ${core.bytes} B minified, ${core.gzip} B gzip (budget ${BUDGET_BYTES} B)`,
);
console.log(`content_core_bytes=${core.bytes} content_full_bytes=${full.bytes} budget_bytes=${BUDGET_BYTES}`);
if (process.argv.includes('--check') && core.bytes > BUDGET_BYTES) {
  console.error(`The content script's core is over budget by ${core.bytes - BUDGET_BYTES} B.`);
  process.exit(1);
}
