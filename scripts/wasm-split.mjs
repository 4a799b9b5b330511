// Splits the page's wasm into a main module and lazily loaded parts (issue #12), for
// scripts/post-build.mjs. Trunk 0.21 runs wasm-bindgen itself and has no split step, so this
// redoes the end of its rust pipeline on the module cargo built:
//
//   target/wasm32-unknown-unknown/<profile>/vagas.wasm   (linked with --emit-relocs, .cargo/config.toml)
//     → wasm-split-cli (crates.io wasm_split_cli_support, the tool behind Leptos's #[lazy]):
//       the main module, one module per split point (src/ui/root.rs's pages…) and per set of
//       split points sharing code, and __wasm_split.js, which loads them
//     → wasm-bindgen (the pinned version) on the main module, as trunk runs it
//     → wasm-opt -Oz on every module (release builds, as trunk does)
//
// and replaces trunk's vagas-<hash>.js / vagas-<hash>_bg.wasm in the staging dir. Every file
// is named with one content hash (of the module cargo built, the tools' versions and this script), so the
// same name is always the same bytes; index.html's preloads of the glue and the wasm get the new
// names and their integrity hashes.
//
// Returns { main: { glue, wasm }, loader, parts: [names], pack: name or null, splits: { split name: [names] } }.
// Throws on any surprise (post-build.mjs fails the build).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const esbuild = createRequire(import.meta.url)('esbuild');

/**
 * `js` (an ES module) minified by esbuild (package.json; scripts/setup.sh installs it), for
 * release builds: the page's glue and parts loader lose about a third of their gzipped bytes
 * (issue #12). Names the module exports, and property names (the wasm's imports), are kept.
 */
export function minifyModule(js, name) {
  try {
    return esbuild.transformSync(js, { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' }).code;
  } catch (e) {
    throw new Error(`esbuild cannot minify ${name}: ${e.message}`);
  }
}

/** Chunks at most this large (bytes, after wasm-opt) go in the pack (see below). */
const PACK_MAX = 4096;
/** The split points every visit loads at start (src/app/pipeline.rs): their chunks are not packed. */
const AT_START = ['validate_deferred'];

/** The version of a tool as it prints it (the hash of the output depends on it). */
function version(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch (e) {
    throw new Error(`cannot run ${cmd} (scripts/setup.sh installs it): ${e.message}`);
  }
}

/** cargo's target directory (CARGO_TARGET_DIR, or what cargo metadata says). */
function targetDir(root) {
  if (process.env.CARGO_TARGET_DIR) return process.env.CARGO_TARGET_DIR;
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }));
  return meta.target_directory;
}


// ---- A minimal reader/writer of the wasm binary format, for one edit: exporting the function
// table again. wasm-bindgen removes the export `__indirect_function_table` (an "unused LLD
// export", wasm-bindgen-cli-support's unexported_unused_lld_things), but the loader hands that
// table to every part, which places its functions in it. ----
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function uleb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}
const FUNCREF = 0x70;
const TABLE_EXPORT = 0x01;

/** The sections of the module `bytes`: `{ id, from, start, end }` (header at `from`, body `start..end`). */
function sectionsOf(bytes) {
  const sections = [];
  for (let at = 8; at < bytes.length;) {
    const [size, start] = leb(bytes, at + 1);
    sections.push({ id: bytes[at], from: at, start, end: start + size });
    at = start + size;
  }
  return sections;
}

/** The entries of the import section `imports` of `bytes`: `{ mod, name, kind, desc, end }`, the
 *  descriptor being `bytes[desc..end]` (kind 0 function, 1 table, 2 memory, 3 global). */
