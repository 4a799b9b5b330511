// The page's wasm in parts (issue #12, scripts/wasm-split.mjs, src/ui/lazy.rs): the landing view
// fetches no page's part; a page's part is fetched when the page is shown; a part that cannot be
// fetched is said so in the user's language, with everything else kept, and a retry works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, expected, DIST } from './harness.mjs';

/** What the landing view may fetch of wasm, JS and CSS, each file gzip -9 (bytes): issue #12's
 *  shell (scripts/test.sh's size check), the parts fetched at start (the deferred checks) with
 *  their chunks, boot.js and sw-register.js. 343,354 B measured (2026-12-01) plus ~1 %: a change
 *  that makes the landing view download more must say so here. The goal is 250,000. */
const LANDING_CEILING = 347000;

const PAGE_PART = /\/vagas-split_[a-z]+_page-[0-9a-f]{16}\.wasm$/;

/** A page in a context with the service worker blocked (its precache would answer the parts the
 *  tests withhold), recording its errors (`page.errors`) and the URLs it requests (`page.requested`). */
async function noWorkerPage(browser) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.requested = [];
  page.on('request', (r) => page.requested.push(r.url()));
  return { context, page };
}

/** `open`, with the service worker blocked (`noWorkerPage`). */
async function openNoWorker(browser, url) {
  const { page } = await noWorkerPage(browser);
  await page.goto(url);
  await page.getByTestId('file-labour_market').waitFor();
  return page;
}

test('the landing view fetches no page part; the explorer fetches its own when shown', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const parts = [];
    page.on('request', (r) => { if (PAGE_PART.test(r.url())) parts.push(r.url().match(/split_([a-z]+)_page/)[1]); });
    await page.goto(server.url);
    await page.getByTestId('file-labour_market').waitFor();
    await page.getByTestId('kpi-ratio').waitFor();
    await page.waitForTimeout(500);
    assert.equal(parts.join(','), expected(''));
    await page.getByTestId('tab-explore').click();
    await page.getByTestId('chart-map').waitFor();
    assert.equal(parts.join(','), expected('explore'));
  } finally {
    await browser.close();
    await server.close();
  }
});

test('what the landing view fetches of wasm, JS and CSS stays under its ceiling (gzip -9, printed)', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await openNoWorker(browser, `${server.url}?lang=en`);
    await page.getByTestId('kpi-ratio').waitFor();
    await page.getByTestId('official-figures').locator('.card').first().waitFor();
    await page.waitForTimeout(1000);
    const files = [...new Set(page.requested.map((u) => new URL(u).pathname).filter((p) => /\.(wasm|js|css)$/.test(p)))];
    const bytes = files.reduce((n, p) => n + gzipSync(readFileSync(join(DIST, decodeURIComponent(p))), { level: 9 }).length, 0);
    console.log(`the landing view fetches ${files.length} wasm, JS and CSS files: ${bytes} bytes gzip -9 (ceiling ${LANDING_CEILING}; goal 250000)`);
    assert.ok(files.some((p) => /_bg\.wasm$/.test(p)), 'the main module is among them');
    assert.equal(bytes <= LANDING_CEILING, expected(true), `${bytes} > ${LANDING_CEILING}`);
  } finally {
    await browser.close();
    await server.close();
  }
});

