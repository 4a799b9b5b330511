#!/usr/bin/env node
// The first visit of a built Vagas, seen from the page: when the first paint comes, when the
// data requests start compared with the wasm, whether any file is downloaded twice, and the
// bytes on the wire with the service worker allowed (its precache included). A benchmark, not a
// test: it prints figures and asserts nothing. Run by scripts/bench.sh; also alone:
//
//   node scripts/bench-visit.mjs [--runs N] [--conds a,c] DIST [DIST2 …]
//
// Several folders (e.g. a build from before a change and one from after) are measured in the same
// run, interleaved, so that their figures can be compared. Each folder is served gzip -9 from
// 127.0.0.1 like the shared kit's server, with Last-Modified (and 304 answers) like scripts/serve.py
// and most hosts; `--no-validators` leaves them out (a host that only ever sends whole files).
import { createServer } from 'node:http';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const USAGE = 'usage: node scripts/bench-visit.mjs [--runs N] [--conds a,b,c] [--no-validators] DIST [DIST2 …]';
const args = process.argv.slice(2);
let runs = 3;
let conds = ['a', 'c'];
let validators = true;
const dists = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === '--conds') conds = String(args[++i]).split(',');
  else if (args[i] === '--no-validators') validators = false;
  else if (args[i] === '--help' || args[i].startsWith('--')) { console.error(USAGE); process.exit(args[i] === '--help' ? 0 : 2); }
  else dists.push(resolve(args[i]));
}
if (!dists.length) { console.error(USAGE); process.exit(2); }
for (const d of dists) if (!existsSync(join(d, 'index.html'))) { console.error(`no index.html in ${d}: build first`); process.exit(2); }

// The shared kit's conditions (../shared/bench/README.md).
const CONDITIONS = {
  a: { label: 'a) localhost', net: null, cpu: 1 },
  b: { label: 'b) 9 Mbps, 60 ms, CPU 4×', net: { latency: 60, downloadThroughput: 9e6 / 8, uploadThroughput: 1.5e6 / 8 }, cpu: 4 },
  c: { label: 'c) 1.6 Mbps, 150 ms, CPU 4×', net: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }, cpu: 4 },
};
for (const c of conds) if (!CONDITIONS[c]) { console.error(`unknown condition ${c}`); process.exit(2); }

