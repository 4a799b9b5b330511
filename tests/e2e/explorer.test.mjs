// End to end: the shortages explorer — shared URLs, cross-filtering from the
// map, CSV downloads, keyboard-only use, and an axe-core accessibility audit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, open, expected, SABOTAGE, axeViolations } from './harness.mjs';
import { readFileSync } from 'node:fs';

const lm = JSON.parse(readFileSync(new URL('../../data/labour_market.json', import.meta.url), 'utf8'));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const query = (page) => new URL(page.url()).search;

test('a shared URL restores the view, back/forward step through changes, garbage is ignored quietly', async () => {
  const page = await open(browser, `${server.url}?page=explore&ind=open&area=PT-08&from=2024-06&to=2024-08&sector=I&occ=51&bogus=1&from=2024-13`);
  await page.getByTestId('chart-map').waitFor();
  const value = (id, want) => page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.value === want, [id, want], { timeout: 5000 });
  await value('indicator', expected('open'));
  await value('filter-region', 'PT-08');
  await value('filter-sector', 'I');
  await value('filter-occupation', '51');
  await value('filter-from', '2024-06');
  assert.equal(await page.getByTestId('tab-explore').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('path[data-region="PT-08"]').getAttribute('aria-pressed'), 'true');
  const notice = await page.getByTestId('url-notice').textContent();
  assert.match(notice, /bogus=1/);
  assert.match(notice, /from=2024-13/);
  // A change is a history entry; back restores the previous state.
  await page.getByTestId('indicator').selectOption('jobseekers');
  await page.waitForFunction(() => location.search.includes('ind=jobseekers'));
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('ind=open'));
  await page.waitForFunction(() => document.querySelector('[data-testid="indicator"]').value === 'open');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('[data-testid="indicator"]').value === 'jobseekers');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('clicking a region on the map filters the ranking and the series', async () => {
  const page = await open(browser, `${server.url}?page=explore`);
  const bars = page.getByTestId('chart-rank-occupations').locator('g.bar-row');
  await bars.first().waitFor();
  const before = await bars.allTextContents();
  await page.locator('path[data-region="PT-02"]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('area') === 'PT-02');
  await page.waitForFunction((b) => {
    const now = [...document.querySelectorAll('[data-testid="chart-rank-occupations"] g.bar-row')].map((g) => g.textContent);
    return JSON.stringify(now) !== JSON.stringify(b);
  }, before);
  // Beja joins the comparison (it does not replace what was compared): Portugal, the two focus
  // areas and Beja, each with its chip.
  assert.match(await page.getByTestId('compare').textContent(), new RegExp(expected('Beja')));
  assert.equal(await page.locator('#svg-series path[stroke]').count(), 4);
  assert.equal(new URLSearchParams(new URL(page.url()).search).get('cmp'), 'PT,algarve,alentejo,PT-02');
  assert.equal(await page.getByTestId('filter-region').inputValue(), 'PT-02');
  // Clicking again clears the selection.
  await page.locator('path[data-region="PT-02"]').click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('area'));
  await page.close();
});

