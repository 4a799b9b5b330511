//! Checking a user's file off the main thread: a Web Worker (`worker.js`)
//! loads this same WebAssembly module and runs `data::ingest` on the bytes,
//! so a 50 MB file does not freeze the page. The validated columns come back
//! as transferred typed arrays; small consultation files as JSON.
//! Where no worker can be started, the check runs here, on the main thread.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Object, Uint16Array, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::data::codes::{self, Codes};
use crate::core::data::consultations::{self, ConsultationsFile};
use crate::core::data::ingest::{self, Data, Ingested, Rejected};
use crate::core::data::labour::Labour;
use crate::core::data::month::Month;
use crate::core::data::parse::LoadOptions;
use crate::core::data::Report;

use super::js::{get, set};

const COLUMNS: [&str; 4] = ["month", "region", "sector", "occupation"];
const MEASURES: [&str; 4] = ["m0", "m1", "m2", "m3"];

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// Worker side: validates `bytes` and packs the outcome for `postMessage`.
#[wasm_bindgen]
pub fn vagas_ingest(name: &str, bytes: &[u8], codes_text: &str, keep_valid: bool) -> JsValue {
    let out = Object::new();
    let codes = match codes::load("codes", codes_text) {
        Ok((c, _)) => c,
        Err(report) => {
            set(&out, "ok", false);
            set(&out, "report", json(&report));
            return out.into();
        }
    };
    match ingest::ingest(name, bytes, &codes, LoadOptions { keep_valid }) {
        Ok(Ingested { data, report }) => {
            set(&out, "ok", true);
            set(&out, "report", json(&report));
            set(&out, "dropped", data.dropped() as f64);
            match data {
                Data::Labour(l) => {
                    let o = Object::new();
                    set(&o, "first", l.first.index());
                    set(&o, "last", l.last.index());
                    for (k, v) in COLUMNS.iter().zip([&l.month, &l.region, &l.sector, &l.occupation]) {
                        set(&o, k, Uint16Array::from(v.as_slice()));
                    }
                    for (k, v) in MEASURES.iter().zip(&l.measures) {
                        set(&o, k, Uint32Array::from(v.as_slice()));
                    }
                    set(&o, "meta", json(&l.meta));
                    set(&out, "labour", o);
                }
                Data::Consultations(c) => set(&out, "consultations", json(&c.file)),
                Data::Indicators(i) => set(&out, "indicators", json(&i.to_file())),
            }
        }
        Err(Rejected { report, salvage }) => {
            set(&out, "ok", false);
            set(&out, "report", json(&report));
            if let Some((kept, dropped)) = salvage {
                set(&out, "kept", kept as f64);
                set(&out, "dropped", dropped as f64);
            }
        }
    }
    out.into()
}

/// A report that came back broken: should not happen, but must not panic.
fn lost_report(name: &str) -> Report {
    let mut r = Report::new(name);
    r.push(crate::core::data::Problem::error(
        crate::core::data::path::JsonPath::root(),
        crate::core::data::ProblemKind::Missing { what: "the checker's report (the background check failed)".into() },
    ));
    r
}

/// Main-thread side: rebuilds the outcome packed by `vagas_ingest`.
fn unpack(name: &str, v: &JsValue, codes: &Codes) -> Result<Ingested, Rejected> {
    let report: Report =
        get(v, "report").as_string().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_else(|| lost_report(name));
    let num = |k: &str| get(v, k).as_f64().map(|n| n as usize);
    if get(v, "ok").as_bool() != Some(true) {
        let salvage = num("kept").zip(num("dropped"));
        return Err(Rejected { report, salvage });
    }
    let labour = get(v, "labour");
    if labour.is_object() {
        let col16 = |k: &str| get(&labour, k).dyn_into::<Uint16Array>().map(|a| a.to_vec()).unwrap_or_default();
        let col32 = |k: &str| get(&labour, k).dyn_into::<Uint32Array>().map(|a| a.to_vec()).unwrap_or_default();
        let month = |k: &str| Month::from_index(get(&labour, k).as_f64().unwrap_or(0.0) as u32);
        let l = Labour {
            first: month("first"),
            last: month("last"),
            month: col16("month"),
            region: col16("region"),
            sector: col16("sector"),
            occupation: col16("occupation"),
            measures: [col32("m0"), col32("m1"), col32("m2"), col32("m3")],
            meta: get(&labour, "meta").as_string().and_then(|s| serde_json::from_str(&s).ok()).flatten(),
            dropped: num("dropped").unwrap_or(0),
        };
        let n = l.len();
        let consistent = [&l.region, &l.sector, &l.occupation].iter().all(|c| c.len() == n)
            && l.measures.iter().all(|c| c.len() == n);
        if !consistent {
            return Err(Rejected { report: lost_report(name), salvage: None });
        }
        return Ok(Ingested { data: Data::Labour(l), report });
    }
    // Indicators are small: checked again here from the (filtered) file.
    if let Some(file) = get(v, "indicators").as_string() {
        return match crate::core::data::indicators::load(name, &file, codes) {
            Ok((mut i, _)) => {
                i.dropped = num("dropped").unwrap_or(0);
                Ok(Ingested { data: Data::Indicators(i), report })
            }
            Err(_) => Err(Rejected { report: lost_report(name), salvage: None }),
        };
    }
    // Consultations are small: checked again here from the (filtered) file.
    let file = get(v, "consultations").as_string().unwrap_or_default();
    let parsed = serde_json::from_str::<ConsultationsFile>(&file).ok().and_then(|f| {
        let text = serde_json::to_string(&f).ok()?;
        consultations::load(name, &text, codes).ok()
    });
    match parsed {
        Some((mut c, _)) => {
            c.dropped = num("dropped").unwrap_or(0);
            Ok(Ingested { data: Data::Consultations(c), report })
        }
        None => Err(Rejected { report: lost_report(name), salvage: None }),
    }
}

