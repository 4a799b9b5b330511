// End to end: consultation outcomes — chart and list agree, the region
// profile from the map, the priority matrix from the keyboard, hostile strings
// rendered inertly, the five-click path,
// and axe-core on the new pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, open, expected, codes, SABOTAGE, axeViolations } from './harness.mjs';

const hostile = readFileSync(new URL('../corpus/cons_html_payloads.json', import.meta.url));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('filtering by a theme: the list and the chart agree', async () => {
  // Whole period of the consultations: from 2023.
  const page = await open(browser, `${server.url}?page=consultations&from=2023-01`);
  const housing = page.locator('#svg-barriers g.bar-row[data-code="housing"]');
  await housing.waitFor();
  const total = Number((await housing.locator('text').last().textContent()).trim());
  await housing.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('theme') === 'housing');
  const items = page.getByTestId('outcome');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="outcome"]')].every((li) => li.dataset.theme === 'housing'));
  assert.equal(await items.count(), expected(total));
  assert.match(await page.getByTestId('recommendations-count').textContent(), new RegExp(`^${total} `));
  // The chart keeps every theme, housing highlighted.
  assert.equal(await housing.getAttribute('aria-pressed'), 'true');
  assert.ok(await page.locator('#svg-barriers g.bar-row').count() > 5);
  // Search narrows the list, in either language, ignoring accents.
  await page.getByTestId('search').fill('odemira');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'odemira');
  const n = await items.count();
  assert.ok(n > 0 && n < total, `${n} of ${total}`);
  for (const text of await items.allTextContents()) assert.match(text.toLowerCase(), /odemira/);
  await page.close();
});

test('a priority matrix circle works from the keyboard: Enter and Space do what a click does', async () => {
  const page = await open(browser, `${server.url}?page=consultations&from=2023-01`);
  const theme = () => page.evaluate(() => new URLSearchParams(location.search).get('theme'));
  const dot = page.locator('#svg-matrix g.bar-row').first();
  await dot.waitFor();
  const code = await dot.getAttribute('data-code');
  assert.equal(await dot.getAttribute('role'), 'button');
  assert.equal(await dot.getAttribute('tabindex'), '0');
  // Named in full with its figures, in the page's language.
  const name = codes.themes.find((th) => th.code === code).name.pt;
  assert.ok((await dot.getAttribute('aria-label')).startsWith(`${name}: Contributos `), await dot.getAttribute('aria-label'));
  // A click selects the theme, and a second one clears it.
  await dot.click();
  await page.waitForFunction((c) => new URLSearchParams(location.search).get('theme') === c, code);
  const clicked = await dot.getAttribute('aria-pressed');
  await dot.click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('theme'));
  // Focused, Enter does the same; Space clears it again.
  await dot.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => new URLSearchParams(location.search).get('theme') === c, code);
  assert.equal(await theme(), expected(code));
  assert.equal(await dot.getAttribute('aria-pressed'), clicked);
  assert.equal(clicked, 'true');
  // The chart is drawn again with the selection; the keyboard focus stays on the same circle, so
  // Space (without focusing it again) clears it.
  const focused = () => page.evaluate(() => document.activeElement?.closest('#svg-matrix [data-code]')?.getAttribute('data-code') ?? null);
  await page.waitForFunction((c) => document.activeElement?.getAttribute('data-code') === c, code, { timeout: 3000 }).catch(() => {});
  assert.equal(await focused(), code);
  await page.keyboard.press(' ');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('theme'));
  assert.equal(await dot.getAttribute('aria-pressed'), 'false');
  await page.waitForFunction((c) => document.activeElement?.getAttribute('data-code') === c, code, { timeout: 3000 }).catch(() => {});
  assert.equal(await focused(), code);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a region profile opens from the map', async () => {
  const page = await open(browser, `${server.url}?page=explore`);
  await page.locator('path[data-region="PT-02"]').click();
  await page.getByTestId('open-profile').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('page') === 'profile');
  assert.match(await page.getByTestId('profile-title').textContent(), new RegExp(expected('Beja')));
  await page.getByTestId('kpi-ratio').waitFor();
  await page.locator('#svg-barriers').waitFor();
  await page.getByTestId('status-summary').waitFor();
  await page.close();
});

test('script and image payloads in a dataset render as inert text', async () => {
  server.overrides.set('/data/consultations.json', { body: hostile });
  try {
    const page = await open(browser, `${server.url}?page=consultations&from=2024-01&to=2024-12&area=PT-08`);
    const list = page.locator('ul.outcomes');
    await list.waitFor();
    const text = await list.textContent();
    assert.match(text, /<script>window\.__pwned = 1<\/script>Habitação/);
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.querySelector('ul.outcomes')?.textContent.includes('onerror'));
    assert.equal(await page.locator('ul.outcomes script, ul.outcomes img, ul.outcomes a, ul.outcomes b').count(), expected(0));
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    server.overrides.delete('/data/consultations.json');
  }
});

test('from the overview to what employers in the Algarve said about housing in four clicks', async () => {
  const page = await open(browser, `${server.url}?from=2023-01`);
  await page.getByTestId('kpi-ratio').waitFor();
  await page.getByTestId('filter-region').selectOption('algarve'); // 1
  await page.getByTestId('open-profile').click(); // 2
  await page.locator('#svg-barriers g.bar-row[data-code="housing"]').click(); // 3
  await page.getByTestId('filter-group').selectOption('employers'); // 4
  await page.waitForFunction(() => new URLSearchParams(location.search).get('group') === 'employers');
  const items = page.getByTestId('outcome');
  await items.first().waitFor();
  for (const text of await items.allTextContents()) {
    assert.match(text, /Habitação/);
    assert.match(text, new RegExp(expected('Empregadores e associações')));
    assert.match(text, /proposta|aceite|em curso|implementada|rejeitada/);
  }
  await page.close();
});

for (const pageName of ['consultations', 'profile']) {
  test(`axe-core finds no serious or critical violations on the ${pageName} page`, async () => {
    const page = await open(browser, `${server.url}?page=${pageName}&area=PT-08&from=2023-01`);
    await page.locator('#svg-barriers').waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, SABOTAGE ? ['sabotaged'] : []);
    await page.close();
  });
}
