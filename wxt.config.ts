import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { LOOPBACK_MATCHES, builtInPortalMatches } from './lib/portal/origins';
import { OPTIONAL_SITE_MATCHES } from './lib/portal/site-access';

// `wxt build --mode e2e` also runs on loopback so the end-to-end suite can serve fixture pages,
// and keeps shadow roots open so Playwright can look inside the badges.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  imports: false,
  i18n: { localesDir: resolve(import.meta.dirname, 'lib/i18n/locales') },
  // LKE_OUT_DIR lets parallel work build into its own folder; tests then read LKE_EXTENSION_DIR.
  ...(process.env.LKE_OUT_DIR ? { outDir: process.env.LKE_OUT_DIR } : {}),
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  // `npm run zip`: the store archives, and for Firefox's review the sources that build them. What
  // the build does not need stays out: test pages and tests, and what runs leave behind.
  zip: {
    excludeSources: ['artifacts/**', 'test/**', 'coverage/**', 'stats.html', '**/*.log', '**/*.zip'],
  },
  vite: ({ mode }) => {
    // WXT sets NODE_ENV to the mode, and Vite picks React's build and JSX runtime from it: the e2e
    // build, which tests, the demo and the benchmarks measure, must run React as users get it.
    if (mode === 'e2e') process.env.NODE_ENV = 'production';
    return {
    // The e2e build is what tests and the demo measure: minify it like production.
    // The side panel bundles the whole LKE template by design; its size is not an accident.
    build: { minify: mode !== 'development' && !process.env.LKE_NO_MINIFY, chunkSizeWarningLimit: 1024 },
    define: {
      __E2E__: JSON.stringify(mode === 'e2e'),
    },
    };
  },
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...LOOPBACK_MATCHES];
    },
  },
  manifest: ({ browser, mode, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    // `scripting` registers the content script for the sites the user enables. `activeTab` would not
    // help: Chromium grants no tab access when the toolbar button opens the side panel.
    permissions: ['storage', 'unlimitedStorage', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: builtInPortalMatches(mode === 'e2e'),
    // Any one site can be granted at run time, when the user enables it; MV2 (Firefox's default
    // target) has no optional_host_permissions and lists hosts among the optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_SITE_MATCHES }
      : { optional_host_permissions: OPTIONAL_SITE_MATCHES }),
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'asisten-lke@zona-integritas.id',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
