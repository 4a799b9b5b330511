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

/// A label shortened to fit (`chart::text::ellipsize`), drawn with its "…" hidden from assistive
/// technology, so the visible words stay part of the element's accessible name (WCAG 2.5.3).
pub fn fitted(shown: String) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    match shown.strip_suffix('…') {
        Some(words) => view! { {words.to_string()}<tspan aria-hidden="true">"…"</tspan> }.into_any(),
        None => shown.into_any(),
    }
}
