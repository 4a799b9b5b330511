//! Choropleth map of the districts (Açores and Madeira as insets), coloured by
//! the chosen indicator (shortages) or any per-district values (`Choropleth`,
//! also used by the foreign-workforce page); click or Enter on a district
//! filters every view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::legend::{self, Classes};
use crate::core::chart::palette::NO_DATA;
use crate::core::data::aggregate::Area;
use crate::core::export::ExportContext;
use crate::core::format;
use crate::core::geo::{self, MapLayout};
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

use super::frame::{use_chart_size, ChartFrame};
use crate::core::chart::text::{ellipsize, wrap};
use crate::core::chart::tooltip;
use crate::core::i18n::labels::indicator_key;

/// The map's largest width in CSS pixels (the projector's is larger: its text is too).
const MAX_W: f64 = 560.0;
const MAX_W_PROJECTOR: f64 = 720.0;

/// What a choropleth shows: one value per district (code-list order), how
/// to print it, what it is, and its colour classes.
#[derive(Clone, Debug, PartialEq)]
pub struct MapData {
    pub values: Vec<Option<f64>>,
    /// Change vs a year earlier per district, in percent, where the indicator allows (may be empty).
    pub changes: Vec<Option<f64>>,
    pub decimals: usize,
    /// The indicator's name, for the legend, labels and the table header.
    pub label: String,
    /// Colours and legend labels for these values (see `chart::legend`).
    pub classes: Classes,
}

/// The shortages map: the chosen indicator of the labour-market aggregates.
#[component]
pub fn MapView() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let indicator = Memo::new(move |_| store.view.with(|v| v.indicator));
    let data = Memo::new(move |_| {
        let agg = derived.agg.get()?;
        let codes = store.codes.get()?;
        let ind = indicator.get();
        let l = lang.get();
        let values: Vec<Option<f64>> = (0..codes.regions().len()).map(|r| agg.region_indicator(ind, r)).collect();
        let finite: Vec<f64> = values.iter().flatten().copied().filter(|x| x.is_finite()).collect();
        Some(MapData {
            classes: legend::for_indicator(ind, &finite, l),
            changes: (0..codes.regions().len()).map(|r| agg.region_change(ind, r)).collect(),
            values,
            decimals: ind.decimals(),
            label: t(l, indicator_key(ind)).to_string(),
        })
    });
    let title = Signal::derive(move || {
        let l = lang.get();
        let period = derived.filter.get().map(|f| format::period(l, f.from, f.to)).unwrap_or_default();
        format!("{} · {} · {period}", t(l, Key::MapTitle), t(l, indicator_key(indicator.get())))
    });
    view! {
        <Choropleth
            id="map"
            title=title
            hint=Signal::derive(move || t(lang.get(), Key::MapHint).to_string())
            data=data
            source=Signal::derive(move || crate::app::export::source_line(store, lang.get()))
        />
    }
}

