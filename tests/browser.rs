//! Components mounted in headless Chromium (wasm-bindgen-test).
//! Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

use vagas::core::data::codes;
use vagas::core::data::consultations;
use vagas::core::data::problem::ProblemKind;
use vagas::core::data::{labour, Lang};
use vagas::ui::report::ReportView;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").expect("div");
    doc.body().expect("body").append_child(&el).expect("append");
    el.dyn_into::<web_sys::HtmlElement>().expect("html element")
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
async fn report_lists_located_problems_and_switches_language() {
    let codes = codes::load("codes", include_str!("../data/codes.json")).expect("codes").0;
    let report = labour::load("lm_negative.json", include_str!("corpus/lm_negative.json"), &codes).unwrap_err();
    assert!(matches!(report.problems[0].kind, ProblemKind::Negative { .. }));
    let el = container();
    let lang = RwSignal::new(Lang::En);
    let handle = leptos::mount::mount_to(el.clone(), move || view! { <ReportView report=report.clone() lang=lang/> });
    leptos::task::tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("Negative count"), "{text}");
    assert!(text.contains("$.records.vacancies_open[1] (line 16:"), "{text}");
    assert!(text.contains("found -5"), "{text}");
    lang.set(Lang::Pt);
    leptos::task::tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("Contagem negativa"), "{text}");
    assert!(text.contains("(linha 16:"), "{text}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn hostile_strings_render_as_text() {
    // A report quoting a hostile code must show it, not run it.
    let codes = codes::load("codes", include_str!("../data/codes.json")).expect("codes").0;
    let text = include_str!("corpus/cons_valid.json")
        .replace("\"housing\"", "\"<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>\"");
    let report = consultations::load("hostile", &text, &codes).unwrap_err();
    let el = container();
    let handle =
        leptos::mount::mount_to(el.clone(), move || view! { <ReportView report=report.clone() lang=Lang::En/> });
    leptos::task::tick().await;
    let shown = el.text_content().unwrap_or_default();
    assert!(shown.contains("<img src=x onerror"), "{shown}");
    assert_eq!(el.query_selector_all("img, script").expect("query").length(), 0);
    let pwned = js_sys_get("__pwned");
    assert!(pwned.is_undefined());
    drop(handle);
}

fn js_sys_get(name: &str) -> wasm_bindgen::JsValue {
    let window = web_sys::window().expect("window");
    js_sys::Reflect::get(&window, &name.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
async fn csv_report_reads_fully_in_each_language_with_csv_places() {
    // A pt-PT Excel export in Windows-1252 with an ambiguous count and a CAE code.
    let codes = codes::load("codes", include_str!("../data/codes.json")).expect("codes").0;
    let csv = "month;region;sector;occupation;jobseekers;vacancies_open;vacancies_new;placements;distrito\r\n\
               2025-07;PT-07;56101;5131;1.000;3;2;1;\u{c9}vora\r\n";
    let bytes: Vec<u8> = csv.chars().map(|c| if c == 'É' { 0xC9 } else { c as u8 }).collect();
    let opts = vagas::core::data::parse::LoadOptions::default();
    let report = vagas::core::data::ingest::ingest("x.csv", &bytes, &codes, opts).unwrap_err().report;
    let el = container();
    let lang = RwSignal::new(Lang::Pt);
    let handle = leptos::mount::mount_to(el.clone(), move || view! { <ReportView report=report.clone() lang=lang/> });
    leptos::task::tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("Não é uma contagem — linha 2, coluna 5 (jobseekers)"), "{text}");
    assert!(text.contains("encontrado \"1.000\" — ambíguo"), "{text}");
    assert!(text.contains("CAE 56101 → divisão NACE I56"), "{text}");
    assert!(text.contains("Windows-1252"), "{text}");
    assert!(!text.contains("JSON") && !text.contains("$."), "a CSV is not called JSON: {text}");
    lang.set(Lang::En);
    leptos::task::tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("Not a count — line 2, column 5 (jobseekers)"), "{text}");
    assert!(text.contains("CAE 56101 → NACE division I56"), "{text}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn official_figures_are_labelled_with_their_source_and_dataset_text_stays_text() {
    use std::sync::Arc;
    use vagas::app::store::Store;
    use vagas::core::data::indicators;
    use vagas::ui::workforce::OfficialFigures;
    let codes = Arc::new(codes::load("codes", include_str!("../data/codes.json")).expect("codes").0);
    let text = include_str!("../data/indicators_official.json").replacen(
        "Foreign nationals with Social Security contributions paid",
        "<img src=x onerror=window.__pwned=3>",
        1,
    );
    let ind = Arc::new(indicators::load("i", &text, &codes).expect("indicators").0);
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let store = Store::new(vagas::core::url::decode("?area=PT-08&lang=en").0);
        store.codes.set(Some(codes.clone()));
        store.bundled_indicators.set(Some(ind.clone()));
        provide_context(store);
        view! { <OfficialFigures/> }
    });
    leptos::task::tick().await;
    let card = el.query_selector("[data-testid=\"official-ss_contributors\"]").expect("query").expect("the card");
    let shown = card.text_content().unwrap_or_default();
    assert!(shown.contains("97,924"), "{shown}");
    assert!(shown.starts_with("official"), "{shown}");
    assert!(shown.contains("table Q1, 2026-02-07 · subject to revision"), "{shown}");
    assert!(shown.contains("<img src=x onerror"), "{shown}");
    assert_eq!(el.query_selector_all("img, script").expect("query").length(), 0);
    assert!(js_sys_get("__pwned").is_undefined());
    // Every card of the area carries its label.
    let cards = el.query_selector_all(".card").expect("query").length();
    let labels = el.query_selector_all(".card [data-testid=\"figure-label\"]").expect("query").length();
    assert!(cards >= 4 && cards == labels, "{cards} cards, {labels} labels");
    drop(handle);
}

