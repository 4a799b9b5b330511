//! The frame every chart shares: title, chart/table switch, and CSV, SVG and
//! PNG downloads of exactly what the chart shows.

use leptos::prelude::*;

use crate::app::download;
use crate::app::store::use_store;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

/// The room a chart has: its measured width in CSS pixels, and its text sizes (larger in the projector
/// theme). A chart makes one ([`use_chart_size`]), hands it to its [`ChartFrame`], which keeps the width
/// measured, and lays out for it.
#[derive(Clone, Copy)]
pub struct ChartSize {
    pub width: RwSignal<f64>,
    pub text: ReadSignal<crate::core::chart::text::ChartText>,
    /// Whether the chart is on screen or near it (within 200 px), kept by its frame; true until
    /// first observed. See [`ChartSize::follow`].
    pub on_screen: RwSignal<bool>,
}

/// A new chart size: laptop-sized until its frame is measured.
pub fn use_chart_size() -> ChartSize {
    ChartSize { width: RwSignal::new(560.0), text: chart_text(use_store()), on_screen: RwSignal::new(true) }
}

impl ChartSize {
    /// `src` as this chart draws it: at once while the chart is on screen, and after the next frame
    /// has been painted while it is off screen. A filter change then draws what the user is looking
    /// at in the next frame, and the charts further down the page a frame later (issue #12: on the
    /// explore page at 1280×900 the rankings and the heatmap, below the fold, hold over two thirds of
    /// the SVG elements). A chart scrolled into view catches up at once; changes in quick succession
    /// make one catch-up. The value is the same memo's value, never an older one, once caught up.
    pub fn follow<T>(self, src: Memo<T>) -> Memo<T>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        follow(self.on_screen, src)
    }
}

/// The chart type scale for the theme in use: the projector's while presenting or when switched on.
/// Settled ([`crate::app::settle::settled`]): a filter change does not reach the chart's elements.
pub fn chart_text(store: crate::app::store::Store) -> ReadSignal<crate::core::chart::text::ChartText> {
    crate::app::settle::settled(move || {
        crate::core::chart::text::ChartText::for_theme(store.projector.get() || store.presenting.get())
    })
}

/// `src` as a view draws it: at once while `on_screen` (see
/// [`crate::app::resize::observe_on_screen`]), and after the next frame has been painted while not.
/// See [`ChartSize::follow`].
///
/// The returned memo reads `src` untracked and is recomputed when an effect says so, so the
/// chart's own memos and slots are marked once per real change. Reading `src` itself, they would be
/// marked once per path by which a change reaches `src` (the view state reaches the aggregates by
/// several), which was a tenth of a filter change's script time (issue #12). The effect and the
/// counter it bumps are of one type for every `T`, which keeps each chart's share of wasm small.
pub fn follow<T>(on_screen: RwSignal<bool>, src: Memo<T>) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let tick = RwSignal::new(0_u32);
    crate::app::settle::effect(Box::new(move || src.track()), on_screen_tick(on_screen, tick));
    Memo::new(move |_| {
        tick.track();
        src.get_untracked()
    })
}

/// What [`follow`] does when its source changed: bump `tick` now while on screen, else once after
/// the next frame.
fn on_screen_tick(on_screen: RwSignal<bool>, tick: RwSignal<u32>) -> Box<dyn Fn()> {
    let queued = std::rc::Rc::new(std::cell::Cell::new(false));
    Box::new(move || {
        if on_screen.get() {
            tick.try_update(|t| *t = t.wrapping_add(1));
        } else if !queued.replace(true) {
            let queued = queued.clone();
            after_paint(Box::new(move || {
                queued.set(false);
                tick.try_update(|t| *t = t.wrapping_add(1));
            }));
        }
    })
}

