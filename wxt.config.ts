import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { ALLOWED_WEB_ACCESSIBLE } from './scripts/check-manifest';
import { inlineStyleSheets } from './scripts/inline-styles';

/**
 * Two build-time patches so the bundles hold no eval and no raw-HTML sink
 * (web-ext lint: DANGEROUS_EVAL, UNSAFE_VAR_ASSIGNMENT; scripts/check-manifest.ts
 * checks the result). Each fails the build if its pattern is gone, so a
 * library update cannot silently undo it.
 *  - zod 4 probes `new Function("")` (node_modules/zod/v4/core/util.js,
 *    `allowsEval`) to decide whether to JIT-compile object parsers. Our pages'
 *    CSP forbids eval anyway, and on a web page a failed probe can fire a
 *    securitypolicyviolation event the page sees. The probe becomes `false`:
 *    zod always uses its interpreter (same results; `z.config({ jitless: true })`
 *    alone skips the probe at run time but leaves the code in the bundle).
 *  - Preact's only innerHTML write serves `dangerouslySetInnerHTML`, which we
 *    never use: it now throws instead, so raw HTML can never reach our pages.
 */
function noEvalNoRawHtml(): Plugin {
  const patches: { file: RegExp; find: RegExp; replace: string; what: string }[] = [
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
      find: /const F = Function;\s*new F\(""\);\s*return true;/,
      replace: 'return false;',
      what: "zod's eval probe",
    },
    {
      file: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
      find: /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/,
      replace: '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Coin Shop Guard")})()',
      what: "Preact's innerHTML write",
    },
  ];
  return {
    name: 'csg-no-eval-no-raw-html',
    enforce: 'pre',
    transform(code, id) {
      const patch = patches.find((p) => p.file.test(id.split('?')[0] ?? id));
      if (!patch) return undefined;
      const out = code.replace(patch.find, patch.replace);
      if (out === code) this.error(`${patch.what} not found in ${id}: update noEvalNoRawHtml() in wxt.config.ts`);
      return { code: out, map: null };
    },
  };
}

/**
 * V8's explicit compile hint (Chrome 136 and later): a file whose first line is this comment has all
 * its functions compiled when the file is, instead of each on its first call.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Chrome only: the hint on the files the content scripts import as modules (guard.js, frame-report.js:
 * the web-accessible ones, ALLOWED_WEB_ACCESSIBLE). On a page that imports them, most of their functions
 * run at once. Without the hint V8 parses each function quickly when the file loads and compiles it,
 * parsing it again, the first time it is called, on the page's thread; with it, the whole file is
 * compiled in one go as it is imported. The import takes longer (4.6 → 7.1 ms in a CPU profile of the
 * Robux shop), the first runs of everything after it much less (docs/performance.md, item 60): 1.35–2.65 ms
 * less each for the guard's gate, its snapshot and its badge, wall clock inside the script. Not on look.js
 * or frame-probe.js, which Chrome injects as classic scripts and compiles on the page's thread either
 * way (no measurable change), nor on our own pages (the popup's first paint did not move). Added as the
 * build's last step on each file, so that nothing comes before it (V8 reads it only as the first line).
 */
function compileHints(files: readonly string[]): Plugin {
  return {
    name: 'csg-compile-hints',
    // Last: WXT's own last step on these files reads their first line (it unnames the IIFE).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && files.includes(chunk.fileName)) chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      },
    },
  };
}

/**
 * Our pages' own style sheets go inside the pages (scripts/inline-styles.ts): the popup's shell then
 * paints without waiting for a file (docs/performance.md, item 66). A sheet inlined into every page
 * that linked it, and named by no script, is left out of the build.
 */
function inlinePageStyles(): Plugin {
  return {
    name: 'csg-inline-page-styles',
    // After Vite has written the <link> tags into the pages.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const text = (source: string | Uint8Array) => (typeof source === 'string' ? source : new TextDecoder().decode(source));
        const files = Object.values(bundle);
        const sheets = new Map(files.flatMap((f) => (f.type === 'asset' && f.fileName.endsWith('.css') ? [[f.fileName, text(f.source)] as const] : [])));
        const inlined = new Set<string>();
        for (const page of files) {
          if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
          const done = inlineStyleSheets(text(page.source), sheets);
          page.source = done.html;
          for (const f of done.inlined) inlined.add(f);
        }
        for (const sheet of inlined) {
          const named = files.some((f) => f.fileName !== sheet && (f.type === 'chunk' ? f.code : text(f.source)).includes(sheet));
          if (!named) delete bundle[sheet];
        }
      },
    },
  };
}

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
  // Firefox sources zip (what store reviewers rebuild from): WXT already leaves out node_modules, .output,
  // dot-files and *.test/*.spec files; also leave out generated screenshots, test output and logs.
  zip: { excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', 'tmp/**', '**/*.log', 'bench-results.json'] },
  vite: (env) => ({
    plugins: [noEvalNoRawHtml(), preact(), inlinePageStyles(), ...(env.manifestVersion === 3 ? [compileHints(ALLOWED_WEB_ACCESSIBLE.resources)] : [])],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // Strict CSP for our own pages and the background (WXT sets none outside dev mode; Chrome's
    // default would allow 'wasm-unsafe-eval'). Only our own packaged scripts run; no plugins; no
    // network from our pages (connect-src 'none'); no <base> or form posts. WXT turns this into
    // MV2's string form for Firefox. Checked by scripts/check-manifest.ts.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'",
    },
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
            // data_collection_permissions reached Firefox for Android only in 142; without this
            // web-ext lint warns KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // Parents' strict mode (issue 5): fixed ID for policies, and the schema of storage.managed.
        // The Chrome Web Store refuses `key` in an uploaded zip (the store assigns the ID), so
        // `npm run zip` builds with CSG_STORE_ZIP=1 and leaves it out; unpacked builds keep it.
        { ...(process.env.CSG_STORE_ZIP ? {} : { key: CHROME_KEY }), storage: { managed_schema: 'managed_schema.json' } }),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // WXT drops default_icon when it turns `action` into MV2's `browser_action`.
      if (manifest.browser_action && manifest.action === undefined) {
        manifest.browser_action.default_icon = Object.fromEntries([16, 32, 48, 128].map((s) => [s, `icons/default-${s}.png`]));
      }
      // Chrome (MV3): every page gets the first look alone (look.js, a few KB to compile instead of the
      // guard's 40), which imports guard.js once the first look passes
      // (entrypoints/look.ts; docs/performance.md, item 55). That import needs guard.js to be
      // web-accessible; use_dynamic_url keeps it from pages at the extension's fixed address, the one
      // they could probe. Firefox (MV2) has no such flag: guard.js stays its content script there.
      const split = manifest.manifest_version === 3;
      if (split) {
        // frame-report.js likewise: the frame probe imports it only in a frame with a secret field (item 56).
        // The entry is the one scripts/check-manifest.ts allows, written from its definition.
        const { resources, matches, use_dynamic_url } = ALLOWED_WEB_ACCESSIBLE;
        manifest.web_accessible_resources = [{ resources: [...resources], matches: [...matches], use_dynamic_url }];
      }
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['http://*/*', 'https://*/*'],
          js: [split ? 'look.js' : 'guard.js'],
          run_at: 'document_idle',
          all_frames: false,
        },
        // Cross-origin frames (issue 6): a few KB that return at once unless the frame is
        // cross-origin and holds a secret field (entrypoints/frame-probe.ts).
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['frame-probe.js'],
          run_at: 'document_idle',
          all_frames: true,
        },
      ];
    },
  },
});
