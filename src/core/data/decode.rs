//! Bytes → text for a file a user brings. UTF-8 (with or without a byte
//! order mark) is read as is. A workbook or PDF is recognised by its first
//! bytes and refused with the way to save it as CSV. UTF-16 (Excel's
//! "Unicode text"; with a byte order mark, or recognised by its zero bytes)
//! is decoded; other text that is not UTF-8 is read as Windows-1252 (Excel's
//! "CSV" on Windows) — both with a warning saying so. A JSON file must be
//! UTF-8 (RFC 8259): one that is not is refused at its first bad byte.
//!
//! UTF-16 is decoded by the standard library (`char::decode_utf16`), and
//! Windows-1252 by its WHATWG index (32 code points; the rest is Latin-1),
//! checked byte for byte against `encoding_rs` in the tests. `encoding_rs`
//! itself is not linked into the app: its decoder dispatch pulls in every
//! encoding's tables, +126 KB of gzipped wasm (+21 %) for these two.

use std::borrow::Cow;

use super::path::JsonPath;
use super::problem::{Encoding, Problem, ProblemKind, Report, Workbook};

/// Windows-1252 as the WHATWG Encoding Standard defines it: bytes 0x80–0x9F
/// from its index (undefined ones are the C1 controls), the rest Latin-1.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The kind of binary file `bytes` starts like, if any.
pub fn signature(bytes: &[u8]) -> Option<Workbook> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(Workbook::Zip)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Workbook::Ole)
    } else if bytes.starts_with(b"%PDF") {
        Some(Workbook::Pdf)
    } else {
        None
    }
}

/// UTF-16 without a byte order mark: most of the first bytes' odd (LE) or
/// even (BE) positions are zero, as ASCII text in UTF-16 has.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(2000) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_odd = head.chunks(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let zero_even = head.chunks(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if zero_odd * 10 >= pairs * 7 {
        Some(Encoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 7 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Whether a text that failed as UTF-8 is meant as JSON (it starts with `{` or `[`).
fn looks_like_json(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    matches!(body.iter().find(|b| !b.is_ascii_whitespace()), Some(b'{' | b'['))
}

/// The first byte that is not UTF-8, located by line and column.
pub fn not_utf8(dataset: &str, bytes: &[u8], valid_up_to: usize) -> Report {
    let good = &bytes[..valid_up_to];
    let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
    let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&good[start..]).chars().count();
    let mut r = Report::new(dataset);
    r.push(Problem::error(JsonPath::root(), ProblemKind::NotUtf8 { byte: valid_up_to }).at(line, column));
    r
}

/// The text of `bytes`, and the encoding it was read from when not UTF-8
/// (to be reported as a warning). Refuses workbooks, PDFs and JSON that is
/// not UTF-8.
pub fn decode<'b>(dataset: &str, bytes: &'b [u8]) -> Result<(Cow<'b, str>, Option<Encoding>), Report> {
    if let Some(kind) = signature(bytes) {
        let mut r = Report::new(dataset);
        r.push(Problem::error(JsonPath::root(), ProblemKind::Workbook { kind }));
        return Err(r);
    }
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some((Encoding::Utf16Le, &bytes[2..]))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some((Encoding::Utf16Be, &bytes[2..]))
    } else {
        utf16_without_bom(bytes).map(|e| (e, bytes))
    };
    if let Some((enc, body)) = utf16 {
        let unit = |p: &[u8]| {
            if enc == Encoding::Utf16Le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        };
        let text: String =
            char::decode_utf16(body.chunks_exact(2).map(unit)).map(|c| c.unwrap_or('\u{fffd}')).collect();
        return Ok((Cow::Owned(text), Some(enc)));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), None)),
        Err(e) if looks_like_json(bytes) => Err(not_utf8(dataset, bytes, e.valid_up_to())),
        Err(_) => Ok((Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()), Some(Encoding::Windows1252))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_utf16_match_encoding_rs() {
        let all: Vec<u8> = (0..=255).collect();
        let (want, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all);
        let got: String = all.iter().map(|&b| windows_1252(b)).collect();
        assert_eq!(got, want);
        let text = "month\tÉvora – 1 234 €\r\n😀";
        for (enc, bytes) in [
            (encoding_rs::UTF_16LE, text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()),
            (encoding_rs::UTF_16BE, text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        ] {
            let (want, _) = enc.decode_without_bom_handling(&bytes);
            assert_eq!(decode("x", &bytes).unwrap().0, want);
        }
    }

    #[test]
    fn encodings_are_read_and_workbooks_recognised() {
        let (t, e) = decode("x", b"a;b\n\xc9vora;\x96\n").unwrap();
        assert_eq!((t.as_ref(), e), ("a;b\nÉvora;–\n", Some(Encoding::Windows1252)));
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("a\tÉ\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode("x", &le).unwrap(), (Cow::Owned("a\tÉ\n".into()), Some(Encoding::Utf16Le)));
        let bare: Vec<u8> = "month\tregion\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode("x", &bare).unwrap().1, Some(Encoding::Utf16Le));
        let r = decode("x", b"PK\x03\x04rest").unwrap_err();
        assert_eq!(r.problems[0].kind, ProblemKind::Workbook { kind: Workbook::Zip });
        let r = decode("x", b"{\"a\": \"caf\xe9\"}").unwrap_err();
        assert!(matches!(r.problems[0].kind, ProblemKind::NotUtf8 { byte: 10 }));
        assert_eq!(decode("x", "ok ✓".as_bytes()).unwrap(), (Cow::Borrowed("ok ✓"), None));
    }
}
