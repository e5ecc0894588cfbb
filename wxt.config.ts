import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { CONTENT_TERSER_OPTIONS } from './scripts/build/content-terser';

// See README "Permissions" for why each permission is requested.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.BACKSTORY_SIZE_CORE ? '.output-size' : '.output',
  // Explicit imports keep every module runnable from vitest and the Node CLI.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script runs on every page and only sends one message, which both browsers'
    // native APIs answer with a promise: it skips webextension-polyfill (10 KB) and uses the
    // plain `browser`/`chrome` namespace. Background and extension pages keep the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      const list = Array.isArray(alias)
        ? alias.filter((a: { find: unknown }) => String(a.find) !== 'wxt/browser')
        : Object.entries(alias ?? {})
            .filter(([find]) => find !== 'wxt/browser')
            .map(([find, replacement]) => ({ find, replacement: replacement as string }));
      // `npm run size` measures the content script without its overlay UI (the budget).
      const core = process.env.BACKSTORY_SIZE_CORE
        ? [{ find: /^\.\/overlay$/, replacement: resolve('scripts/size/overlay-none.ts') }]
        : [];
      config.resolve = { ...config.resolve, alias: [native, ...core, ...list] };
      config.build = {
        ...config.build,
        // Vite's default browsers less Safari 16 (this extension's Firefox floor is 140), which made
        // every regular expression with a lookbehind a string of doubled backslashes.
        target: ['chrome107', 'firefox140'],
        minify: 'terser',
        terserOptions: CONTENT_TERSER_OPTIONS,
      };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'storage', 'unlimitedStorage'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory-extension.org',
          // data_collection_permissions is understood from Firefox 140 on.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
