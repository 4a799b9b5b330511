//! The one place that talks to the network: GET a dataset file (bundled or a user's address)
//! as bytes, with a reason for each failure and, for addresses a user typed, a timeout. Requests
//! go through `gloo-net`; the body is read from the raw response, so it stays in JS memory.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Uint8Array;
use leptos::prelude::window;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::error::{js_message, Error};

/// True when `url` (relative to the page) is on another origin than the page.
fn cross_origin(url: &str) -> bool {
    let here = window().location();
    web_sys::Url::new_with_base(url, &here.href().unwrap_or_default())
        .map(|u| u.origin() != here.origin().unwrap_or_default())
        .unwrap_or(false)
}

/// GETs `url` and returns its body (in JS memory: a user's file is kept there, uncopied).
/// `timeout`: seconds after which the request is aborted (`Error::Timeout`); `None` waits as
/// long as the browser does. Errors: `Http` for a non-success status, `Network` when no
/// readable answer came (`cross_origin` says whether the address is on another origin, where a
/// missing CORS header is the usual cause; `detail` is the browser's message).
pub async fn fetch(url: &str, timeout: Option<u32>) -> Result<Uint8Array, Error> {
    let network = |e: JsValue| Error::Network { cross_origin: cross_origin(url), detail: js_message(&e) };
    let controller = web_sys::AbortController::new().map_err(network)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = timeout.and_then(|secs| {
        let (flag, c) = (timed_out.clone(), controller.clone());
        let abort = Closure::once_into_js(move || {
            flag.set(true);
            c.abort();
        });
        window().set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), (secs * 1000) as i32).ok()
    });
    let signal = controller.signal();
    let result = async {
        let resp = gloo_net::http::Request::get(url).abort_signal(Some(&signal)).send().await.map_err(|e| match e {
            gloo_net::Error::JsError(js) => Error::Network { cross_origin: cross_origin(url), detail: js.to_string() },
            other => Error::Network { cross_origin: cross_origin(url), detail: other.to_string() },
        })?;
        if !resp.ok() {
            return Err(Error::Http(resp.status()));
        }
        let raw: web_sys::Response = resp.into();
        let body = JsFuture::from(raw.array_buffer().map_err(network)?).await.map_err(network)?;
        Ok(Uint8Array::new(&body))
    }
    .await;
    if let Some(t) = timer {
        window().clear_timeout_with_handle(t);
    }
    match (result, timeout) {
        (Err(_), Some(secs)) if timed_out.get() => Err(Error::Timeout(secs)),
        (other, _) => other,
    }
}
