// Registers the offline service worker (dist/sw.js, written by scripts/post-build.mjs).
// An external script so that the Content-Security-Policy needs no hash for it. A new
// version takes over open pages on its own; the page is never reloaded under the user.
//
// Registered once the first view is complete — the page has loaded, the app has mounted and
// nothing shows "loading" any more (or after 30 s whatever the page shows) — so that the
// precache neither competes with the first figures nor downloads again what the page is still
// fetching: it takes the files the page has just downloaded from the HTTP cache (see sw.js).
(() => {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const updating = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (updating) console.info('Vagas: a new version is installed; it is used from the next visit on.');
  });
  // Relative to the page: works at / and in any subfolder. Needs http(s) (localhost counts).
  const register = () => sw.register('./sw.js')
    .catch((err) => console.warn('Vagas: offline mode unavailable:', err.message));
  const complete = () => document.readyState === 'complete'
    && document.querySelector('body > .app-header') !== null
    && document.querySelector('.loading') === null;
  let started = false;
  let observer = null;
  let timer = 0;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    clearTimeout(timer);
    // After the frame that shows the figures.
    setTimeout(register, 0);
  };
  const check = () => { if (complete()) start(); };
  const watch = () => {
    observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
    timer = setTimeout(start, 30000);
    check();
  };
  if (document.readyState === 'complete') watch();
  else window.addEventListener('load', watch, { once: true });
})();
