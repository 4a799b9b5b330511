// Checks datasets off the main thread with the app's own WebAssembly module
// (same validation, same reports), so large files do not freeze the page.
// Protocol: {type: 'init', glue, wasm} once, then {type: 'check', id, name,
// bytes, codes, keepValid} → the object built by `vagas_ingest` plus id and ms.
let ready = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    ready = import(msg.glue).then(async (m) => {
      await m.default({ module_or_path: msg.wasm });
      return m;
    });
    return;
  }
  let result;
  const started = performance.now();
  try {
    const m = await ready;
    result = m.vagas_ingest(msg.name, new Uint8Array(msg.bytes), msg.codes, msg.keepValid);
  } catch (e) {
    result = { ok: false, crash: String(e) };
  }
  result.id = msg.id;
  result.ms = performance.now() - started;
  const transfer = [];
  if (result.labour) {
    for (const k of ['month', 'region', 'sector', 'occupation', 'm0', 'm1', 'm2', 'm3']) {
      transfer.push(result.labour[k].buffer);
    }
  }
  self.postMessage(result, transfer);
  // A trap (which the data core is built never to hit) leaves the module
  // unusable: start afresh for the next file.
  if (result.crash) self.close();
};
