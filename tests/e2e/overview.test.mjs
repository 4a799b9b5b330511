// End to end: the release dist/ served on loopback, driven in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, figures, fmt, expected } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const kpi = (page, id) => page.getByTestId(`kpi-${id}`).locator('.card-value');

test('the overview shows the figures of the sample data', async () => {
  const page = await open(browser, server.url);
  // Default view: Portugal, the last 12 months of data (2025).
  const all = figures({ from: '2025-01', to: '2025-12' });
  await page.getByTestId('kpi-ratio').waitFor();
  assert.equal(await kpi(page, 'vacancies_open').textContent(), expected(fmt('pt', all.vacancies_open)));
  assert.equal(await kpi(page, 'jobseekers').textContent(), expected(fmt('pt', all.jobseekers)));
  assert.equal(await kpi(page, 'vacancies_new').textContent(), expected(fmt('pt', all.vacancies_new)));
  assert.equal(await kpi(page, 'ratio').textContent(), expected(fmt('pt', all.ratio, 2)));
  await page.locator('#notice-title').getByText('Dados ilustrativos').waitFor();

  // Faro in the summer of 2024: the figures follow the filters.
  await page.getByTestId('filter-region').selectOption('PT-08');
  await page.getByTestId('filter-from').selectOption('2024-06');
  await page.getByTestId('filter-to').selectOption('2024-08');
  const faro = figures({ from: '2024-06', to: '2024-08', regions: ['PT-08'] });
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent === want,
    ['[data-testid="kpi-vacancies_open"] .card-value', expected(fmt('pt', faro.vacancies_open))],
    { timeout: 5000 },
  );
  assert.match(await page.getByTestId('headline-context').textContent(), /Faro · jun 2024 – ago 2024/);
  // The most-short occupation in Faro in summer is a tourism job with more vacancies than jobseekers.
  const first = page.getByTestId('top-occupations').locator('tbody tr').first();
  assert.match(await first.textContent(), /9412|5131/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('switching language changes the text and the number format', async () => {
  const page = await open(browser, server.url);
  await page.getByTestId('kpi-ratio').waitFor();
  assert.equal(await page.locator('h2#headlines-title').textContent(), expected('Indicadores principais'));
  await page.getByTestId('lang-switch').click();
  await page.getByText('Headline figures').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.title(), 'Vagas — Labour shortages and stakeholder consultations', 'the browser tab\'s title follows the language');
  const all = figures({ from: '2025-01', to: '2025-12' });
  assert.equal(await kpi(page, 'jobseekers').textContent(), expected(fmt('en', all.jobseekers)));
  assert.equal(await page.getByTestId('lang-switch').textContent(), expected('Português'));
  await page.getByTestId('lang-switch').click();
  await page.getByText('Indicadores principais').waitFor();
  assert.equal(await page.title(), 'Vagas — Escassez de trabalhadores e consultas às partes interessadas');
  await page.close();
});

test('a corrupted dataset shows which file and why; the page stays usable', async () => {
  const good = await (await fetch(`${server.url}data/labour_market.json`)).text();
  // A negative count in the first record, on line 14 of the generated file.
  const bad = good.replace(/("vacancies_open": \[)\d+/, '$1-7');
  assert.notEqual(bad, good);
  server.overrides.set('/data/labour_market.json', { body: bad });
  try {
    const page = await open(browser, server.url);
    const err = page.getByTestId('error-labour_market');
    // (The report is drawn once its part of the wasm has arrived: ui::lazy.)
    await err.getByTestId('problems').waitFor();
    const text = await err.textContent();
    assert.match(text, new RegExp(expected('data/labour_market\\.json')));
    assert.match(text, /Contagem negativa — \$\.records\.vacancies_open\[0\] \(linha 11:\d+\)/);
    assert.match(text, /-7/);
    // The rest keeps working: consultations loaded, language switch works.
    await page.getByTestId('themes').waitFor();
    // Loading moved neither the keyboard focus nor the page (a loaded row takes the focus only
    // after a retry).
    assert.deepEqual(await page.evaluate(() => [document.activeElement === document.body, window.scrollY]), [true, 0]);
    await page.getByTestId('lang-switch').click();
    await err.getByText('Negative count').waitFor();
    // Fix the file on the server and retry: the overview appears.
    server.overrides.delete('/data/labour_market.json');
    await page.getByTestId('retry-labour_market').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('kpi-ratio').waitFor();
    assert.equal(await page.getByTestId('error-labour_market').count(), 0);
    // The keyboard focus, lost with the Retry button, is on the row that now says it loaded.
    await page.waitForFunction((want) => document.activeElement?.dataset.testid === want, expected('file-labour_market'));
    assert.match(await page.getByTestId('file-labour_market').textContent(), /loaded|carregado/);
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    server.overrides.delete('/data/labour_market.json');
  }
});

test('a missing file says so and the other panels keep their data', async () => {
  server.overrides.set('/data/consultations.json', { status: 404, body: 'not found' });
  try {
    const page = await open(browser, server.url);
    const err = page.getByTestId('error-consultations');
    await err.waitFor();
    assert.match(await err.textContent(), new RegExp(expected('404')));
    await page.getByTestId('kpi-ratio').waitFor();
    await page.getByTestId('themes-unavailable').waitFor();
    // A retry that fails again says so (which attempt), and the keyboard focus stays on Retry.
    assert.equal(await page.getByTestId('attempt-consultations').count(), 0);
    await page.getByTestId('retry-consultations').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('attempt-consultations').getByText(expected('Tentativa 2')).waitFor();
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'retry-consultations');
    await page.keyboard.press('Enter');
    await page.getByTestId('attempt-consultations').getByText('Tentativa 3').waitFor();
    assert.match(await page.getByTestId('error-consultations').textContent(), /404/);
    // The consultations page says its figures are unavailable, and offers no empty downloads.
    await page.getByTestId('tab-consultations').click();
    await page.getByTestId('events-unavailable').waitFor();
    await page.getByTestId('csv-barriers').waitFor();
    assert.equal(await page.getByTestId('csv-barriers').isDisabled(), expected(true), 'no CSV of a chart without data');
    assert.equal(await page.getByTestId('png-barriers').isDisabled(), true);
    await page.close();
  } finally {
    server.overrides.delete('/data/consultations.json');
  }
});

test('on a phone, the current page\'s tab is in view in the sideways-scrolling tab strip', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const inView = (id) => page.evaluate((id) => {
    const nav = document.querySelector('nav.tabs').getBoundingClientRect();
    const tab = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
    return tab.left >= nav.left - 1 && tab.right <= nav.right + 1;
  }, id);
  // Opened by its address: the last tab.
  await page.goto(`${server.url}?page=format&lang=en`);
  await page.getByTestId('tab-format').waitFor();
  await page.waitForFunction(() => document.querySelector('nav.tabs').scrollWidth > document.querySelector('nav.tabs').clientWidth);
  await page.waitForTimeout(200);
  assert.equal(await inView('tab-format'), expected(true), 'the Data format tab is in view');
  // From the overview to the data format page with its tab, then Back: the Overview tab comes
  // back into view.
  await page.goto(`${server.url}?page=overview&lang=en`);
  await page.getByTestId('kpi-ratio').waitFor();
  await page.getByTestId('tab-format').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="tab-format"]').getAttribute('aria-current') === 'page');
  assert.equal(await inView('tab-overview'), false, 'the strip scrolled to the Data format tab');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid="tab-overview"]').getAttribute('aria-current') === 'page');
  await page.waitForTimeout(200);
  assert.equal(await inView('tab-overview'), true, 'the Overview tab is in view after Back');
  await context.close();
});
