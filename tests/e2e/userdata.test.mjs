// End to end: bringing one's own data. Every file of the hostile corpus is
// dropped onto the page (its report shows, the dashboard keeps working);
// keeping the valid records, storage across reloads, data= addresses (found,
// not found, no CORS), a 50 MB file checked in the worker, and a full quota.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, figures, fmt, expected, drop, DIST } from './harness.mjs';

const CORPUS = new URL('../corpus/', import.meta.url).pathname;
const VALID = ['cons_html_payloads.json', 'cons_valid.json', 'lm_bom.json', 'lm_valid.csv', 'lm_valid.json'];

let server, browser, other;
before(async () => {
  server = await serve();
  browser = await launch();
  // A second origin: /cors/* answers with an Access-Control-Allow-Origin header, the rest without.
  other = createServer((req, res) => {
    const cors = req.url.startsWith('/cors/');
    const headers = { 'content-type': 'application/json', ...(cors ? { 'access-control-allow-origin': '*' } : {}) };
    res.writeHead(200, headers);
    res.end(readFileSync(join(CORPUS, 'lm_valid.json')));
  });
  await new Promise((ok) => other.listen(0, '127.0.0.1', ok));
});
after(async () => { await browser?.close(); await server?.close(); other?.close(); });

const otherUrl = (path) => `http://127.0.0.1:${other.address().port}${path}`;


const kpi = (page, id) => page.getByTestId(`kpi-${id}`).locator('.card-value');
const bundledOpen = () => fmt('en', figures({ from: '2025-01', to: '2025-12' }).vacancies_open);

