// Shared end-to-end harness: a static server for dist/ (with per-test file
// overrides to serve broken datasets), Debian's Chromium via playwright-core,
// and expected figures computed independently from data/*.json.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = process.env.VAGAS_DIST || join(ROOT, 'dist');

// VAGAS_E2E_SABOTAGE=1 flips every expectation: used to prove that each test
// can fail (scripts/test.sh runs the suite once that way and wants all red).
export const SABOTAGE = process.env.VAGAS_E2E_SABOTAGE === '1';
export function expected(value) {
  if (!SABOTAGE) return value;
  return typeof value === 'string' ? `${value}·sabotaged` : value + 1;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/**
 * Serves dist/ on 127.0.0.1 (random port), at `base` (a folder such as '/apps/vagas/', default
 * '/'). `overrides`: url path → {status, body, delay}.
 */
export async function serve({ base = '/' } = {}) {
  const overrides = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const o = overrides.get(path);
    if (o) {
      // `delay` (ms): a slow answer, e.g. code lists arriving late.
      if (o.delay) await new Promise((ok) => setTimeout(ok, o.delay));
      res.writeHead(o.status ?? 200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' });
      return res.end(o.body ?? '');
    }
    if (!path.startsWith(base)) { res.writeHead(404); return res.end('not found'); }
    const rel = path.slice(base.length - 1);
    const file = normalize(join(DIST, rel.endsWith('/') ? `${rel}index.html` : rel));
    if (!file.startsWith(DIST)) { res.writeHead(403); return res.end(); }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return { url, overrides, close: () => { server.closeAllConnections(); return new Promise((ok) => server.close(ok)); } };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the app and waits until the datasets have loaded; collects page errors. */
export async function open(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('file-labour_market').waitFor();
  return page;
}

// ---- expected figures, computed here independently of the Rust core ----

const data = (name) => JSON.parse(readFileSync(join(ROOT, 'data', name), 'utf8'));
export const codes = data('codes.json');
const lm = data('labour_market.json');

/** Every record's month ("YYYY-MM"), as written in the bundled labour-market data. */
export function lmMonths() {
  return lm.records.month.map((i) => lm.dimensions.month[i]);
}

/** Monthly-average stocks and the ratio over [from, to] for the given districts. */
export function figures({ from, to, regions = null }) {
  const { dimensions: d, records: r } = lm;
  const sums = { jobseekers: 0, vacancies_open: 0, vacancies_new: 0, placements: 0 };
  const months = new Set();
  for (let i = 0; i < r.month.length; i++) {
    const m = d.month[r.month[i]];
    if (m < from || m > to) continue;
    if (regions && !regions.includes(d.region[r.region[i]])) continue;
    months.add(m);
    for (const k of Object.keys(sums)) if (r[k][i] !== null) sums[k] += r[k][i];
  }
  return {
    vacancies_open: sums.vacancies_open / months.size,
    jobseekers: sums.jobseekers / months.size,
    vacancies_new: sums.vacancies_new,
    placements: sums.placements,
    ratio: sums.vacancies_open / sums.jobseekers,
  };
}

/** pt-PT: "1 234,5" with a no-break space; en: "1,234.5". */
export function fmt(lang, x, decimals = 0) {
  const [int, frac] = Math.abs(x).toFixed(decimals).split('.');
  const sep = lang === 'pt' ? '\u00a0' : ',';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (x < 0 ? '−' : '') + grouped + (frac ? (lang === 'pt' ? ',' : '.') + frac : '');
}

/** Serious or critical axe-core violations on the page, as short strings. */
export async function axeViolations(page) {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  // Evaluated, not added as a <script>: the page's Content-Security-Policy would block that.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Drops files (name → bytes) on the page as a user dragging them from the desktop. */
export async function drop(page, files) {
  const payload = files.map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]);
  const dt = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const [name, b64] of list) {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
}