function importEntries(bytes, imports) {
  const utf8 = new TextDecoder();
  const entries = [];
  let [count, p] = leb(bytes, imports.start);
  for (; count > 0; count--) {
    const [modLen, m] = leb(bytes, p);
    const [nameLen, q] = leb(bytes, m + modLen);
    const entry = { mod: utf8.decode(bytes.subarray(m, m + modLen)), name: utf8.decode(bytes.subarray(q, q + nameLen)), desc: q + nameLen };
    p = entry.desc;
    entry.kind = bytes[p++];
    if (entry.kind === 0x00) [, p] = leb(bytes, p);
    else if (entry.kind === 0x01 || entry.kind === 0x02) {
      if (entry.kind === 0x01) p += 1; // the table's element type
      const flags = bytes[p++];
      [, p] = leb(bytes, p);
      if (flags & 1) [, p] = leb(bytes, p);
    } else if (entry.kind === 0x03) p += 2;
    else throw new Error(`unknown import kind ${entry.kind}`);
    entry.end = p;
    entries.push(entry);
  }
  return entries;
}

/** The module `bytes` with its one funcref table exported as `name`. */
function exportFunctionTable(bytes, name) {
  const sections = sectionsOf(bytes);
  const bodyOf = (id) => sections.find((s) => s.id === id);
  // Imported tables come first in the index space.
  const imports = bodyOf(2);
  const imported = imports ? importEntries(bytes, imports).filter((e) => e.kind === 0x01).length : 0;
  const tables = bodyOf(4);
  if (!tables) throw new Error('the main module defines no table');
  let [count, p] = leb(bytes, tables.start);
  const funcref = [];
  for (let i = 0; i < count; i++) {
    if (bytes[p] !== FUNCREF && bytes[p] !== 0x6f) throw new Error('a table with an unexpected type encoding');
    if (bytes[p] === FUNCREF) funcref.push(imported + i);
    p += 1;
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
  }
  if (funcref.length !== 1) throw new Error(`the main module defines ${funcref.length} funcref tables, expected 1`);
  const exportsAt = bodyOf(7);
  if (!exportsAt) throw new Error('the main module has no export section');
  const [n, entries] = leb(bytes, exportsAt.start);
  const nameBytes = new TextEncoder().encode(name);
  const body = Uint8Array.from([
    ...uleb(n + 1),
    ...bytes.subarray(entries, exportsAt.end),
    ...uleb(nameBytes.length), ...nameBytes, TABLE_EXPORT, ...uleb(funcref[0]),
  ]);
  return Buffer.concat([bytes.subarray(0, exportsAt.from), Uint8Array.from([7, ...uleb(body.length)]), body, bytes.subarray(exportsAt.end)]);
}

/**
 * Checks that the dataset worker's module (trunk's `glue` and its wasm, in `staging`) carries none
 * of the page's parts: it is built without the `parts` feature (index.html), so that it links
 * neither their code nor an import of their loader (which would not resolve in the worker).
 */
export function checkNoParts({ staging, glue }) {
  const module = new WebAssembly.Module(readFileSync(join(staging, glue.replace(/\.js$/, '_bg.wasm'))));
  const named = [...WebAssembly.Module.imports(module).map((i) => `${i.module} ${i.name}`), ...WebAssembly.Module.exports(module).map((e) => e.name)]
    .filter((n) => n.includes('__wasm_split'));
  if (named.length > 0) throw new Error(`the worker's module links the page's parts (${named[0]}, …): is it built with --no-default-features?`);
}

/**
 * The module `bytes` with every function imported from `module` (the glue's, `./<bin>-<hash>_bg.js`)
 * renamed `a`, `b`, … `Z`, `aa`, … and the module itself renamed `a`; and `glueJs` with the same
 * names. wasm-bindgen names each import after its function and a 16-digit hash
 * (`__wbg_setAttribute_f75317b2b5cabfb4`): 293 such names cost the page 6 KB of its gzipped wasm
 * and 3 KB of its glue (issue #12). binaryen's `--minify-imports` renames only imports from `env`.
 * Each old name must occur once in the glue, as the key of its function in `__wbg_get_imports`,
 * and the module name once, as the key of that object: anything else throws.
 */