type Waiting = HashMap<u32, Box<dyn FnOnce(JsValue)>>;

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static WAITING: RefCell<Waiting> = RefCell::new(HashMap::new());
    static NEXT: RefCell<u32> = const { RefCell::new(1) };
}

/// URLs of the module's JS glue and wasm, as trunk preloads them.
fn module_urls() -> Option<(String, String)> {
    let doc = leptos::prelude::document();
    let href = |sel: &str| doc.query_selector(sel).ok().flatten()?.get_attribute("href");
    Some((href("link[rel=modulepreload]")?, href("link[rel=preload][as=fetch]")?))
}

fn absolute(url: &str) -> String {
    web_sys::Url::new_with_base(url, &leptos::prelude::document().base_uri().ok().flatten().unwrap_or_default())
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

fn start_worker() -> Option<web_sys::Worker> {
    let (glue, wasm) = module_urls()?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("worker.js", &opts).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        let Some(id) = get(&data, "id").as_f64() else { return };
        if let Some(done) = WAITING.with(|w| w.borrow_mut().remove(&(id as u32))) {
            done(data);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A worker that fails (blocked, crashed) fails every pending check with a
    // message rather than leaving it waiting forever; the next check starts a new one.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
        if let Some(w) = WORKER.with(|w| w.borrow_mut().take()) {
            w.terminate();
        }
        let pending: Vec<_> = WAITING.with(|w| w.borrow_mut().drain().collect());
        for (_, done) in pending {
            let o = Object::new();
            set(&o, "ok", false);
            done(o.into());
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let init = Object::new();
    set(&init, "type", "init");
    set(&init, "glue", absolute(&glue));
    set(&init, "wasm", absolute(&wasm));
    worker.post_message(&init).ok()?;
    Some(worker)
}

fn worker() -> Option<web_sys::Worker> {
    WORKER.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = start_worker();
        }
        w.clone()
    })
}

/// Checks `bytes` in the worker (or here if there is none) and returns the
/// outcome, with the time the check took in milliseconds.
pub async fn check(
    name: &str,
    bytes: &Uint8Array,
    codes_text: &str,
    codes: &Codes,
    keep_valid: bool,
) -> Result<Ingested, Rejected> {
    let Some(w) = worker() else {
        return ingest::ingest(name, &bytes.to_vec(), codes, LoadOptions { keep_valid });
    };
    let id = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n
    });
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let done: Box<dyn FnOnce(JsValue)> = Box::new(move |v| {
            let _ = resolve.call1(&JsValue::NULL, &v);
        });
        WAITING.with(|w| w.borrow_mut().insert(id, done));
    });
    // A copy is transferred: the page keeps its bytes (to store or re-check).
    let copy = Uint8Array::new(&bytes.slice(0, bytes.length()).buffer());
    let msg = Object::new();
    set(&msg, "type", "check");
    set(&msg, "id", id);
    set(&msg, "name", name);
    set(&msg, "bytes", copy.buffer());
    set(&msg, "codes", codes_text);
    set(&msg, "keepValid", keep_valid);
    let transfer = js_sys::Array::of1(&copy.buffer());
    if w.post_message_with_transfer(&msg, &transfer).is_err() {
        WAITING.with(|w| w.borrow_mut().remove(&id));
        return ingest::ingest(name, &bytes.to_vec(), codes, LoadOptions { keep_valid });
    }
    let v = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    unpack(name, &v, codes)
}
