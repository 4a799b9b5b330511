// Registers the offline service worker (dist/sw.js, written by scripts/post-build.mjs).
// An external script so that the Content-Security-Policy needs no hash for it. A new
// version takes over open pages on its own; the page is never reloaded under the user.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const updating = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (updating) console.info('Vagas: a new version is installed; it is used from the next visit on.');
  });
  // Relative to the page: works at / and in any subfolder. Needs http(s) (localhost counts).
  // After `load`, so that precaching does not compete with the first load of the app.
  const register = () => sw.register('./sw.js')
    .catch((err) => console.warn('Vagas: offline mode unavailable:', err.message));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();
