// End to end: the static first paint (index.html's #boot, src/js/boot.js, style/boot.css) and the
// data preloads written by scripts/post-build.mjs. No timings are asserted (see scripts/bench.sh):
// what is checked is what is on screen before the wasm arrives, that it goes when the app mounts,
// and that a first visit requests every file once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, DIST, expected } from './harness.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A page whose wasm request never gets an answer: only the static first paint can show. */
async function withoutWasm(query, viewport) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.route('**/*.wasm', () => new Promise(() => {}));
  await page.goto(server.url + query);
  await page.locator('#boot').waitFor({ state: 'attached' });
  return { context, page };
}

for (const [query, lang, badge, tab] of [
  ['', 'pt-PT', 'Dados ilustrativos', 'Visão geral'],
  ['?lang=en&page=overview', 'en', 'Illustrative data', 'Overview'],
  ['?lang=fr&lang=en', 'en', 'Illustrative data', 'Overview'],
]) {
  test(`before the wasm arrives (${query || 'no query'}): title, notice and the overview's skeleton in ${lang}`, async () => {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 360, height: 740 }]) {
      const { context, page } = await withoutWasm(query, viewport);
      try {
        assert.equal(await page.locator('#boot h1').innerText(), expected('Vagas'));
        assert.equal(await page.locator('#boot .notice .badge').innerText(), expected(badge));
        assert.equal(await page.locator('#boot .tab[data-page="overview"]').innerText(), expected(tab));
        assert.equal(await page.evaluate(() => document.documentElement.lang), expected(lang));
        // The overview's five headline cards, without a figure in them.
        assert.equal(await page.locator('#boot .headlines .card:visible').count(), expected(5));
        assert.equal(/\d/.test(await page.locator('#boot .headlines .cards').innerText()), expected(false));
        // Nothing of the app yet, and nothing scrolls sideways.
        assert.equal(await page.locator('[data-testid]').count(), expected(0));
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), expected(viewport.width));
        assert.equal(page.errors.join('; '), expected(''));
      } finally {
        await context.close();
      }
    }
  });
}

test('presenting (slide=): the skeleton is in the projector theme, without the overview\'s cards', async () => {
  const { context, page } = await withoutWasm('?slide=2&lang=en', { width: 1280, height: 720 });
  try {
    const cls = await page.evaluate(() => document.documentElement.className);
    assert.equal(/\btheme-projector\b/.test(cls) && /\bpresenting\b/.test(cls), expected(true));
    assert.equal((await page.locator('#boot .presenter-bar .slide-counter').innerText()).trim(), expected('Slide'));
    assert.equal(await page.locator('#boot .headlines').isVisible(), expected(false));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), expected(1280));
  } finally {
    await context.close();
  }
});

test('when the app mounts the skeleton goes, and a first visit requests every file once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.slice(1)));
  try {
    await page.goto(`${server.url}?lang=en`);
    await page.locator('[data-testid="kpi-ratio"] .card-value').waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('#boot').count(), expected(0));
    assert.equal(await page.locator('main').count(), expected(1));
    assert.equal(await page.locator('h1').count(), expected(1));
    // Each file once: the preloads were taken by the app's own requests.
    const twice = [...new Set(requested.filter((p, i) => requested.indexOf(p) !== i))];
    assert.equal(twice.join(', '), expected(''));
    // The manifest and every dataset it lists are preloaded by index.html, after the wasm.
    const manifest = JSON.parse(readFileSync(join(DIST, 'data/manifest.json'), 'utf8'));
    const files = ['data/manifest.json', ...manifest.datasets.map((d) => `data/${d.path}`)];
    const html = await (await fetch(server.url)).text();
    const preloads = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])
      .filter((l) => /\brel="preload"/.test(l) && /\bas="fetch"/.test(l) && /\bcrossorigin="anonymous"/.test(l))
      .map((l) => l.match(/\bhref="\.\/([^"]+)"/)[1]);
    // The wasm's preload comes first: the dataset worker reads the wasm's address from it.
    assert.equal(preloads[0].endsWith('.wasm'), expected(true));
    assert.equal(preloads.slice(1).join(' '), expected(files.join(' ')));
    for (const f of files) assert.equal(requested.filter((p) => p === f).length, expected(1), f);
  } finally {
    await context.close();
  }
});
