//! QR codes of the current view's address, drawn as one SVG path (generated
//! here, with the `qrcode` crate: no network, no image library).

use std::fmt::Write;

/// Modules of quiet zone around the code, as the standard asks.
const QUIET: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    /// Width and height in modules, quiet zone included.
    pub size: usize,
    /// SVG path data of the dark modules, one unit square each.
    pub path: String,
}

/// The QR code of `text` (medium error correction, readable off a projector
/// screen); `None` if the text is too long for any QR version.
pub fn encode(text: &str) -> Option<Qr> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let _ = write!(path, "M{} {}h1v1h-1z", i % width + QUIET, i / width + QUIET);
        }
    }
    Some(Qr { size: width + 2 * QUIET, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_a_dashboard_address() {
        let q = encode("http://127.0.0.1:8080/?page=explore&area=PT-08&from=2024-06&to=2024-08&slide=2").unwrap();
        // Version 5 (37 modules) or so, plus the quiet zone.
        assert!(q.size >= 29 && q.size <= 61, "{}", q.size);
        // The three finder patterns put dark modules in the top-left corner.
        assert!(q.path.starts_with("M4 4h1v1h-1z"), "{}", &q.path[..40]);
        assert!(encode(&"x".repeat(5000)).is_none());
    }
}
