//! What a folder holds, for the tests of written tables.

use std::path::Path;

/// The names in `dir`, sorted (hidden temporary files included).
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
