//! Colour-blind-safe palettes and WCAG contrast helpers.

/// Sequential palette, light to dark: ColorBrewer YlGnBu, 5 classes.
pub const SEQUENTIAL: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];

/// Diverging palette, negative (brown) to positive (teal): ColorBrewer BrBG, 6 classes.
pub const DIVERGING: [&str; 6] = ["#8c510a", "#d8b365", "#f6e8c3", "#c7eae5", "#5ab4ac", "#01665e"];

/// Vacancies per jobseeker, one colour per [`RatioClass`](super::classify::RatioClass): surplus of
/// jobseekers in blues (darker = larger surplus), balanced in pale yellow, shortage of workers in orange and
/// dark red — the most salient colours, as shortage is what the dashboard is for. Blue–orange diverging
/// schemes stay distinct with the common colour-vision deficiencies (after ColorBrewer RdYlBu).
pub const RATIO: [&str; 6] = ["#1f5f99", "#5b9bd1", "#b7d4ea", "#f3e9b0", "#f08a3c", "#a50f15"];

/// Fill for regions without data: a plain light grey, distinct from every palette colour.
pub const NO_DATA: &str = "#e0e0e0";

/// Qualitative line colours for series, from the Okabe–Ito palette.
pub const SERIES: [&str; 6] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

/// Colours of compared areas that stay put: each area keeps the [`SERIES`] colour it had in `prev` while it
/// stays compared; an area that joins gets the lowest colour index not in use. Returns `(area, colour
/// index)` for `areas`, in their order.
pub fn keep_colours(prev: &[(String, usize)], areas: &[String]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::with_capacity(areas.len());
    let kept: Vec<(String, usize)> = prev.iter().filter(|(a, _)| areas.contains(a)).cloned().collect();
    for a in areas {
        let colour = match kept.iter().find(|(k, _)| k == a) {
            Some((_, c)) => *c,
            None => (0..).find(|c| !kept.iter().any(|(_, k)| k == c) && !out.iter().any(|(_, k)| k == c)).unwrap_or(0),
        };
        out.push((a.clone(), colour));
    }
    out
}

/// Parses `#rrggbb` or `#rgb` (the `#` optional, any case) into 8-bit channels.
fn parse_hex(hex: &str) -> Option<[u8; 3]> {
    let h = hex.strip_prefix('#').unwrap_or(hex);
    if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match h.len() {
        6 => Some([channel(&h[0..2])?, channel(&h[2..4])?, channel(&h[4..6])?]),
        3 => {
            let short = |i: usize| channel(&h[i..=i]).map(|c| c * 17);
            Some([short(0)?, short(1)?, short(2)?])
        }
        _ => None,
    }
}

/// WCAG 2.x relative luminance (0 for black, 1 for white) of a hex colour, or `None` if it does not parse.
pub fn relative_luminance(hex: &str) -> Option<f64> {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = parse_hex(hex)?;
    Some(0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b))
}

/// WCAG contrast ratio between two hex colours, from 1 (same) to 21 (black on white); order does not matter.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (relative_luminance(a)?, relative_luminance(b)?);
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

/// Text colour for labels drawn on `fill`: `"#000000"` or `"#ffffff"`, whichever contrasts more (black for
/// unparsable input). Either one always reaches at least 4.58:1, so this meets WCAG AA for any fill.
pub fn text_on(fill: &str) -> &'static str {
    const BLACK: &str = "#000000";
    const WHITE: &str = "#ffffff";
    match (contrast_ratio(fill, BLACK), contrast_ratio(fill, WHITE)) {
        (Some(black), Some(white)) if white > black => WHITE,
        _ => BLACK,
    }
}

