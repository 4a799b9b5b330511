//! Helpers shared by the tests that read the sources (`architecture`, `ui_strings`).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively, in directory order (callers sort if they need to).
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
