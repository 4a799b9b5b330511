//! JSON Schemas of the dataset formats, generated from the Rust types that
//! parse them (so they cannot drift apart; tests/schema.rs checks the
//! copies shipped in `data/schema/`). Native only.

use schemars::{schema_for, Schema};

use super::data::{
    codes::CodesFile, consultations::ConsultationsFile, indicators::IndicatorsFile, labour::LabourFile,
    manifest::Manifest,
};
use super::story::Story;

fn titled(mut s: Schema, title: &str) -> Schema {
    s.insert("title".into(), title.into());
    s
}

/// (file stem, pretty JSON) for each kind of dataset.
pub fn all() -> Vec<(&'static str, String)> {
    let schemas = [
        ("manifest", titled(schema_for!(Manifest), "Vagas manifest (format vagas.manifest, version 1)")),
        ("codes", titled(schema_for!(CodesFile), "Vagas code lists (format vagas.codes, version 1)")),
        (
            "labour_market",
            titled(schema_for!(LabourFile), "Vagas labour-market records (format vagas.labour_market, version 1)"),
        ),
        (
            "consultations",
            titled(
                schema_for!(ConsultationsFile),
                "Vagas consultation events and outcomes (format vagas.consultations, version 1)",
            ),
        ),
        ("story", titled(schema_for!(Story), "Vagas story: slides of saved views (format vagas.story, version 1)")),
        (
            "indicators",
            titled(
                schema_for!(IndicatorsFile),
                "Vagas regional indicators, official or illustrative (format vagas.indicators, version 1)",
            ),
        ),
    ];
    schemas.into_iter().map(|(k, s)| (k, serde_json::to_string_pretty(&s).unwrap_or_default() + "\n")).collect()
}
