// The page's wasm in parts (issue #12, scripts/wasm-split.mjs, src/ui/lazy.rs): the landing view
// fetches no page's part; a page's part is fetched when the page is shown; a part that cannot be
// fetched is said so in the user's language, with everything else kept, and a retry works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, expected } from './harness.mjs';

const PAGE_PART = /\/vagas-split_[a-z]+_page-[0-9a-f]{16}\.wasm$/;

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

for (const lang of ['pt', 'en']) {
  test(`a page whose part cannot be fetched says so (${lang}), keeps the rest, and a retry loads it`, async () => {
    const server = await serve();
    const browser = await launch();
    try {
      const page = await open(browser, `${server.url}?lang=${lang}`);
      let blocked = true;
      await page.route(PAGE_PART, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
      const before = await page.getByTestId('kpi-ratio').count();
      await page.goto(`${server.url}?lang=${lang}&page=consultations`);
      const alert = page.getByTestId('part-failed');
      await alert.waitFor();
      const text = await alert.locator('p').innerText();
      assert.equal(text, expected(lang === 'pt'
        ? 'Esta parte da aplicação não chegou (sem ligação à rede?). Verifique a ligação e tente de novo: o que já estava carregado mantém-se.'
        : 'This part of the app did not arrive (no network?). Check the connection and try again: what was already loaded stays.'));
      assert.equal(await alert.getAttribute('role'), 'alert');
      // The rest of the app is there: navigation, the datasets, the filters.
      await page.getByTestId('file-consultations').waitFor();
      assert.equal(await page.locator('nav .tab').count() > 0, expected(true));
      assert.equal(before, 1);
      blocked = false;
      await page.getByTestId('part-retry').click();
      await page.getByTestId('chart-barriers').waitFor();
      assert.equal(await page.getByTestId('part-failed').count(), expected(0));
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
