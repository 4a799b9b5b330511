//! Ending the reactive graph's marking at an effect: values read by many elements that change far
//! less often than what they are computed from (issue #12). No dependency on the store, which uses
//! them, nor on the derived memos.

use leptos::prelude::*;

/// `f`'s value as a signal of its own, set by an effect, and only when it changes.
///
/// For values read by many elements that change far less often than what they are computed from
/// (the chart text size from the view state, a chart's selected code from the filter, the store's
/// language and page from the view). A memo would do the same work, but the reactive graph marks
/// everything below a memo on every change of its sources, once per path, before it knows the
/// value is unchanged; an effect ends that marking (issue #12: marking was a third of a filter
/// change's script time). The value is set one microtask after its sources change, before the
/// next frame.
pub fn settled<T>(f: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let out = RwSignal::new(untrack(&f));
    effect(
        Box::new(move || {
            let v = f();
            if out.try_with_untracked(|o| o != &v) == Some(true) {
                out.try_set(v);
            }
        }),
        Box::new(|| ()),
    );
    out.read_only()
}

/// An effect running `track` then `then`, of one type whatever they are: `Effect::new` is generic
/// over its closure, and each instance brings its own copy of the effect's task (~1.5 KB of gzipped
/// wasm), where the boxed closures are only their own code.
pub fn effect(track: Box<dyn Fn()>, then: Box<dyn Fn()>) {
    Effect::new(move |_| {
        track();
        then();
    });
}
