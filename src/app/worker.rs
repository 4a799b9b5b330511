//! Checking a user's file off the main thread: a Web Worker (`worker.js`) loads the worker's own
//! WebAssembly module (`src/bin/vagas-worker.rs`, running `app::checker`) and runs `data::ingest`
//! on the bytes, so a 50 MB file does not freeze the page, and the page's module carries neither
//! the CSV reader nor the checks only a user's file needs. Messages are the typed `core::wire`
//! ones, converted to and from JS values with `serde-wasm-bindgen` (measured smaller than JSON
//! strings here), with binary parts beside them: the file's bytes going, a labour-market file's columns coming back (transferred typed arrays);
//! small consultation and indicator files come back as JSON and are checked again here. The code
//! lists are sent once per worker and kept there. Where no worker can be started, the check fails
//! with a message saying so (module workers are in every browser the app supports).
//!
//! State in `thread_local`s, not in the store: one worker per page shared by every check, its
//! pending replies are JS callbacks (not reactive state, not `Send`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use js_sys::{Array, Uint16Array, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::data::codes::Codes;
use crate::core::data::ingest::{Data, Ingested, Rejected};
use crate::core::data::labour::Labour;
use crate::core::data::month::Month;
use crate::core::data::{consultations, indicators, Report};
use crate::core::wire::{Checked, Outcome, ToWorker};

/// A message as a JS value. Integers beyond ±2^53 (a user's file may hold one, and its problem
/// quotes it: `ProblemKind::TooLarge`) cross as BigInts, which `serde-wasm-bindgen` reads back as
/// they were; by default it refuses them, and the reply was lost (the check never ended). `Err`:
/// the message cannot be converted, the error's text.
pub(super) fn to_js<T: serde::Serialize>(msg: &T) -> Result<JsValue, String> {
    let s = serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    msg.serialize(&s).map_err(|e| e.to_string())
}

/// The report of a check that could not run: the worker did not start (`started: false`) or
/// stopped; `detail`, the browser's error as given. The user is told to reload, or which browsers
/// can check files (`ProblemKind::CheckerFailed`); nothing loaded is touched.
pub(super) fn checker_failed(name: &str, started: bool, detail: &str) -> Report {
    let mut r = Report::new(name);
    r.push(crate::core::data::Problem::error(
        crate::core::data::path::JsonPath::root(),
        crate::core::data::ProblemKind::CheckerFailed { started, detail: detail.to_string() },
    ));
    r
}

// ---- Main-thread side ----

/// Main-thread side: rebuilds the outcome of a check from the worker's reply (`None`: the worker
/// failed).
fn unpack(name: &str, reply: Reply, codes: &Codes) -> Result<Ingested, Rejected> {
    let failed =
        |started: bool, detail: &str| Rejected { report: checker_failed(name, started, detail), salvage: None };
    let lost = || failed(true, "");
    let (outcome, parts) = reply.map_err(|(started, detail)| failed(started, &detail))?;
    match outcome {
        Outcome::Rejected(report, salvage) => Err(Rejected { report, salvage }),
        Outcome::Crashed(detail) => Err(failed(true, &detail)),
        Outcome::Labour(report, first, last, meta, dropped) => {
            let col16 = |i: u32| parts.get(i).dyn_into::<Uint16Array>().map(|a| a.to_vec()).unwrap_or_default();
            let col32 = |i: u32| parts.get(i).dyn_into::<Uint32Array>().map(|a| a.to_vec()).unwrap_or_default();
            let l = Labour {
                first: Month::from_index(first),
                last: Month::from_index(last),
                month: col16(1),
                region: col16(2),
                sector: col16(3),
                occupation: col16(4),
                measures: [col32(5), col32(6), col32(7), col32(8)],
                meta,
                dropped,
            };
            let n = l.len();
            let consistent = [&l.region, &l.sector, &l.occupation].iter().all(|c| c.len() == n)
                && l.measures.iter().all(|c| c.len() == n);
            if !consistent {
                return Err(lost());
            }
            Ok(Ingested { data: Data::Labour(l), report })
        }
        // Small files: checked again here from the (filtered) file.
        Outcome::Indicators(report, json, dropped) => match indicators::load(name, &json, codes) {
            Ok((mut i, _)) => {
                i.dropped = dropped;
                Ok(Ingested { data: Data::Indicators(i), report })
            }
            Err(_) => Err(lost()),
        },
        Outcome::Consultations(report, json, dropped) => match consultations::load(name, &json, codes) {
            Ok((mut c, _)) => {
                c.dropped = dropped;
                Ok(Ingested { data: Data::Consultations(c), report })
            }
            Err(_) => Err(lost()),
        },
    }
}

