/** The real popup, loaded by main.tsx once the shell has painted: Preact renders App over the shell. */
import { render } from 'preact';
import { App } from './App';
import type { Loaded } from './request';
import { browser } from '../../src/platform/browser';

export function boot(doc: Document, pending?: Promise<Loaded>): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  const app = doc.getElementById('app');
  if (!app) return;
  // App's first render is the same shell; clearing first lets Preact own the DOM it renders
  // (it would otherwise try to reuse the static nodes). Same task, so nothing paints in between.
  app.replaceChildren();
  render(<App pending={pending} />, app);
}
