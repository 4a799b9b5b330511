// End to end: offline use and the Content-Security-Policy, both made by the trunk post-build
// hook (scripts/post-build.mjs): sw.js precaches the whole build, and index.html's CSP allows
// trunk's inline initializer by its sha256 only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { serve, launch, DIST, expected } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const VIEWPORT = { width: 1280, height: 900 };
const KPI = '[data-testid="kpi-vacancies_open"] .card-value';
const FARO = 'path[data-region="PT-08"]';

/** Every file of dist/ but the worker itself, as paths relative to dist/, sorted. */
function distFiles(dir = DIST) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? distFiles(p) : [relative(DIST, p).split(sep).join('/')];
  }).filter((f) => f !== 'sw.js').sort();
}

/** A page in its own context (so it can go offline), collecting page errors and CSP violations. */
async function newPage() {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return { context, page };
}

/** Waits until the service worker is active and controls the page (reloading once if needed). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  const isControlled = () => page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 5000 });
  try {
    await isControlled();
  } catch {
    await page.reload();
    await isControlled();
  }
}

for (const base of ['/', '/usb/vagas/']) {
  test(`served from ${base}: after one visit the app works offline, with the same figures`, async () => {
    const server = await serve({ base });
    const { context, page } = await newPage();
    try {
      // Online: the explorer (map from data/regions.geojson) and the overview's headline figure.
      await page.goto(`${server.url}?page=explore&lang=en`);
      await page.locator(FARO).waitFor();
      const faroOnline = await page.locator(FARO).getAttribute('aria-label');
      await controlled(page);
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope), server.url);
      await page.goto(`${server.url}?lang=en`);
      await page.locator(KPI).waitFor();
      const kpiOnline = await page.locator(KPI).textContent();
      assert.match(kpiOnline, /^\d{1,3}(,\d{3})*$/);

      // The cache holds exactly the files of dist/ (despite the server's no-store).
      const cached = await page.evaluate(async () => {
        const urls = [];
        for (const name of await caches.keys()) {
          for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
        }
        return urls;
      });
      assert.deepEqual(cached.map((u) => decodeURIComponent(u.slice(server.url.length))).sort(), distFiles());

      // Offline for real: the server is gone and the browser has no network.
      await server.close();
      await context.setOffline(true);
      await assert.rejects(fetch(server.url));

      // A navigation with a query string gets the cached index.html; data comes from the cache.
      await page.goto(`${server.url}?page=explore&lang=en`);
      await page.locator(FARO).waitFor();
      assert.equal(await page.locator(FARO).getAttribute('aria-label'), faroOnline);
      await page.goto(`${server.url}?lang=en&page=overview`);
      await page.locator(KPI).waitFor();
      assert.equal(await page.locator(KPI).textContent(), expected(kpiOnline));
      assert.equal(await page.locator('[data-testid^="error-"]').count(), 0);
      assert.deepEqual(page.errors, []);
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test('the CSP allows trunk\'s inline script by hash, and the app runs without one violation', async () => {
  const server = await serve();
  const { context, page } = await newPage();
  try {
    const html = await (await fetch(server.url)).text();
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
    assert.ok(meta, 'index.html has a CSP <meta>');
    assert.ok(meta.index < html.search(/<script\b/), 'the CSP <meta> comes before every script');
    const policy = meta[1];
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.match(policy, /object-src 'none'/);
    assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/);
    // The hashes are those of the inline scripts, computed here independently.
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attrs]) => !/\ssrc=/.test(` ${attrs}`))
      .map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
    assert.ok(inline.length >= 1);
    assert.equal(policy.match(/'sha256-[^']+'/g).join(' '), expected(inline.join(' ')));

    // Every page, including a PNG export (canvas, data: and blob: images), without a violation.
    for (const view of ['?page=overview', '?page=explore&lang=en', '?page=consultations', '?page=profile&area=PT-08']) {
      await page.goto(server.url + view);
      await page.getByTestId('file-labour_market').waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'));
    }
    await page.goto(`${server.url}?page=explore&lang=en`);
    await page.locator(FARO).waitFor();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('png-series').click()]);
    assert.equal(await png.failure(), null);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(page.errors, []);

    // The policy is enforced: an injected inline script is blocked and reported.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.head.append(s);
    });
    await page.waitForFunction(() => window.__csp.length > 0);
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.deepEqual(await page.evaluate(() => window.__csp), ['script-src-elem inline']);
  } finally {
    await context.close();
    await server.close();
  }
});

test('sw.js precaches every file of dist/ and nothing else', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const version = sw.match(/^const VERSION = "([0-9a-f]{16})";$/m);
  assert.ok(version, 'sw.js has a content-hash version');
  const list = JSON.parse(sw.match(/^const PRECACHE = (\[.*\]);$/m)[1]).map(decodeURIComponent);
  assert.equal(list.join('\n'), expected(distFiles().join('\n')));
  assert.ok(list.includes('index.html') && list.includes('sw-register.js'));
  assert.ok(list.some((f) => f.endsWith('.wasm')) && list.some((f) => f.startsWith('data/')));
});
