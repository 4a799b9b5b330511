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
use crate::core::chart::choropleth;
use crate::core::chart::text::{ellipsize, wrap};
use crate::core::chart::tooltip;
use crate::core::i18n::labels::indicator_key;

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
    let data = size.follow(data);
    // Boundaries laid out for a width (the chart's measured one, capped).
    let layout = move |w: f64| {
        let regions = store.regions.get()?;
        let codes = store.codes.get()?;
        let insets: Vec<usize> = ["PT-20", "PT-30"].iter().filter_map(|c| codes.region.get(c)).collect();
        Some(Arc::new(geo::layout(&regions.shapes, &insets, w, w)))
    };
    let hover = RwSignal::new(None::<usize>);
    let selected = crate::app::settle::settled(move || match store.view.with(|v| v.area.clone()) {
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
        // On a projector the map must fit under the presenter bar (see `choropleth::frame`).
        let vh = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(900.0);
        let f = choropleth::frame(size.width.get(), text, vh);
        let (side, w, top, row) = (f.side, f.width, f.top, f.row);
        let (Some(lay), Some(codes), true) = (layout(side), store.codes.get(), ready.get()) else {
            return super::pending(store, crate::core::data::manifest::Kind::Regions, "map-unavailable");
        };
        let lay: Arc<MapLayout> = lay;
        let inset_names: Vec<String> = ["PT-20", "PT-30"]
            .iter()
            .filter_map(|c| codes.region.get(c).map(|i| choropleth::inset_name(codes.regions()[i].name.get(l))))
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
                let (click, key) = super::labels::activate(move || toggle(r));
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
                        on:click=click
                        on:keydown=key
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
        let legend_x = f.legend_x;
        // A memo: the legend is rebuilt only when its heading or classes change, not per filter change.
        let legend_parts = Memo::new(move |_| {
            let heading = format!("{}: {}", t(l, Key::Legend), label_of());
            classing.with(|c: &Classes| {
                (choropleth::legend(&f, &heading, &c.labels, t(l, Key::NoDataLegend), text), c.colors.clone())
            })
        });
        let legend = move || {
            let ((heading, rows, _), colours) = legend_parts.get();
            let heading = heading
                .into_iter()
                .map(|lb| view! { <text x=lb.x y=lb.y font-size=fs font-weight="700">{lb.text}</text> })
                .collect_view();
            let swatches = rows
                .into_iter()
                .enumerate()
                .map(|(k, r)| {
                    let colour = colours.get(k).copied().unwrap_or(NO_DATA);
                    view! {
                        <rect x=legend_x + 12.0 y=r.y + (row - 12.0) / 2.0 width="14" height="12" fill=colour stroke="#8a929c" stroke-width="0.5"/>
                        <text x=legend_x + 32.0 y=r.y + row * 0.72 font-size=fs data-testid="map-legend-label">{super::labels::fitted(r.shown)}<title>{r.full}</title></text>
                    }
                })
                .collect_view();
            view! {
                {heading}
                {swatches}
            }
        };
        let source_text = format!("{} {}", source.get(), t(l, Key::BoundariesCredit));
        let source_lines = wrap(&source_text, w - 16.0, fs, 5);
        let n_source = source_lines.len() as f64;
        let source_top = move || legend_parts.with(|p| p.0 .2);
        let total_h = move || source_top() + row * n_source + 6.0;
        let source = source_lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                view! { <text x="8" y=move || source_top() + fs + row * i as f64 font-size=fs fill="#4f5863">{line}</text> }
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
