//! Pure map geometry: projection, fitting, SVG path building, insets.
//!
//! No browser dependency; coordinates in are (longitude, latitude) degrees,
//! coordinates out are SVG user units with y pointing down.

use std::collections::HashSet;

use crate::core::data::regions::{Polygon, Shape};

/// Latitude (degrees) whose cosine scales longitudes in the equirectangular projection.
pub const REFERENCE_LAT: f64 = 39.5;

/// Fraction of the canvas width where the mainland area starts.
pub const MAINLAND_LEFT: f64 = 0.30;

/// Fraction of the canvas width where the inset column ends.
pub const INSET_RIGHT: f64 = 0.28;

/// A longitude/latitude bounding box in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

/// Bounding box of every finite point of `polys`; `None` when there is none.
pub fn bounds<'a>(polys: impl IntoIterator<Item = &'a Polygon>) -> Option<Bounds> {
    let mut out: Option<Bounds> = None;
    let points = polys.into_iter().flatten().flatten().filter(|(lon, lat)| lon.is_finite() && lat.is_finite());
    for &(lon, lat) in points {
        let b = out.get_or_insert(Bounds { min_lon: lon, min_lat: lat, max_lon: lon, max_lat: lat });
        b.min_lon = b.min_lon.min(lon);
        b.min_lat = b.min_lat.min(lat);
        b.max_lon = b.max_lon.max(lon);
        b.max_lat = b.max_lat.max(lat);
    }
    out
}

/// Equirectangular projection (longitude scaled by cos [`REFERENCE_LAT`], y down)
/// fitted to a target rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Longitude projected to `offset_x`.
    lon0: f64,
    /// Latitude projected to `offset_y`.
    lat0: f64,
    /// Units per degree of latitude.
    scale: f64,
    /// Units per degree of longitude (`scale · cos REFERENCE_LAT`).
    scale_lon: f64,
    offset_x: f64,
    offset_y: f64,
}

impl Projection {
    /// Fits `b` into the rectangle at (`x`, `y`) of `width` × `height`, keeping the
    /// aspect ratio and centring the result. Degenerate bounds (a point or a
    /// line) and empty rectangles give a finite projection.
    pub fn fit(b: &Bounds, x: f64, y: f64, width: f64, height: f64) -> Projection {
        let (width, height) = (width.max(0.0), height.max(0.0));
        let k = REFERENCE_LAT.to_radians().cos();
        let (dx, dy) = ((b.max_lon - b.min_lon) * k, b.max_lat - b.min_lat);
        let scale = match (dx > 0.0, dy > 0.0) {
            (true, true) => (width / dx).min(height / dy),
            (true, false) => width / dx,
            (false, true) => height / dy,
            (false, false) => 1.0,
        };
        Projection {
            lon0: b.min_lon,
            lat0: b.max_lat,
            scale,
            scale_lon: scale * k,
            offset_x: x + (width - dx * scale) / 2.0,
            offset_y: y + (height - dy * scale) / 2.0,
        }
    }

    /// Projects a (longitude, latitude) point to (x, y), y pointing down.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (self.offset_x + (lon - self.lon0) * self.scale_lon, self.offset_y + (self.lat0 - lat) * self.scale)
    }
}

/// Rounds to tenths, as an integer count of tenths.
fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

/// Formats a count of tenths with one decimal.
fn fmt_tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.unsigned_abs() / 10, t.unsigned_abs() % 10)
}

/// A ring projected and rounded to tenths: non-finite points and consecutive
/// duplicates dropped, closing point removed; `None` under 3 distinct points.
fn ring_tenths(ring: &[(f64, f64)], p: &Projection) -> Option<Vec<(i64, i64)>> {
    let mut pts: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
    for &(lon, lat) in ring {
        let (x, y) = p.project(lon, lat);
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let q = (tenths(x), tenths(y));
        if pts.last() != Some(&q) {
            pts.push(q);
        }
    }
    while pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    let distinct: HashSet<&(i64, i64)> = pts.iter().collect();
    (distinct.len() >= 3).then_some(pts)
}

