//! The baked first view (`build/first-view.json`) as it should be for the data in `data/`: shared
//! by `examples/first_view.rs`, which writes it, and `tests/first_view.rs`, which checks it.

use std::path::Path;

use sha2::{Digest, Sha256};
use vagas::core::data::manifest::{self, Kind};
use vagas::core::data::{codes, labour};
use vagas::core::headlines::{first_view, first_view_file};

/// The text `build/first-view.json` must have, computed from `root/data/` (the manifest's code
/// lists and labour-market files); `Err`: what could not be read or validated.
pub fn compute(root: &Path) -> Result<String, String> {
    let read = |rel: &str| std::fs::read(root.join(rel)).map_err(|e| format!("cannot read {rel}: {e}"));
    let text = |rel: &str, bytes: &[u8]| String::from_utf8(bytes.to_vec()).map_err(|e| format!("{rel}: {e}"));
    let m_bytes = read("data/manifest.json")?;
    let (m, _) = manifest::load("data/manifest.json", &text("data/manifest.json", &m_bytes)?)
        .map_err(|r| format!("data/manifest.json is not valid: {r:?}"))?;
    let path = |k: Kind| m.find(k).map(|d| format!("data/{}", d.path)).ok_or(format!("the manifest lists no {k:?}"));
    let (codes_path, labour_path) = (path(Kind::Codes)?, path(Kind::LabourMarket)?);
    let (codes_bytes, labour_bytes) = (read(&codes_path)?, read(&labour_path)?);
    let (c, _) =
        codes::load(&codes_path, &text(&codes_path, &codes_bytes)?).map_err(|r| format!("{codes_path}: {r:?}"))?;
    let (l, _) = labour::load(&labour_path, &text(&labour_path, &labour_bytes)?, &c)
        .map_err(|r| format!("{labour_path}: {r:?}"))?;
    let hex = |b: &[u8]| Sha256::digest(b).iter().map(|x| format!("{x:02x}")).collect::<String>();
    let sources = [(codes_path, hex(&codes_bytes)), (labour_path, hex(&labour_bytes))];
    Ok(first_view_file(&first_view(&c, &l), &sources))
}