export function shortImportNames(bytes, module, glueJs) {
  const imports = sectionsOf(bytes).find((s) => s.id === 2);
  if (!imports) throw new Error(`the module of ${module} imports nothing`);
  const short = (n) => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    let out = '';
    do {
      out = letters[n % 52] + out;
      n = Math.floor(n / 52) - 1;
    } while (n >= 0);
    return out;
  };
  const bytesOf = (text) => [...new TextEncoder().encode(text)];
  const names = new Map();
  const entries = importEntries(bytes, imports);
  const body = [...uleb(entries.length)];
  for (const { mod, name, kind, desc, end } of entries) {
    let newMod = mod;
    let newName = name;
    if (mod === module) {
      if (kind !== 0x00) throw new Error(`${module} ${name}: not a function`);
      if (!names.has(name)) names.set(name, short(names.size));
      newMod = 'a';
      newName = names.get(name);
    }
    body.push(...uleb(bytesOf(newMod).length), ...bytesOf(newMod), ...uleb(bytesOf(newName).length), ...bytesOf(newName), ...bytes.subarray(desc, end));
  }
  if (names.size === 0) throw new Error(`the module imports nothing from ${module}`);
  // The name as a whole identifier (not inside a longer one).
  const word = (name) => new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
  let js = glueJs;
  for (const [name, to] of names) {
    const n = (js.match(word(name)) || []).length;
    if (n !== 1) throw new Error(`the glue names the import ${name} ${n} times, expected once`);
    js = js.replace(word(name), to);
  }
  const key = `"${module}": import0,`;
  if (js.split(key).length !== 2) throw new Error(`the glue does not name the import module ${module} once`);
  js = js.replace(key, '"a": import0,');
  const out = Buffer.concat([bytes.subarray(0, imports.from), Uint8Array.from([2, ...uleb(body.length), ...body]), bytes.subarray(imports.end)]);
  return { bytes: out, glueJs: js };
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