/// A choropleth of the districts (Açores and Madeira as insets) in a chart
/// frame: click or Enter on a district selects it as the area of every view
/// (again: clears it); hover and focus read the value out; the table and
/// downloads hold exactly the values shown. `id` names the files and the
/// `<svg id="svg-{id}">`; `source` is printed under the map; `export`
/// replaces the export context of the shortages views (see `ChartFrame`).
#[component]
pub fn Choropleth(
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    data: Memo<Option<MapData>>,
    #[prop(into)] source: Signal<String>,
    #[prop(optional, into)] export: MaybeProp<ExportContext>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let size = use_chart_size();
    // Boundaries laid out for a width (the chart's measured one, capped).
    let layout = move |w: f64| {
        let regions = store.regions.get()?;
        let codes = store.codes.get()?;
        let insets: Vec<usize> = ["PT-20", "PT-30"].iter().filter_map(|c| codes.region.get(c)).collect();
        Some(Arc::new(geo::layout(&regions.shapes, &insets, w, w)))
    };
    let hover = RwSignal::new(None::<usize>);
    let selected = Memo::new(move |_| match store.view.with(|v| v.area.clone()) {
        None => Vec::new(),
        Some(code) => match store.codes.get().and_then(|c| crate::core::state::parse_area(&code, &c).map(|a| (a, c))) {
            Some((Area::District(r), _)) => vec![r],
            Some((Area::Focus(i), c)) => c.focus_regions.get(i).cloned().unwrap_or_default(),
            _ => Vec::new(),
        },
    });
    let toggle = move |r: usize| {
        let Some(codes) = store.codes.get_untracked() else { return };
        let code = codes.regions()[r].code.clone();
        store.set_view(|v| crate::core::state::toggle(&mut v.area, &code));
    };
    let decimals = move || data.with(|d| d.as_ref().map_or(0, |d| d.decimals));
    let label_of = move || data.with(|d| d.as_ref().map(|d| d.label.clone()).unwrap_or_default());
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(codes), Some(d)) = (store.codes.get(), data.get()) else { return Table::default() };
        Table {
            headers: vec!["ISO 3166-2".into(), t(l, Key::Region).into(), d.label.clone()],
            rows: codes
                .regions()
                .iter()
                .zip(d.values)
                .map(|(r, v)| {
                    vec![Value::Text(r.code.clone()), Value::Text(r.name.get(l).to_string()), Value::Num(v, d.decimals)]
                })
                .collect(),
        }
    });
    // Classes for the current values, shared by the paths and the legend.
    let classing = Memo::new(move |_| {
        data.with(|d| d.as_ref().map(|d| d.classes.clone()).unwrap_or_else(|| legend::sequential(&[], 0, lang.get())))
    });
    let value_of = move |r: usize| data.with(|d| d.as_ref().and_then(|d| d.values.get(r).copied().flatten()));
    let ready = Memo::new(move |_| data.with(Option::is_some));
    // The paths are built once per layout, width and language; a filter change only
    // updates their fill, stroke and labels (no new elements, no path parsing).
    let body = move || {
        let l = lang.get();
        let text = size.text.get();
        let fs = text.label;
        let cap = if fs > 12.0 { MAX_W_PROJECTOR } else { MAX_W };
        let full_w = size.width.get();
        // On a projector the map must fit under the presenter bar: its side is capped by the screen's
        // height, and the legend goes beside it when there is room.
        let vh = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(900.0);
        let side = if fs > 12.0 { full_w.min(cap).min((vh - 250.0).max(300.0)) } else { full_w.min(cap) };
        let legend_beside = full_w - side >= 320.0 && fs > 12.0;
        let w = if legend_beside { full_w } else { side };
        let (Some(lay), Some(codes), true) = (layout(side), store.codes.get(), ready.get()) else {
            return super::pending(store, "regions", "map-unavailable");
        };
        let lay: Arc<MapLayout> = lay;
        let title_lines = Vec::<String>::new() /* the heading is the frame's; exports draw it in */;
        let top = 10.0 + text.title * 1.3 * title_lines.len() as f64;
        let h = side;
        let inset_names: Vec<String> = ["PT-20", "PT-30"]
            .iter()
            .filter_map(|c| codes.region.get(c).map(|i| codes.regions()[i].name.get(l).to_string()))
            // "Região Autónoma dos Açores" → "Açores": the inset box is small.
            .map(|n| {
                ["Região Autónoma dos ", "Região Autónoma da ", "Autonomous Region of the ", "Autonomous Region of "]
                    .iter()
                    .fold(n, |n, p| n.strip_prefix(p).map(str::to_string).unwrap_or(n))
            })
            .collect();
        let insets = lay
            .insets
            .iter()
            .zip(inset_names)
            .map(|(b, name)| {
                view! {
                    <rect x=b.x y=b.y + top width=b.width height=b.height fill="none" stroke="#8a929c" stroke-dasharray="4 3"/>
                    <text x=b.x + 4.0 y=b.y + top + fs + 2.0 font-size=fs fill="#4f5863">{ellipsize(&name, b.width - 8.0, fs).0}</text>
                }
            })
            .collect_view();
        let paths = lay
            .regions
            .iter()
            .map(|mr| {
                let r = mr.region;
                let name = codes.regions()[r].name.get(l).to_string();
                let label = move || format!("{name}: {} ({})", format::maybe(l, value_of(r), decimals()), label_of());
                let label2 = label.clone();
                let is_sel = move || selected.with(|s| s.contains(&r));
                let paint = move || classing.with(|c: &Classes| c.color(value_of(r)));
                view! {
                    <path
                        d=mr.d.clone()
                        transform=format!("translate(0,{top})")
                        fill=paint
                        stroke=move || if is_sel() { "#000000" } else { "#ffffff" }
                        stroke-width=move || if is_sel() { "2.5" } else { "0.8" }
                        class="region"
                        tabindex="0"
                        role="button"
                        aria-pressed=move || is_sel().to_string()
                        aria-label=label
                        data-region=codes.regions()[r].code.clone()
                        on:click=move |_| toggle(r)
                        on:keydown=move |ev| {
                            if super::labels::is_activation(&ev) {
                                toggle(r);
                            }
                        }
                        on:mouseenter=move |_| hover.set(Some(r))
                        on:pointerdown=move |_| hover.set(Some(r))
                        on:mouseleave=move |_| hover.set(None)
                        on:focus=move |_| hover.set(Some(r))
                        on:blur=move |_| hover.set(None)
                    >
                        <title>{label2}</title>
                    </path>
                }
            })
            .collect_view();
        let (legend_x, legend_y) =
            if legend_beside { (side + 16.0, top + 2.0 * text.line()) } else { (0.0, h + top + 8.0 + text.line()) };
        let legend_w = w - legend_x;
        let row = text.line();
        let legend = move || {
            let what = label_of();
            classing.with(|c: &Classes| {
                let swatches = c
                    .labels
                    .iter()
                    .zip(&c.colors)
                    .enumerate()
                    .map(|(k, (label, color))| {
                        let y = legend_y + row * k as f64;
                        let (shown, _) = ellipsize(label, legend_w - 40.0, fs);
                        view! {
                            <rect x=legend_x + 12.0 y=y + (row - 12.0) / 2.0 width="14" height="12" fill=*color stroke="#8a929c" stroke-width="0.5"/>
                            <text x=legend_x + 32.0 y=y + row * 0.72 font-size=fs data-testid="map-legend-label">{super::labels::fitted(shown)}<title>{label.clone()}</title></text>
                        }
                    })
                    .collect_view();
                let no_data_y = legend_y + row * c.labels.len() as f64;
                // Bold text is about a tenth wider than the estimate for regular text.
                let heading_lines = wrap(&format!("{}: {what}", t(l, Key::Legend)), (legend_w - 16.0) / 1.12, fs, 2);
                let heading = heading_lines
                    .into_iter()
                    .rev()
                    .enumerate()
                    .map(|(k, line)| view! { <text x=legend_x + 8.0 y=legend_y - 6.0 - row * k as f64 font-size=fs font-weight="700">{line}</text> })
                    .collect_view();
                view! {
                    {heading}
                    {swatches}
                    <rect x=legend_x + 12.0 y=no_data_y + (row - 12.0) / 2.0 width="14" height="12" fill=NO_DATA stroke="#8a929c" stroke-width="0.5"/>
                    <text x=legend_x + 32.0 y=no_data_y + row * 0.72 font-size=fs data-testid="map-legend-label">{t(l, Key::NoDataLegend)}</text>
                }
            })
        };
        let source_text = format!("{} {}", source.get(), t(l, Key::BoundariesCredit));
        let source_lines = wrap(&source_text, w - 16.0, fs, 5);
        let n_source = source_lines.len() as f64;
        let source_top = move || {
            let legend_end = legend_y + row * (classing.with(|c| c.labels.len()) + 1) as f64 + 10.0;
            if legend_beside {
                legend_end.max(top + h + 8.0)
            } else {
                legend_end
            }
        };
        let total_h = move || source_top() + row * n_source + 6.0;
        let source = source_lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                view! { <text x="8" y=move || source_top() + fs + row * i as f64 font-size=fs fill="#4f5863">{line}</text> }
            })
            .collect_view();
        let title_svg = title_lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                view! { <text x="8" y=6.0 + text.title * (1.0 + 1.3 * i as f64) font-size=text.title font-weight="700">{line}</text> }
            })
            .collect_view();
        // Name, value with unit, rank among the districts, change vs a year earlier: at once on hover,
        // keyboard focus or touch.
        let readout = move || {
            hover.get().map(|r| {
                let name = store.codes.get().map(|c| c.regions()[r].name.get(l).to_string()).unwrap_or_default();
                data.with(|d| {
                    let Some(d) = d.as_ref() else { return String::new() };
                    let (ranks, of) = tooltip::ranks(&d.values);
                    let change = d.changes.get(r).copied().flatten();
                    tooltip::line(
                        l,
                        &name,
                        value_of(r),
                        d.decimals,
                        &d.label,
                        ranks.get(r).copied().flatten().map(|k| (k, of)),
                        change,
                    )
                })
            })
        };
        view! {
            <p class="readout" aria-hidden="true" data-testid=format!("{id}-readout")>{readout}</p>
            <svg
                id=format!("svg-{id}")
                xmlns="http://www.w3.org/2000/svg"
                viewBox=move || format!("0 0 {w} {}", total_h())
                width=w
                height=total_h
                font-family="system-ui, sans-serif"
                role="group"
                aria-label=move || title.get()
                class="map"
            >
                {title_svg}
                {insets}
                {paths}
                {legend}
                {source}
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
