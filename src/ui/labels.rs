//! Small helpers shared by the chart views: keyboard activation of SVG rows and labels shortened
//! with an ellipsis that stays out of the accessible name.

/// Enter or Space on a focused element that acts as a button: true (and the
/// page does not scroll) when the key should activate it.
pub fn is_activation(ev: &leptos::ev::KeyboardEvent) -> bool {
    let hit = ev.key() == "Enter" || ev.key() == " ";
    if hit {
        ev.prevent_default();
    }
    hit
}

/// The two handlers of an SVG element that acts as a button (`role="button"`, `tabindex="0"`):
/// a click, and Enter or Space while focused, both run `act`. Use as
/// `on:click=click on:keydown=key` with `let (click, key) = activate(…)`. A chart that is rebuilt
/// on selection (the priority matrix, the barriers) would drop the keyboard focus to `<body>`:
/// it goes back to the element of the same `data-code` in the same `<svg>` ([`keep_focus`]).
pub fn activate(
    act: impl Fn() + Clone + 'static,
) -> (impl Fn(leptos::ev::MouseEvent) + Clone + 'static, impl Fn(leptos::ev::KeyboardEvent) + Clone + 'static) {
    let on_key = act.clone();
    (
        move |ev: leptos::ev::MouseEvent| keep_focus(&ev, &act),
        move |ev: leptos::ev::KeyboardEvent| {
            if is_activation(&ev) {
                keep_focus(&ev, &on_key);
            }
        },
    )
}

/// Runs `act` for the event's element; then, if the keyboard focus is lost within the next few
/// frames (the chart rebuilt or moved the element: tachys may re-insert a kept node, which drops
/// its focus), gives it back to the element with the same `data-code` (or its focusable child) in
/// the same `<svg id>`. A focus the user moved elsewhere is left alone.
fn keep_focus(ev: &web_sys::Event, act: &dyn Fn()) {
    use wasm_bindgen::JsCast;
    let place = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| {
        let code = el.closest("[data-code]").ok().flatten()?.get_attribute("data-code")?;
        let svg = el.closest("svg[id]").ok().flatten()?.id();
        Some((svg, code))
    });
    act();
    if let Some((svg, code)) = place {
        watch(svg, code, 20);
    }
}

/// Once a frame for `frames` frames: whenever the focus is lost, [`refocus`]. (Usually the chart
/// is redrawn by the first frame; under load, or when what it reads settles in two steps, later
/// or twice.)
fn watch(svg: String, code: String, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        if focus_lost() {
            refocus(&svg, &code);
        }
        if frames > 1 {
            watch(svg, code, frames - 1);
        }
    });
}

/// After a control was rebuilt (a retry that failed again, or one that worked and took its Retry
/// button away): the keyboard focus, lost with the old control or sent to the page's main region,
/// goes to the element matching `selector`. Left alone when it is anywhere else.
pub fn focus_back(selector: &str) {
    use wasm_bindgen::JsCast;
    let doc = leptos::prelude::document();
    let on_main = doc.active_element().is_some_and(|a| a.id() == "main");
    if !(focus_lost() || on_main) {
        return;
    }
    if let Ok(Some(el)) = doc.query_selector(selector) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The focus is on nothing, on `<body>`, or on an element no longer in the page.
fn focus_lost() -> bool {
    use wasm_bindgen::JsCast;
    let doc = leptos::prelude::document();
    match doc.active_element() {
        None => true,
        Some(a) => doc.body().is_some_and(|b| a == *b.unchecked_ref::<web_sys::Element>()) || !a.is_connected(),
    }
}

fn refocus(svg: &str, code: &str) {
    use wasm_bindgen::JsCast;
    let doc = leptos::prelude::document();
    let Some(list) = doc.get_element_by_id(svg).and_then(|s| s.query_selector_all("[data-code]").ok()) else { return };
    let found = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.get_attribute("data-code").as_deref() == Some(code));
    let target = found.and_then(|e| {
        if e.has_attribute("tabindex") {
            Some(e)
        } else {
            e.query_selector("[tabindex]").ok().flatten()
        }
    });
    if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = t.focus();
    }
}

/// A label shortened to fit (`chart::text::ellipsize`), drawn with its "…" hidden from assistive
/// technology, so the visible words stay part of the element's accessible name (WCAG 2.5.3).
pub fn fitted(shown: String) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match shown.strip_suffix('…') {
        Some(words) => view! { {words.to_string()}<tspan aria-hidden="true">"…"</tspan> }.into_any(),
        None => shown.into_any(),
    }
}
