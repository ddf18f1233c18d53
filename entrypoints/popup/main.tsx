import { render } from 'preact';
import { App } from './App';
import { browser } from '../../src/platform/browser';

document.documentElement.lang = browser.i18n.getUILanguage();
const app = document.getElementById('app');
if (app) render(<App />, app);
