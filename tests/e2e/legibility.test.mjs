// End to end: charts that can be read where people meet them. At 1440×900 (laptop), 1280×720 in the
// projector theme while presenting, and 360×740 (phone), on every data page: nothing scrolls sideways,
// the smallest chart text (computed font size × the SVG's scale on screen) meets 12 px (20 px on the
// projector), no chart label sticks out of its chart, no two legend labels are equal, and axe-core
// finds no serious or critical violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, expected, SABOTAGE, axeViolations } from './harness.mjs';

const PAGES = ['overview', 'explore', 'consultations', 'profile&area=PT-08', 'workforce', 'data', 'format', 'story'];
const SIZES = [
  { name: 'laptop', width: 1440, height: 900, min: 12, query: (p) => `?page=${p}` },
  // Presenting: slide 3's view (the explorer), then each page with the projector theme on.
  { name: 'projector', width: 1280, height: 720, min: 20, query: (p) => `?page=${p}&slide=3` },
  { name: 'phone', width: 360, height: 740, min: 12, query: (p) => `?page=${p}` },
];

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Measures every chart on the page. */
function measure() {
  let min = Infinity, minText = '';
  const outside = [];
  const legends = [];
  for (const svg of document.querySelectorAll('.chart-body svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;
    const scale = box.width / (svg.width.baseVal.value || box.width);
    for (const t of svg.querySelectorAll('text')) {
      const own = [...t.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
      const r = t.getBoundingClientRect();
      if (!own || r.width === 0) continue;
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < min) { min = size; minText = own; }
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        outside.push(own.slice(0, 40));
      }
    }
  }
  for (const t of document.querySelectorAll('[data-testid="map-legend-label"]')) legends.push(t.textContent);
  return { scroll: document.documentElement.scrollWidth - innerWidth, min, minText, outside, legends };
}

for (const size of SIZES) {
  for (const p of PAGES) {
    test(`${size.name} ${size.width}×${size.height}, ${p.split('&')[0]}: readable charts, no sideways scroll`, async () => {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
      await page.goto(`${server.url}${size.query(p)}&lang=pt`);
      await page.locator('#main').waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading') && document.querySelector('#main').children.length > 2);
      if (size.name === 'projector') {
        await page.getByTestId('presenter').waitFor();
        await page.waitForFunction(() => /\/ [1-9]/.test(document.querySelector('[data-testid="slide-counter"]')?.textContent ?? ''));
        // The slide's view is shown; the page under test is the one named in the URL... except that
        // ?slide= opens the slide's own view. Go to the page asked for while staying in presenting mode.
        await page.evaluate((pg) => {
          const u = new URL(location.href);
          u.searchParams.set('page', pg.split('&')[0]);
          history.pushState(null, '', u);
          dispatchEvent(new PopStateEvent('popstate'));
        }, p);
        await page.waitForFunction(() => !document.querySelector('.loading'));
      }
      await page.waitForTimeout(400);
      const m = await page.evaluate(measure);
      assert.equal(m.scroll, expected(0), 'page scrolls sideways');
      if (m.min !== Infinity) assert.ok(m.min >= size.min, `smallest chart text ${m.min}px: "${m.minText}"`);
      assert.deepEqual(m.outside, [], 'labels outside their chart');
      assert.equal(new Set(m.legends).size, m.legends.length, `equal legend labels: ${m.legends}`);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, SABOTAGE ? ['sabotaged'] : []);
      await page.close();
    });
  }
}
