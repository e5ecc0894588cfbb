/** esbuild bundles of the code the benchmarks run inside a browser page. */
import { build } from 'esbuild';
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
}

export async function extractBundles(): Promise<ExtractBundles> {
  const [ours, readability, harness] = await Promise.all([
    iife('backstoryExtract', './utils/extract/index.ts'),
    iife('backstoryReadability', '@mozilla/readability'),
    iife('backstoryBench', './scripts/bench/harness.ts'),
  ]);
  return { ours, readability, harness };
}

/** `globalThis.backstoryStoriesBench`: utils/db as the background runs it, plus the synthetic history. */
export function storiesBundle(): Promise<string> {
  return iife('backstoryStoriesBench', './scripts/bench/stories-page.ts');
}