/// SVG path data: one `M x y L x y … Z` subpath per ring (holes are plain extra
/// rings, so draw with `fill-rule="evenodd"`), one decimal per coordinate.
pub fn path_d(polygons: &[Polygon], p: &Projection) -> String {
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        let Some(pts) = ring_tenths(ring, p) else { continue };
        for (i, &(x, y)) in pts.iter().enumerate() {
            if !d.is_empty() {
                d.push(' ');
            }
            d.push_str(if i == 0 { "M " } else { "L " });
            d.push_str(&fmt_tenths(x));
            d.push(' ');
            d.push_str(&fmt_tenths(y));
        }
        d.push_str(" Z");
    }
    d
}

/// Signed shoelace area and centroid of a closed ring of projected points.
fn area_centroid(pts: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (i, &(x0, y0)) in pts.iter().enumerate() {
        let (x1, y1) = pts[(i + 1) % pts.len()];
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    a /= 2.0;
    if a.abs() > f64::EPSILON {
        (a, (cx / (6.0 * a), cy / (6.0 * a)))
    } else {
        let n = pts.len() as f64;
        (0.0, (pts.iter().map(|q| q.0).sum::<f64>() / n, pts.iter().map(|q| q.1).sum::<f64>() / n))
    }
}

/// Area-weighted centroid of the largest outer ring, in projected coordinates;
/// `None` when no outer ring has a finite point.
pub fn label_point(polygons: &[Polygon], p: &Projection) -> Option<(f64, f64)> {
    polygons
        .iter()
        .filter_map(|poly| poly.first())
        .filter_map(|ring| {
            let pts: Vec<(f64, f64)> = ring
                .iter()
                .map(|&(lon, lat)| p.project(lon, lat))
                .filter(|(x, y)| x.is_finite() && y.is_finite())
                .collect();
            (!pts.is_empty()).then(|| area_centroid(&pts))
        })
        .max_by(|a, b| a.0.abs().total_cmp(&b.0.abs()))
        .map(|(_, c)| c)
}

/// One region drawn on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapRegion {
    /// Position in the region code list.
    pub region: usize,
    /// SVG path data (see [`path_d`]); empty when nothing is drawable.
    pub d: String,
    /// Where to put the region's label.
    pub label: (f64, f64),
}

/// A framed inset box on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inset {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A complete map: canvas size, regions in input order and inset frames.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    pub width: f64,
    pub height: f64,
    pub regions: Vec<MapRegion>,
    pub insets: Vec<Inset>,
}

