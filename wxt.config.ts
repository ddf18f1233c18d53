import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Parents' strict mode (issue 5): a fixed Chrome extension ID,
 * mcdhnlofomflklglphnphlldeablhfco, so a browser policy can name it
 * (3rdparty.extensions.<id>, see docs/parents.md). This is the PUBLIC key only;
 * the ID is the first 32 hex digits of SHA-256 over it, mapped 0-f → a-p. The
 * private key is not kept: the Chrome Web Store signs with its own, and an
 * unpacked or self-hosted build only needs this public half.
 */
const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtMYn7Saed+NdUmFghQIv/zsDl0wpM/OZ5wdr4mjlWILF6Mc4b8ItBidB74zpgwEe0kgMzLqD6Hlp/MikkmsHL2d1jPOnQJ8qhaop3S4FFbUlR/DJltdpQAyjK9YaVtjtmHY51ZM/UQhkrfDQa+/UehHD6C1/v4LePUFhlJIhY1VT28i17zTWSqHnwePtyID8oJ6IoDhF7jyFzaNAAX3uf1k6KgqJ2vDKtnK2mcpnTQP0vdsunyRDunpEwVqTW/FFCu9tzrJdAcbivIB7euBKlhuqK6mwyzDil/TV7DvGI6Sko6oTF8QE3zuwM5VMxchy8ASchAE7n4B13hvhTlD7dQIDAQAB';

/**
 * Build configuration for Chrome (MV3) and Firefox (MV2).
 *
 * The page-facing script (entrypoints/guard.ts) is built as an *unlisted*
 * script and registered as a content script here, instead of through WXT's
 * `defineContentScript`. WXT's content-script wrapper announces itself to
 * every page (a document event whose type carries the extension ID, plus a
 * window.postMessage), which lets any page detect the extension and costs
 * time on every page load. Our script does neither.
 */
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    action: {
      default_title: '__MSG_extName__',
      default_popup: 'popup.html',
      default_icon: { 16: 'icons/default-16.png', 32: 'icons/default-32.png', 48: 'icons/default-48.png', 128: 'icons/default-128.png' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'coin-shop-guard@coinshopguard.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // Parents' strict mode (issue 5): fixed ID for policies, and the schema of storage.managed.
        { key: CHROME_KEY, storage: { managed_schema: 'managed_schema.json' } }),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // WXT drops default_icon when it turns `action` into MV2's `browser_action`.
      if (manifest.browser_action && manifest.action === undefined) {
        manifest.browser_action.default_icon = Object.fromEntries([16, 32, 48, 128].map((s) => [s, `icons/default-${s}.png`]));
      }
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['guard.js'],
          run_at: 'document_idle',
          all_frames: false,
        },
      ];
    },
  },
});
