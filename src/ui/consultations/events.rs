//! The consultation events with participants per stakeholder group, and outcomes per status.

use leptos::prelude::*;

use super::status_key;
use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::data::manifest::Kind;
use crate::core::data::outcomes::by_status;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};
use crate::ui::frame::DataTable;

/// The consultation events with participants per stakeholder group.
#[component]
pub fn EventsTable() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(codes), Some(cons), Some(f)) = (store.codes.get(), store.consultations.get(), derived.filter.get())
        else {
            return Table::default();
        };
        let follow = store.view.with(|v| v.follow_period);
        let events = crate::core::data::outcomes::events_in(&cons, &codes, &f, follow);
        let mut headers: Vec<String> = [Key::Date, Key::Place, Key::Region, Key::Format, Key::Event]
            .iter()
            .map(|k| t(l, *k).to_string())
            .collect();
        headers.extend(codes.groups().iter().map(|g| g.name.get(l).to_string()));
        headers.push(t(l, Key::Participants).to_string());
        headers.push(t(l, Key::Outcomes).to_string());
        Table {
            headers,
            rows: events
                .iter()
                .filter_map(|&(i, n)| Some((cons.events().get(i)?, n)))
                .map(|(e, n_outcomes)| {
                    let mut row = vec![
                        Value::Text(e.date.clone()),
                        Value::Text(e.place.clone()),
                        Value::Text(
                            codes
                                .region
                                .get(&e.region)
                                .map(|r| codes.regions()[r].name.get(l).to_string())
                                .unwrap_or_default(),
                        ),
                        Value::Text(
                            codes
                                .event_format
                                .get(&e.format)
                                .map(|f| codes.file.event_formats[f].name.get(l).to_string())
                                .unwrap_or_default(),
                        ),
                        Value::Text(e.title.get(l).to_string()),
                    ];
                    row.extend(
                        codes
                            .groups()
                            .iter()
                            .map(|g| Value::Num(e.participants.get(&g.code).map(|&n| f64::from(n)), 0)),
                    );
                    row.push(Value::Num(Some(f64::from(e.participants.values().sum::<u32>())), 0));
                    row.push(Value::Num(Some(n_outcomes as f64), 0));
                    row
                })
                .collect(),
        }
    });
    view! {
        <section class="panel" aria-labelledby="events-title">
            <h2 id="events-title">{move || t(lang.get(), Key::EventsTitle)}</h2>
            // Until the consultations are here (or when they cannot be), say so, as the charts do.
            {move || match store.consultations.with(Option::is_some) {
                true => view! { <DataTable table=table testid="events".to_string()/> }.into_any(),
                false => crate::ui::pending(store, Kind::Consultations, "events-unavailable"),
            }}
        </section>
    }
}

/// Counts of outcomes per status for the current filters.
#[component]
pub fn StatusSummary() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    view! {
        <section class="panel" id="status" aria-labelledby="status-title">
            <h2 id="status-title">{move || t(lang.get(), Key::StatusSummary)}</h2>
            {move || {
                let l = lang.get();
                let (Some(idx), Some(cons)) = (derived.outcomes.get(), store.consultations.get()) else {
                    return crate::ui::pending(store, crate::core::data::manifest::Kind::Consultations, "status-unavailable");
                };
                let counts = by_status(&cons, &idx);
                view! {
                    <ul class="status-list" data-testid="status-summary">
                        {counts
                            .into_iter()
                            .map(|(s, n)| view! {
                                <li>
                                    <button class=format!("status status-{}", s.code()) on:click=move |_| store.set_view(|v| {
                                        crate::core::state::toggle(&mut v.status, s.code());
                                    })>
                                        {format!("{}: {n}", t(l, status_key(s)))}
                                    </button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
