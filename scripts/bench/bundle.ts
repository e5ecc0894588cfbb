/** esbuild bundles of the code the benchmarks run inside a browser page. */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Minified IIFE that stores the module's exports on `globalThis[name]`. It assigns the
 * property itself rather than using esbuild's `globalName`: Playwright installs bundles by
 * evaluating them, and strict-mode eval code keeps its `var`s (which `globalName` emits)
 * to itself.
 */
async function iife(name: string, module: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import * as exports from ${JSON.stringify(module)}; globalThis[${JSON.stringify(name)}] = exports;`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text;
  if (!text) throw new Error(`esbuild produced no output for ${name}`);
  return text;
}

export interface ExtractBundles {
  /** `globalThis.backstoryExtract.extractPage`, from utils/extract/index.ts as it is now. */
  ours: string;
  /** `globalThis.backstoryReadability.Readability`, from the installed @mozilla/readability. */
  readability: string;
  /** `globalThis.backstoryBench.run`, the timing loop (scripts/bench/harness.ts). */
  harness: string;
  /** `globalThis.backstoryExtractAgainst.extractPage`, from another checkout's utils/extract, if asked. */
  against: string | null;
}

/** `globalThis.backstoryExtract.extractPage`, from utils/extract/index.ts as it is now. */
export const extractorBundle = (): Promise<string> => iife('backstoryExtract', './utils/extract/index.ts');

/** `againstDir`: the root of another checkout (a `git worktree` of an older commit, say). */
export async function extractBundles(againstDir?: string | null): Promise<ExtractBundles> {
  const againstEntry = againstDir ? resolve(againstDir, 'utils/extract/index.ts') : null;
  const [ours, readability, harness, against] = await Promise.all([
    extractorBundle(),
    iife('backstoryReadability', '@mozilla/readability'),
    iife('backstoryBench', './scripts/bench/harness.ts'),
    againstEntry ? iife('backstoryExtractAgainst', againstEntry) : null,
  ]);
  return { ours, readability, harness, against };
}

/** `globalThis.backstoryStoriesBench`: utils/db as the background runs it, plus the synthetic history. */
export function storiesBundle(): Promise<string> {
  return iife('backstoryStoriesBench', './scripts/bench/stories-page.ts');
}
