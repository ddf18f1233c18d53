/**
 * An init script for fixture pages: from DOMContentLoaded on (fixtures run no
 * scripts of their own, so anything after that is the extension), it records
 * every DOM mutation and every window message the page could observe.
 */
export const PAGE_SPY = `(() => {
  const log = { mutations: 0, messages: 0, ready: false };
  Object.defineProperty(window, '__spy', { value: log });
  addEventListener('message', () => { log.messages++; }, true);
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((list) => { log.mutations += list.length; })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    log.ready = true;
  });
})();`;

export interface SpyLog {
  mutations: number;
  messages: number;
  ready: boolean;
}
