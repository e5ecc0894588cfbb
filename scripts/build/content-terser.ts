import type { MinifyOptions } from 'terser';

/**
 * Terser's options for the content script, which every page runs (Terser, not esbuild: about 5% smaller).
 * Month names and phrases in seven languages stay UTF-8 (2 bytes an accented letter, not a 4- or 6-byte
 * escape; browsers read content scripts as UTF-8).
 *
 * The compressor's assumptions, each true of this code: unsafe_arrows, no function expression is a
 * constructor; pure_getters, no property is read for a side effect; unsafe, no built-in is replaced (a
 * content script's globals are its own, not the page's); hoist_funs, function declarations are hoisted
 * anyway. Together about 450 B of the core. tests/unit/minified-extractor.test.ts holds the extractor
 * minified with them to the same results as its source on every fixture page.
 */
export const CONTENT_TERSER_OPTIONS: MinifyOptions = {
  ecma: 2020,
  compress: { passes: 5, unsafe_arrows: true, pure_getters: true, unsafe: true, hoist_funs: true },
  format: { ascii_only: false },
};