async function fresh() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${server.url}?lang=en`);
  await page.getByTestId('kpi-vacancies_open').waitFor();
  return { context, page };
}

test('each corpus file dropped on the page shows its report and the dashboard keeps working', async () => {
  const { context, page } = await fresh();
  const names = readdirSync(CORPUS).filter((n) => /\.(json|csv)$/.test(n)).sort();
  assert.ok(names.length >= 35, `${names.length} corpus files`);
  for (const name of names) {
    await drop(page, [[name, readFileSync(join(CORPUS, name))]]);
    const row = page.getByTestId('user-datasets').locator('li.user-file').last();
    const valid = VALID.includes(name);
    const done = row.locator(valid ? '[data-testid="user-records"]' : '[data-testid="user-rejected"]');
    await done.waitFor({ timeout: 15000 });
    if (!valid) {
      const report = await row.getByTestId('problems').innerText();
      // Every report names a place: a line and column (CSV: line, column number and name), or a JSON path.
      assert.match(report, new RegExp(expected('error')), `${name}: ${report}`);
      assert.match(report, /line \d+:\d+|line \d+, column \d+ \(\w+\)|\$\./, `${name}: ${report}`);
    }
    // Remove it again: the bundled figures are back, the page still answers.
    await row.getByTestId('user-remove').click();
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent === want,
      ['[data-testid="kpi-vacancies_open"] .card-value', bundledOpen()],
      { timeout: 5000 },
    );
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.equal(await page.locator('main img[src="x"], main script').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('keeping the valid records: counts in the panel, the notice and the CSV export; kept after a reload', async () => {
  const { context, page } = await fresh();
  await drop(page, [['lm_negative.json', readFileSync(join(CORPUS, 'lm_negative.json'))]]);
  const rejected = page.getByTestId('user-rejected');
  await rejected.waitFor();
  assert.match(await rejected.innerText(), /Negative count — \$\.records\.vacancies_open\[1\] \(line 16:\d+\)/);
  assert.match(await rejected.innerText(), /Counts cannot be negative/);
  // Not applied: the bundled figures are unchanged until the user chooses.
  assert.equal(await kpi(page, 'vacancies_open').textContent(), bundledOpen());
  await page.getByTestId('keep-valid').click();
  await page.getByTestId('user-dropped').waitFor();
  assert.equal(await page.getByTestId('user-dropped').innerText(), expected('1 record with errors left out'));
  assert.match(await page.getByTestId('dropped-notice').innerText(), /^1 record with errors was left out/);
  // The two valid records (PT-08 and PT-02, Jan 2025) replace the bundled labour data.
  await page.getByTestId('filter-from').selectOption('2025-01');
  await page.getByTestId('filter-to').selectOption('2025-01');
  await page.getByTestId('tab-explore').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-rank-occupations').click()]);
  const csv = (await readFile(await dl.path(), 'utf8')).trim().split('\r\n');
  assert.match(csv.at(-1), new RegExp(expected('1 record with errors was left out')));
  assert.match(csv.at(-1), /Source: data loaded by the user: lm_negative\.json/);
  // Stored in the browser: back after a reload, with the same count.
  await page.reload();
  await page.getByTestId('user-dropped').waitFor();
  assert.match(await page.getByTestId('user-saved').innerText(), /kept in this browser/);
  // Back to the bundled data: everything loaded is removed, storage too.
  await page.getByTestId('back-to-bundled').click();
  await page.reload();
  await page.getByTestId('file-labour_market').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('user-datasets').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a replacing file drives the figures; an added one overrides matching records only', async () => {
  const { context, page } = await fresh();
  const lm = JSON.parse(readFileSync(join(CORPUS, 'lm_valid.json'), 'utf8'));
  // Replace: Jan–Feb 2025 from the file only (open vacancies: monthly average of stocks).
  await drop(page, [['lm_valid.json', readFileSync(join(CORPUS, 'lm_valid.json'))]]);
  await page.getByTestId('user-records').waitFor();
  const sum = lm.records.vacancies_open.reduce((a, b) => a + b, 0);
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent === want,
    ['[data-testid="kpi-vacancies_open"] .card-value', expected(fmt('en', sum / 2))],
    { timeout: 5000 },
  );
  // Switch it to "add": bundled Jan–Feb 2025 with these three records overriding their twins.
  await page.getByTestId('user-mode').selectOption('add');
  await page.getByTestId('filter-from').selectOption('2025-01');
  await page.getByTestId('filter-to').selectOption('2025-02');
  const bundled = JSON.parse(readFileSync(new URL('../../data/labour_market.json', import.meta.url), 'utf8'));
  const key = (d, r, i) => [d.month[r.month[i]], d.region[r.region[i]], d.sector[r.sector[i]], d.occupation[r.occupation[i]]].join('|');
  const added = new Map();
  for (let i = 0; i < lm.records.month.length; i++) added.set(key(lm.dimensions, lm.records, i), lm.records.vacancies_open[i]);
  let total = 0;
  const { dimensions: d, records: r } = bundled;
  for (let i = 0; i < r.month.length; i++) {
    const m = d.month[r.month[i]];
    if (m < '2025-01' || m > '2025-02') continue;
    if (!added.has(key(d, r, i))) total += r.vacancies_open[i] ?? 0;
  }
  for (const v of added.values()) total += v;
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent === want,
    ['[data-testid="kpi-vacancies_open"] .card-value', expected(fmt('en', total / 2))],
    { timeout: 5000 },
  );
  await context.close();
});

test('data= addresses: loaded when allowed, a precise reason when not', async () => {
  const { context, page } = await fresh();
  const go = async (url) => {
    await page.goto(`${server.url}?lang=en&page=data&data=${encodeURIComponent(url)}`);
    await page.getByTestId('user-datasets').waitFor();
  };
  await go(otherUrl('/cors/lm.json'));
  await page.getByTestId('user-records').waitFor();
  assert.equal(await page.getByTestId('user-records').innerText(), expected('3'));
  await page.getByTestId('back-to-bundled').click();
  await go(otherUrl('/plain/lm.json'));
  assert.match(await page.getByTestId('user-failed').innerText(), new RegExp(expected('does not allow this page to read it \\(no CORS header\\)')));
  await page.getByTestId('back-to-bundled').click();
  await go('nowhere/missing.json');
  assert.match(await page.getByTestId('user-failed').innerText(), new RegExp(expected('Not found \\(HTTP 404\\)')));
  await page.getByTestId('back-to-bundled').click();
  // A manifest: its datasets are fetched relative to it and carry its provenance.
  server.overrides.set('/mine/manifest.json', { body: JSON.stringify({
    format: 'vagas.manifest', version: 1,
    datasets: [{ id: 'lm', kind: 'labour_market', path: 'lm.json', title: { pt: 'Município X', en: 'Municipality X' },
      source: { pt: 'IEFP', en: 'IEFP' }, licence: 'CC-BY-4.0', date: '2025-02', illustrative: false }],
  }) });
  server.overrides.set('/mine/lm.json', { body: readFileSync(join(CORPUS, 'lm_valid.json')) });
  await go('mine/manifest.json');
  await page.getByTestId('user-records').waitFor();
  const panel = await page.getByTestId('user-datasets').innerText();
  assert.match(panel, new RegExp(expected('Municipality X')));
  assert.match(panel, /CC-BY-4\.0/);
  assert.equal(await page.getByTestId('user-illustrative').innerText(), 'no');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a 50 MB file is checked in the worker while the page keeps answering', async () => {
  const { context, page } = await fresh();
  // Built in the page (no 50 MB over the test protocol): 432 months × 20 districts × 10 sectors × 28 occupations.
  const codes = JSON.parse(readFileSync(new URL('../../data/codes.json', import.meta.url), 'utf8'));
  const info = await page.evaluate(({ regions, sectors, occupations }) => {
    const months = [];
    for (let y = 1990; y < 2026; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
    const n = months.length * regions.length * sectors.length * occupations.length;
    const cols = { month: [], region: [], sector: [], occupation: [] };
    let i = 0;
    for (let a = 0; a < months.length; a++) for (let b = 0; b < regions.length; b++)
      for (let c = 0; c < sectors.length; c++) for (let d = 0; d < occupations.length; d++) {
        cols.month.push(a); cols.region.push(b); cols.sector.push(c); cols.occupation.push(d); i++;
      }
    const num = () => Array.from({ length: n }, (_, k) => 1000 + (k * 7919) % 90000).join(',');
    const text = `{"format":"vagas.labour_market","version":1,"dimensions":${JSON.stringify({ month: months, region: regions, sector: sectors, occupation: occupations })},`
      + `"records":{"month":[${cols.month.join(',')}],"region":[${cols.region.join(',')}],"sector":[${cols.sector.join(',')}],"occupation":[${cols.occupation.join(',')}],`
      + `"jobseekers":[${num()}],"vacancies_open":[${num()}],"vacancies_new":[${num()}],"placements":[${num()}]}}`;
    window.__big = new File([text], 'big.json');
    return { bytes: window.__big.size, records: n };
  }, {
    regions: codes.regions.map((r) => r.code), sectors: codes.sectors.slice(0, 10).map((s) => s.code),
    occupations: codes.occupations.map((o) => o.code),
  });
  assert.ok(info.bytes >= 50e6, `${info.bytes} bytes`);
  // Frames keep coming while the file is checked: the longest gap is measured.
  const started = Date.now();
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const tick = (t) => { window.__gaps.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const dt = new DataTransfer();
    dt.items.add(window.__big);
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.getByTestId('user-checking').waitFor();
  await page.getByTestId('user-records').waitFor({ timeout: 120000 });
  const elapsed = Date.now() - started;
  const gaps = await page.evaluate(() => { window.__stop = true; return window.__gaps; });
  const longest = Math.max(...gaps);
  console.log(`50 MB load: ${(info.bytes / 1e6).toFixed(1)} MB, ${info.records} records, ready in ${elapsed} ms; longest frame gap ${longest.toFixed(0)} ms over ${gaps.length} frames`);
  assert.equal(await page.getByTestId('user-records').innerText(), expected(fmt('en', info.records)));
  // The checked data is in effect: the headline follows it.
  await page.getByTestId('filter-to').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a full storage quota is reported on the dataset, which still works for this visit', async () => {
  const { context, page } = await fresh();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url.replace(/\/$/, ''), quotaSize: 1 });
  await drop(page, [['lm_valid.json', readFileSync(join(CORPUS, 'lm_valid.json'))]]);
  await page.getByTestId('user-records').waitFor();
  const saved = page.getByTestId('user-saved');
  await page.waitForFunction(() => /NOT kept/.test(document.querySelector('[data-testid="user-saved"]')?.textContent ?? ''), null, { timeout: 10000 });
  assert.match(await saved.innerText(), new RegExp(expected('NOT kept in this browser: QuotaExceededError')));
  assert.equal(await saved.getAttribute('role'), 'alert');
  assert.equal(await page.getByTestId('user-records').innerText(), '3');
  await context.close();
});

test('the data-format page is the "At a glance" section of docs/data-format.md, in English and in Portuguese', async () => {
  // The guide as served (copied into dist/ by the build), read from the repository here.
  const md = readFileSync(new URL('../../docs/data-format.md', import.meta.url), 'utf8');
  const section = md.split('<!-- BEGIN generated')[1].split('<!-- END generated -->')[0];
  const headings = section.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4));
  const captions = section.split('\n').filter((l) => /^\*\*.+\*\*$/.test(l)).map((l) => l.slice(2, -2));
  assert.ok(headings.length >= 8 && captions.length >= 8, `${headings.length} headings, ${captions.length} tables`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${server.url}?page=format&lang=en`);
  const format = page.getByTestId('format-page');
  await format.locator('h3').first().waitFor();
  assert.deepEqual(await format.locator('h3').allTextContents(), expected(headings));
  assert.deepEqual(await format.locator('caption').allTextContents(), expected(captions));
  // Every table row of the guide is on the page, first cell as written.
  const firstCells = section.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('`')[1]);
  assert.deepEqual(await format.locator('tbody th code').allTextContents(), expected(firstCells));
  // In Portuguese: as many sections and tables, in Portuguese.
  await page.goto(`${server.url}?page=format&lang=pt`);
  await format.locator('h3').first().waitFor();
  const pt = await format.locator('h3').allTextContents();
  assert.equal(pt.length, expected(headings.length));
  assert.equal(pt[0], expected('O que pode carregar e como'));
  assert.equal(await format.locator('caption').count(), expected(captions.length));
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The check runs in a worker with its own wasm module; when that module cannot be loaded (a proxy
// or a browser policy blocking it, a broken deployment), the user is told the file could not be
// checked (not that it is wrong), what to do, and the dashboard keeps its data.
test('a checker that cannot start says so in the user\'s language and what to do; nothing loaded is lost', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const wasm = html.match(/<meta name="vagas-worker-wasm" content="([^"]+)"/)?.[1];
  assert.ok(wasm, 'the worker module is named in index.html');
  const path = `/${wasm.replace(/^\.\//, '')}`;
  server.overrides.set(path, { status: 404, body: 'not found' });
  try {
    for (const [lang, title, hint, summary] of [
      ['en', 'The check could not run', /it did not start[^]*Reload the page and load it again/, 'Not applied: the file could not be checked in this browser.'],
      ['pt', 'A verificação não correu', /não arrancou[^]*Recarregue a página e carregue-o de novo/, 'Não aplicado: o ficheiro não pôde ser verificado neste navegador.'],
    ]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      await page.goto(`${server.url}?lang=${lang}`);
      await page.getByTestId('kpi-vacancies_open').waitFor();
      const before = await kpi(page, 'vacancies_open').innerText();
      await drop(page, [['lm_valid.json', readFileSync(join(CORPUS, 'lm_valid.json'))]]);
      const row = page.getByTestId('user-datasets').locator('li.user-file').last();
      await row.getByTestId('user-rejected').waitFor({ timeout: 15000 });
      const report = await row.getByTestId('problems').innerText();
      assert.match(report, new RegExp(expected(title)), report);
      assert.match(report, hint, report);
      assert.ok((await row.getByTestId('user-rejected').innerText()).includes(summary));
      // Not blamed on the file: no line, column or field is named.
      assert.doesNotMatch(report, /line \d|linha \d/, report);
      assert.equal(await kpi(page, 'vacancies_open').innerText(), before);
      assert.deepEqual(page.errors, []);
      await context.close();
    }
  } finally {
    server.overrides.delete(path);
  }
});

