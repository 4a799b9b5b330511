#!/usr/bin/env node
// Memory after loading a large labour-market file (issue #12): the page's JS heap and wasm memory,
// and the dataset worker's wasm memory, in two ways of loading it:
//   - as the user's file (`?data=` on the same origin): checked in the worker, its columns sent
//     to the page;
//   - served in place of the bundled file (a deployment with its own data): checked on the page.
// A benchmark, not a test: it prints figures and asserts nothing.
//
//   node scripts/bench-memory.mjs DIST FILE.json     (FILE: e.g. from
//     cargo run --release --example generate -- --records 1000000 --out /tmp/lm-1m.json)
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const [distArg, fileArg] = process.argv.slice(2);
if (!distArg || !fileArg || !existsSync(join(distArg, 'index.html')) || !existsSync(fileArg)) {
  console.error('usage: node scripts/bench-memory.mjs DIST FILE.json (a built dist/ and a labour-market JSON file)');
  process.exit(2);
}
const dist = resolve(distArg);
const big = readFileSync(fileArg);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json' };

function serve(replaceBundled) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    let body;
    if (path === '/big.json' || (replaceBundled && path === '/data/labour_market.json')) body = big;
    else {
      const file = normalize(join(dist, path));
      if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
      body = readFileSync(file);
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => { server.closeAllConnections(); server.close(); } })));
}

const mb = (x) => (x == null ? '–' : `${(x / 1048576).toFixed(1)} MB`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const rows = [];
try {
  for (const [label, replaceBundled, query] of [
    ['the user\'s file (data=), checked in the worker', false, '?page=explore&data=big.json'],
    ['served as the bundled file, checked on the page', true, '?page=explore'],
  ]) {
    const site = await serve(replaceBundled);
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__vagasMemory = e.detail?.wasm?.memory; }));
    const t0 = Date.now();
    await page.goto(site.url + query);
    // Loaded: the map drawn, nothing loading, and for the user's file its notice ("Data you loaded").
    await page.waitForFunction((user) => {
      const ready = user ? document.querySelector('[data-testid="user-data-notice"]') : true;
      return ready && !document.querySelector('.loading') && document.querySelectorAll('[data-testid="chart-map"] path[data-region]').length >= 20;
    }, !replaceBundled, { timeout: 180000, polling: 200 });
    const ms = Date.now() - t0;
    await page.waitForTimeout(2000);
    await page.evaluate(() => window.gc?.());
    const main = await page.evaluate(() => ({ heap: performance.memory?.usedJSHeapSize, wasm: window.__vagasMemory?.buffer.byteLength }));
    let worker = null;
    for (const w of page.workers()) {
      const m = await w.evaluate(() => self.vagasMemory?.buffer.byteLength ?? null).catch(() => null);
      if (m != null) worker = m;
    }
    rows.push(`| ${label} | ${(ms / 1000).toFixed(1)} s | ${mb(main.heap)} | ${mb(main.wasm)} | ${worker == null ? 'not started' : mb(worker)} |`);
    await context.close();
    site.close();
  }
} finally {
  await browser.close();
}
console.log(`Memory after loading ${fileArg} (${mb(big.length)}), explore page, Chromium ${browser.version()}; JS heap after a GC:\n`);
console.log('| loaded as | until shown | page JS heap | page wasm memory | worker wasm memory |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(r);
