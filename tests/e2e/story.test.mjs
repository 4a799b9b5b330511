// End to end: every slide of the bundled story says something its view shows. For each slide, at
// 1280×720 while presenting, the chart its claim rests on is on screen without scrolling, and the
// figure behind the claim is read from the page and checked against the claim.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, expected } from './harness.mjs';

const story = JSON.parse(readFileSync(new URL('../../data/story.json', import.meta.url), 'utf8'));
// The shortage classes of vacancies per jobseeker (src/chart/palette.rs RATIO[4..]).
const SHORTAGE_FILLS = ['#f08a3c', '#a50f15'];

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function slide(n) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${server.url}?slide=${n}&lang=en`);
  await page.getByTestId('presenter').waitFor();
  // The bar (a part) can arrive before the story: the slide's view applies once it has loaded.
  await page.waitForFunction((k) => new RegExp(`${k} / [1-9]`).test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''), n);
  await page.waitForFunction(() => !document.querySelector('.loading'));
  return page;
}

/** The element is on screen, below the presenter bar, without scrolling by hand. */
async function onScreen(page, selector) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    const bar = document.querySelector('[data-testid="presenter"]')?.getBoundingClientRect();
    if (!el || !bar) return false;
    const r = el.getBoundingClientRect();
    return r.top >= bar.bottom - 2 && r.top < innerHeight - 150 && r.height > 0;
  }, selector, { timeout: 5000 });
}

const number = (s) => Number(s.replace(/,/g, ''));

test('the bundled story has the seven slides checked here', () => {
  assert.equal(story.slides.length, expected(7));
});

test('slide 1: over 2024 the Algarve has fewer open vacancies than jobseekers', async () => {
  const page = await slide(1);
  const ratio = number(await page.getByTestId('kpi-ratio').locator('.card-value').innerText());
  assert.equal(ratio < 1, expected(true), `ratio ${ratio}`);
  assert.match(story.slides[0].title.en, /more jobseekers than vacancies/);
  await onScreen(page, '[data-testid="kpi-ratio"]');
  await page.close();
});

test('slide 2: in Faro in summer 2024 kitchen helpers and waiters have more vacancies than jobseekers', async () => {
  const page = await slide(2);
  await onScreen(page, '[data-testid="chart-rank-occupations"]');
  const value = async (code) => number(await page.locator(`[data-testid="chart-rank-occupations"] g.bar-row[data-code="${code}"] > text`).last().textContent());
  assert.ok((await value('9412')) > expected(1), 'kitchen helpers above 1');
  assert.ok((await value('5131')) > 1, 'waiters above 1');
  // Shown as shortage, not just as a long bar.
  const fill = await page.locator('[data-testid="chart-rank-occupations"] g.bar-row[data-code="9412"] rect').getAttribute('fill');
  assert.ok(SHORTAGE_FILLS.includes(fill), fill);
  await page.close();
});

test('slide 3: on the map for kitchen helpers in June–July 2024, Faro is in a shortage class', async () => {
  const page = await slide(3);
  await onScreen(page, '[data-testid="chart-map"]');
  const fill = await page.locator('path[data-region="PT-08"]').getAttribute('fill');
  assert.ok(SHORTAGE_FILLS.includes(expected(fill)), fill);
  assert.match(await page.getByTestId('scope-map').innerText(), /9412 Kitchen helpers/);
  await page.close();
});

test('slide 4: open vacancies peak in summer in Faro, in spring in Beja and Setúbal', async () => {
  const page = await slide(4);
  await onScreen(page, '[data-testid="chart-series"]');
  // The chart tools are hidden while presenting: open the table behind the chart from script.
  await page.evaluate(() => document.querySelector('[data-testid="toggle-table-series"]').click());
  await page.getByTestId('table-series').waitFor();
  const rows = await page.getByTestId('table-series').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const headers = await page.getByTestId('table-series').locator('thead th').allTextContents();
  const peakMonth = (name, year) => {
    const col = headers.indexOf(name);
    const inYear = rows.filter((r) => r[0].startsWith(year));
    const best = inYear.reduce((a, b) => (number(b[col]) > number(a[col]) ? b : a));
    return Number(best[0].slice(5, 7));
  };
  for (const year of ['2024', '2025']) {
    assert.equal([6, 7, 8].includes(peakMonth('Faro', year)), expected(true), `Faro ${year}`);
    assert.ok([3, 4, 5].includes(peakMonth('Beja', year)), `Beja ${year}`);
    assert.ok([3, 4, 5].includes(peakMonth('Setúbal', year)), `Setúbal ${year}`);
  }
  await page.close();
});

test('slide 5: housing is the theme raised most often in the Algarve', async () => {
  const page = await slide(5);
  await onScreen(page, '[data-testid="chart-barriers"]');
  const totals = await page.locator('[data-testid="chart-barriers"] g.bar-row').evaluateAll((gs) =>
    gs.map((g) => [g.dataset.code, Number([...g.querySelectorAll(':scope > text')].at(-1).textContent.replace(/,/g, ''))]));
  const top = totals.reduce((a, b) => (b[1] > a[1] ? b : a));
  assert.equal(top[0], expected('housing'));
  assert.ok(totals.filter((t) => t[1] === top[1]).length === 1, 'housing alone at the top');
  await page.close();
});

test('slide 6: the status of the Algarve recommendations is on screen', async () => {
  const page = await slide(6);
  await onScreen(page, '#status');
  const items = await page.getByTestId('status-summary').locator('li').count();
  assert.equal(items >= 2, expected(true), `${items} statuses`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('slide 7: official figures — foreign workers contributing in Faro grew ×3.7 from 2015 to 2025', async () => {
  const page = await slide(7);
  await onScreen(page, '#official-figures');
  const card = page.locator('[data-testid="official-ss_contributors"]');
  const text = await card.innerText();
  // The figure, its growth since 2015 and its label, as the title says.
  assert.match(text, /97,924/);
  const factor = Number(text.match(/×([0-9.]+)/)[1]);
  assert.equal(factor.toFixed(1), expected('3.7'));
  assert.match(story.slides[6].title.en, /×3\.7/);
  assert.match(await card.getByTestId('figure-label').innerText(), /^official$/);
  await page.close();
});
