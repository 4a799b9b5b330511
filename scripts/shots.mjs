// Screenshots of every page at the three sizes users meet the app at, and the legibility figures
// the chart issue asks for: horizontal scroll, smallest chart text (CSS px × device scale), labels
// outside their chart. Usage (after a build): node scripts/shots.mjs [OUTDIR] [PAGES]
//   OUTDIR default /tmp/vagas-shots; PAGES comma-separated (default every data page).
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/harness.mjs';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] || '/tmp/vagas-shots';
const pages = (process.argv[3] || 'overview,explore,consultations,profile&area=PT-08').split(',');
// The projector size shows every slide of the bundled story while presenting (projector theme on).
const slides = Number(process.env.SLIDES || 6);
const sizes = [
  { name: 'laptop', width: 1440, height: 900, urls: pages.map((p) => [p.split('&')[0], `?page=${p}`]) },
  { name: 'projector', width: 1280, height: 720, urls: [...Array(slides)].map((_, i) => [`slide${i + 1}`, `?slide=${i + 1}`]) },
  { name: 'phone', width: 360, height: 740, urls: pages.map((p) => [p.split('&')[0], `?page=${p}`]) },
];
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const lang of (process.env.LANGS || 'pt,en').split(',')) {
  for (const s of sizes) {
    for (const [name, query] of s.urls) {
      const ctx = await browser.newContext({ viewport: { width: s.width, height: s.height } });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
      await page.goto(`${server.url}${query}&lang=${lang}`);
      await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 20000 }).catch(() => {});
      // A page in a part may not show its "Loading…" yet: wait for its charts' text, where it has charts.
      if (name !== 'overview' && !name.startsWith('slide1')) {
        await page.waitForSelector('figure.chart svg text', { timeout: 20000 }).catch(() => {});
      }
      await page.waitForTimeout(300);
      const m = await page.evaluate(() => {
        const scroll = document.documentElement.scrollWidth - window.innerWidth;
        let min = Infinity, minText = '';
        const outside = [];
        for (const svg of document.querySelectorAll('.chart-body svg, svg.map, svg.series')) {
          const sb = svg.getBoundingClientRect();
          if (sb.width === 0) continue;
          // Rendered size = font size in SVG units × the SVG's scale on screen.
          const scale = sb.width / (svg.width.baseVal.value || sb.width);
          for (const t of svg.querySelectorAll('text')) {
            const own = [...t.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
            if (!own) continue;
            const r = t.getBoundingClientRect();
            if (r.width === 0) continue;
            const size = parseFloat(getComputedStyle(t).fontSize) * scale;
            if (size < min) { min = size; minText = own.slice(0, 40); }
            if (r.left < sb.left - 1 || r.right > sb.right + 1) outside.push(own.slice(0, 30));
          }
        }
        return { scroll, min: Math.round(min * 10) / 10, minText, outside: outside.slice(0, 5) };
      });
      const file = `${out}/${name}-${s.name}-${lang}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
      console.log(`${file}\thscroll=${m.scroll}\tmin chart text=${m.min}px (${m.minText})\toutside=${JSON.stringify(m.outside)}`);
      await ctx.close();
    }
  }
}
await browser.close();
await server.close();
