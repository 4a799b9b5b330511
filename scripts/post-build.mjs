#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml), run on the staged dist/ ($TRUNK_STAGING_DIR):
//  0. The page's wasm split into a main module and parts loaded when needed (scripts/wasm-split.mjs;
//     release builds minify its glue and loader with esbuild), then boot.js and sw-register.js
//     minified too (release builds).
//  1. Content-Security-Policy: replaces {{INLINE_SCRIPT_HASHES}} in index.html's CSP <meta>
//     with the 'sha256-…' source of every inline <script> (trunk's wasm initializer, and its
//     live-reload script under `trunk serve`). The <meta> must come before every script.
//  2. Data preloads: puts a <link rel="preload" as="fetch" crossorigin> for data/manifest.json
//     and every dataset it lists right after trunk's preload of the wasm, so that they download
//     while the wasm does, instead of one after another once the app has started (the app's
//     fetch() then takes the preloaded response: same URL, mode and credentials). After the
//     wasm's, so that the wasm is requested first.
//  2b. The dataset worker's module (src/bin/vagas-worker.rs; trunk names its files
//     vagas-worker.js and vagas-worker_bg.wasm, without a hash), checked in step 0 to carry none
//     of the page's parts: renamed with a content hash, so a browser never pairs a new page with an old worker
//     module from its HTTP cache, and named in <meta name="vagas-worker-glue|wasm"> for
//     src/app/worker.rs. Not preloaded: only a user's file needs it. Its imports get short names and
//     its glue is minified (release), as the page's.
//  2b'. <meta name="vagas-parts">: each page's part and the parts it needs, for src/js/boot.js
//     to preload them when the address names that page.
//  2c. The landing view's headline figures: from build/first-view.json (written by `cargo run
//     --example first_view` from the bundled data, checked by tests/first_view.rs) into the empty
//     <span class="boot-fig" data-fig="…"> of index.html's skeleton, in pt and en, if the
//     SHA-256 of the data being built are the ones it was computed from; otherwise (data
//     replaced without regenerating it) a warning, and the skeleton keeps its grey bars. The
//     sources' byte sizes go in <meta name="vagas-first-view-sources">, for boot.js to hide the
//     figures if the page then receives other data (files replaced in dist/ after the build).
//  3. sw.js: the offline service worker, from src/js/sw.js with VERSION (a hash of every
//     staged file), PRECACHE (every staged file, so the whole build works offline) and HASHED
//     (the files whose name carries a content hash).
// Any surprise is an error: a non-zero exit fails the trunk build.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { checkNoParts, minifyModule, shortImportNames, splitWasm } from './wasm-split.mjs';

const esbuild = createRequire(import.meta.url)('esbuild');

const PLACEHOLDER = '{{INLINE_SCRIPT_HASHES}}';
// The app's manifest (src/app/loader.rs MANIFEST_URL); dataset paths are relative to it.
const MANIFEST = 'data/manifest.json';
const SW_NAME = 'sw.js';
const ROOT = fileURLToPath(new URL('../', import.meta.url));

