//! The line chart: draws `core::chart::line`'s model in a chart frame.

use leptos::prelude::*;

use crate::app::store::use_store;
use crate::core::chart::line::{self, Label, LineData};
use crate::core::format;

use crate::ui::frame::{use_chart_size, ChartFrame};

/// A line chart in a chart frame, with a read-out on hover and keyboard
/// (← → Home End), axis labels, a legend and the source under it; the table
/// and downloads hold exactly the values drawn.
#[component]
pub fn LineChart(
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    data: Memo<Option<LineData>>,
    #[prop(into)] source: Signal<String>,
    /// The dataset whose failure makes the chart "unavailable".
    pending_key: crate::core::data::manifest::Kind,
    /// What the exports say about themselves (see `ChartFrame`).
    #[prop(optional, into)]
    export: MaybeProp<crate::core::export::ExportContext>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let size = use_chart_size();
    let data = size.follow(data);
    let hover = RwSignal::new(None::<usize>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let table =
        Signal::derive(move || data.with(|d| d.as_ref().map(|d| line::table(d, lang.get())).unwrap_or_default()));
    // The chart's model, recomputed per change, and its shape (width and text): what needs new
    // elements. Grid lines, labels, lines and legend entries are slots (`crate::ui::slots`) that
    // follow the model, so a filter change only writes what changed (issue #12).
    let model = Memo::new(move |_| {
        let d = data.get()?;
        let m = line::layout(&d, size.width.get(), size.text.get(), &source.get(), lang.get());
        Some(std::sync::Arc::new((d, m)))
    });
    let shape = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| (m.1.width, m.1.font))));
    let part =
        move |f: fn(&line::LineModel) -> usize| Memo::new(move |_| model.with(|m| m.as_ref().map_or(0, |m| f(&m.1))));
    let (x_grid, x_labels, y_grid) = (part(|m| m.x_grid.len()), part(|m| m.x_labels.len()), part(|m| m.y_grid.len()));
    let (paths, legend) = (part(|m| m.paths.len()), part(|m| m.legend.len()));
    let height = Memo::new(move |_| model.with(|m| m.as_ref().map_or(0.0, |m| m.1.height)));
    let plot = Memo::new(move |_| model.with(|m| m.as_ref().map_or((0.0, 0.0, 0.0, 0.0), |m| m.1.plot)));
    let shade = Memo::new(move |_| model.with(|m| m.as_ref().and_then(|m| m.1.shade)));
    let source_lines = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.1.source.clone()).unwrap_or_default()));
    let body = move || {
        let l = lang.get();
        let Some((w, fs)) = shape.get() else {
            return crate::ui::pending(store, pending_key, "series-unavailable");
        };
        let label = move |lb: Memo<Label>| {
            view! {
                <text x=move || lb.with(|l| l.x) y=move || lb.with(|l| l.y) font-size=fs text-anchor=move || lb.with(|l| l.anchor)>
                    {move || lb.with(|l| l.text.clone())}
                </text>
            }
        };
        let (top, bottom) = (move || plot.get().1, move || plot.get().3);
        let shade = move || {
            shade
                .get()
                .map(|(sx, sw)| view! { <rect x=sx y=top width=sw height=move || bottom() - top() fill="#fff4d6"/> })
        };
        let years = crate::ui::slots::slots(
            x_grid,
            move |k| model.with(|m| m.as_ref()?.1.x_grid.get(k).copied()),
            move |_, xi: Memo<f64>| view! { <line x1=move || xi.get() x2=move || xi.get() y1=top y2=bottom stroke="#d0d5dc"/> },
        );
        let year_labels = crate::ui::slots::slots(
            x_labels,
            move |k| model.with(|m| m.as_ref()?.1.x_labels.get(k).cloned()),
            move |_, lb| label(lb),
        );
        let yticks = crate::ui::slots::slots(
            y_grid,
            move |k| model.with(|m| m.as_ref()?.1.y_grid.get(k).cloned()),
            move |_, tick: Memo<(f64, Label)>| {
                let yy = move || tick.with(|t| t.0);
                let lb = Memo::new(move |_| tick.with(|t| t.1.clone()));
                view! {
                    <line x1=move || plot.get().0 x2=move || plot.get().2 y1=yy y2=yy stroke="#eceff3"/>
                    {label(lb)}
                }
            },
        );
        let paths = crate::ui::slots::slots(
            paths,
            move |k| model.with(|m| m.as_ref()?.1.paths.get(k).cloned()),
            move |_, p: Memo<line::LinePath>| {
                let dot = move || {
                    p.with(|p| p.dot.map(|(cx, cy)| (cx, cy, p.colour)))
                        .map(|(cx, cy, colour)| view! { <circle cx=cx cy=cy r="3.5" fill=colour/> })
                };
                view! {
                    <path d=move || p.with(|p| p.d.clone()) fill="none" stroke=move || p.with(|p| p.colour) stroke-width="2.2"/>
                    {dot}
                }
            },
        );
        let legend = crate::ui::slots::slots(
            legend,
            move |k| model.with(|m| m.as_ref()?.1.legend.get(k).cloned()),
            move |_, e: Memo<(f64, f64, &'static str, String)>| {
                view! {
                    <rect x=move || e.with(|e| e.0) y=move || e.with(|e| e.1 + fs * 0.5 - 2.0) width="14" height="4" fill=move || e.with(|e| e.2)/>
                    <text x=move || e.with(|e| e.0 + 20.0) y=move || e.with(|e| e.1 + fs * 0.85) font-size=fs>{move || e.with(|e| e.3.clone())}</text>
                }
            },
        );
        // Left-aligned lines (`line::text_block`), drawn as every chart's source line is.
        let source_view = move || source_lines.with(|lines| Some(crate::ui::source_lines(lines, fs)));
        // The number of points, and the point under a position (px), from the model as it is now.
        let points = move || model.with_untracked(|m| m.as_ref().map_or(1, |m| m.0.keys.len().max(1)));
        let readout = move || {
            let i = hover.get()?;
            model.with(|m| {
                let d = &m.as_ref()?.0;
                let values: Vec<String> = d
                    .lines
                    .iter()
                    .map(|(name, line)| {
                        format!("{name} {}", format::maybe(l, line.get(i).copied().flatten(), d.decimals))
                    })
                    .collect();
                Some(format!("{}: {}", d.points.get(i)?, values.join(" · ")))
            })
        };
        let cursor = move || {
            let i = hover.get()?;
            let xi = model.with(|m| m.as_ref().map(|m| m.1.x.map(i as f64)))?;
            Some(view! { <line x1=xi x2=xi y1=top y2=bottom stroke="#1b1f24" stroke-dasharray="3 3"/> })
        };
        let on_move = move |ev: leptos::ev::MouseEvent| {
            if let Some(svg) = svg_ref.get() {
                let rect = svg.get_bounding_client_rect();
                if rect.width() > 0.0 {
                    let px = (f64::from(ev.client_x()) - rect.left()) * w / rect.width();
                    let n = points();
                    hover.set(model.with_untracked(|m| m.as_ref().map(|m| m.1.point_at(px, n))));
                }
            }
        };
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            let n = points();
            let step: i64 = match ev.key().as_str() {
                "ArrowLeft" => -1,
                "ArrowRight" => 1,
                "Home" => -(n as i64),
                "End" => n as i64,
                _ => return,
            };
            ev.prevent_default();
            let start = model.with_untracked(|m| m.as_ref().and_then(|m| m.0.shade).map_or(n - 1, |s| s.1));
            let cur = hover.get_untracked().unwrap_or(start) as i64;
            hover.set(Some((cur + step).clamp(0, n as i64 - 1) as usize));
        };
        view! {
            <p class="readout" aria-hidden="true" data-testid=format!("{id}-readout")>{readout}</p>
            <svg
                id=format!("svg-{id}")
                node_ref=svg_ref
                xmlns="http://www.w3.org/2000/svg"
                viewBox=move || format!("0 0 {w} {}", height.get())
                width=w
                height=move || height.get()
                font-family="system-ui, sans-serif"
                tabindex="0"
                role="img"
                aria-label=move || readout().unwrap_or_else(|| title.get())
                class="series"
                on:mousemove=on_move
                on:mouseleave=move |_| hover.set(None)
                on:keydown=on_key
                on:blur=move |_| hover.set(None)
            >
                {shade}
                {years}
                {year_labels}
                {yticks}
                {paths}
                {cursor}
                {legend}
                {source_view}
            </svg>
        }
        .into_any()
    };
    view! {
        <ChartFrame id=id size=size title=title hint=hint table=table export=export>
            {body}
        </ChartFrame>
    }
}
