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
    let hover = RwSignal::new(None::<usize>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let table =
        Signal::derive(move || data.with(|d| d.as_ref().map(|d| line::table(d, lang.get())).unwrap_or_default()));
    let body = move || {
        let l = lang.get();
        let Some(d) = data.get() else {
            return crate::ui::pending(store, pending_key, "series-unavailable");
        };
        let (w, text) = (size.width.get(), size.text.get());
        let m = line::layout(&d, w, text, &source.get(), l);
        let (fs, dec, n, h) = (m.font, d.decimals, d.keys.len().max(1), m.height);
        let (left, top, right, plot_bottom) = m.plot;
        let x = m.x;
        let text_at = move |lb: &Label, fill: Option<&'static str>| {
            view! { <text x=lb.x y=lb.y font-size=fs text-anchor=lb.anchor fill=fill>{lb.text.clone()}</text> }
        };
        let shade =
            m.shade.map(|(sx, sw)| view! { <rect x=sx y=top width=sw height=plot_bottom - top fill="#fff4d6"/> });
        let years = view! {
            {m.x_grid.iter().map(|xi| view! { <line x1=*xi x2=*xi y1=top y2=plot_bottom stroke="#d0d5dc"/> }).collect_view()}
            {m.x_labels.iter().map(|lb| text_at(lb, None)).collect_view()}
        };
        let yticks = m
            .y_grid
            .iter()
            .map(|(yy, lb)| {
                view! {
                    <line x1=left x2=right y1=*yy y2=*yy stroke="#eceff3"/>
                    {text_at(lb, None)}
                }
            })
            .collect_view();
        let paths = m
            .paths
            .iter()
            .map(|p| {
                let dot = p.dot.map(|(cx, cy)| view! { <circle cx=cx cy=cy r="3.5" fill=p.colour/> });
                view! {
                    <path d=p.d.clone() fill="none" stroke=p.colour stroke-width="2.2"/>
                    {dot}
                }
            })
            .collect_view();
        let legend = m
            .legend
            .iter()
            .map(|(lx, ly, colour, name)| {
                view! {
                    <rect x=*lx y=ly + fs * 0.5 - 2.0 width="14" height="4" fill=*colour/>
                    <text x=lx + 20.0 y=ly + fs * 0.85 font-size=fs>{name.clone()}</text>
                }
            })
            .collect_view();
        let source_view = m.source.iter().map(|lb| text_at(lb, Some("#4f5863"))).collect_view();
        let m_point_at = move |px: f64| x.invert(px).round().clamp(0.0, (n - 1) as f64) as usize;
        let d2 = d.clone();
        let readout = move || {
            let i = hover.get()?;
            let values: Vec<String> = d2
                .lines
                .iter()
                .map(|(name, line)| format!("{name} {}", format::maybe(l, line.get(i).copied().flatten(), dec)))
                .collect();
            Some(format!("{}: {}", d2.points.get(i)?, values.join(" · ")))
        };
        let readout_aria = readout.clone();
        let cursor = move || {
            hover.get().map(|i| {
                let xi = x.map(i as f64);
                view! { <line x1=xi x2=xi y1=top y2=plot_bottom stroke="#1b1f24" stroke-dasharray="3 3"/> }
            })
        };
        let on_move = move |ev: leptos::ev::MouseEvent| {
            if let Some(svg) = svg_ref.get() {
                let rect = svg.get_bounding_client_rect();
                if rect.width() > 0.0 {
                    let px = (f64::from(ev.client_x()) - rect.left()) * w / rect.width();
                    hover.set(Some(m_point_at(px)));
                }
            }
        };
        let start = d.shade.map_or(n - 1, |s| s.1);
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            let step: i64 = match ev.key().as_str() {
                "ArrowLeft" => -1,
                "ArrowRight" => 1,
                "Home" => -(n as i64),
                "End" => n as i64,
                _ => return,
            };
            ev.prevent_default();
            let cur = hover.get_untracked().unwrap_or(start) as i64;
            hover.set(Some((cur + step).clamp(0, n as i64 - 1) as usize));
        };
        view! {
            <p class="readout" aria-hidden="true" data-testid=format!("{id}-readout")>{readout}</p>
            <svg
                id=format!("svg-{id}")
                node_ref=svg_ref
                xmlns="http://www.w3.org/2000/svg"
                viewBox=format!("0 0 {w} {h}")
                width=w
                height=h
                font-family="system-ui, sans-serif"
                tabindex="0"
                role="img"
                aria-label=move || readout_aria().unwrap_or_else(|| title.get())
                class="series"
                on:mousemove=on_move
                on:mouseleave=move |_| hover.set(None)
                on:keydown=on_key
                on:blur=move |_| hover.set(None)
            >
                {shade}
                {years}
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
