//! The JSON Schemas shipped in data/schema/ are the ones generated from the
//! Rust types. `VAGAS_UPDATE_SCHEMA=1 cargo test --test schema` rewrites them.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn shipped_schemas_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/schema");
    let update = std::env::var("VAGAS_UPDATE_SCHEMA").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (kind, text) in vagas::core::schema::all() {
        let path = dir.join(format!("{kind}.schema.json"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(stale.is_empty(), "out of date (run VAGAS_UPDATE_SCHEMA=1 cargo test --test schema): {stale:?}");
}

#[test]
fn schemas_describe_the_rules_users_need() {
    let all = vagas::core::schema::all();
    let lm = &all.iter().find(|(k, _)| *k == "labour_market").unwrap().1;
    let v: serde_json::Value = serde_json::from_str(lm).unwrap();
    // Unknown fields are refused, the optional provenance is documented.
    assert_eq!(v["additionalProperties"], serde_json::json!(false), "{lm}");
    assert!(v["properties"]["meta"].is_object(), "{lm}");
    assert!(lm.contains("4294967294"), "{lm}");
    let req: Vec<&str> = v["required"].as_array().unwrap().iter().filter_map(|x| x.as_str()).collect();
    assert!(req.contains(&"records") && !req.contains(&"meta"), "{req:?}");
}
