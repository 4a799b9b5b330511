//! Region boundaries: a GeoJSON FeatureCollection of districts keyed by
//! `properties.iso_3166_2`.

use std::collections::HashMap;

use serde::Deserialize;

use super::codes::Codes;
use super::parse::{Checker, Json, Located};
use super::path::JsonPath;
use super::problem::{CodeList, ProblemKind, Report};

type Ring = Vec<Vec<f64>>;

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon { coordinates: Vec<Ring> },
    MultiPolygon { coordinates: Vec<Vec<Ring>> },
}

#[derive(Deserialize)]
struct Properties {
    iso_3166_2: String,
}

#[derive(Deserialize)]
struct Feature {
    #[serde(rename = "type")]
    _type: FeatureTag,
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
enum FeatureTag {
    Feature,
}

#[derive(Deserialize)]
enum CollectionTag {
    FeatureCollection,
}

#[derive(Deserialize)]
struct FeatureCollection {
    #[serde(rename = "type")]
    _type: CollectionTag,
    features: Vec<Feature>,
}

/// A polygon: outer ring first, then holes; points are (longitude, latitude).
pub type Polygon = Vec<Vec<(f64, f64)>>;

#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Position in the region code list.
    pub region: usize,
    pub polygons: Vec<Polygon>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Regions {
    pub shapes: Vec<Shape>,
}

fn convert_ring(c: &mut Checker, at: &JsonPath, ring: &Ring) -> Option<Vec<(f64, f64)>> {
    if ring.len() < 4 {
        c.error(
            at.clone(),
            ProblemKind::BadGeometry { detail: format!("a ring of {} positions (at least 4 are needed)", ring.len()) },
        );
        return None;
    }
    let mut out = Vec::with_capacity(ring.len());
    for (i, p) in ring.iter().enumerate() {
        let ok = p.len() >= 2
            && p[0].is_finite()
            && p[1].is_finite()
            && (-180.0..=180.0).contains(&p[0])
            && (-90.0..=90.0).contains(&p[1]);
        if !ok {
            c.error(
                at.index(i),
                ProblemKind::BadGeometry { detail: format!("{p:?}, not a [longitude, latitude] position") },
            );
            return None;
        }
        out.push((p[0], p[1]));
    }
    Some(out)
}

pub fn load(dataset: &str, text: &str, codes: &Codes) -> Result<(Regions, Report), Report> {
    load_as::<Located>(dataset, text, codes)
}

/// [`load`], the JSON deserialized by `J` (`parse::Plain` for the bundled file).
pub fn load_as<J: Json>(dataset: &str, text: &str, codes: &Codes) -> Result<(Regions, Report), Report> {
    let mut c = Checker::new(dataset, text);
    let Some(fc) = c.parse_as::<J, FeatureCollection>() else {
        return Err(c.finish());
    };
    let mut shapes = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, f) in fc.features.iter().enumerate() {
        let at = JsonPath::keys(&["features"]).index(i);
        let code = f.properties.iso_3166_2.as_str();
        if let Some(first) = seen.insert(code, i) {
            c.error(
                at.key("properties").key("iso_3166_2"),
                ProblemKind::Duplicate {
                    what: "feature for this region".into(),
                    first: JsonPath::keys(&["features"]).index(first).to_string(),
                },
            );
        }
        let Some(region) = codes.region.get(code) else {
            c.error(at.key("properties").key("iso_3166_2"), codes.unknown(CodeList::Region, code));
            continue;
        };
        let geo = at.key("geometry").key("coordinates");
        let polys: Vec<(JsonPath, &Vec<Ring>)> = match &f.geometry {
            Geometry::Polygon { coordinates } => vec![(geo.clone(), coordinates)],
            Geometry::MultiPolygon { coordinates } => {
                coordinates.iter().enumerate().map(|(j, p)| (geo.index(j), p)).collect()
            }
        };
        let mut polygons = Vec::new();
        for (pat, rings) in polys {
            let converted: Option<Polygon> =
                rings.iter().enumerate().map(|(k, r)| convert_ring(&mut c, &pat.index(k), r)).collect();
            match converted {
                Some(p) if !p.is_empty() => polygons.push(p),
                Some(_) => c.error(pat, ProblemKind::Empty { what: "ring".into() }),
                None => {}
            }
        }
        shapes.push(Shape { region, polygons });
    }
    for r in codes.regions() {
        if !seen.contains_key(r.code.as_str()) {
            c.warning(
                JsonPath::keys(&["features"]),
                ProblemKind::Missing { what: format!("a feature for region {} ({})", r.code, r.name.en) },
            );
        }
    }
    if c.has_errors() {
        return Err(c.finish());
    }
    shapes.sort_by_key(|s| s.region);
    Ok((Regions { shapes }, c.finish()))
}
