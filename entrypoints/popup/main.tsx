/**
 * The popup's entry (issue 7: first paint ≤ 100 ms). Deliberately tiny and
 * free of Preact, webextension-polyfill, zod and engine data:
 *  1. index.html already holds the shell (name + polite status, no verdict);
 *     this localises it,
 *  2. asks the background for the tab's verdict right away,
 *  3. loads the real popup (./boot: Preact, App and what it imports, a
 *     separate chunk of our own extension), which renders the same shell
 *     and then the verdict. The verdict's round trip to the background
 *     overlaps with loading that chunk.
 * (Waiting for the first frame before loading ./boot measured no faster
 * first paint on this machine and a later verdict, so it loads at once.)
 */
import { requestResult } from './request';
import { shellText } from './shell';

shellText(document);
const pending = requestResult(location.search);
// App handles a failed request (it shows "not a coin shop", as before); until App is loaded, keep the
// browser from reporting the rejection as unhandled.
pending.catch(() => undefined);

// The app chunk loads at once, alongside the request. The shell is parsed and localised by now, so
// the first paint shows it and never waits for Preact, zod or the data.
void import('./boot').then(({ boot }) => boot(document, pending));