test('keyboard: the focus stays in the list of the user\'s datasets when a row is rebuilt or removed, and goes to the main region with the list', async () => {
  const { context, page } = await fresh();
  await drop(page, [['lm_valid.json', readFileSync(join(CORPUS, 'lm_valid.json'))], ['cons_valid.json', readFileSync(join(CORPUS, 'cons_valid.json'))]]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-saved"]').length === 2);
  const rows = await page.locator('li.user-file').evaluateAll((r) => r.map((x) => x.dataset.testid));
  const active = () => page.evaluate(() => [
    document.activeElement?.dataset.testid ?? document.activeElement?.id ?? null,
    document.activeElement?.closest('li.user-file')?.dataset.testid ?? null,
  ]);
  // A mode chosen with the arrows rebuilds the row: the focus stays on its select.
  await page.locator(`[data-testid="${rows[0]}"] [data-testid="user-mode"]`).focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"] [data-testid="user-mode"]`)?.value === 'add', rows[0]);
  await page.waitForTimeout(300);
  assert.deepEqual(await active(), expected(['user-mode', rows[0]]));
  // Removed with the keyboard: the focus goes to the row that takes its place.
  await page.locator(`[data-testid="${rows[0]}"] [data-testid="user-remove"]`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => !document.querySelector(`[data-testid="${id}"]`), rows[0]);
  await page.waitForTimeout(100);
  assert.deepEqual(await active(), expected(['user-mode', rows[1]]));
  // Back to the bundled data: the list goes, and the focus to the page's main region.
  await page.getByTestId('back-to-bundled').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-testid="user-datasets"]'));
  await page.waitForTimeout(100);
  assert.deepEqual(await active(), expected(['main', null]));
  assert.deepEqual(page.errors, []);
  await context.close();
});