/// A worker's `onmessage` and `onerror` closures.
type Handlers = (Closure<dyn FnMut(web_sys::MessageEvent)>, Closure<dyn FnMut(web_sys::Event)>);

/// A check's reply: its outcome and the message's parts, or why the worker failed: whether it
/// had started (sent anything), and the browser's error as given.
type Reply = Result<(Outcome, Array), (bool, String)>;
type Waiting = HashMap<u32, Box<dyn FnOnce(Reply)>>;

/// The page's worker, what it was last sent of the code lists, and the checks awaiting replies.
#[derive(Default)]
struct Bridge {
    worker: Option<web_sys::Worker>,
    /// The worker's message and error handlers, dropped with it.
    handlers: Option<Handlers>,
    codes: Option<Arc<str>>,
    /// Whether the worker has replied to a check (it started).
    heard: bool,
    waiting: Waiting,
    next: u32,
}

thread_local! {
    static BRIDGE: RefCell<Bridge> = RefCell::new(Bridge::default());
}

/// URLs of the worker module's JS glue and wasm (`src/bin/vagas-worker.rs`), whose names carry
/// a content hash: `scripts/post-build.mjs` writes them into `index.html` as
/// `<meta name="vagas-worker-glue">` and `<meta name="vagas-worker-wasm">`.
fn module_urls() -> Option<(String, String)> {
    let doc = leptos::prelude::document();
    let meta = |name: &str| doc.query_selector(&format!("meta[name={name}]")).ok().flatten()?.get_attribute("content");
    Some((meta("vagas-worker-glue")?, meta("vagas-worker-wasm")?))
}

fn absolute(url: &str) -> String {
    web_sys::Url::new_with_base(url, &leptos::prelude::document().base_uri().ok().flatten().unwrap_or_default())
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// Posts `msg`, with `bytes` beside it (transferred).
fn post(worker: &web_sys::Worker, msg: &ToWorker, bytes: Option<&Uint8Array>) -> Result<(), JsValue> {
    let data = Array::of1(&to_js(msg).map_err(|e| JsValue::from_str(&e))?);
    let transfer = Array::new();
    if let Some(b) = bytes {
        data.push(&b.buffer());
        transfer.push(&b.buffer());
    }
    worker.post_message_with_transfer(&data, &transfer)
}

/// The worker is gone (an error, or it closed itself after a trap): every pending check fails
/// with a message rather than waiting forever, and the next check starts a new worker.
fn fail_all(detail: String) {
    let (worker, handlers, pending, started) = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        b.codes = None;
        (b.worker.take(), b.handlers.take(), b.waiting.drain().collect::<Vec<_>>(), b.heard)
    });
    if let Some(w) = worker {
        w.terminate();
    }
    for (_, done) in pending {
        done(Err((started, detail.clone())));
    }
    // Called from one of the handlers themselves: they are dropped once it has returned.
    if let Some(h) = handlers {
        leptos::prelude::set_timeout(move || drop(h), std::time::Duration::ZERO);
    }
}

fn start_worker() -> Option<(web_sys::Worker, Handlers)> {
    let (glue, wasm) = module_urls()?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("worker.js", &opts).ok()?;
    // The handlers live as long as the worker (`Bridge::handlers`).
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let parts = Array::from(&e.data());
        match serde_wasm_bindgen::from_value::<Checked>(parts.get(0)).ok() {
            // The worker closed itself: its module failed to load, or it trapped.
            Some(Checked(_, Outcome::Crashed(detail))) => fail_all(detail),
            Some(Checked(id, outcome)) => {
                BRIDGE.with(|b| b.borrow_mut().heard = true);
                if let Some(done) = BRIDGE.with(|b| b.borrow_mut().waiting.remove(&id)) {
                    done(Ok((outcome, parts)));
                }
            }
            None => {}
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A worker that fails (blocked, crashed) fails every pending check with a
    // message rather than leaving it waiting forever.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        // An ErrorEvent's message (a module that failed to load has none).
        let message = js_sys::Reflect::get(&e, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
        fail_all(message.unwrap_or_default())
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    post(&worker, &ToWorker::Init(absolute(&glue), absolute(&wasm)), None).ok()?;
    Some((worker, (on_message, on_error)))
}

/// The page's worker, started if needed, with the code lists `codes_text` sent to it once.
fn worker(codes_text: &Arc<str>) -> Option<web_sys::Worker> {
    let (worker, fresh) = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        if b.worker.is_none() {
            let (worker, handlers) = start_worker().unzip();
            (b.worker, b.handlers) = (worker, handlers);
            b.codes = None;
            b.heard = false;
        }
        let fresh = !b.codes.as_ref().is_some_and(|c| Arc::ptr_eq(c, codes_text));
        (b.worker.clone(), fresh)
    });
    let worker = worker?;
    if fresh {
        post(&worker, &ToWorker::Codes(codes_text.to_string()), None).ok()?;
        BRIDGE.with(|b| b.borrow_mut().codes = Some(codes_text.clone()));
    }
    Some(worker)
}