/// Resolves after `ms` milliseconds (BroadcastChannel messages arrive as tasks).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[wasm_bindgen_test]
async fn the_speaker_view_follows_typed_messages_and_lets_go_of_its_channel() {
    use vagas::app::store::Store;
    use vagas::core::story;
    use vagas::core::wire::{self, SlideShown};
    use vagas::ui::speaker::SpeakerView;
    let s = story::load("story", include_str!("../data/story.json")).expect("story").0;
    let count = s.slides.len();
    // Errors thrown by event handlers (a handler called after being dropped) reach window.onerror.
    let errors = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = errors.clone();
    let on_error = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || seen.set(seen.get() + 1));
    let window = web_sys::window().expect("window");
    window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref()).expect("listener");
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let store = Store::new(vagas::core::url::decode("?lang=en&page=speaker").0);
        store.story.set(Some(s.clone()));
        provide_context(store);
        view! { <SpeakerView/> }
    });
    leptos::task::tick().await;
    let presenter = web_sys::BroadcastChannel::new(vagas::ui::presenter::CHANNEL).expect("channel");
    presenter.post_message(&wire::to_json(&SlideShown(2, js_sys::Date::now())).into()).expect("post");
    sleep(150).await;
    let shown = el.text_content().unwrap_or_default();
    assert!(shown.contains(&format!("2 / {count}")), "{shown}");
    // A message of another shape (an older version's object) is ignored, not misread.
    presenter.post_message(&"{\"slide\": 3, \"started\": 0}".into()).expect("post");
    sleep(150).await;
    let shown = el.text_content().unwrap_or_default();
    assert!(shown.contains(&format!("2 / {count}")), "{shown}");
    // Gone: its channel is closed and its handler dropped, so later messages call nothing.
    drop(handle);
    presenter.post_message(&wire::to_json(&SlideShown(3, js_sys::Date::now())).into()).expect("post");
    sleep(150).await;
    presenter.close();
    window.remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref()).expect("listener");
    assert_eq!(errors.get(), 0, "an error was thrown after the speaker view was gone");
}

/// Resolves after the next frame has been painted and its tasks have run.
async fn after_paint() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("window");
        let f = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ =
                web_sys::window().expect("window").set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        });
        let _ = window.request_animation_frame(f.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

#[wasm_bindgen_test]
async fn a_chart_off_screen_follows_its_data_after_the_frame_and_on_screen_at_once() {
    use vagas::ui::frame::follow;
    let el = container();
    let value = RwSignal::new(1_u32);
    let on_screen = RwSignal::new(true);
    // How many times the view drew a value: the chart's work per change.
    let draws = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let counted = draws.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let src = Memo::new(move |_| value.get() * 10);
        let shown = follow(on_screen, src);
        let counted = counted.clone();
        view! {
            <p>
                {move || {
                    counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    shown.get().to_string()
                }}
            </p>
        }
    });
    leptos::task::tick().await;
    assert_eq!(el.text_content().unwrap_or_default(), "10");
    let first = draws.load(std::sync::atomic::Ordering::Relaxed);

    // On screen: drawn at once (before any frame), once.
    value.set(2);
    leptos::task::tick().await;
    assert_eq!(el.text_content().unwrap_or_default(), "20");
    assert_eq!(draws.load(std::sync::atomic::Ordering::Relaxed), first + 1);

    // Off screen: three changes before the frame leave the old value in place, then one draw of the
    // newest value after the frame.
    on_screen.set(false);
    leptos::task::tick().await;
    assert_eq!(draws.load(std::sync::atomic::Ordering::Relaxed), first + 1, "going off screen draws nothing");
    for v in [3, 4, 5] {
        value.set(v);
        leptos::task::tick().await;
    }
    assert_eq!(el.text_content().unwrap_or_default(), "20", "drawn before the frame while off screen");
    after_paint().await;
    assert_eq!(el.text_content().unwrap_or_default(), "50");
    assert_eq!(draws.load(std::sync::atomic::Ordering::Relaxed), first + 2, "one draw for three changes off screen");

    // A change off screen, then back on screen before the frame: drawn at once, and the queued
    // catch-up after the frame draws nothing more.
    value.set(6);
    leptos::task::tick().await;
    on_screen.set(true);
    leptos::task::tick().await;
    assert_eq!(el.text_content().unwrap_or_default(), "60");
    after_paint().await;
    assert_eq!(draws.load(std::sync::atomic::Ordering::Relaxed), first + 3);

    // A value equal to the one drawn draws nothing; gone with a catch-up queued: nothing breaks.
    value.set(6);
    leptos::task::tick().await;
    assert_eq!(draws.load(std::sync::atomic::Ordering::Relaxed), first + 3);
    on_screen.set(false);
    value.set(7);
    leptos::task::tick().await;
    drop(handle);
    after_paint().await;
    assert_eq!(draws.load(std::sync::atomic::Ordering::Relaxed), first + 3);
}
