// End to end: official figures beside the illustrative ones. The profile of
// Faro shows the Social Security figure for 2025 labelled official with its
// source, in both languages; the overview never shows an official figure
// without its label; the foreign-workforce page keeps its state in the URL;
// a user's indicators CSV loads and appears in the view. Expected figures are
// read here from data/indicators_official.json, independently of the Rust core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, fmt, expected, axeViolations } from './harness.mjs';

const official = JSON.parse(readFileSync(new URL('../../data/indicators_official.json', import.meta.url), 'utf8'));
const series = (id) => official.series.find((s) => s.id === id);
const value = (id, area, period) =>
  official.observations.find((o) => o.series === id && o.area === area && o.period === period)?.value;

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function fresh(query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${server.url}${query}`);
  return { context, page };
}

const card = (page, id) => page.getByTestId(`official-${id}`);

test('the profile of Faro shows 97 924 (2025) labelled official with its source, in pt and in en', async () => {
  const faro = value('ss_contributors', 'PT-08', '2025');
  assert.equal(faro, 97924, 'the raw files say 97 924');
  const s = series('ss_contributors');
  const { context, page } = await fresh('?page=profile&area=PT-08');
  const c = card(page, 'ss_contributors');
  await c.waitFor();
  assert.equal(await c.getByTestId('figure-value').innerText(), expected(fmt('pt', faro)));
  assert.equal(await c.getByTestId('figure-value').innerText(), '97\u00a0924');
  assert.equal(await c.getByTestId('figure-label').innerText(), expected('oficial'));
  const source = await c.getByTestId('figure-source').innerText();
  assert.ok(source.includes(s.source.pt) && source.includes('Q1') && source.includes(s.date), source);
  assert.match(source, /sujeito a revisão/);
  // Growth since 2015: 26 507 → 97 924.
  const since = value('ss_contributors', 'PT-08', '2015');
  assert.match(await c.innerText(), new RegExp(`×${fmt('pt', faro / since, 2)}.*desde 2015`));
  // The illustrative shortage figures beside it say so.
  assert.equal(await page.getByTestId('kpi-ratio').getByTestId('figure-label').innerText(), 'ilustrativo');
  // English: the same figure, written the English way.
  await page.goto(`${server.url}?page=profile&area=PT-08&lang=en`);
  await c.waitFor();
  assert.equal(await c.getByTestId('figure-value').innerText(), expected('97,924'));
  assert.equal(await c.getByTestId('figure-label').innerText(), 'official');
  const en = await c.getByTestId('figure-source').innerText();
  assert.ok(en.includes(s.source.en) && en.includes('table Q1') && en.includes('2026-02-07'), en);
  // Foreign residents at the end of 2024 (AIMA), the district sum of its municipalities.
  assert.equal(await card(page, 'aima_residents').getByTestId('figure-value').innerText(), fmt('en', 167321));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the overview never shows an official figure without its label and source', async () => {
  for (const [query, lang] of [['', 'pt'], ['?lang=en', 'en'], ['?area=alentejo&lang=en', 'en']]) {
    const { context, page } = await fresh(query);
    await page.getByTestId('official-figures').locator('.card').first().waitFor();
    const cards = page.getByTestId('official-figures').locator('.card');
    const n = await cards.count();
    // One card per series with a figure for the area, computed here from the file.
    const area = query.includes('alentejo') ? 'alentejo' : 'PT';
    const districts = ['PT-02', 'PT-07', 'PT-12'];
    const has = (s) => official.observations.some((o) => o.series === s.id && (area === 'PT'
      ? o.area === 'PT' && o.value !== null
      : s.unit !== 'percent' && districts.every((d) => official.observations.some((x) => x.series === s.id && x.area === d && x.value !== null))));
    assert.equal(n, expected(official.series.filter(has).length), query);
    for (let i = 0; i < n; i++) {
      const c = cards.nth(i);
      const label = await c.getByTestId('figure-label').innerText();
      assert.ok((lang === 'pt' ? ['oficial', 'ilustrativo'] : ['official', 'illustrative']).includes(label), label);
      const source = await c.getByTestId('figure-source').innerText();
      assert.ok(source.startsWith(label) && /\d{4}-\d\d/.test(source), source);
    }
    // Every figure on the page (official cards and shortage cards) carries a label.
    const values = await page.locator('.card-value').count();
    const labels = await page.locator('.card [data-testid="figure-label"]').count();
    assert.equal(labels, values);
    if (area === 'PT') {
      const total = value('ss_contributors', 'PT', '2025');
      assert.equal(await card(page, 'ss_contributors').getByTestId('figure-value').innerText(), fmt(lang, total));
    } else {
      // The focus area adds up its districts (people are counted where they live).
      const sum = districts.reduce((a, d) => a + value('ss_contributors', d, '2025'), 0);
      assert.equal(await card(page, 'ss_contributors').getByTestId('figure-value').innerText(), fmt(lang, sum));
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('the foreign-workforce page: map, ranking, growth and series follow the URL', async () => {
  const { context, page } = await fresh('?page=workforce&lang=en&area=PT-08&ser=ss_contributors&year=2025&span=2015-2025');
  const faro = page.locator('#svg-wf-map path[data-region="PT-08"]');
  await faro.waitFor();
  assert.equal(await faro.getAttribute('aria-label'), expected(`Faro: ${fmt('en', 97924)} (${series('ss_contributors').title.en})`));
  assert.equal(await faro.getAttribute('aria-pressed'), 'true');
  assert.match(await page.getByTestId('wf-provenance').innerText(), /^official Source: Instituto da Segurança Social.*table Q1, 2026-02-07 · subject to revision/);
  // Growth 2015→2025 as a factor and a percentage.
  const g = 97924 / 26507;
  const bar = page.locator('#svg-wf-growth [data-code="PT-08"]');
  assert.match(await bar.textContent(), new RegExp(`Faro ×${fmt("en", g, 2)}`));
  assert.match(await bar.textContent(), new RegExp(fmt('en', (g - 1) * 100, 1).replace('.', '\\.')));
  // Lisbon ranks first in 2025; choosing 2015 goes to the URL and the map.
  const first = page.locator('#svg-wf-rank [data-code]').first();
  assert.equal(await first.getAttribute('data-code'), 'PT-11');
  await page.getByTestId('wf-year').selectOption('2015');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2015');
  assert.equal(await faro.getAttribute('aria-label'), `Faro: ${fmt('en', 26507)} (${series('ss_contributors').title.en})`);
  // The yearly series: one line per compared area; the table holds 2015–2025.
  await page.getByTestId('toggle-table-wf-series').click();
  const rows = await page.getByTestId('table-wf-series').locator('tbody tr').count();
  assert.equal(rows, 11);
  // The page's own selects change the figures, not the way each chart is shown: the table stays.
  await page.getByTestId('wf-year').selectOption('2020');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2020');
  await page.waitForTimeout(200);
  assert.equal(await page.getByTestId('table-wf-series').count(), expected(1), 'the series table is still shown after a year change');
  assert.equal(await page.getByTestId('toggle-table-wf-series').getAttribute('aria-pressed'), 'true');
  await page.getByTestId('wf-year').selectOption('2015');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2015');
  // CSV export says official, with the source and the date.
  await page.getByTestId('toggle-table-wf-series').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-wf-series').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /official · Source: Instituto da Segurança Social/);
  assert.match(csv, /2026-02-07/);
  // No serious or critical accessibility violations on the page.
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a user's indicators CSV loads and appears in the view", async () => {
  const { context, page } = await fresh('?page=data&lang=en');
  await page.getByTestId('file-indicators').waitFor();
  await page.locator('[data-testid="file-indicators"] .file-status').getByText(/loaded/).waitFor();
  const csv = 'series,area,period,value\nmy_jobs,PT-08,2023,120\nmy_jobs,PT-08,2024,150\nmy_jobs,PT-02,2024,40\n';
  const dt = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'my_indicators.csv'));
    return dt;
  }, csv);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await page.getByTestId('user-records').waitFor();
  assert.equal(await page.getByTestId('user-records').innerText(), expected('3'));
  // The view: the series is there, its figures on the map, labelled not official.
  await page.getByTestId('tab-workforce').click();
  await page.getByTestId('wf-series').selectOption('my_jobs');
  const faro = page.locator('#svg-wf-map path[data-region="PT-08"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('ser') === 'my_jobs');
  assert.equal(await faro.getAttribute('aria-label'), expected('Faro: 150.0 (my_jobs)'));
  assert.match(await page.getByTestId('wf-provenance').innerText(), /^illustrative Source: my_indicators\.csv/);
  // And on the profile of Faro, beside the others, labelled illustrative.
  await page.goto(`${server.url}?page=profile&area=PT-08&lang=en`);
  const c = card(page, 'my_jobs');
  await c.waitFor();
  assert.equal(await c.getByTestId('figure-value').innerText(), '150.0');
  assert.equal(await c.getByTestId('figure-label').innerText(), 'illustrative');
  assert.deepEqual(page.errors, []);
  await context.close();
});
