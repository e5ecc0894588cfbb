import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See README "Permissions" for why each permission is requested.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every module runnable from vitest and the Node CLI.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'The story behind the headline: a timeline of earlier coverage of the article you are reading, kept on your machine.',
    permissions: ['activeTab'],
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
