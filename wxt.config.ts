import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { LOOPBACK_MATCHES, builtInPortalMatches } from './lib/portal/origins';

// `wxt build --mode e2e` also runs on loopback so the end-to-end suite can serve fixture pages,
// and keeps shadow roots open so Playwright can look inside the badges.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  imports: false,
  i18n: { localesDir: resolve(import.meta.dirname, 'lib/i18n/locales') },
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: ({ mode }) => ({
    // The e2e build is what tests and the demo measure: minify it like production.
    build: { minify: mode !== 'development' && !process.env.LKE_NO_MINIFY },
    define: {
      __E2E__: JSON.stringify(mode === 'e2e'),
    },
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...LOOPBACK_MATCHES];
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: ['storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: builtInPortalMatches(mode === 'e2e'),
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
