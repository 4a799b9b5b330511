//! Browser downloads: CSV text, a chart's SVG, and the same SVG as PNG.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::chart::text::wrap;

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

/// Text escaped for XML content and attributes.
fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The chart `<svg>` with id `svg_id` as a standalone SVG document, with a header band carrying its
/// heading and the active filters (`title`, one entry per line, wrapped) and a footer band carrying the provenance (source, date of the figures, illustrative
/// stamp), so the file describes itself wherever it goes. Returns the markup and its width and height.
fn svg_markup(svg_id: &str, title: &[String], provenance: &[String]) -> Result<(String, u32, u32), JsValue> {
    let el =
        leptos::prelude::document().get_element_by_id(svg_id).ok_or_else(|| JsValue::from_str("chart not found"))?;
    let size =
        |a: &str| el.get_attribute(a).and_then(|v| v.parse::<f64>().ok()).unwrap_or(600.0).clamp(1.0, 4000.0) as u32;
    let (chart_width, height) = (size("width"), size("height"));
    // The document is at least 640 px wide, so that the title and source bands of a chart laid out for a
    // phone still read on one or two lines; the chart keeps its own size at the left.
    let width = chart_width.max(640);
    // HTML serialisation writes a no-break space (the pt thousands separator) as `&nbsp;`, an entity
    // XML does not know: write it as a character reference.
    let mut inner = el.outer_html().replace("&nbsp;", "&#160;");
    if !inner.contains("xmlns=") {
        inner = inner.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1);
    }
    // The same line fitting as the charts' own text (bold title lines are about a tenth wider).
    let room = (f64::from(width) - 16.0).max(160.0);
    let title_lines: Vec<String> = title.iter().flat_map(|t| wrap(t, room / 1.12, 14.0, 3)).collect();
    let prov_lines: Vec<String> = provenance.iter().flat_map(|p| wrap(p, room, 11.0, 6)).collect();
    let head = 12 + 20 * title_lines.len() as u32;
    let foot = 8 + 16 * prov_lines.len() as u32;
    let total = head + height + foot;
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\" font-family=\"system-ui, sans-serif\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    for (i, line) in title_lines.iter().enumerate() {
        out.push_str(&format!(
            "<text class=\"export-title\" x=\"8\" y=\"{}\" font-size=\"14\" font-weight=\"700\">{}</text>",
            22 + 20 * i as u32,
            xml_escape(line)
        ));
    }
    out.push_str(&format!("<g transform=\"translate(0,{head})\">{inner}</g>"));
    for (i, line) in prov_lines.iter().enumerate() {
        out.push_str(&format!(
            "<text class=\"export-source\" x=\"8\" y=\"{}\" font-size=\"11\" fill=\"#333333\">{}</text>",
            head + height + 16 + 16 * i as u32,
            xml_escape(line)
        ));
    }
    out.push_str("</svg>");
    Ok((out, width, total))
}

/// Saves the chart `svg_id` as an SVG file with its filters (`title`) and `provenance` drawn in.
pub fn svg(filename: &str, svg_id: &str, title: &[String], provenance: &[String]) -> Result<(), JsValue> {
    text(filename, "image/svg+xml", &svg_markup(svg_id, title, provenance)?.0)
}

/// Renders the same self-describing SVG as [`svg`] on a canvas at twice its size and saves it as PNG.
pub fn png(filename: &str, svg_id: &str, title: &[String], provenance: &[String]) -> Result<(), JsValue> {
    let (markup, width, height) = svg_markup(svg_id, title, provenance)?;
    let blob = text_blob(&markup, "image/svg+xml")?;
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