/** One RFC 4180 line: quoted cells may hold commas and doubled quotes. */
function parseCsvLine(line, sep = ',') {
  const cells = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Open vacancies per jobseeker by occupation, Faro, 2025 — from the JSON. */
function faroRatios() {
  const { dimensions: d, records: r } = lm;
  const sums = new Map();
  for (let i = 0; i < r.month.length; i++) {
    if (d.region[r.region[i]] !== 'PT-08' || !d.month[r.month[i]].startsWith('2025')) continue;
    const occ = d.occupation[r.occupation[i]];
    const s = sums.get(occ) ?? [0, 0];
    s[0] += r.vacancies_open[i] ?? 0;
    s[1] += r.jobseekers[i] ?? 0;
    sums.set(occ, s);
  }
  return new Map([...sums].map(([k, [v, j]]) => [k, (v / j).toFixed(2)]));
}

test('the CSV download holds exactly the filtered data the chart shows, and says which', async () => {
  const page = await open(browser, `${server.url}?page=explore&area=PT-08`);
  await page.getByTestId('chart-rank-occupations').locator('g.bar-row').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-rank-occupations').click()]);
  // The file name names the view and its filters (default period: the last 12 months of data).
  assert.equal(download.suggestedFilename(), expected('vagas_rank-occupations_ratio_PT-08_2025-01_2025-12.csv'));
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
  const lines = csv.trim().split('\r\n');
  // Portuguese: ';' separators and decimal commas, as Portuguese Excel reads them; the filters and the
  // source as columns on every row.
  assert.equal(lines[0], 'Código;Ocupações;Vagas por candidato;Indicador;Filtro: região;Filtro: setor;Filtro: ocupação;De;Até;Fonte;Data dos valores;Dados ilustrativos');
  const rows = lines.slice(1).map((l) => parseCsvLine(l, ';'));
  const want = faroRatios();
  assert.equal(rows.length, expected(want.size));
  for (const [code, , ratio, ind, area, sector, occ, from, to, source, , illustrative] of rows) {
    assert.equal(ratio.replace(',', '.'), want.get(code), `ratio of ${code}`);
    assert.deepEqual([ind, area, sector, occ, from, to, illustrative], ['ratio', 'PT-08', '', '', '2025-01', '2025-12', 'sim']);
    assert.match(source, /dados ilustrativos/);
  }
  // The table view shows the same rows.
  await page.getByTestId('toggle-table-rank-occupations').click();
  const tableRows = await page.getByTestId('table-rank-occupations').locator('tbody tr').count();
  assert.equal(tableRows, rows.length);
  await page.close();
});

test('keyboard only: from the first Tab to selecting a region', async () => {
  const page = await open(browser, `${server.url}?page=explore`);
  await page.locator('path[data-region="PT-08"]').waitFor();
  let reached = false;
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-region') === 'PT-08');
  }
  assert.ok(reached, 'Faro is reachable with Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction((want) => new URLSearchParams(location.search).get('area') === want, expected('PT-08'), { timeout: 3000 });
  assert.equal(await page.locator('path[data-region="PT-08"]').getAttribute('aria-pressed'), 'true');
  await page.close();
});

test('the region filter with the keyboard: the arrows browse without filling the comparison; the region left on joins it', async () => {
  const page = await open(browser, `${server.url}?page=explore&lang=en`);
  await page.locator('path[data-region="PT-08"]').waitFor();
  const region = page.getByTestId('filter-region');
  const options = await region.evaluate((s) => [...s.options].map((o) => o.value));
  await region.focus();
  for (let i = 1; i <= 4; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((want) => (new URLSearchParams(location.search).get('area') ?? 'PT') === want, options[i], { timeout: 3000 });
  }
  const cmp = () => new URLSearchParams(new URL(page.url()).search).get('cmp');
  assert.equal(cmp(), expected('PT,algarve,alentejo'), 'browsing added nothing to the comparison');
  assert.equal(await page.getByTestId('compare').locator('.chip').count(), 3, 'the chips stay as they were');
  await page.keyboard.press('Tab');
  await page.waitForFunction((n) => new URLSearchParams(location.search).get('cmp')?.split(',').length === n, 4, { timeout: 3000 });
  assert.deepEqual(cmp().split(','), ['PT', 'algarve', 'alentejo', options[4]]);
  assert.equal(await page.getByTestId('compare').locator('.chip').count(), 4);
  // A choice in the list opened with the keyboard (Space) is a pick: it joins at once.
  await region.focus();
  await page.keyboard.press(' ');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((want) => new URLSearchParams(location.search).get('area') === want, options[5], { timeout: 3000 });
  await page.waitForFunction((n) => new URLSearchParams(location.search).get('cmp')?.split(',').length === n, 5, { timeout: 3000 });
  assert.deepEqual(cmp().split(','), ['PT', 'algarve', 'alentejo', options[4], options[5]]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

for (const pageName of ['overview', 'explore']) {
  test(`axe-core finds no serious or critical violations on the ${pageName} page`, async () => {
    const page = await open(browser, `${server.url}?page=${pageName}`);
    await page.getByTestId(pageName === 'explore' ? 'chart-seasonality' : 'kpi-ratio').waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, SABOTAGE ? ['sabotaged'] : []);
    await page.close();
  });
}

test('SVG and PNG downloads embed the title, the source and the illustrative note', async () => {
  const page = await open(browser, `${server.url}?page=explore&lang=en`);
  await page.locator('path[data-region="PT-08"]').waitFor();
  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('svg-download-map').click()]);
  assert.equal(svgDl.suggestedFilename(), 'vagas_map_ratio_PT_2025-01_2025-12.svg');
  const svg = await readFile(await svgDl.path(), 'utf8');
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, new RegExp(expected('Map by district')));
  assert.match(svg, /illustrative data, not official statistics/);
  // The export's own title: every active filter, and the illustrative stamp with the date of the figures.
  assert.match(svg, /<text class="export-title"[^>]*>Vacancies per jobseeker · Portugal · Jan 2025 – Dec 2025<\/text>/);
  assert.match(svg, /ILLUSTRATIVE DATA — not official statistics/);
  assert.equal((svg.match(/<path /g) || []).length, 20);
  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('png-series').click()]);
  const png = await readFile(await pngDl.path());
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
  assert.ok(png.length > 10000, `PNG of ${png.length} bytes`);
  await page.close();
});