export function splitWasm({ root, staging, html, profile, bin, trunkGlue }) {
  if (!existsSync(join(staging, trunkGlue))) throw new Error(`${trunkGlue} is not in ${staging}`);
  const trunkWasm = trunkGlue.replace(/\.js$/, '_bg.wasm');
  if (!existsSync(join(staging, trunkWasm))) throw new Error(`${trunkWasm} is not in ${staging}`);

  const input = join(targetDir(root), 'wasm32-unknown-unknown', profile, `${bin}.wasm`);
  let raw;
  try {
    raw = readFileSync(input);
  } catch (e) {
    throw new Error(`cannot read the module cargo built, ${input}: ${e.message}`);
  }
  const release = profile === 'release';
  const tools = [
    version('wasm-bindgen', ['--version']),
    release ? version('wasm-opt', ['--version']) : 'no wasm-opt',
    release ? `esbuild ${esbuild.version}` : 'no esbuild',
    // wasm-split-cli has no --version: its version is the one cargo installed.
    (execFileSync('cargo', ['install', '--list'], { encoding: 'utf8' }).match(/^wasm_split_cli_support v\S+/m) || ['wasm_split_cli_support ?'])[0],
  ].join('\n');
  // This script's own text too: what it does to the modules and the glue is part of their bytes.
  const hash = createHash('sha256').update(raw).update(tools).update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 16);
  const glue = `${bin}-${hash}.js`;
  const wasm = `${bin}-${hash}_bg.wasm`;
  const loader = `${bin}-split-${hash}.js`;

  const work = mkdtempSync(join(tmpdir(), 'vagas-split-'));
  try {
    const split = join(work, 'split');
    // main_module: the glue's final name (the loader imports initSync from it).
    execFileSync('wasm-split-cli', [input, split, '--target', 'web', '--out-name', `${bin}-${hash}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const loaderPath = join(split, '__wasm_split.js');
    if (!existsSync(loaderPath)) throw new Error('wasm-split-cli wrote no __wasm_split.js: does the page have no #[lazy] function?');
    const bound = join(work, 'bound');
    execFileSync('wasm-bindgen', ['--target=web', `--out-dir=${bound}`, `--out-name=${bin}-${hash}`, '--no-typescript', join(split, `${bin}-${hash}.wasm`)], { stdio: ['ignore', 'ignore', 'inherit'] });

    // The parts: chunk_<n>.wasm and split_<name>.wasm, named after the hash.
    const parts = readdirSync(split).filter((f) => /^(chunk|split)_[A-Za-z0-9_]+\.wasm$/.test(f)).sort();
    const rename = new Map(parts.map((f) => [f, `${bin}-${f.replace(/\.wasm$/, '')}-${hash}.wasm`]));
    let loaderJs = readFileSync(loaderPath, 'utf8');
    for (const [from, to] of rename) {
      const quoted = `"./${from}"`;
      if (!loaderJs.includes(quoted)) throw new Error(`__wasm_split.js does not load ${from}`);
      loaderJs = loaderJs.replaceAll(quoted, `"./${to}"`);
    }
    // Which parts each split point needs (for preloads): from the loader's own comments and calls.
    const splits = {};
    const blocks = loaderJs.split(/\n(?=export const |const __chunk_)/);
    const chunkFile = new Map();
    for (const b of blocks) {
      const def = b.match(/^const (__chunk_\d+) = makeLoad\([\s\S]*?"\.\/([^"]+\.wasm)"/);
      if (def) chunkFile.set(def[1], def[2]);
    }
    for (const b of blocks) {
      const head = b.match(/^export const __wasm_split_load_([A-Za-z0-9_]+?)(?:_\d{6,})? = /);
      if (!head) continue;
      const own = [...b.matchAll(/"\.\/([^"]+\.wasm)"/g)].map((x) => x[1]);
      const deps = [...b.matchAll(/\[([^\]]*)\]\)\);\s*$/g)].flatMap((x) => x[1].split(',')).map((d) => d.trim()).filter(Boolean);
      splits[head[1]] = [...own, ...deps.map((d) => {
        if (!chunkFile.has(d)) throw new Error(`__wasm_split.js: cannot find ${d}`);
        return chunkFile.get(d);
      })];
    }
    if (Object.keys(splits).length === 0) throw new Error('__wasm_split.js loads no split point');

    let glueJs = readFileSync(join(bound, `${bin}-${hash}.js`), 'utf8');
    if (!glueJs.includes('from "./__wasm_split.js"')) throw new Error('the glue does not import ./__wasm_split.js');
    // Only the import statements: the wasm's own import module keeps its name.
    glueJs = glueJs.replaceAll('from "./__wasm_split.js"', `from "./${loader}"`);
    const boundWasm = join(bound, `${bin}-${hash}_bg.wasm`);
    const short = shortImportNames(readFileSync(boundWasm), `./${bin}-${hash}_bg.js`, glueJs);
    writeFileSync(join(staging, glue), release ? minifyModule(short.glueJs, glue) : short.glueJs);

    const optimise = (from, to) => {
      // (Its warnings about the name section wasm-split writes are not printed: no effect.)
      if (release) {
        try {
          // VAGAS_WASM_NAMES=1 keeps the function names, for profiling (a larger module).
          const names = process.env.VAGAS_WASM_NAMES === '1' ? ['-g'] : [];
          execFileSync('wasm-opt', ['-Oz', ...names, `--output=${to}`, from], { stdio: ['ignore', 'ignore', 'pipe'] });
        } catch (e) {
          throw new Error(`wasm-opt ${from}: ${e.stderr || e.message}`);
        }
      }
      else copyFileSync(from, to);
    };
    writeFileSync(boundWasm, exportFunctionTable(short.bytes, '__indirect_function_table'));
    optimise(boundWasm, join(staging, wasm));
    for (const [from, to] of rename) optimise(join(split, from), join(staging, to));

    // The small chunks (code shared by a few parts: most are under 1 KB) in one file, fetched once
    // when the first of them is needed: a page's part then costs a few requests, not two dozen
    // (issue #12). The pack is their bytes end to end (not itself a module; named .wasm so that
    // servers compress it as they do the modules); the loader instantiates each from its slice.
    // Chunks of a part every visit fetches at start (the deferred checks) stay files of their own:
    // the landing view would otherwise fetch the whole pack.
    const atStart = new Set(AT_START.flatMap((name) => {
      if (!splits[name]) throw new Error(`__wasm_split.js has no split point ${name} (AT_START)`);
      return splits[name];
    }));
    const packed = [...rename.values()].filter((f) => /-chunk_\d+-/.test(f) && !atStart.has(f) && statSync(join(staging, f)).size <= PACK_MAX);
    let pack = null;
    if (packed.length > 1) {
      const bytes = packed.map((f) => readFileSync(join(staging, f)));
      const index = {};
      let at = 0;
      packed.forEach((f, i) => { index[f] = [at, bytes[i].length]; at += bytes[i].length; });
      pack = `${bin}-chunks-${hash}.wasm`;
      writeFileSync(join(staging, pack), Buffer.concat(bytes));
      for (const f of packed) {
        const block = new RegExp(`(const __chunk_\\d+ = makeLoad\\(\\(\\) => \\{\\s*const src = )fetch\\(new URL\\("\\./${f.replace(/\./g, '\\.')}", import\\.meta\\.url\\)\\);([\\s\\S]*?)WebAssembly\\.instantiateStreaming\\(src, imports\\)`);
        if (!block.test(loaderJs)) throw new Error(`__wasm_split.js: cannot find how ${f} is loaded`);
        loaderJs = loaderJs.replace(block, `$1__packed(${JSON.stringify(f)});$2WebAssembly.instantiate(await src, imports)`);
        rmSync(join(staging, f));
        rename.forEach((to, from) => { if (to === f) rename.delete(from); });
      }
      loaderJs += `
// The small chunks' pack (scripts/wasm-split.mjs): fetched once, again after a failure.
const __packIndex = ${JSON.stringify(index)};
let __pack;
function __packed(name) {
    if (__pack === undefined) {
        const thisPack = fetch(new URL(${JSON.stringify(`./${pack}`)}, import.meta.url)).then((r) => {
            if (!r.ok) throw new Error(\`\${r.status} \${r.url}\`);
            return r.arrayBuffer();
        });
        thisPack.catch(() => { if (__pack === thisPack) __pack = undefined; });
        __pack = thisPack;
    }
    const [at, length] = __packIndex[name];
    return __pack.then((b) => new Uint8Array(b, at, length));
}
`;
      for (const name of Object.keys(splits)) {
        const files = splits[name].filter((f) => !packed.includes(f));
        if (files.length < splits[name].length) files.push(pack);
        splits[name] = files;
      }
    }
    writeFileSync(join(staging, loader), release ? minifyModule(loaderJs, loader) : loaderJs);
    // wasm-bindgen's snippets are the same files trunk already staged (same crate, same paths).
    rmSync(join(staging, trunkGlue));
    rmSync(join(staging, trunkWasm));

    // index.html: trunk's preloads and initializer name the new files, with their integrity.
    for (const [from, to] of [[trunkGlue, glue], [trunkWasm, wasm]]) {
      const n = html.split(from).length - 1;
      if (n < 2) throw new Error(`index.html names ${from} ${n} time(s): has trunk changed?`);
      html = html.replaceAll(from, to);
    }
    for (const f of [glue, wasm]) {
      const re = new RegExp(`(<link\\b[^>]*href="\\./${f.replace(/\./g, '\\.')}"[^>]*integrity=")[^"]*(")`);
      if (!re.test(html)) throw new Error(`index.html has no preload of ${f} with an integrity hash`);
      html = html.replace(re, `$1${sri(readFileSync(join(staging, f)))}$2`);
    }
    return { html, main: { glue, wasm }, loader, parts: [...rename.values(), ...(pack ? [pack] : [])], pack, splits };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