function fail(message) {
  console.error(`post-build: error: ${message}`);
  process.exit(1);
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set: this script runs as a trunk post_build hook');

// ---- 1. Content-Security-Policy ----
const htmlPath = join(staging, 'index.html');
let html;
try {
  html = readFileSync(htmlPath, 'utf8');
} catch (e) {
  fail(`cannot read ${htmlPath}: ${e.message}`);
}

// `trunk serve` adds a live-reload script whose host and websocket path it fills in each time it
// serves the page (from the request's Host header): the script would no longer match its hash.
// Fill them in here instead, as trunk does: the page's own host, and the path of the public URL
// (a `ws_base` set in Trunk.toml's [serve] is not supported).
if (html.includes('{{__TRUNK_ADDRESS__}}')) {
  const pub = process.env.TRUNK_PUBLIC_URL || '/';
  let wsBase = /^[a-z][a-z0-9+.-]*:/i.test(pub) ? new URL(pub).pathname : pub.replace(/^\.?\/?/, '/');
  if (!wsBase.endsWith('/')) wsBase += '/';
  html = html.replaceAll("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
    .replaceAll('{{__TRUNK_WS_BASE__}}', wsBase);
}

// ---- 0. The page's wasm, split into parts loaded when needed (scripts/wasm-split.mjs) ----
// First: the inline initializer names the glue and the wasm, and step 1 hashes it.
// The dataset worker's module must not carry the page's parts (built without the `parts` feature).
const PROFILE = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
let split;
try {
  // (trunk writes its hash in hex without leading zeros: 16 digits or fewer.)
  const glues = readdirSync(staging).filter((f) => /^vagas-[0-9a-f]{1,16}\.js$/.test(f));
  if (glues.length !== 1) fail(`expected one vagas-<hash>.js from trunk, found ${glues.length}: ${readdirSync(staging).join(" ")}`);
  split = splitWasm({ root: ROOT, staging, html, profile: PROFILE, bin: 'vagas', trunkGlue: glues[0] });
  checkNoParts({ staging, glue: 'vagas-worker.js' });
} catch (e) {
  fail(`splitting the wasm: ${e.message}`);
}
html = split.html;

// The static first paint's script and the service worker's registration, classic scripts the
// landing view fetches: minified in release builds (esbuild, as the glue; top-level names kept).
if (PROFILE === 'release') {
  for (const f of ['boot.js', 'sw-register.js']) {
    const path = join(staging, f);
    if (!existsSync(path)) fail(`${f} is not in the build (index.html copies src/js/${f})`);
    try {
      writeFileSync(path, esbuild.transformSync(readFileSync(path, 'utf8'), { minify: true, target: 'es2020', legalComments: 'none' }).code);
    } catch (e) {
      fail(`esbuild cannot minify ${f}: ${e.message}`);
    }
  }
}

const metas = [...html.matchAll(/<meta\s[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/gi)];
if (metas.length !== 1) fail(`index.html must have exactly one CSP <meta>, found ${metas.length}`);
const meta = metas[0];
if (!meta[0].includes(PLACEHOLDER)) fail(`the CSP <meta> has no ${PLACEHOLDER} placeholder: ${meta[0]}`);
const firstScript = html.search(/<script\b/i);
if (firstScript !== -1 && firstScript < meta.index) fail('the CSP <meta> must come before every <script>');

const hashes = [];
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  if (/\ssrc\s*=/i.test(` ${attrs}`)) continue;
  // The browser hashes the text as parsed: HTML turns CR LF and lone CR into LF.
  const text = body.replace(/\r\n?/g, '\n');
  hashes.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) fail('no inline <script> in index.html: where is trunk\'s wasm initializer?');
const sources = [...new Set(hashes)].join(' ');
html = html.slice(0, meta.index) + meta[0].replace(PLACEHOLDER, sources) + html.slice(meta.index + meta[0].length);
if (html.includes(PLACEHOLDER)) fail(`${PLACEHOLDER} appears elsewhere in index.html`);
writeFileSync(htmlPath, html);

// ---- 2. Data preloads ----
const wasmPreload = html.match(/<link rel="preload" href="[^"]+\.wasm"[^>]*>/);
if (!wasmPreload) fail('no <link rel="preload"> of the wasm in index.html: has trunk changed?');
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(staging, MANIFEST), 'utf8'));
} catch (e) {
  fail(`cannot read ${MANIFEST} for the preloads: ${e.message}`);
}
const dataFiles = [MANIFEST];
for (const d of manifest.datasets || []) {
  if (typeof d.path !== 'string' || /^[a-z][a-z0-9+.-]*:|^\/|(^|\/)\.\.(\/|$)/i.test(d.path)) continue; // bundled files only
  const file = `data/${d.path}`;
  if (!existsSync(join(staging, file))) fail(`${MANIFEST} lists ${d.path}, which is not in the build`);
  if (!dataFiles.includes(file)) dataFiles.push(file);
}
const links = dataFiles.map((f) => `<link rel="preload" href="./${f.split('/').map(encodeURIComponent).join('/')}" as="fetch" crossorigin="anonymous">`);
const at = wasmPreload.index + wasmPreload[0].length;
html = `${html.slice(0, at)}\n    ${links.join('\n    ')}\n${html.slice(at)}`;
const firstFetch = html.match(/<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="fetch")[^>]*>/);
if (!firstFetch || !/\.wasm"/.test(firstFetch[0])) fail('the first <link rel="preload" as="fetch"> must be the wasm\'s');

// ---- 2b. The dataset worker's module ----
const escapeHtml = (t) => String(t).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const WORKER_GLUE = 'vagas-worker.js';
const WORKER_WASM = 'vagas-worker_bg.wasm';
for (const f of [WORKER_GLUE, WORKER_WASM]) {
  if (!existsSync(join(staging, f))) fail(`${f} is not in the build: index.html must build the vagas-worker binary (data-type="worker")`);
}
// Its imports renamed `a`, `b`, … and its glue minified (release), as the page's (step 0): −4.4 KB gzip.
{
  const wasmPath = join(staging, WORKER_WASM);
  const gluePath = join(staging, WORKER_GLUE);
  const short = shortImportNames(readFileSync(wasmPath), './vagas-worker_bg.js', readFileSync(gluePath, 'utf8'));
  writeFileSync(wasmPath, short.bytes);
  writeFileSync(gluePath, PROFILE === 'release' ? minifyModule(short.glueJs, WORKER_GLUE) : short.glueJs);
}
const workerHash = createHash('sha256')
  .update(readFileSync(join(staging, WORKER_GLUE)))
  .update(readFileSync(join(staging, WORKER_WASM)))
  .digest('hex')
  .slice(0, 16);
const hashedGlue = `vagas-worker-${workerHash}.js`;
const hashedWasm = `vagas-worker-${workerHash}_bg.wasm`;
renameSync(join(staging, WORKER_GLUE), join(staging, hashedGlue));
renameSync(join(staging, WORKER_WASM), join(staging, hashedWasm));
if (html.includes('<meta name="vagas-worker-')) fail('index.html already names the worker module');
// A <meta name content> right after the CSP <meta> (before every script, so boot.js sees it).
const addMeta = (name, content) => {
  const cspEnd = html.indexOf('>', html.search(/<meta\s[^>]*http-equiv\s*=\s*["']?Content-Security-Policy/i)) + 1;
  html = `${html.slice(0, cspEnd)}\n    <meta name="${name}" content="${escapeHtml(content)}">${html.slice(cspEnd)}`;
};
addMeta('vagas-worker-wasm', `./${hashedWasm}`);
addMeta('vagas-worker-glue', `./${hashedGlue}`);
// Each page's part and the parts it needs (step 0), for boot.js to preload a deep link's page.
// Presenting (`slide=`) needs the presenter's bar (src/ui/presenter.rs), listed as "presenting".
const pageParts = Object.fromEntries(Object.entries(split.splits)
  .filter(([name]) => /^[a-z]+_page$/.test(name) || name === 'presenter_bar')
  .map(([name, files]) => [name === 'presenter_bar' ? 'presenting' : name.replace(/_page$/, ''), files]));
if (Object.keys(pageParts).length === 0) fail('the split has no page parts (src/ui/root.rs view_part!)');
if (!pageParts.presenting) fail('the split has no presenter_bar part (src/ui/presenter.rs)');
addMeta('vagas-parts', JSON.stringify(pageParts));
writeFileSync(htmlPath, html);

// ---- 2c. The landing view's headline figures ----
const FIRST_VIEW = 'build/first-view.json';
let firstView;
try {
  firstView = JSON.parse(readFileSync(join(ROOT, FIRST_VIEW), 'utf8'));
} catch (e) {
  fail(`cannot read ${FIRST_VIEW}: ${e.message} (cargo run --example first_view writes it)`);
}
const stale = Object.entries(firstView.sources || {}).filter(([file, hash]) =>
  !existsSync(join(staging, file)) || createHash('sha256').update(readFileSync(join(staging, file))).digest('hex') !== hash);
const slots = [...html.matchAll(/<span class="boot-fig" data-fig="([a-z_-]+)"><\/span>/g)].map((m) => m[1]);
let baked = 0;
if (stale.length > 0 || !firstView.sources) {
  console.warn(`post-build: warning: ${FIRST_VIEW} was computed from other data (${stale.map(([f]) => f).join(', ')}): the first paint shows no figures; run \`cargo run --example first_view\``);
} else {
  const values = new Map([['context', firstView.context], ...firstView.cards]);
  for (const slot of slots) {
    const v = values.get(slot);
    if (!v || typeof v.pt !== 'string' || typeof v.en !== 'string') fail(`${FIRST_VIEW} has no value for index.html's ${slot}`);
    html = html.replace(`<span class="boot-fig" data-fig="${slot}"></span>`,
      `<span class="boot-fig" data-fig="${slot}"><span data-l="pt">${escapeHtml(v.pt)}</span><span data-l="en">${escapeHtml(v.en)}</span></span>`);
    baked += 1;
  }
  if (baked !== values.size) fail(`index.html has ${baked} of the ${values.size} slots of ${FIRST_VIEW}`);
  // The byte size of each file the figures come from: boot.js hides them if the file the page
  // then receives differs (data replaced in dist/ after the build).
  const sizes = Object.keys(firstView.sources).map((f) => `${f} ${statSync(join(staging, f)).size}`).join(' ');
  addMeta('vagas-first-view-sources', sizes);
}
writeFileSync(htmlPath, html);

// ---- 3. The service worker ----
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.isFile() ? [relative(staging, p).split(sep).join('/')] : [];
  });
}
const files = walk(staging).filter((f) => f !== SW_NAME).sort();
if (!files.includes('index.html')) fail('index.html is not in the staging dir');

const version = createHash('sha256');
for (const f of files) {
  version.update(`${f}\0${createHash('sha256').update(readFileSync(join(staging, f))).digest('hex')}\n`);
}
const VERSION = version.digest('hex').slice(0, 16);
// URL-safe paths (each segment percent-encoded), resolved against the worker's scope.
const PRECACHE = files.map((f) => f.split('/').map(encodeURIComponent).join('/'));
// Names that carry a content hash (trunk's `app-1721f260a4f092ac.css`, `vagas-…_bg.wasm`,
// `snippets/vagas-3fead3b8294c2af2/…`): the same name is always the same bytes, so the service
// worker may take them from the HTTP cache without asking the server.
const HASHED = PRECACHE.filter((p) => /(^|\/)[^/]+-[0-9a-f]{12,16}(_bg)?(\.[a-z]+$|\/)/.test(p));

const template = readFileSync(join(ROOT, 'src/js/sw.js'), 'utf8');
const header = `// Generated by scripts/post-build.mjs from src/js/sw.js: do not edit.
const VERSION = ${JSON.stringify(VERSION)};
const PRECACHE = ${JSON.stringify(PRECACHE)};
const HASHED = ${JSON.stringify(HASHED)};
`;
writeFileSync(join(staging, SW_NAME), header + template);

console.log(`post-build: wasm split into ${split.main.wasm} and ${split.parts.length} parts for ${Object.keys(split.splits).length} split points; CSP with ${hashes.length} inline script hash(es); ${links.length} data preloads; worker module ${hashedWasm}; ${baked} first-view figures; ${SW_NAME} version ${VERSION}, ${files.length} files precached (${HASHED.length} with a content hash)`);
