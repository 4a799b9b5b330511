// Vagas offline service worker. This is a template: scripts/post-build.mjs writes dist/sw.js
// from it, prepending `const VERSION` (a content hash of every staged file),
// `const PRECACHE` (every file of the build, relative to this worker's folder) and
// `const HASHED` (those of them whose name carries a content hash: trunk's wasm, JS and CSS).
//
// - install: precache the whole build into a cache named after the scope and VERSION, reusing
//   what the page has just downloaded (sw-register.js registers this worker only once the first
//   view is complete) instead of downloading every file a second time:
//     files with a content hash in their name   from the HTTP cache if there (`force-cache`:
//                                               the same name is always the same bytes);
//     every other file (index.html, data/*…)    revalidated (`no-cache`): a server that sends
//                                               Last-Modified or ETag answers 304 for the copy
//                                               the page has just fetched, and a new deploy or
//                                               new data is never replaced by an older copy;
// - activate: delete this app's caches of other versions, take control of open pages;
// - fetch (same origin, in scope, GET only):
//     navigations and data/*   network first, the cached copy when the network fails
//                              (a navigation with any query string gets the cached index.html);
//     other precached files    cache first (their names carry a content hash);
//   anything else — other origins (datasets loaded by URL), POSTs — is left to the browser.
/* global VERSION, PRECACHE, HASHED */

const SCOPE = self.registration.scope; // the folder of index.html, ending in '/'
const PREFIX = `vagas ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
const PRECACHED = new Set(PRECACHE.map((p) => new URL(p, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const hashed = new Set(HASHED);
    await cache.addAll(PRECACHE.map((p) => new Request(new URL(p, SCOPE), { cache: hashed.has(p) ? 'force-cache' : 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

async function cached(key) {
  const cache = await caches.open(CACHE);
  return cache.match(key);
}

async function networkFirst(request, key) {
  try {
    return await fetch(request);
  } catch (err) {
    const hit = await cached(key);
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirst(request, key) {
  return (await cached(key)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  const key = url.origin + url.pathname; // the query string never selects a cached file
  const path = key.slice(SCOPE.length);
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, path === '' ? INDEX : key));
  } else if (path.startsWith('data/')) {
    event.respondWith(networkFirst(request, key));
  } else if (PRECACHED.has(key)) {
    event.respondWith(cacheFirst(request, key));
  }
});