/// Runs `f` once the next frame has been painted (a task after the frame's animation callbacks).
/// Not generic, so it is in the wasm once.
fn after_paint(f: Box<dyn FnOnce()>) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// A sortable table; clicking a header sorts by it (again: reverses). Its rows are slots
/// (`super::slots`): a filter change rewrites only the cells whose text changed.
#[component]
pub fn DataTable(#[prop(into)] table: Signal<Table>, testid: String) -> impl IntoView {
    let lang = use_store().lang;
    let sort = RwSignal::new(None::<(usize, bool)>);
    let table = Memo::new(move |_| table.get());
    let headers = Memo::new(move |_| table.with(|tb| tb.headers.clone()));
    let rows = Memo::new(move |_| {
        table.with(|tb| match sort.get() {
            Some((c, asc)) => tb.sorted(c, asc),
            None => tb.rows.clone(),
        })
    });
    let count = Memo::new(move |_| rows.with(Vec::len));
    let columns = Memo::new(move |_| headers.with(Vec::len));
    let body = move || {
        let n = columns.get();
        super::slots::slots(
            count,
            move |k| rows.with(|r| r.get(k).cloned()),
            move |_, row: Memo<Vec<Value>>| {
                let cells = (0..n)
                    .map(|i| {
                        let text = move || row.with(|r| r.get(i).map(|v| v.display(lang.get())).unwrap_or_default());
                        let class =
                            move || if row.with(|r| matches!(r.get(i), Some(Value::Num(..)))) { "num" } else { "" };
                        if i == 0 {
                            view! { <th scope="row" class=class>{text}</th> }.into_any()
                        } else {
                            view! { <td class=class>{text}</td> }.into_any()
                        }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            },
        )
    };
    view! {
        <div class="table-wrap">
            <table class="data-table" data-testid=testid>
                <thead>
                    <tr>
                        {move || {
                            headers
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, h)| {
                                    let aria = move || match sort.get() {
                                        Some((c, true)) if c == i => "ascending",
                                        Some((c, false)) if c == i => "descending",
                                        _ => "none",
                                    };
                                    view! {
                                        <th scope="col" aria-sort=aria>
                                            <button class="sort" on:click=move |_| {
                                                sort.update(|s| {
                                                    *s = match *s {
                                                        Some((c, asc)) if c == i => Some((i, !asc)),
                                                        _ => Some((i, i == 0)),
                                                    }
                                                })
                                            }>{h}</button>
                                        </th>
                                    }
                                })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// Chart + table + downloads. `id` names the files and the `<svg id="svg-{id}">`.
#[component]
pub fn ChartFrame(
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    #[prop(into)] table: Signal<Table>,
    /// The chart's size: its width is measured here.
    size: ChartSize,
    /// A chart of consultation outcomes: its exports name theme, group and status instead of an
    /// indicator and an occupation.
    #[prop(optional)]
    consultations: bool,
    /// What the exports say about themselves (view, area, period, source, date, official or
    /// illustrative), for charts that are not of the shortages or consultations data (the indicators
    /// of the foreign-workforce page). By default it is built from the view state.
    #[prop(optional, into)]
    export: MaybeProp<crate::core::export::ExportContext>,
    children: Children,
) -> impl IntoView {
    let store = use_store();
    let derived = crate::app::derived::use_derived();
    let lang = store.lang;
    let show_table = RwSignal::new(false);
    // Nothing to download while the chart has no rows (its data not loaded, or none for these
    // filters): a file would hold the filters and no figures.
    let empty = Memo::new(move |_| table.with(|t| t.rows.is_empty()));
    let download_hint = move || t(lang.get(), if empty.get() { Key::NothingToDownload } else { Key::DownloadHint });
    let svg_id = format!("svg-{id}");
    let (svg_a, svg_b) = (svg_id.clone(), svg_id);
    let context = move || {
        export.get_untracked().unwrap_or_else(|| {
            crate::app::export::export_context(store, derived, id, consultations, lang.get_untracked())
        })
    };
    let body_ref = NodeRef::<leptos::html::Div>::new();
    crate::app::resize::observe_width(body_ref, size.width);
    crate::app::resize::observe_on_screen(body_ref, size.on_screen);
    // A download writes what the chart shows under the filters' names, so it waits until the chart
    // has caught up with them: an off-screen chart draws a change a frame late (`follow`), and a
    // click in that frame would name the new filters over the old figures. One frame, unnoticed.
    let current = move |f: Box<dyn FnOnce()>| {
        if !size.on_screen.get_untracked() {
            size.on_screen.set(true);
        }
        after_paint(f);
    };
    let report = |r: Result<(), wasm_bindgen::JsValue>| {
        if let Err(e) = r {
            web_sys::console::error_1(&e);
        }
    };
    // What the chart is restricted to, and whether its figures are illustrative (or official):
    // a memo, so a filter change rewrites the line's text only, and the stamp only when it changes.
    let scope = Memo::new(move |_| {
        let l = lang.get();
        derived.resolved.track();
        store.view.track();
        store.codes.track();
        store.user.track();
        let ctx =
            export.get().unwrap_or_else(|| crate::app::export::export_context(store, derived, id, consultations, l));
        let official = export.with(Option::is_some) && !ctx.illustrative;
        (
            ctx.scope_line(),
            if ctx.illustrative { Some(Key::Illustrative) } else { official.then_some(Key::OfficialBadge) },
        )
    });
    let stamp = Memo::new(move |_| scope.with(|s| s.1));
    // Every chart says what it is restricted to, and whether its figures are illustrative.
    let scope = view! {
        <p class="chart-scope" data-testid=format!("scope-{id}")>
            {move || scope.with(|s| s.0.clone())}
            " "
            {move || {
                let l = lang.get();
                match stamp.get() {
                    Some(Key::Illustrative) => Some(view! { <span class="badge small" data-testid="illustrative-stamp">{t(l, Key::Illustrative)}</span> }.into_any()),
                    Some(_) => Some(view! { <span class="badge small badge-official" data-testid="official-stamp">{t(l, Key::OfficialBadge)}</span> }.into_any()),
                    None => None,
                }
            }}
        </p>
    };
    view! {
        <figure
            class="chart panel"
            class:focused=move || store.focus.with(|f| f.as_deref() == Some(id))
            data-testid=format!("chart-{id}")
        >
            <figcaption class="chart-head">
                <h2>{move || title.get()}</h2>
                <div class="chart-tools" role="group" aria-label=move || t(lang.get(), Key::DownloadHint)>
                    <button
                        class="tool"
                        aria-pressed=move || show_table.get().to_string()
                        data-testid=format!("toggle-table-{id}")
                        on:click=move |_| show_table.update(|s| *s = !*s)
                    >
                        {move || t(lang.get(), if show_table.get() { Key::ShowChart } else { Key::ShowTable })}
                    </button>
                    <button class="tool" data-testid=format!("csv-{id}") title=download_hint disabled=empty
                        on:click=move |_| current(Box::new(move || {
                            let (l, ctx) = (lang.get_untracked(), context());
                            // A chart with its own context says everything in its columns.
                            let note = export.get_untracked().is_none().then(|| crate::app::export::export_note(store, l)).flatten();
                            let csv = table.with(|t| crate::core::export::table_csv(t, &ctx, l, note.as_deref()));
                            report(download::text(&ctx.file_name("csv"), "text/csv;charset=utf-8", &csv))
                        }))>
                        "⤓ " {move || t(lang.get(), Key::DownloadCsv)}
                    </button>
                    <button class="tool" data-testid=format!("svg-download-{id}") title=download_hint disabled=empty
                        on:click=move |_| {
                            let svg_id = svg_a.clone();
                            current(Box::new(move || {
                                let (l, ctx) = (lang.get_untracked(), context());
                                report(download::svg(&ctx.file_name("svg"), &svg_id, &[title.get_untracked(), ctx.filters_line()], &ctx.provenance_lines(l)))
                            }))
                        }>
                        "⤓ " {move || t(lang.get(), Key::DownloadSvg)}
                    </button>
                    <button class="tool" data-testid=format!("png-{id}") title=download_hint disabled=empty
                        on:click=move |_| {
                            let svg_id = svg_b.clone();
                            current(Box::new(move || {
                                let (l, ctx) = (lang.get_untracked(), context());
                                report(download::png(&ctx.file_name("png"), &svg_id, &[title.get_untracked(), ctx.filters_line()], &ctx.provenance_lines(l)))
                            }))
                        }>
                        "⤓ " {move || t(lang.get(), Key::DownloadPng)}
                    </button>
                </div>
            </figcaption>
            {scope}
            <p class="hint">{move || hint.get()}</p>
            <div class="chart-body" node_ref=body_ref hidden=move || show_table.get()>{children()}</div>
            <Show when=move || show_table.get() fallback=|| ()>
                <DataTable table=table testid=format!("table-{id}")/>
            </Show>
        </figure>
    }
}