// ---- a gzip -9 static server that counts the bytes it sends (headers included) ----
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.md': 'text/markdown; charset=utf-8',
};
const COMPRESS = new Set(['.html', '.js', '.wasm', '.css', '.json', '.geojson', '.md']);
function serve(root) {
  const cache = new Map();
  const state = { bytes: 0, requests: [], sockets: new Set() };
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) { res.writeHead(403); return res.end(); }
    let st;
    try { st = statSync(file); } catch { res.writeHead(404); return res.end(); }
    const mtime = new Date(Math.floor(st.mtimeMs / 1000) * 1000);
    const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
    if (validators) {
      headers['last-modified'] = mtime.toUTCString();
      const since = Date.parse(req.headers['if-modified-since'] || '');
      if (since >= mtime.getTime()) { state.requests.push({ path, status: 304 }); res.writeHead(304, headers); return res.end(); }
    }
    let e = cache.get(file);
    if (!e || e.mtimeMs !== st.mtimeMs) {
      const raw = readFileSync(file);
      e = { mtimeMs: st.mtimeMs, raw, gz: COMPRESS.has(extname(file)) ? gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }) : null };
      cache.set(file, e);
    }
    const body = e.gz && /\bgzip\b/.test(req.headers['accept-encoding'] || '') ? e.gz : e.raw;
    if (body === e.gz) headers['content-encoding'] = 'gzip';
    headers['content-length'] = body.length;
    state.requests.push({ path, status: 200 });
    res.writeHead(200, headers);
    res.end(body);
  });
  server.on('connection', (s) => {
    state.sockets.add(s);
    s.on('close', () => { state.bytes += s.bytesWritten; state.sockets.delete(s); });
  });
  const reset = () => { state.bytes = 0; state.requests = []; };
  const sent = () => state.bytes + [...state.sockets].reduce((n, s) => n + s.bytesWritten, 0);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}/`, state, reset, sent,
    close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); },
  })));
}

// ---- one cold visit ----
const FIGURE = '[data-testid="kpi-ratio"] .card-value';
const PROBE = `(() => {
  const P = window.__visit = {};
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') P.fcp = e.startTime; })
    .observe({ type: 'paint', buffered: true });
  addEventListener('TrunkApplicationStarted', () => { P.mounted = performance.now(); });
  const mo = new MutationObserver(() => {
    const el = document.querySelector(${JSON.stringify(FIGURE)});
    if (el && /\\d/.test(el.textContent) && !P.figures) {
      P.figuresDom = performance.now();
      requestAnimationFrame(() => setTimeout(() => { P.figures = performance.now(); }, 0));
      mo.disconnect();
    }
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function visit(browser, site, cond, withSw) {
  const context = await browser.newContext({ serviceWorkers: withSw ? 'allow' : 'block', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const c = CONDITIONS[cond];
    if (c.net) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...c.net });
    if (c.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.cpu });
    await page.addInitScript(PROBE);
    site.reset();
    await page.goto(`${site.url}?page=overview`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__visit?.figures, null, { timeout: 120000, polling: 100 });
    const out = await page.evaluate(() => {
      const P = window.__visit;
      const res = performance.getEntriesByType('resource');
      const wasm = res.find((r) => r.name.endsWith('.wasm'));
      const data = res.filter((r) => /\/data\//.test(r.name));
      return {
        fcp: P.fcp, mounted: P.mounted, figures: P.figures,
        wasmEnd: wasm?.responseEnd,
        dataStart: Math.min(...data.map((r) => r.startTime)),
        dataStartedBeforeWasmEnd: data.filter((r) => r.startTime < wasm?.responseEnd).length,
        dataCount: data.length,
      };
    });
    if (withSw) {
      // Until the service worker has precached the whole build, then the network is quiet.
      const expected = (readFileSync(join(site.root, 'sw.js'), 'utf8').match(/^const PRECACHE = (\[.*\]);$/m) || [, '[]'])[1];
      const want = JSON.parse(expected).length;
      const t0 = Date.now();
      while (Date.now() - t0 < 120000) {
        const n = await page.evaluate(async () => {
          let k = 0;
          for (const name of await caches.keys()) k = Math.max(k, (await (await caches.open(name)).keys()).length);
          return k;
        }).catch(() => 0);
        if (n >= want) break;
        await sleep(200);
      }
      out.precached = Date.now() - t0 < 120000;
      await sleep(1000);
    } else {
      await sleep(500);
    }
    out.wire = site.sent();
    const seen = new Map();
    for (const r of site.state.requests) if (r.status === 200) seen.set(r.path, (seen.get(r.path) || 0) + 1);
    out.requests = site.state.requests.length;
    out.revalidated = site.state.requests.filter((r) => r.status === 304).length;
    out.twice = [...seen].filter(([, n]) => n > 1).map(([p, n]) => `${p.replace(/^\//, '')}×${n}`);
    return out;
  } finally {
    await context.close().catch(() => {});
  }
}

const med = (xs) => {
  const v = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? Math.round(x).toString() : '–');
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

const sites = [];
for (const d of dists) sites.push(Object.assign(await serve(d), { root: d }));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const version = browser.version();
const started = Date.now();
const results = dists.map(() => ({}));
try {
  for (const cond of conds) {
    for (let r = 0; r < runs; r++) {
      // Interleaved, alternating order (ABBA…).
      const order = sites.map((_, i) => i);
      if (r % 2) order.reverse();
      for (const i of order) {
        const v = await visit(browser, sites[i], cond, false);
        (results[i][cond] ||= []).push(v);
        console.error(`${cond} #${r + 1}/${runs} ${dists[i]}: paint ${ms(v.fcp)} ms, figures ${ms(v.figures)} ms`);
      }
    }
  }
  // Bytes with the service worker allowed: one unthrottled first visit each.
  for (const [i, site] of sites.entries()) {
    results[i].sw = await visit(browser, site, 'a', true);
    console.error(`with service worker ${dists[i]}: ${kib(results[i].sw.wire)}`);
  }
} finally {
  await browser.close();
  for (const s of sites) await s.close();
}

const name = (i) => `\`${dists[i].replace(`${process.cwd()}/`, '')}\``;
console.log(`## First visit, seen from the page (medians of ${runs} cold loads per condition, service worker blocked)\n`);
console.log('ms from navigation start. "first paint": first-contentful-paint; "app mounted": trunk\'s TrunkApplicationStarted; "figures": the frame after the headline ratio shows a number; "data requests start": the first request under data/; "data started before the wasm arrived": how many of the data requests.\n');
console.log('| build | condition | first paint | wasm arrived | data requests start | data started before the wasm arrived | app mounted | figures |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const cond of conds) {
  for (const [i] of dists.entries()) {
    const v = results[i][cond];
    const startedBefore = med(v.map((x) => x.dataStartedBeforeWasmEnd));
    console.log(`| ${name(i)} | ${CONDITIONS[cond].label} | ${ms(med(v.map((x) => x.fcp)))} | ${ms(med(v.map((x) => x.wasmEnd)))} | ${ms(med(v.map((x) => x.dataStart)))} | ${startedBefore} of ${v[0].dataCount} | ${ms(med(v.map((x) => x.mounted)))} | ${ms(med(v.map((x) => x.figures)))} |`);
  }
}
console.log(`\n## Bytes on the wire, first visit until the offline precache is complete (service worker allowed, unthrottled${validators ? ', server sends Last-Modified' : ', server sends no validators'})\n`);
console.log('| build | bytes sent by the server (headers included) | requests | of which 304 Not Modified | files downloaded in full more than once |');
console.log('|---|---:|---:|---:|---|');
for (const [i] of dists.entries()) {
  const s = results[i].sw;
  console.log(`| ${name(i)} | ${kib(s.wire)}${s.precached ? '' : ' (precache not complete)'} | ${s.requests} | ${s.revalidated} | ${s.twice.join(', ') || 'none'} |`);
}
const blocked = dists.map((_, i) => results[i][conds[0]].map((x) => x.twice.length).reduce((a, b) => a + b, 0));
console.log(`\nFiles downloaded twice with the service worker blocked: ${dists.map((_, i) => `${name(i)} ${blocked[i] ? results[i][conds[0]][0].twice.join(', ') : 'none'}`).join('; ')}.`);
console.log(`\nChromium ${version}; ${Math.round((Date.now() - started) / 1000)} s.`);