/// Colour of class `k` out of `classes`, spread evenly over [`SEQUENTIAL`] (so 3 classes use the lightest,
/// middle and darkest colours). `k` past the last class gets the darkest; a single class gets the middle one.
pub fn sequential(k: usize, classes: usize) -> &'static str {
    let last = SEQUENTIAL.len() - 1;
    if classes <= 1 {
        return SEQUENTIAL[last / 2];
    }
    let k = k.min(classes - 1);
    SEQUENTIAL[(k * last + (classes - 1) / 2) / (classes - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_colours() -> impl Iterator<Item = &'static str> {
        SEQUENTIAL.into_iter().chain(DIVERGING).chain(RATIO).chain(SERIES).chain([NO_DATA])
    }

    #[test]
    fn compared_areas_keep_their_colours() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let first = keep_colours(&[], &v(&["PT", "algarve", "alentejo"]));
        assert_eq!(first.iter().map(|x| x.1).collect::<Vec<_>>(), [0, 1, 2]);
        // Algarve leaves, Faro joins: Portugal and Alentejo keep theirs, Faro takes the free one.
        let second = keep_colours(&first, &v(&["PT", "alentejo", "PT-08"]));
        assert_eq!(second, [("PT".into(), 0), ("alentejo".into(), 2), ("PT-08".into(), 1)]);
        let third = keep_colours(&second, &v(&["PT-08", "PT", "alentejo", "PT-02"]));
        assert_eq!(third.iter().map(|x| x.1).collect::<Vec<_>>(), [1, 0, 2, 3]);
        assert!(third.iter().all(|x| x.1 < SERIES.len()));
    }

    #[test]
    fn black_on_white_is_21() {
        assert_eq!(contrast_ratio("#000", "#fff"), Some(21.0));
        assert_eq!(contrast_ratio("#ffffff", "#000000"), Some(21.0));
        assert_eq!(contrast_ratio("#777", "#777777"), Some(1.0));
    }

    #[test]
    fn luminance_known_values() {
        assert_eq!(relative_luminance("#000000"), Some(0.0));
        assert_eq!(relative_luminance("#FFFFFF"), Some(1.0));
        let red = relative_luminance("#ff0000").unwrap();
        assert!((red - 0.2126).abs() < 1e-12);
        // WCAG's reference: #777 on white is about 4.48:1.
        let grey = contrast_ratio("#777777", "#ffffff").unwrap();
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
    }

    #[test]
    fn bad_hex_is_none() {
        for bad in ["", "#", "#12", "#12345", "#1234567", "#gggggg", "red", "#ff00zz", "#ééé", "# ffffff"] {
            assert_eq!(relative_luminance(bad), None, "{bad}");
        }
        assert_eq!(contrast_ratio("#000", "nope"), None);
        assert_eq!(text_on("nope"), "#000000");
    }

    #[test]
    fn palettes_parse_and_are_distinct() {
        for c in all_colours() {
            assert!(relative_luminance(c).is_some(), "{c}");
        }
        // Sequential goes light to dark.
        let l: Vec<f64> = SEQUENTIAL.iter().map(|c| relative_luminance(c).unwrap()).collect();
        assert!(l.windows(2).all(|w| w[0] > w[1]), "{l:?}");
        // No-data grey is not mistaken for the lightest class.
        assert!(!SEQUENTIAL.contains(&NO_DATA) && !DIVERGING.contains(&NO_DATA));
    }

    #[test]
    fn text_on_meets_aa_on_every_palette_colour() {
        for c in all_colours() {
            let t = text_on(c);
            let ratio = contrast_ratio(c, t).unwrap();
            assert!(ratio >= 4.5, "{t} on {c}: {ratio:.2}");
            let other = if t == "#000000" { "#ffffff" } else { "#000000" };
            assert!(ratio >= contrast_ratio(c, other).unwrap());
        }
        assert_eq!(text_on("#253494"), "#ffffff");
        assert_eq!(text_on("#ffffcc"), "#000000");
    }

    #[test]
    fn sequential_picks_evenly() {
        let pick = |classes: usize| (0..classes).map(|k| sequential(k, classes)).collect::<Vec<_>>();
        assert_eq!(pick(5), SEQUENTIAL);
        assert_eq!(pick(3), ["#ffffcc", "#41b6c4", "#253494"]);
        assert_eq!(pick(2), ["#ffffcc", "#253494"]);
        assert_eq!(pick(4), ["#ffffcc", "#a1dab4", "#2c7fb8", "#253494"]);
        assert_eq!(pick(1), ["#41b6c4"]);
        assert_eq!(sequential(0, 0), "#41b6c4");
        assert_eq!(sequential(9, 3), "#253494");
        // More classes than colours: monotone, from lightest to darkest.
        let many = pick(9);
        assert_eq!((many[0], many[8]), (SEQUENTIAL[0], SEQUENTIAL[4]));
    }

    #[test]
    fn ratio_palette_darkens_away_from_balance() {
        let l: Vec<f64> = RATIO.iter().map(|c| relative_luminance(c).unwrap()).collect();
        // Lightest at "balanced" (index 3), darker step by step towards both ends.
        assert!(l[..4].windows(2).all(|w| w[0] < w[1]), "{l:?}");
        assert!(l[3..].windows(2).all(|w| w[0] > w[1]), "{l:?}");
        // The most severe shortage is the darkest colour of the scale: the most salient.
        assert!(l.iter().all(|&x| x >= l[5]), "{l:?}");
        // Adjacent classes are told apart by lightness, not hue alone.
        for w in RATIO.windows(2) {
            assert!(contrast_ratio(w[0], w[1]).unwrap() >= 1.25, "{w:?}");
        }
        // "Balanced" stays visible on the white page and differs from the no-data grey.
        assert!(contrast_ratio(RATIO[3], "#ffffff").unwrap() > 1.15);
        assert!(!RATIO.contains(&NO_DATA));
    }
}
