import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { bundleFromDir, dictionaryFiles } from './lib/node/build-from-dir';
import { BUNDLED_MATCH_MODULE } from './lib/match/bundled';
import { toMatchPayload } from './lib/match/payload';

// The extension ships the index built from seeds/ in this very build, so it can never be stale. Built
// once per build, for the package's files and for the match data compiled into the scripts.
const SEEDS_DIR = fileURLToPath(new URL('seeds', import.meta.url));
let bundled: ReturnType<typeof bundleFromDir> | null = null;
const bundledSeeds = () => (bundled ??= bundleFromDir(SEEDS_DIR));
let bundledMatch: Promise<string> | null = null;

/**
 * The bundled index's match data (lib/match/payload.ts) as a module exporting it as an object literal:
 * the script's parser reads it with the code, so no JSON text is parsed again on the page. The content
 * script carries it, so a page's matcher needs no message and no storage read: on a page the extension
 * runs on, it is ready while the settings are still on their way (lib/page/match-source.ts).
 */
function bundledMatchModule(): Plugin {
  const resolved = '\0' + BUNDLED_MATCH_MODULE;
  return {
    name: 'source-context:bundled-match',
    resolveId: (id) => (id === BUNDLED_MATCH_MODULE ? resolved : null),
    async load(id) {
      if (id !== resolved) return null;
      bundledMatch ??= bundledSeeds().then(async ({ index, buildId }) =>
        // Uncompressed: in the script it needs no integrity check of its own, and decodes at once.
        JSON.stringify(await toMatchPayload(index, buildId, 'none')),
      );
      // JSON text is an object literal as it stands.
      return `export default ${await bundledMatch};`;
    },
  };
}
const OWN_SOURCES_ASSETS = ['seeds.json', 'dictionary/en_US.aff', 'dictionary/en_US.dic'];

/** No network from extension pages: only the extension's own files (connect-src 'self' for index.json). */
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), bundledMatchModule()],
    build: { target: 'es2022', sourcemap: process.env.SC_SOURCEMAP === '1' },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Least privilege (tests/unit/manifest.test.ts fails on any permission not listed here):
    // - storage: the settings, and (storage.session) the one reader tab to reuse;
    // - contextMenus: "Look up … in Source Context" on a selection;
    // - scripting (MV3): injects the hover card's code into a frame the first time a card opens there
    //   (MV2 does it with tabs.executeScript, which needs no permission of its own).
    // No `tabs` (tabs' addresses: a page tells its own site to the popup) and no `activeTab` (nothing
    // acts on a tab through the toolbar button). Host access comes from the content scripts' matches.
    permissions: ['storage', 'contextMenus', ...(manifestVersion === 3 ? ['scripting'] : [])],
    // Extension pages may not reach the network at all: the index is in the package.
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: EXTENSION_PAGES_CSP }
        : (EXTENSION_PAGES_CSP as unknown as { extension_pages: string }),
    commands: {
      // MV2 (Firefox) names the toolbar-button command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenSearch__',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandNextMention__',
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
      const { json, bundleJson } = await bundledSeeds();
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
