// The static first paint (index.html's #boot: title, notice, a skeleton of the first view) is
// shown while the wasm downloads. This script runs in <head>, before the body is parsed, so the
// skeleton is painted in the right language and theme from the first frame:
//   - lang=en in the URL (the last valid lang= wins, as src/core/url.rs decodes it): English;
//   - slide=N (presenting): the projector theme and presenting classes the app sets on <html>;
//   - page=…: which tab is marked, whether the overview's skeleton or a plain one is shown, and
//     which part of the wasm to preload (below).
// On the landing view — the overview with no parameter but lang= and page=, and no datasets of the
// user's kept in this browser (localStorage vagas-own-data, written by src/app/boot.rs) — the
// headline figures baked into index.html at build time (build/first-view.json, the bundled data's
// landing view, checked by tests/first_view.rs) are shown, with the test ids the app's cards have.
// Anywhere else they would not be the figures the app is about to show, so grey bars stand in;
// and if the data the page receives is not the data they were computed from (its size differs
// from the build's), they are hidden again as soon as that file has arrived.
// When the app mounts (trunk's TrunkApplicationStarted event, in the same task as the mount), the
// skeleton is removed; style/boot.css also hides it as soon as the app's header is in the body.
// When it shows figures, it stays instead (class boot-hold) until the app's own figures are ready
// (src/app/boot.rs removes it), or 10 s at most; its test ids go at mount, so that no id is ever
// on two elements.
// An external same-origin file, so the Content-Security-Policy ('self') needs no hash for it.
(() => {
  const html = document.documentElement;
  let lang = 'pt';
  let page = 'overview';
  let slide = false;
  let other = false;
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (key === 'lang') {
      if (value === 'pt' || value === 'en') lang = value;
    } else if (key === 'page') {
      if (/^[a-z]{1,16}$/.test(value)) page = value;
    } else {
      other = true;
      if (key === 'slide' && /^[1-9][0-9]{0,5}$/.test(value)) slide = true;
    }
  }
  if (lang === 'en') {
    html.lang = 'en';
    html.classList.add('boot-en');
  }
  if (slide) html.classList.add('theme-projector', 'presenting');
  // While presenting, the slide's page is known only once the story has loaded.
  html.dataset.bootPage = slide ? 'slide' : page;
  // Every page but the landing one is drawn by a part of the wasm of its own (scripts/
  // wasm-split.mjs): when the address names one, its files are fetched now, beside the main
  // module, not once that has started (<meta name="vagas-parts">: page → files, post-build.mjs).
  try {
    const parts = JSON.parse(document.querySelector('meta[name="vagas-parts"]')?.content ?? '{}');
    // Presenting: the presenter's bar (the slide's page is known once the story has loaded).
    const key = slide ? 'presenting' : page;
    for (const file of (Object.hasOwn(parts, key) && parts[key]) || []) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = `./${file}`;
      document.head.appendChild(link);
    }
  } catch {
    // No list: the app fetches the part itself when it shows the page.
  }
  let own = false;
  try {
    own = localStorage.getItem('vagas-own-data') === '1';
  } catch {
    // No storage: nothing can have been kept either.
  }
  const landing = page === 'overview' && !other && !own;
  let figures = false;
  let stale = false;
  const show = () => {
    const boot = document.getElementById('boot');
    if (figures) return;
    // Only if the build baked them in (scripts/post-build.mjs fills the .boot-fig spans).
    if (!landing || stale || !boot || !boot.querySelector('.boot-fig:not(:empty)')) return;
    figures = true;
    html.classList.add('boot-figures');
    for (const el of boot.querySelectorAll('[data-boot-testid]')) el.dataset.testid = el.dataset.bootTestid;
  };
  const release = () => {
    html.classList.remove('boot-hold');
    document.getElementById('boot')?.remove();
  };
  // Data replaced in dist/ after the build: the baked figures are not this data's. Each source's
  // size as built is in <meta name="vagas-first-view-sources">; when the page receives a file of
  // another size (the preloads arrive long before the wasm), the figures give way to grey bars.
  const hide = () => {
    stale = true;
    html.classList.remove('boot-figures');
    figures = false;
    for (const el of document.querySelectorAll('#boot [data-testid]')) el.removeAttribute('data-testid');
  };
  const sizes = new Map();
  const meta = document.querySelector('meta[name="vagas-first-view-sources"]')?.content.split(' ') ?? [];
  for (let i = 0; i + 1 < meta.length; i += 2) sizes.set(meta[i], Number(meta[i + 1]));
  if (landing && sizes.size > 0 && typeof PerformanceObserver === 'function') {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const path = new URL(e.name).pathname;
        for (const [file, size] of sizes) {
          if (path.endsWith(`/${file}`) && e.decodedBodySize > 0 && e.decodedBodySize !== size) hide();
        }
      }
    }).observe({ type: 'resource', buffered: true });
  }
  // As soon as the parser has passed the headline cards (the panel after them exists), not at
  // DOMContentLoaded, which waits for the app's module script and its glue.
  if (document.readyState === 'loading') {
    const parsed = new MutationObserver(() => {
      if (!document.querySelector('#boot .boot-other')) return;
      parsed.disconnect();
      show();
    });
    parsed.observe(html, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => { parsed.disconnect(); show(); }, { once: true });
  } else show();
  addEventListener('TrunkApplicationStarted', () => {
    const boot = document.getElementById('boot');
    if (!figures || !boot) return release();
    for (const el of boot.querySelectorAll('[data-testid]')) el.removeAttribute('data-testid');
    html.classList.add('boot-hold');
    setTimeout(release, 10000);
  }, { once: true });
})();
