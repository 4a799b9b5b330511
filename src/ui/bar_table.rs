//! A table with an inline bar (the model: `core::chart::bar_table`): the overview's most-short
//! occupations and consultation outcomes by theme.

use leptos::prelude::*;

use crate::core::chart::bar_table::BarTable;

/// Row headers as buttons: `data-testid` is `testid` followed by the row's code, and a click
/// runs `on` with the code.
#[derive(Clone, Copy)]
pub struct RowLink {
    pub testid: &'static str,
    pub on: Callback<String>,
}

/// The table `m` in a horizontally scrollable box (`data-testid` = `testid`), or its empty
/// text (with `empty_testid`, if any) when it has no rows; with `link`, row headers are buttons.
pub fn bar_table(
    m: BarTable,
    testid: &'static str,
    empty_testid: Option<&'static str>,
    link: Option<RowLink>,
) -> AnyView {
    if m.rows.is_empty() {
        return view! { <p class="empty" data-testid=empty_testid>{m.empty}</p> }.into_any();
    }
    let (bar_column, bar_class, show_code) = (m.bar_column, m.bar_class, m.show_code);
    let mut headers = m.headers.into_iter();
    let head = headers.next().unwrap_or_default();
    let columns = headers.map(|h| view! { <th scope="col" class="num">{h}</th> }).collect_view();
    let rows = m
        .rows
        .into_iter()
        .map(|r| {
            let width = r.bar_width();
            let row_head = match link {
                Some(link) => {
                    let code = r.code.clone();
                    view! {
                        <button class="link" data-testid=format!("{}{}", link.testid, r.code) on:click=move |_| link.on.run(code.clone())>
                            {r.name}
                        </button>
                    }
                    .into_any()
                }
                None if show_code => view! { <span class="code">{r.code}</span>" "{r.name} }.into_any(),
                None => r.name.into_any(),
            };
            let cells = r
                .cells
                .into_iter()
                .enumerate()
                .map(|(k, text)| {
                    if k == bar_column {
                        view! {
                            <td class="num ratio">
                                <span class="bar" aria-hidden="true">
                                    <span class=bar_class style:width=width.clone()></span>
                                </span>
                                {text}
                            </td>
                        }
                        .into_any()
                    } else {
                        view! { <td class="num">{text}</td> }.into_any()
                    }
                })
                .collect_view();
            view! {
                <tr class=r.class>
                    <th scope="row">{row_head}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0"><table class="data-table" data-testid=testid>
            <thead>
                <tr>
                    <th scope="col">{head}</th>
                    {columns}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}
