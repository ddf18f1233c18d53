import { render } from 'preact';
import { App } from './App';
import { browser, t } from '../../src/platform/browser';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
const app = document.getElementById('app');
if (app) render(<App />, app);
