//! Choropleth map of the districts (Açores and Madeira as insets), coloured by
//! the chosen indicator (shortages) or any per-district values (`Choropleth`,
//! also used by the foreign-workforce page); click or Enter on a district
//! filters every view.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::root::use_derived;
use crate::app::store::use_store;
use crate::chart::legend::{self, Classes};
use crate::chart::palette::NO_DATA;
use crate::data::aggregate::Area;
use crate::export::ExportContext;
use crate::format;
use crate::geo::{self, MapLayout};
use crate::i18n::{t, Key};
use crate::table::{Table, Value};

use super::frame::{indicator_key, ChartFrame};

const W: f64 = 560.0;
const H: f64 = 560.0;
const TOP: f64 = 34.0;
/// Height of the legend block for `classes` legend rows (plus its title and the no-data key).
fn legend_height(classes: usize) -> f64 {
    30.0 + 16.0 * (classes + 1) as f64
}
/// Room for the source line under the legend.
const SOURCE: f64 = 22.0;

/// What a choropleth shows: one value per district (code-list order), how
/// to print it, what it is, and its colour classes.
#[derive(Clone, Debug, PartialEq)]
pub struct MapData {
    pub values: Vec<Option<f64>>,
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
            source=Signal::derive(move || super::labels::source_line(store, lang.get()))
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
    let layout = Memo::new(move |_| {
        let regions = store.regions.get()?;
        let codes = store.codes.get()?;
        let insets: Vec<usize> = ["PT-20", "PT-30"].iter().filter_map(|c| codes.region.get(c)).collect();
        Some(Arc::new(geo::layout(&regions.shapes, &insets, W, H)))
    });
    let hover = RwSignal::new(None::<usize>);
    let selected = Memo::new(move |_| match store.view.with(|v| v.area.clone()) {
        None => Vec::new(),
        Some(code) => match store.codes.get().and_then(|c| crate::view_state::parse_area(&code, &c).map(|a| (a, c))) {
            Some((Area::District(r), _)) => vec![r],
            Some((Area::Focus(i), c)) => c.focus_regions.get(i).cloned().unwrap_or_default(),
            _ => Vec::new(),
        },
    });
    let toggle = move |r: usize| {
        let Some(codes) = store.codes.get_untracked() else { return };
        let code = codes.regions()[r].code.clone();
        store.set_view(|v| crate::view_state::toggle(&mut v.area, &code));
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
    // The paths are built once per layout and language; a filter change only
    // updates their fill, stroke and labels (no new elements, no path parsing).
    let body = move || {
        let l = lang.get();
        let (Some(lay), Some(codes), true) = (layout.get(), store.codes.get(), ready.get()) else {
            return super::pending(store, "regions", "map-unavailable");
        };
        let lay: Arc<MapLayout> = lay;
        let inset_names: Vec<String> = ["PT-20", "PT-30"]
            .iter()
            .filter_map(|c| codes.region.get(c).map(|i| codes.regions()[i].name.get(l).to_string()))
            .collect();
        let insets = lay
            .insets
            .iter()
            .zip(inset_names)
            .map(|(b, name)| {
                view! {
                    <rect x=b.x y=b.y + TOP width=b.width height=b.height fill="none" stroke="#8a929c" stroke-dasharray="4 3"/>
                    <text x=b.x + 4.0 y=b.y + TOP + 13.0 font-size="10" fill="#4f5863">{name}</text>
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
                        transform=format!("translate(0,{TOP})")
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
                        on:mouseleave=move |_| hover.set(None)
                        on:focus=move |_| hover.set(Some(r))
                        on:blur=move |_| hover.set(None)
                    >
                        <title>{label2}</title>
                    </path>
                }
            })
            .collect_view();
        let legend_y = H + TOP + 16.0;
        let legend = move || {
            let what = label_of();
            classing.with(|c: &Classes| {
                let swatches = c
                    .labels
                    .iter()
                    .zip(&c.colors)
                    .enumerate()
                    .map(|(k, (text, color))| {
                        let y = legend_y + 16.0 * k as f64;
                        view! {
                            <rect x="12" y=y width="14" height="12" fill=*color stroke="#8a929c" stroke-width="0.5"/>
                            <text x="32" y=y + 10.0 font-size="11" data-testid="map-legend-label">{text.clone()}</text>
                        }
                    })
                    .collect_view();
                let no_data_y = legend_y + 16.0 * c.labels.len() as f64;
                view! {
                    <text x="12" y=legend_y - 6.0 font-size="11" font-weight="700">{t(l, Key::Legend)}": "{what}</text>
                    {swatches}
                    <rect x="12" y=no_data_y width="14" height="12" fill=NO_DATA stroke="#8a929c" stroke-width="0.5"/>
                    <text x="32" y=no_data_y + 10.0 font-size="11" data-testid="map-legend-label">{t(l, Key::NoDataLegend)}</text>
                }
            })
        };
        let total_h = move || H + TOP + classing.with(|c| legend_height(c.labels.len())) + SOURCE;
        let readout = move || {
            hover.get().map(|r| {
                let name = store.codes.get().map(|c| c.regions()[r].name.get(l).to_string()).unwrap_or_default();
                format!("{name}: {}", format::maybe(l, value_of(r), decimals()))
            })
        };
        view! {
            <svg
                id=format!("svg-{id}")
                xmlns="http://www.w3.org/2000/svg"
                viewBox=move || format!("0 0 {W} {}", total_h())
                width=W
                height=total_h
                font-family="system-ui, sans-serif"
                role="group"
                aria-label=move || title.get()
                class="map"
            >
                <text x="8" y="18" font-size="14" font-weight="700">{move || title.get()}</text>
                <text x=W - 8.0 y="18" font-size="13" text-anchor="end" data-testid=format!("{id}-readout")>{readout}</text>
                {insets}
                {paths}
                {legend}
                <text x="8" y=move || total_h() - 8.0 font-size="10" fill="#4f5863">{move || source.get()}" "{t(l, Key::BoundariesCredit)}</text>
            </svg>
        }
        .into_any()
    };
    view! {
        <ChartFrame id=id title=title hint=hint table=table export=export>
            {body}
        </ChartFrame>
    }
}
