//! Browser downloads: CSV text, a chart's SVG, and the same SVG as PNG.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn save_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let doc = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("style", "display:none")?;
    if let Some(body) = doc.body() {
        body.append_child(&a)?;
        a.click();
        body.remove_child(&a)?;
    }
    web_sys::Url::revoke_object_url(&url)
}

fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
}

/// Saves `text` as a file (UTF-8; CSV gets a byte order mark for spreadsheets).
pub fn text(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let body = if mime.starts_with("text/csv") { format!("\u{feff}{text}") } else { text.to_string() };
    save_blob(filename, &text_blob(&body, mime)?)
}

/// The markup of the `<svg>` with id `svg_id`, standalone.
fn svg_markup(svg_id: &str) -> Result<String, JsValue> {
    let el =
        leptos::prelude::document().get_element_by_id(svg_id).ok_or_else(|| JsValue::from_str("chart not found"))?;
    let mut markup = el.outer_html();
    if !markup.contains("xmlns=") {
        markup = markup.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1);
    }
    Ok(format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}"))
}

pub fn svg(filename: &str, svg_id: &str) -> Result<(), JsValue> {
    text(filename, "image/svg+xml", &svg_markup(svg_id)?)
}

/// Renders the SVG on a canvas at twice its size and saves it as PNG.
pub fn png(filename: &str, svg_id: &str) -> Result<(), JsValue> {
    let el =
        leptos::prelude::document().get_element_by_id(svg_id).ok_or_else(|| JsValue::from_str("chart not found"))?;
    let size =
        |a: &str| el.get_attribute(a).and_then(|v| v.parse::<f64>().ok()).unwrap_or(600.0).clamp(1.0, 4000.0) as u32;
    let (width, height) = (size("width"), size("height"));
    let blob = text_blob(&svg_markup(svg_id)?, "image/svg+xml")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let img = web_sys::HtmlImageElement::new()?;
    let (name, img2, url2) = (filename.to_string(), img.clone(), url.clone());
    let onload = Closure::once(move || {
        let result = (|| -> Result<(), JsValue> {
            let doc = leptos::prelude::document();
            let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
            canvas.set_width(width * 2);
            canvas.set_height(height * 2);
            let ctx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2d context"))?.dyn_into()?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, f64::from(width * 2), f64::from(height * 2));
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img2,
                0.0,
                0.0,
                f64::from(width * 2),
                f64::from(height * 2),
            )?;
            let data_url = canvas.to_data_url_with_type("image/png")?;
            let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
            a.set_href(&data_url);
            a.set_download(&name);
            if let Some(body) = doc.body() {
                body.append_child(&a)?;
                a.click();
                body.remove_child(&a)?;
            }
            Ok(())
        })();
        let _ = web_sys::Url::revoke_object_url(&url2);
        if let Err(e) = result {
            web_sys::console::error_2(&JsValue::from_str("PNG export failed:"), &e);
        }
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&url);
    Ok(())
}
