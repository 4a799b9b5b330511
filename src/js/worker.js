// Checks datasets off the main thread with the app's own WebAssembly module
// (same validation, same reports), so large files do not freeze the page.
// Every message is [json, ...buffers]: the JSON of a typed `core::wire`
// message (ToWorker going, FromWorker coming back) and its binary parts,
// transferred. This script reads only `type`, `glue` and `wasm` of the init;
// everything else is handled by `vagas_worker` in Rust.
let ready = null;

self.onmessage = async (event) => {
  const [head, buffer] = event.data;
  const msg = JSON.parse(head);
  if (msg.type === 'init') {
    ready = import(msg.glue).then(async (m) => {
      await m.default({ module_or_path: msg.wasm });
      return m;
    });
    return;
  }
  let reply;
  try {
    const m = await ready;
    reply = m.vagas_worker(head, new Uint8Array(buffer || new ArrayBuffer(0)));
  } catch (e) {
    // A trap (which the data core is built never to hit) leaves the module
    // unusable: report it, and start afresh for the next file.
    self.postMessage([JSON.stringify({ type: 'crashed', id: msg.id ?? null, detail: String(e) })]);
    self.close();
    return;
  }
  if (reply.length > 0) self.postMessage(reply, reply.slice(1).map((a) => a.buffer));
};
