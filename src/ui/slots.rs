//! Index-keyed slots: the way the charts keep their
//! elements across filter changes (issue #12).
//!
//! With `erase_components`, every element tachys rebuilds removes and sets again all of its
//! attributes, and every reactive attribute that reads a chart's whole model is re-run and
//! re-subscribed on each change (the model's subscriber list is an ordered set, so each
//! re-subscription costs in proportion to its length: ~3 ms per filter change on the explore page
//! when every attribute read its chart's model). A slot is built once per index and kept while
//! the count allows; it reads its item through its own memo, so only the slots whose item
//! changed update, and only the attributes that changed are written.

use std::sync::Arc;

use leptos::prelude::*;

/// `count` slots, slot `k` drawing item `k`: `item(k)` reads it from the chart's model (`None`
/// once the model has fewer: the slot then holds `T::default()` until it is dropped); `each(k,
/// item)` builds the slot's elements once, their attributes and texts reading `item`. A change of
/// `count` builds or drops only the difference.
pub fn slots<T, V>(
    count: Memo<usize>,
    item: impl Fn(usize) -> Option<T> + Clone + Send + Sync + 'static,
    each: impl Fn(usize, Memo<T>) -> V + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + PartialEq + Default + Send + Sync + 'static,
    V: IntoView + 'static,
{
    indexed(
        count,
        Arc::new(move |k| {
            let item = item.clone();
            each(k, Memo::new(move |_| item(k).unwrap_or_default())).into_any()
        }),
    )
}

/// The keyed list itself, behind one type-erased builder: one instantiation of tachys's keyed
/// list for every chart (a generic one per call site cost ~4 KB gzip each).
fn indexed(count: Memo<usize>, each: Arc<dyn Fn(usize) -> AnyView + Send + Sync>) -> AnyView {
    view! { <For each=move || 0..count.get() key=|k| *k children=move |k| each(k)/> }.into_any()
}