// The charts update their elements in place on a filter change (issue #12: slots, not rebuilds).
// Whatever path they take, each must then show exactly what a fresh load of the same view draws.
test('after filter changes every chart and table draws what a fresh load of the same view draws', async () => {
  const page = await open(browser, `${server.url}?page=explore&lang=en`);
  await page.locator('#svg-seasonality .heat-row').first().waitFor();
  // Elements, their attributes (sorted) and their texts: tachys's markers and attribute order are
  // not what a person sees.
  const snapshot = (p) => p.evaluate(() => {
    const walk = (n) => {
      if (n.nodeType === 3) return n.data.trim() ? n.data : null;
      if (n.nodeType !== 1) return null;
      const attrs = [...n.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
      return [`<${n.localName} ${attrs}>`, ...[...n.childNodes].map(walk).filter((x) => x !== null)];
    };
    const charts = ['#svg-series', '#svg-seasonality', '#svg-rank-occupations', '#svg-rank-sectors', '#svg-map', '[data-testid="table-compare"]'];
    return Object.fromEntries(charts.map((s) => [s, document.querySelector(s) ? JSON.stringify(walk(document.querySelector(s))) : 'missing']));
  });
  const change = async (id, value) => {
    await page.evaluate(([id, value]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, [id, value]);
    // Two frames, then the address bar (written after the frame).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  };
  // Fewer and then more occupations, bars and compared areas than before; a shorter period.
  const steps = [['filter-region', 'PT-08'], ['filter-sector', 'I'], ['filter-occupation', '5'], ['filter-region', 'PT-02'],
    ['filter-from', '2024-06'], ['filter-occupation', ''], ['filter-sector', ''], ['filter-region', '']];
  const checked = [];
  for (const [k, [id, value]] of steps.entries()) {
    await change(id, value);
    if (![2, 4, 7].includes(k)) continue;
    const url = page.url();
    const after = await snapshot(page);
    const fresh = await open(browser, url);
    await fresh.locator('#svg-seasonality .heat-row').first().waitFor();
    await fresh.waitForFunction(() => !document.querySelector('.loading'));
    const built = await snapshot(fresh);
    for (const chart of Object.keys(built)) {
      assert.notEqual(built[chart], 'missing', `${chart} drawn at ${url}`);
      assert.equal(after[chart], expected(built[chart]), `${chart} after "${id}=${value}" (step ${k + 1}) as at ${url}`);
    }
    checked.push(url);
    await fresh.close();
  }
  assert.equal(checked.length, 3);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Issue #12: a change draws what is on screen in the next frame; the charts below the fold follow
// right after that frame (not on the next scroll), and once scrolled to, a chart draws at once.
test('a filter change draws the charts in view in the next frame and those below the fold right after it', async () => {
  const page = await open(browser, `${server.url}?page=explore&lang=en`);
  await page.locator('#svg-seasonality .heat-row').first().waitFor();
  await page.waitForTimeout(300);
  const state = () => ({
    map: [...document.querySelectorAll('#svg-map path[data-region]')].map((p) => p.getAttribute('fill')).join()
      + document.querySelector('#svg-map').textContent,
    heat: [...document.querySelectorAll('#svg-seasonality rect')].map((r) => r.getAttribute('fill')).join(),
  });
  // Changes the sector and reads the charts in the first animation frame and after it.
  const change = (value) => page.evaluate(async ([value, stateSrc]) => {
    const state = eval(stateSrc);
    const before = state();
    const el = document.querySelector('[data-testid="filter-sector"]');
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    const inFrame = await new Promise((r) => requestAnimationFrame(() => r(state())));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))));
    return { before, inFrame, after: state() };
  }, [value, `(${state})`]);
  const atTop = await page.evaluate(() => document.querySelector('#svg-seasonality').getBoundingClientRect().top > innerHeight + 200);
  assert.ok(atTop, 'the heatmap starts below the fold at 1280×900');
  const a = await change('I');
  assert.notEqual(a.inFrame.map, a.before.map, 'the map, in view, is drawn in the next frame');
  assert.equal(a.inFrame.heat, expected(a.before.heat), 'the heatmap, below the fold, waits for the frame');
  assert.notEqual(a.after.heat, a.before.heat, 'and is drawn right after it');
  // Scrolled to, the heatmap is in view: drawn in the next frame too.
  await page.locator('#svg-seasonality').scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  const b = await change('');
  assert.notEqual(b.inFrame.heat, b.before.heat, 'the heatmap, now in view, is drawn in the next frame');
  // What it drew is what a fresh load of the same view draws.
  const fresh = await open(browser, `${server.url}?page=explore&lang=en`);
  await fresh.locator('#svg-seasonality .heat-row').first().waitFor();
  await fresh.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(state), await fresh.evaluate(state));
  // A download in the frame before a chart below the fold catches up still holds the new figures:
  // the occupations ranking's CSV, clicked in the same task as a change of region, is the one a
  // fresh load of that region downloads.
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(200);
  const csvOf = async (p, click) => {
    const [download] = await Promise.all([p.waitForEvent('download'), click()]);
    return [download.suggestedFilename(), (await readFile(await download.path(), 'utf8')).split('\r\n').slice(0, 4).join('\n')];
  };
  const inGap = await csvOf(page, () => page.evaluate(() => {
    const el = document.querySelector('[data-testid="filter-region"]');
    el.value = 'PT-13';
    el.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector('[data-testid="csv-rank-occupations"]').click();
  }));
  const porto = await open(browser, `${server.url}?page=explore&lang=en&area=PT-13`);
  await porto.locator('#svg-rank-occupations g.bar-row').first().waitFor();
  const settled = await csvOf(porto, () => porto.getByTestId('csv-rank-occupations').click());
  assert.match(inGap[0], /_PT-13_/);
  assert.deepEqual(inGap, settled);
  await porto.close();
  await fresh.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

// "Add a region…": arrows only browse (Chromium sends a change event for each), Enter or the Add
// button adds the one shown; a pick with the pointer adds at once. The focus stays on the select.
test('adding a compared area: the keyboard browses the list without adding, Enter adds one, a pointer pick adds at once', async () => {
  const page = await open(browser, `${server.url}?page=explore&lang=en`);
  const select = page.getByTestId('compare-add');
  await select.waitFor();
  const cmp = () => new URLSearchParams(new URL(page.url()).search).get('cmp');
  const chips = () => page.locator('[data-testid="compare"] .chip').count();
  await page.locator('[data-testid="compare"] .chip').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-add"] option').length > 20);
  const before = await chips();
  await select.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  assert.equal(await chips(), before, 'arrows only browse');
  const shown = await select.inputValue();
  assert.ok(shown, 'an area is shown in the select');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="compare"] .chip').length === n, before + 1, { timeout: 3000 });
  await page.waitForFunction((code) => (new URLSearchParams(location.search).get('cmp') || '').split(',').includes(code), shown, { timeout: 3000 });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'compare-add');
  assert.equal(await select.inputValue(), '', 'the select is ready for the next one');
  // With the pointer: open the list and pick.
  await select.click();
  await select.selectOption('PT-11');
  await page.waitForFunction(() => (new URLSearchParams(location.search).get('cmp') || '').split(',').includes('PT-11'), null, { timeout: 3000 });
  assert.equal(await chips(), expected(before + 2));
  assert.ok(cmp().endsWith('PT-11'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

// A control set and set back within a second (one history entry, replaced) must not leave two
// equal entries: Back then returns to the view before the first change, not to the same view.
test('a control set and reset within a second leaves no duplicate history entry', async () => {
  const page = await open(browser, `${server.url}?page=explore&lang=en`);
  const indicator = page.getByTestId('indicator');
  await indicator.waitFor();
  const ind = (want) => page.waitForFunction((w) => new URLSearchParams(location.search).get('ind') === w, want, { timeout: 3000 });
  await indicator.selectOption('new');
  await ind('new');
  await page.waitForTimeout(1200); // the next change starts a new entry
  await indicator.selectOption('open');
  await ind('open');
  await indicator.selectOption('new'); // within the second: the same entry
  await ind('new');
  await page.waitForTimeout(300);
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('ind'), null, { timeout: 3000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="indicator"]').value === 'ratio');
  assert.equal(await indicator.inputValue(), expected('ratio'));
  assert.deepEqual(page.errors, []);
  await page.close();
});
