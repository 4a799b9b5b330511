// In-browser timings (printed, not asserted): load of a generated
// labour-market file and the time from a filter change to the views updated.
// Usage: node scripts/bench-browser.mjs [records...]   (needs a release dist/)
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'vagas-bench-'));
const server = await serve();
const browser = await launch();
console.log('records     file MB   load+validate ms   change→DOM ms  change→frame ms   aggregate ms   (medians of 24 filter changes)');
for (const n of sizes.length ? sizes : [100000, 1000000]) {
  const out = join(dir, `lm-${n}.json`);
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'generate', '--', '--records', String(n), '--out', out]);
  const body = readFileSync(out);
  server.overrides.set('/data/labour_market.json', { body });
  // No service worker: its background precaching would skew the timings.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const t0 = Date.now();
  await page.goto(`${server.url}?page=explore`);
  await page.locator('[data-testid="chart-rank-occupations"] g.bar-row').first().waitFor({ timeout: 120000 });
  const load = Date.now() - t0;
  const round = [
    ['filter-region', 'PT-08'], ['filter-region', 'PT-02'], ['filter-sector', 'I'], ['filter-occupation', '9'],
    ['filter-region', 'algarve'], ['filter-sector', ''], ['filter-occupation', ''], ['filter-region', 'PT'],
  ];
  const changes = [...round, ...round, ...round];
  const times = [];
  for (const [id, value] of changes) {
    times.push(await page.evaluate(async ([id, value]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const start = performance.now();
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
      // Reactive updates run in microtasks: a macrotask later the DOM is
      // updated; the next frame adds style, layout and paint.
      await new Promise((r) => setTimeout(r, 0));
      const dom = performance.now() - start;
      await new Promise((r) => requestAnimationFrame(() => r()));
      return [dom, performance.now() - start, window.__vagas_timings?.aggregate ?? NaN];
    }, [id, value]));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const dom = median(times.map((t) => t[0]));
  const frame = median(times.map((t) => t[1]));
  const agg = median(times.map((t) => t[2]));
  console.log(`${String(n).padStart(7)} ${(body.length / 1e6).toFixed(1).padStart(12)} ${String(load).padStart(18)} ${dom.toFixed(1).padStart(14)} ${frame.toFixed(1).padStart(14)} ${agg.toFixed(1).padStart(14)}`);
  await page.close();
}
await browser.close();
await server.close();