/// What the worker's check gives (`check`).
pub type CheckResult = Result<Ingested, Rejected>;

part! {
/// `check`, in a part of its own (`ui::lazy`): the bridge to the worker and the rebuilding of
/// its replies are only needed once a user brings a file. `Err`: the part could not be fetched.
pub fn check_part(
    name: String,
    bytes: Uint8Array,
    codes_text: Arc<str>,
    codes: Arc<Codes>,
    keep_valid: bool,
) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = CheckResult>>>, leptos::wasm_split::SplitLoaderError> {
    Ok(Box::pin(async move { check(&name, &bytes, &codes_text, &codes, keep_valid).await }))
}
}

/// Checks `bytes` in the worker against the code lists `codes`
/// (whose text, `codes_text`, the worker parses once) and returns the outcome.
pub async fn check(
    name: &str,
    bytes: &Uint8Array,
    codes_text: &Arc<str>,
    codes: &Codes,
    keep_valid: bool,
) -> Result<Ingested, Rejected> {
    // No worker (blocked, or no module workers in this browser): the check cannot run, and says so.
    let Some(w) = worker(codes_text) else {
        return Err(Rejected { report: checker_failed(name, false, ""), salvage: None });
    };
    let id = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        b.next += 1;
        b.next
    });
    let reply = awaiting(id);
    // A copy is transferred: the page keeps its bytes (to store or re-check).
    let copy = Uint8Array::new(&bytes.slice(0, bytes.length()).buffer());
    if let Err(e) = post(&w, &ToWorker::Check(id, name.to_string(), keep_valid), Some(&copy)) {
        BRIDGE.with(|b| b.borrow_mut().waiting.remove(&id));
        let detail = js_sys::Reflect::get(&e, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
        return Err(Rejected { report: checker_failed(name, true, &detail.unwrap_or_default()), salvage: None });
    }
    let reply = reply.await;
    release_when_idle(id);
    unpack(name, reply, codes)
}

/// How long the worker is kept after its last check: long enough for a few files in a row, and
/// then its memory goes back (its wasm memory only grows: ~90 MB after a 1M-record file,
/// `scripts/bench-memory.mjs`). The next check starts a new one.
const IDLE: std::time::Duration = std::time::Duration::from_secs(30);

/// Ends the worker `IDLE` after check `id`, unless another check started since.
fn release_when_idle(id: u32) {
    leptos::prelude::set_timeout(
        move || {
            let worker = BRIDGE.with(|b| {
                let mut b = b.borrow_mut();
                if b.next != id || !b.waiting.is_empty() {
                    return None;
                }
                b.codes = None;
                Some((b.worker.take()?, b.handlers.take()))
            });
            // Called from a timer, not from the handlers: they can go with it.
            if let Some((w, _handlers)) = worker {
                w.terminate();
            }
        },
        IDLE,
    );
}

/// The reply to check `id` (`None` if the worker failed): registered in the bridge now, resolved
/// when the reply arrives.
fn awaiting(id: u32) -> impl std::future::Future<Output = Reply> {
    let slot: std::rc::Rc<RefCell<Option<Reply>>> = Default::default();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let slot = slot.clone();
        let done: Box<dyn FnOnce(Reply)> = Box::new(move |v| {
            *slot.borrow_mut() = Some(v);
            let _ = resolve.call0(&JsValue::NULL);
        });
        BRIDGE.with(|b| b.borrow_mut().waiting.insert(id, done));
    });
    async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        slot.borrow_mut().take().unwrap_or_else(|| Err((false, String::new())))
    }
}