/// Lays out `shapes` on a `width` × `height` canvas. The mainland (every shape
/// not in `inset_regions`) fills the right part (from [`MAINLAND_LEFT`] of the
/// width); each inset region, in the given order, gets its own framed box
/// stacked in the left column (up to [`INSET_RIGHT`] of the width). Each inset
/// has its own projection: insets are NOT at the mainland's scale.
pub fn layout(shapes: &[Shape], inset_regions: &[usize], width: f64, height: f64) -> MapLayout {
    let (width, height) = (width.max(0.0), height.max(0.0));
    let pad = 0.03 * width.min(height);
    let mainland_box = Inset {
        x: MAINLAND_LEFT * width + pad,
        y: pad,
        width: (1.0 - MAINLAND_LEFT) * width - 2.0 * pad,
        height: height - 2.0 * pad,
    };
    let n = inset_regions.len() as f64;
    let box_h = ((height - pad * (n + 1.0)) / n.max(1.0)).max(0.0);
    let insets: Vec<Inset> = (0..inset_regions.len())
        .map(|i| Inset {
            x: pad,
            y: pad + i as f64 * (box_h + pad),
            width: (INSET_RIGHT * width - pad).max(0.0),
            height: box_h,
        })
        .collect();

    let fit = |b: Option<Bounds>, r: &Inset, inner: f64| {
        let b = b.unwrap_or(Bounds { min_lon: 0.0, min_lat: 0.0, max_lon: 0.0, max_lat: 0.0 });
        let inner = inner.min(r.width / 2.0).min(r.height / 2.0).max(0.0);
        Projection::fit(&b, r.x + inner, r.y + inner, r.width - 2.0 * inner, r.height - 2.0 * inner)
    };
    let mainland_polys = shapes.iter().filter(|s| !inset_regions.contains(&s.region)).flat_map(|s| &s.polygons);
    let mainland = fit(bounds(mainland_polys), &mainland_box, 0.0);
    let inset_proj: Vec<Projection> = inset_regions
        .iter()
        .zip(&insets)
        .map(|(r, b)| {
            let polys = shapes.iter().filter(|s| s.region == *r).flat_map(|s| &s.polygons);
            fit(bounds(polys), b, pad / 2.0)
        })
        .collect();

    let regions = shapes
        .iter()
        .map(|s| {
            let (proj, frame) = match inset_regions.iter().position(|r| *r == s.region) {
                Some(i) => (&inset_proj[i], &insets[i]),
                None => (&mainland, &mainland_box),
            };
            let centre = (frame.x + frame.width / 2.0, frame.y + frame.height / 2.0);
            MapRegion {
                region: s.region,
                d: path_d(&s.polygons, proj),
                label: label_point(&s.polygons, proj).unwrap_or(centre),
            }
        })
        .collect();
    MapLayout { width, height, regions, insets }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn square(lon: f64, lat: f64, size: f64) -> Vec<(f64, f64)> {
        vec![(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat)]
    }

    fn b(min_lon: f64, min_lat: f64, max_lon: f64, max_lat: f64) -> Bounds {
        Bounds { min_lon, min_lat, max_lon, max_lat }
    }

    fn k() -> f64 {
        REFERENCE_LAT.to_radians().cos()
    }

    /// Every number in a path's data.
    fn numbers(d: &str) -> Vec<f64> {
        d.split_whitespace().filter(|t| !matches!(*t, "M" | "L" | "Z")).map(|t| t.parse().unwrap()).collect()
    }

    #[test]
    fn bounds_of_polygons() {
        let polys = vec![vec![square(-9.0, 37.0, 1.0)], vec![square(-7.0, 41.0, 0.5), square(-6.9, 41.1, 0.1)]];
        assert_eq!(bounds(&polys), Some(b(-9.0, 37.0, -6.5, 41.5)));
    }

    #[test]
    fn bounds_none_without_finite_points() {
        assert_eq!(bounds(&Vec::<Polygon>::new()), None);
        assert_eq!(bounds(&vec![vec![vec![]]]), None);
        assert_eq!(bounds(&vec![vec![vec![(f64::NAN, 1.0), (2.0, f64::INFINITY)]]]), None);
        let mixed: Vec<Polygon> = vec![vec![vec![(f64::NAN, 1.0), (3.0, 4.0)]]];
        assert_eq!(bounds(&mixed), Some(b(3.0, 4.0, 3.0, 4.0)));
    }

    #[test]
    fn square_degree_is_cos_scaled() {
        let p = Projection::fit(&b(0.0, 39.0, 1.0, 40.0), 0.0, 0.0, 100.0, 100.0);
        let (x0, y0) = p.project(0.0, 40.0);
        let (x1, y1) = p.project(1.0, 39.0);
        assert!((y1 - y0 - 100.0).abs() < EPS);
        assert!(((x1 - x0) / (y1 - y0) - k()).abs() < EPS);
    }

    #[test]
    fn fit_centres_and_stays_inside() {
        // Tall box in a wide rectangle: full height, centred horizontally.
        let bb = b(-9.5, 37.0, -6.2, 42.2);
        let (x, y, w, h) = (10.0, 20.0, 400.0, 200.0);
        let p = Projection::fit(&bb, x, y, w, h);
        let (l, t) = p.project(bb.min_lon, bb.max_lat);
        let (r, bot) = p.project(bb.max_lon, bb.min_lat);
        assert!((t - y).abs() < EPS && (bot - (y + h)).abs() < EPS);
        assert!(l > x && r < x + w);
        assert!(((l - x) - (x + w - r)).abs() < EPS);
        // Wide box in a tall rectangle: full width, centred vertically.
        let bb = b(-31.3, 36.9, -25.0, 39.8);
        let p = Projection::fit(&bb, 0.0, 0.0, 100.0, 300.0);
        let (l, t) = p.project(bb.min_lon, bb.max_lat);
        let (r, bot) = p.project(bb.max_lon, bb.min_lat);
        assert!(l.abs() < EPS && (r - 100.0).abs() < EPS);
        assert!(t > 0.0 && bot < 300.0 && (t - (300.0 - bot)).abs() < EPS);
    }

    #[test]
    fn corners_hit_rectangle_edges() {
        // A 1°×1° box in a rectangle of the same aspect ratio fills it exactly.
        let (x, y, w, h) = (5.0, 7.0, 100.0 * k(), 100.0);
        let p = Projection::fit(&b(-8.0, 39.0, -7.0, 40.0), x, y, w, h);
        let close = |a: (f64, f64), e: (f64, f64)| (a.0 - e.0).abs() < EPS && (a.1 - e.1).abs() < EPS;
        assert!(close(p.project(-8.0, 40.0), (x, y)), "north-west → top-left");
        assert!(close(p.project(-7.0, 40.0), (x + w, y)), "north-east → top-right");
        assert!(close(p.project(-8.0, 39.0), (x, y + h)), "south-west → bottom-left");
        assert!(close(p.project(-7.0, 39.0), (x + w, y + h)), "south-east → bottom-right");
    }

    #[test]
    fn degenerate_fit_is_finite() {
        let p = Projection::fit(&b(-8.0, 39.0, -8.0, 39.0), 0.0, 0.0, 100.0, 50.0);
        let (x, y) = p.project(-8.0, 39.0);
        assert_eq!((x, y), (50.0, 25.0));
        let (x, y) = p.project(-7.0, 38.0);
        assert!(x.is_finite() && y.is_finite());
        // A horizontal line and a vertical line.
        let p = Projection::fit(&b(-9.0, 39.0, -8.0, 39.0), 0.0, 0.0, 100.0, 50.0);
        assert_eq!(p.project(-9.0, 39.0), (0.0, 25.0));
        let p = Projection::fit(&b(-9.0, 38.0, -9.0, 39.0), 0.0, 0.0, 100.0, 50.0);
        assert_eq!(p.project(-9.0, 39.0), (50.0, 0.0));
        // An empty rectangle.
        let p = Projection::fit(&b(-9.0, 38.0, -8.0, 39.0), 3.0, 4.0, 0.0, -5.0);
        let (x, y) = p.project(-8.5, 38.5);
        assert!(x.is_finite() && y.is_finite());
    }

    #[test]
    fn path_d_format() {
        // Identity-like projection: 1 unit per degree of latitude at origin (0, 0).
        let p = Projection::fit(&b(0.0, 0.0, 10.0 / k(), 10.0), 0.0, 0.0, 10.0, 10.0);
        let ring = vec![(0.0, 10.0), (10.0 / k(), 10.0), (10.0 / k(), 0.0), (0.0, 10.0)];
        assert_eq!(path_d(&[vec![ring]], &p), "M 0.0 0.0 L 10.0 0.0 L 10.0 10.0 Z");
    }

    #[test]
    fn path_d_holes_are_extra_rings() {
        let p = Projection::fit(&b(0.0, 0.0, 10.0, 10.0), 0.0, 0.0, 100.0, 100.0);
        let poly = vec![square(0.0, 0.0, 10.0), square(4.0, 4.0, 2.0)];
        let d = path_d(&[poly], &p);
        assert_eq!(d.matches('M').count(), 2);
        assert_eq!(d.matches('Z').count(), 2);
        assert_eq!(d.matches('L').count(), 6);
        assert!(d.starts_with("M ") && d.ends_with(" Z"));
    }

    #[test]
    fn path_d_drops_duplicates_after_rounding() {
        let p = Projection::fit(&b(0.0, 0.0, 100.0 / k(), 100.0), 0.0, 0.0, 100.0, 100.0);
        let lon = |x: f64| x / k();
        // y = 100 - lat; points 0.01 apart round to the same tenth.
        let ring = vec![
            (lon(0.0), 100.0),
            (lon(0.01), 100.0),
            (lon(0.04), 99.99),
            (lon(50.0), 100.0),
            (lon(50.0), 100.0),
            (lon(50.0), 50.0),
            (lon(0.0), 100.0),
        ];
        assert_eq!(path_d(&[vec![ring]], &p), "M 0.0 0.0 L 50.0 0.0 L 50.0 50.0 Z");
    }

    #[test]
    fn path_d_skips_degenerate_rings() {
        let p = Projection::fit(&b(0.0, 0.0, 10.0, 10.0), 0.0, 0.0, 100.0, 100.0);
        // Collapses to two points after rounding.
        let thin = vec![(1.0, 1.0), (5.0, 5.0), (1.0, 1.0), (5.0, 5.0), (1.0, 1.0)];
        // A tiny ring that rounds to one point.
        let tiny = vec![(2.0, 2.0), (2.0001, 2.0), (2.0, 2.0001), (2.0, 2.0)];
        let nan = vec![(f64::NAN, 1.0), (2.0, f64::NAN), (f64::INFINITY, 3.0)];
        assert_eq!(path_d(&[vec![thin, tiny, nan, vec![]]], &p), "");
        assert_eq!(path_d(&[], &p), "");
        let good = square(1.0, 1.0, 1.0);
        let with_nan: Vec<(f64, f64)> = good.iter().copied().chain([(f64::NAN, 0.0)]).collect();
        let d = path_d(&[vec![with_nan]], &p);
        assert_eq!(d, path_d(&[vec![good]], &p));
        assert!(!d.contains("NaN") && !d.contains("inf"));
    }

    #[test]
    fn path_d_negative_coordinates() {
        let p = Projection::fit(&b(0.0, 0.0, 1.0, 1.0), -10.0, -10.0, 1.0, 1.0);
        let d = path_d(&[vec![square(0.0, 0.0, 1.0)]], &p);
        assert!(d.contains("-10.0"), "{d}");
        assert!(numbers(&d).iter().all(|v| v.is_finite()));
    }

    #[test]
    fn label_point_of_square() {
        let p = Projection::fit(&b(0.0, 0.0, 10.0, 10.0), 0.0, 0.0, 100.0 * k(), 100.0);
        let (x, y) = label_point(&[vec![square(0.0, 0.0, 10.0)]], &p).unwrap();
        assert!((x - 50.0 * k()).abs() < 1e-6 && (y - 50.0).abs() < 1e-6);
    }

    #[test]
    fn label_point_inside_l_shape() {
        // An L: 2×2 square minus its top-right 1×1 quadrant. Centroid (5/6, 5/6).
        let l = vec![(0.0, 0.0), (2.0, 0.0), (2.0, 1.0), (1.0, 1.0), (1.0, 2.0), (0.0, 2.0), (0.0, 0.0)];
        let p = Projection::fit(&b(0.0, 0.0, 2.0, 2.0), 0.0, 0.0, 2.0 * k(), 2.0);
        let (x, y) = label_point(&[vec![l]], &p).unwrap();
        assert!((x - 5.0 / 6.0 * k()).abs() < 1e-9, "{x}");
        assert!((y - (2.0 - 5.0 / 6.0)).abs() < 1e-9, "{y}");
        // Inside the L: in the bottom-left square (lon < 1 or lat < 1).
        assert!(x < k() || y > 1.0);
    }

    #[test]
    fn label_point_uses_largest_outer_ring() {
        let p = Projection::fit(&b(0.0, 0.0, 20.0, 20.0), 0.0, 0.0, 200.0, 200.0);
        let small = vec![square(0.0, 0.0, 1.0)];
        // The large polygon's hole is bigger than the small polygon but is ignored.
        let large = vec![square(10.0, 10.0, 10.0), square(11.0, 11.0, 8.0)];
        let got = label_point(&[small, large.clone()], &p).unwrap();
        let want = label_point(&[vec![large[0].clone()]], &p).unwrap();
        assert_eq!(got, want);
        let (cx, cy) = p.project(15.0, 15.0);
        assert!((got.0 - cx).abs() < 1e-9 && (got.1 - cy).abs() < 1e-9);
    }

    #[test]
    fn label_point_degenerate() {
        let p = Projection::fit(&b(0.0, 0.0, 1.0, 1.0), 0.0, 0.0, 10.0, 10.0);
        assert_eq!(label_point(&[], &p), None);
        assert_eq!(label_point(&[vec![]], &p), None);
        assert_eq!(label_point(&[vec![vec![(f64::NAN, 0.0)]]], &p), None);
        // Zero-area ring: falls back to the mean of its points.
        let (x, y) = label_point(&[vec![vec![(0.0, 0.0), (1.0, 1.0)]]], &p).unwrap();
        assert!(x.is_finite() && y.is_finite());
    }

    #[test]
    fn layout_empty_and_degenerate() {
        let l = layout(&[], &[], 800.0, 600.0);
        assert!(l.regions.is_empty() && l.insets.is_empty());
        let point = Shape { region: 0, polygons: vec![vec![vec![(-8.0, 39.0)]]] };
        let l = layout(&[point], &[5], 0.0, 0.0);
        assert_eq!(l.insets.len(), 1);
        assert_eq!(l.regions.len(), 1);
        assert_eq!(l.regions[0].d, "");
        assert!(l.regions[0].label.0.is_finite() && l.regions[0].label.1.is_finite());
        let i = l.insets[0];
        assert!([i.x, i.y, i.width, i.height].iter().all(|v| v.is_finite()));
    }

    #[test]
    fn layout_keeps_shape_order() {
        let shapes = vec![
            Shape { region: 2, polygons: vec![vec![square(-8.0, 40.0, 1.0)]] },
            Shape { region: 0, polygons: vec![vec![square(-30.0, 38.0, 1.0)]] },
            Shape { region: 1, polygons: vec![vec![square(-8.0, 38.0, 1.0)]] },
        ];
        let l = layout(&shapes, &[0], 800.0, 600.0);
        assert_eq!(l.regions.iter().map(|r| r.region).collect::<Vec<_>>(), vec![2, 0, 1]);
        let inset = l.insets[0];
        let (x, y) = l.regions[1].label;
        assert!(x > inset.x && x < inset.x + inset.width && y > inset.y && y < inset.y + inset.height);
        assert!(l.regions[0].label.1 < l.regions[2].label.1, "north is up");
    }

    #[test]
    fn layout_real_regions() {
        let (codes, _) = crate::core::data::codes::load("codes", include_str!("../../data/codes.json")).unwrap();
        let (regions, _) =
            crate::core::data::regions::load("regions", include_str!("../../data/regions.geojson"), &codes).unwrap();
        let id = |c: &str| codes.region.get(c).unwrap();
        let (azores, madeira) = (id("PT-20"), id("PT-30"));
        let (w, h) = (800.0, 600.0);
        let l = layout(&regions.shapes, &[azores, madeira], w, h);
        assert_eq!((l.width, l.height), (w, h));
        assert_eq!(l.regions.len(), 20);
        for r in &l.regions {
            assert!(!r.d.is_empty(), "region {} has no path", r.region);
            assert!(r.d.starts_with("M ") && r.d.ends_with(" Z"));
            let nums = numbers(&r.d);
            assert!(nums.len() >= 6 && nums.iter().all(|v| v.is_finite()));
            let on_canvas = nums.chunks(2).all(|q| (0.0..=w).contains(&q[0]) && (0.0..=h).contains(&q[1]));
            assert!(on_canvas, "region {} off canvas", r.region);
            assert!(r.label.0.is_finite() && r.label.1.is_finite());
            if r.region != azores && r.region != madeira {
                let (x, y) = r.label;
                assert!(x >= MAINLAND_LEFT * w && x <= w && (0.0..=h).contains(&y), "label of {}", r.region);
            }
        }
        let label = |c: &str| l.regions.iter().find(|r| r.region == id(c)).unwrap().label;
        assert!(label("PT-08").1 > label("PT-11").1, "Faro below Lisboa");
        assert!(label("PT-13").1 < label("PT-11").1, "Porto above Lisboa");

        assert_eq!(l.insets.len(), 2);
        for (i, r) in l.insets.iter().zip([azores, madeira]) {
            assert!(i.width > 0.0 && i.height > 0.0);
            assert!(i.x >= 0.0 && i.x + i.width <= INSET_RIGHT * w + EPS);
            assert!(i.y >= 0.0 && i.y + i.height <= h + EPS);
            let (x, y) = l.regions.iter().find(|m| m.region == r).unwrap().label;
            assert!(x > i.x && x < i.x + i.width && y > i.y && y < i.y + i.height);
        }
        let (a, m) = (l.insets[0], l.insets[1]);
        assert!(a.y + a.height <= m.y, "Azores above Madeira, no overlap");
    }
}
