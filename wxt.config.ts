import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { bundleFromDir, dictionaryFiles } from './lib/node/build-from-dir';

// The extension ships the index built from seeds/ in this very build, so it can never be stale.
const SEEDS_DIR = 'seeds';
const OWN_SOURCES_ASSETS = ['seeds.json', 'dictionary/en_US.aff', 'dictionary/en_US.dic'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022', sourcemap: process.env.SC_SOURCEMAP === '1' },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: injects the hover card's code into a frame the first time a card opens there.
    permissions: [
      'storage',
      'activeTab',
      'contextMenus',
      'tabs',
      ...(manifestVersion === 3 ? ['scripting'] : []),
    ],
    commands: {
      // MV2 (Firefox) names the toolbar-button command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open Source Context search',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next mention on the page and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'source-context@example.org',
              // data_collection_permissions needs Firefox 140 (142 on Android).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // Lets browser.runtime.getURL('/index.json') type-check: the file is generated, not in public/.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('index.json', ...OWN_SOURCES_ASSETS);
    },
    'build:publicAssets': async (wxt, files) => {
      const { json, bundleJson } = await bundleFromDir(wxt.config.root + '/' + SEEDS_DIR);
      files.push({ relativeDest: 'index.json', contents: json });
      // The reader's own sources are indexed in the extension by the same pipeline: it needs the bundled
      // seeds and the English dictionary (lib/user-sources/runtime.ts).
      const { aff, dic } = dictionaryFiles();
      files.push(
        { relativeDest: 'seeds.json', contents: bundleJson },
        { relativeDest: 'dictionary/en_US.aff', absoluteSrc: aff },
        { relativeDest: 'dictionary/en_US.dic', absoluteSrc: dic },
      );
    },
  },
});
