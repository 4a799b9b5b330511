//! The one place that talks to the network: GET a dataset file (bundled or a user's address)
//! as bytes, with a reason for each failure and, for addresses a user typed, a timeout.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::window;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::error::Error;

/// True when `url` (relative to the page) is on another origin than the page.
fn cross_origin(url: &str) -> bool {
    let here = window().location();
    web_sys::Url::new_with_base(url, &here.href().unwrap_or_default())
        .map(|u| u.origin() != here.origin().unwrap_or_default())
        .unwrap_or(false)
}

/// GETs `url` and returns its body. `timeout`: seconds after which the request is aborted
/// (`Error::Timeout`); `None` waits as long as the browser does. Errors: `Http` for a
/// non-success status, `Network` when no readable answer came (`cross_origin` says whether the
/// address is on another origin, where a missing CORS header is the usual cause).
pub async fn fetch(url: &str, timeout: Option<u32>) -> Result<Vec<u8>, Error> {
    let network = |e: gloo_net::Error| Error::Network { cross_origin: cross_origin(url), detail: e.to_string() };
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = match (timeout, &controller) {
        (Some(secs), Some(c)) => {
            let (flag, c) = (timed_out.clone(), c.clone());
            let abort = Closure::once_into_js(move || {
                flag.set(true);
                c.abort();
            });
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), (secs * 1000) as i32)
                .ok()
        }
        _ => None,
    };
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let result = async {
        let resp = gloo_net::http::Request::get(url).abort_signal(signal.as_ref()).send().await.map_err(network)?;
        if !resp.ok() {
            return Err(Error::Http(resp.status()));
        }
        resp.binary().await.map_err(network)
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