for (const lang of ['pt', 'en']) {
  test(`a page whose part cannot be fetched says so (${lang}), keeps the rest, and a retry loads it`, async () => {
    const server = await serve();
    const browser = await launch();
    try {
      const page = await openNoWorker(browser, `${server.url}?lang=${lang}`);
      let blocked = true;
      await page.route(PAGE_PART, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
      const before = await page.getByTestId('kpi-ratio').count();
      await page.goto(`${server.url}?lang=${lang}&page=consultations`);
      const alert = page.getByTestId('part-failed');
      await alert.waitFor();
      const text = await alert.locator('p').innerText();
      assert.equal(text, expected(lang === 'pt'
        ? 'Esta parte da aplicação não chegou: a ligação pode ter falhado, ou a aplicação foi atualizada depois de esta página abrir. Tente de novo ou recarregue a página (a vista em que estava fica no endereço); o que já estava carregado mantém-se.'
        : 'This part of the app did not arrive: the connection may have failed, or the app was updated after this page opened. Try again, or reload the page (the view you were on is kept in the address); what was already loaded stays.'));
      assert.equal(await alert.getAttribute('role'), 'alert');
      // The rest of the app is there: navigation, the datasets, the filters.
      await page.getByTestId('file-consultations').waitFor();
      assert.equal(await page.locator('nav .tab').count() > 0, expected(true));
      assert.equal(before, 1);
      // A retry that fails too says which attempt it was, and keeps the focus on Retry.
      await page.getByTestId('part-retry').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('part-attempt').getByText(lang === 'pt' ? 'Tentativa 2' : 'Attempt 2').waitFor();
      await page.waitForFunction(() => document.activeElement?.dataset.testid === 'part-retry');
      blocked = false;
      await page.getByTestId('part-retry').click();
      await page.getByTestId('chart-barriers').waitFor();
      assert.equal(await page.getByTestId('part-failed').count(), expected(0));
      // The keyboard focus is in the page's main region, not lost with the button.
      assert.equal(await page.evaluate(() => document.activeElement?.id), expected('main'));
      assert.deepEqual(page.errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
}

test('a link to a page preloads that page part from the start, and it is fetched once', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const fetched = [];
    page.on('request', (r) => { if (PAGE_PART.test(r.url())) fetched.push(r.url().match(/split_([a-z]+)_page/)[1]); });
    await page.goto(`${server.url}?page=workforce&lang=en`);
    await page.getByTestId('workforce').waitFor();
    const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"]')]
      .map((l) => l.getAttribute('href')).filter((h) => /split_/.test(h)).map((h) => h.match(/split_([a-z]+)_page/)[1]));
    assert.equal(preloads.join(','), expected('workforce'));
    await page.getByTestId('file-labour_market').waitFor();
    await page.waitForTimeout(300);
    assert.equal(fetched.join(','), expected('workforce'));
  } finally {
    await browser.close();
    await server.close();
  }
});

test('presenting (slide=) preloads the presenter bar part, fetched once; the landing view fetches neither it nor the list of a user\'s files nor the code that checks and stores them', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const OWN = /\/vagas-split_(presenter_bar|user_datasets_part|user_job)-[0-9a-f]{16}\.wasm$/;
    const landing = await openNoWorker(browser, `${server.url}?lang=en`);
    await landing.getByTestId('kpi-ratio').waitFor();
    await landing.waitForTimeout(500);
    assert.equal(landing.requested.filter((u) => OWN.test(u)).length, expected(0));
    assert.equal(await landing.evaluate(() => [...document.querySelectorAll('link[rel="preload"]')].filter((l) => /split_/.test(l.href)).length), expected(0));

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const fetched = [];
    page.on('request', (r) => { const m = r.url().match(OWN); if (m) fetched.push(m[1]); });
    await page.goto(`${server.url}?slide=1&lang=en`);
    await page.waitForFunction(() => /\/ [1-9]/.test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''));
    const preloads = await page.evaluate(() => [...document.querySelectorAll('link[rel="preload"]')]
      .map((l) => l.getAttribute('href')).filter((h) => /split_/.test(h)).map((h) => h.match(/split_([a-z_]+?)-[0-9a-f]{16}/)[1]));
    assert.equal(preloads.join(','), expected('presenter_bar'));
    assert.match(await page.getByTestId('slide-counter').innerText(), expected(/1 \/ [1-9]/));
    await page.waitForTimeout(300);
    assert.equal(fetched.join(','), expected('presenter_bar'));

    // A story that does not load is said so on the presenting bar (the datasets panel is hidden
    // there), in place of "Slide 1 / 0", with a retry that brings the slides.
    server.overrides.set('/data/story.json', { status: 503, body: 'busy' });
    const failing = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await failing.goto(`${server.url}?slide=2&lang=pt`);
    await failing.getByTestId('retry-story-presenting').waitFor();
    assert.equal(await failing.getByTestId('slide-counter').innerText(), expected('A apresentação não carregou.'));
    server.overrides.delete('/data/story.json');
    await failing.getByTestId('retry-story-presenting').click();
    await failing.waitForFunction(() => /2 \/ [1-9]/.test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''));
    assert.equal(await failing.getByTestId('retry-story-presenting').count(), expected(0));

    // From the dashboard, "Present" and P still start presenting a story that did not load, so
    // that the bar can say why, with the retry.
    server.overrides.set('/data/story.json', { status: 503, body: 'busy' });
    const dash = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await dash.goto(`${server.url}?lang=en`);
    await dash.getByTestId('retry-story').waitFor();
    assert.equal(await dash.getByTestId('present-header').isDisabled(), expected(false));
    await dash.keyboard.press('p');
    await dash.getByTestId('retry-story-presenting').waitFor();
    assert.equal(await dash.getByTestId('slide-counter').innerText(), expected('The presentation did not load.'));
    server.overrides.delete('/data/story.json');
    await dash.getByTestId('retry-story-presenting').click();
    await dash.waitForFunction(() => /1 \/ [1-9]/.test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''));

    // The story's own page says it did not load (not "No slides yet"), with its retry.
    server.overrides.set('/data/story.json', { status: 503, body: 'busy' });
    const storyPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await storyPage.goto(`${server.url}?page=story&lang=en`);
    await storyPage.getByTestId('story-unavailable').waitFor();
    assert.match(await storyPage.getByTestId('story-unavailable').innerText(), expected(/^The presentation did not load\./));
    assert.equal(await storyPage.getByText('No slides yet').count(), expected(0));
    assert.equal(await storyPage.getByTestId('present').isDisabled(), expected(false));
    server.overrides.delete('/data/story.json');
    await storyPage.getByTestId('retry-story-page').click();
    await storyPage.getByTestId('slides').waitFor();
    assert.equal(await storyPage.getByTestId('story-unavailable').count(), expected(0));
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the small chunks come in one file: a page needs a few requests; if that file fails, Retry fetches it again', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const PACK = /\/vagas-chunks-[0-9a-f]{16}\.wasm$/;
    const page = await openNoWorker(browser, `${server.url}?lang=en`);
    const wasm = [];
    page.on('request', (r) => { if (/\.wasm$/.test(r.url())) wasm.push(r.url()); });
    let blocked = true;
    await page.route(PACK, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.getByTestId('tab-explore').click();
    await page.getByTestId('part-failed').waitFor();
    blocked = false;
    await page.getByTestId('part-retry').click();
    await page.getByTestId('chart-rank-occupations').locator('g.bar-row').first().waitFor();
    // The explorer's part, the larger chunks it shares, and the pack (twice: refused, then fetched).
    const packs = wasm.filter((u) => PACK.test(u)).length;
    assert.equal(packs, expected(2));
    assert.equal(wasm.length <= 10, expected(true), wasm.join('\n'));
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a part that does not answer is said so after a while, with a reload; a user file whose checker part is missing gets a retry', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await openNoWorker(browser, `${server.url}?lang=en`);
    // A request that never answers.
    await page.route(/vagas-split_format_page-/, () => {});
    await page.getByTestId('tab-format').click();
    await page.getByTestId('part-loading').waitFor();
    assert.equal(await page.getByTestId('part-failed').count(), 0);
    // After ui::lazy::PATIENCE (20 s).
    await page.getByTestId('part-failed').waitFor({ timeout: 40000 });
    assert.equal(await page.getByTestId('part-reload').innerText(), expected('Reload the page'));
    assert.equal(await page.getByTestId('part-loading').count(), 0);
    assert.deepEqual(page.errors, []);
    // The worker bridge's part missing (a new page: no fake clock): the file's row says so, and its
    // Retry checks it.
    const data = await openNoWorker(browser, `${server.url}?lang=en&page=data`);
    const checker = /vagas-split_check_part-/;
    await data.route(checker, (route) => route.abort('internetdisconnected'));
    await data.getByTestId('file-input').setInputFiles(new URL('../corpus/lm_negative.json', import.meta.url).pathname);
    const failed = data.getByTestId('user-failed');
    await failed.waitFor();
    assert.equal((await failed.innerText()).includes('This part of the app did not arrive'), expected(true));
    await data.unroute(checker);
    await data.getByTestId('user-retry').click();
    await data.getByTestId('problems').waitFor();
    assert.equal(await data.getByTestId('user-failed').count(), expected(0));
    assert.deepEqual(data.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

const USER_JOB = /\/vagas-split_user_job-[0-9a-f]{16}\.wasm$/;
const corpus = (name) => new URL(`../corpus/${name}`, import.meta.url).pathname;
/** The names of the user's datasets (their file's, or their own title), in the order the page
 *  lists (and layers) them. */
const userNames = (page) => page.locator('[data-testid="user-datasets"] li.user-file .file-title strong').allInnerTexts();
/** The ids of the user's datasets' rows, in the order listed (stored ids: the same after a reload). */
const userIds = (page) => page.locator('[data-testid="user-datasets"] li.user-file').evaluateAll((rows) => rows.map((r) => r.dataset.testid));

test('datasets kept in this browser whose part does not arrive: a row says so (en, pt), Retry brings them back, and so does a file picked meanwhile', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const { page } = await noWorkerPage(browser);
    await page.goto(`${server.url}?page=data&lang=en`);
    await page.getByTestId('file-input').setInputFiles(corpus('lm_valid.json'));
    await page.getByTestId('user-saved').getByText('kept in this browser').waitFor();
    let blocked = true;
    await page.route(USER_JOB, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.reload();
    const failed = page.getByTestId('user-failed');
    await failed.waitFor();
    assert.equal(await failed.locator('p').innerText(), expected('The datasets kept in this browser could not be brought back: the part of the app that reads them did not arrive (the connection may have failed, or the app was updated after this page opened). They are still stored: try again, or reload the page.'));
    // Nothing to remove on that row: the datasets stay stored.
    assert.equal(await page.getByTestId('user-remove').count(), expected(0));
    blocked = false;
    await page.getByTestId('user-retry').click();
    await page.getByTestId('user-records').waitFor();
    assert.equal(await page.getByTestId('user-failed').count(), expected(0));
    assert.deepEqual(await userNames(page), expected(['lm_valid.json']));

    // In Portuguese; a file picked while the stored ones wait brings them back with it.
    blocked = true;
    await page.goto(`${server.url}?page=data&lang=pt`);
    await failed.waitFor();
    assert.match(await failed.locator('p').innerText(), expected(/^Os dados guardados neste navegador não puderam ser repostos/));
    blocked = false;
    await page.getByTestId('file-input').setInputFiles(corpus('cons_valid.json'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-records"]').length === 2);
    assert.equal(await page.getByTestId('user-failed').count(), expected(0));
    assert.deepEqual(await userNames(page), expected(['lm_valid.json', 'cons_valid.json']));
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a file picked while the stored datasets are still coming back is listed, and layered, after them, as after a reload', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const { page } = await noWorkerPage(browser);
    await page.goto(`${server.url}?page=data&lang=en`);
    await page.getByTestId('file-input').setInputFiles(corpus('lm_valid.json'));
    await page.getByTestId('user-saved').getByText('kept in this browser').waitFor();
    const stored = await userIds(page);
    // The part that brings it back arrives 3 s late; a second labour-market file is picked at once.
    await page.route(USER_JOB, async (route) => { await new Promise((r) => setTimeout(r, 3000)); await route.continue(); });
    await page.reload();
    await page.getByTestId('file-input').setInputFiles(corpus('lm_valid.csv'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-saved"]').length === 2);
    const during = await userIds(page);
    await page.getByTestId('tab-overview').click();
    const open = await page.getByTestId('kpi-vacancies_open').locator('.card-value').innerText();
    await page.unroute(USER_JOB);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-records"]').length === 2);
    assert.equal(during[0], expected(stored[0]), `listed: ${during}`);
    assert.deepEqual(await userIds(page), expected(during));
    assert.equal(await page.getByTestId('kpi-vacancies_open').locator('.card-value').innerText(), expected(open));
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
