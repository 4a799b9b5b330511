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
/// `on:click=click on:keydown=key` with `let (click, key) = activate(…)`.
pub fn activate(
    act: impl Fn() + Clone + 'static,
) -> (impl Fn(leptos::ev::MouseEvent) + Clone + 'static, impl Fn(leptos::ev::KeyboardEvent) + Clone + 'static) {
    let on_key = act.clone();
    (
        move |_| act(),
        move |ev: leptos::ev::KeyboardEvent| {
            if is_activation(&ev) {
                on_key();
            }
        },
    )
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
