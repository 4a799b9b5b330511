// Checks a user's datasets off the main thread with the worker's own WebAssembly
// module (src/bin/vagas-worker.rs: the app's validation, the same reports), so large
// files do not freeze the page and the page's module carries no CSV reader.
// Every message is [message, ...buffers]: a typed `core::wire` message
// (ToWorker going, Checked coming back, as serde-wasm-bindgen makes them) and
// its binary parts, transferred. This script reads only the init
// ({init: [glue, wasm]}) and the id of a check ({check: [id, name, keepValid]});
// everything else is handled by `vagas_worker` in Rust.
let ready = null;

self.onmessage = async (event) => {
  const [msg, buffer] = event.data;
  if (msg.init) {
    const [glue, wasm] = msg.init;
    ready = import(glue).then(async (m) => {
      // The module's memory, for benchmarks (scripts/bench-memory.mjs reads its size).
      self.vagasMemory = (await m.default({ module_or_path: wasm })).memory;
      return m;
    });
    return;
  }
  let reply;
  try {
    const m = await ready;
    reply = m.vagas_worker(msg, new Uint8Array(buffer || new ArrayBuffer(0)));
  } catch (e) {
    // A trap (which the data core is built never to hit) leaves the module
    // unusable: report it, and start afresh for the next file.
    // wire::Checked(id, Outcome::Crashed(text))
    const id = msg.check ? msg.check[0] : 0;
    self.postMessage([[id, { crashed: String(e) }]]);
    self.close();
    return;
  }
  if (reply.length > 0) self.postMessage(reply, reply.slice(1).map((a) => a.buffer));
};
