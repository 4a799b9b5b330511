// End to end: the static first paint (index.html's #boot, src/js/boot.js, style/boot.css), the
// landing view's figures baked into it, and the data preloads written by scripts/post-build.mjs. No timings are asserted (see scripts/bench.sh):
// what is checked is what is on screen before the wasm arrives, that it goes when the app mounts,
// and that a first visit requests every file once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, DIST, expected, figures, fmt, lmMonths } from './harness.mjs';

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

// The landing view's last 12 months, as the app resolves the default period.
const MONTHS = [...new Set(lmMonths())].sort();
const LAST = MONTHS[MONTHS.length - 1];
const FIRST = MONTHS[Math.max(0, MONTHS.indexOf(LAST) - 11)];
const LANDING = figures({ from: FIRST, to: LAST });

for (const [query, lang, badge, tab, baked] of [
  ['', 'pt-PT', 'Dados ilustrativos', 'Visão geral', true],
  ['?lang=en&page=overview', 'en', 'Illustrative data', 'Overview', true],
  ['?lang=fr&lang=en', 'en', 'Illustrative data', 'Overview', true],
  // Not the landing view: the baked figures would not be this view's.
  ['?lang=en&area=PT-08', 'en', 'Illustrative data', 'Overview', false],
  ['?from=2025-06', 'pt-PT', 'Dados ilustrativos', 'Visão geral', false],
]) {
  test(`before the wasm arrives (${query || 'no query'}): title, notice and the overview's skeleton in ${lang}, ${baked ? 'with the landing view\'s figures' : 'without figures'}`, async () => {
    const l = lang === 'en' ? 'en' : 'pt';
    for (const viewport of [{ width: 1440, height: 900 }, { width: 360, height: 740 }]) {
      const { context, page } = await withoutWasm(query, viewport);
      try {
        assert.equal(await page.locator('#boot h1').innerText(), expected('Vagas'));
        assert.equal(await page.locator('#boot .notice .badge').innerText(), expected(badge));
        assert.equal(await page.locator('#boot .tab[data-page="overview"]').innerText(), expected(tab));
        assert.equal(await page.evaluate(() => document.documentElement.lang), expected(lang));
        // The overview's five headline cards.
        assert.equal(await page.locator('#boot .headlines .card:visible').count(), expected(5));
        if (baked) {
          // The figures the app will show (computed here from the data, independently of the
          // Rust core), each card labelled illustrative, with the app's test ids.
          for (const [id, decimals] of [['ratio', 2], ['vacancies_open', 0], ['jobseekers', 0], ['vacancies_new', 0], ['placements', 0]]) {
            const card = page.getByTestId(`kpi-${id}`);
            assert.equal(await card.locator('.card-value').innerText(), expected(fmt(l, LANDING[id], decimals)), id);
            assert.equal(await card.getByTestId('figure-label').innerText(), expected(l === 'en' ? 'illustrative' : 'ilustrativo'));
          }
          assert.equal((await page.getByTestId('headline-context').innerText()).startsWith('Portugal · '), expected(true));
          assert.equal(await page.locator('#boot .headlines .cards .boot-bar:visible').count(), expected(0));
        } else {
          assert.equal(/\d/.test(await page.locator('#boot .headlines .cards').innerText()), expected(false));
          // Nothing of the app yet.
          assert.equal(await page.locator('[data-testid]').count(), expected(0));
        }
        // Nothing scrolls sideways.
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), expected(viewport.width));
        assert.equal(page.errors.join('; '), expected(''));
      } finally {
        await context.close();
      }
    }
  });
}

test('the baked figures are not shown first to a visitor whose own datasets are kept in this browser', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(() => localStorage.setItem('vagas-own-data', '1'));
  const page = await context.newPage();
  await page.route('**/*.wasm', () => new Promise(() => {}));
  try {
    await page.goto(server.url);
    await page.locator('#boot').waitFor({ state: 'attached' });
    assert.equal(/\d/.test(await page.locator('#boot .headlines .cards').innerText()), expected(false));
    assert.equal(await page.locator('[data-testid]').count(), expected(0));
  } finally {
    await context.close();
  }
});

test('data replaced in dist/ after the build: the baked figures go as soon as that file arrives', async () => {
  const path = new URL(server.url).pathname + 'data/labour_market.json';
  // The same records, one byte longer: other data, as far as the first paint can tell.
  server.overrides.set(path, { body: readFileSync(join(DIST, 'data/labour_market.json'), 'utf8') + '\n' });
  const { context, page } = await withoutWasm('', { width: 1440, height: 900 });
  try {
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/data/labour_market.json') && e.responseEnd > 0));
    await page.waitForFunction(() => !document.documentElement.classList.contains('boot-figures'));
    assert.equal(/\d/.test(await page.locator('#boot .headlines .cards').innerText()), expected(false));
    assert.equal(await page.locator('[data-testid]').count(), expected(0));
  } finally {
    server.overrides.delete(path);
    await context.close();
  }
});

test('from the baked figures to the app\'s: the same figures, never a loading state in between, one element per test id', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  // Watches every frame from the start: the ratio card's text, whether its test id is on two
  // elements, and whether the headlines' "loading" line is visible.
  await page.addInitScript(() => {
    window.__seen = { texts: [], dupes: 0, loading: 0 };
    const tick = () => {
      const cards = document.querySelectorAll('[data-testid="kpi-ratio"]');
      if (cards.length > 1) window.__seen.dupes += 1;
      const v = cards[0]?.querySelector('.card-value')?.innerText;
      if (v !== undefined && window.__seen.texts[window.__seen.texts.length - 1] !== v) window.__seen.texts.push(v);
      // The headline cards' own loading line (other panels may still be loading their data).
      if ([...document.querySelectorAll('.headlines > .loading')].some((e) => e.offsetParent !== null)) window.__seen.loading += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('.app-header'));
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const seen = await page.evaluate(() => window.__seen);
    assert.equal(seen.texts.join(' → '), expected(fmt('pt', LANDING.ratio, 2)));
    assert.equal(seen.dupes, expected(0));
    assert.equal(seen.loading, expected(0));
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('boot-hold')), expected(false));
  } finally {
    await context.close();
  }
});

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
    // The wasm's preload comes first, so that it is requested first.
    assert.equal(preloads[0].endsWith('.wasm'), expected(true));
    assert.equal(preloads.slice(1).join(' '), expected(files.join(' ')));
    for (const f of files) assert.equal(requested.filter((p) => p === f).length, expected(1), f);
  } finally {
    await context.close();
  }
});
