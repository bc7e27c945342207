//! The real files in `../shared/data`, which CI has and a plain clone does
//! not. Tests (and the IATI bench) that read them call [`iati_file`] (or [`present`]) first and
//! return when it says the files are absent; the skip is said once per test
//! program, on standard error, uncaptured, with the place looked at.

#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::sync::Once;

static SKIPPED: Once = Once::new();

/// The workspace root (the library's folder), for the test programs of
/// every member: the first folder up from this package's whose
/// `Cargo.toml` declares the workspace.
pub fn root() -> PathBuf {
    let package = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    package
        .ancestors()
        .find(|dir| {
            std::fs::read_to_string(dir.join("Cargo.toml"))
                .is_ok_and(|manifest| manifest.contains("\n[workspace]"))
        })
        .map_or(package.clone(), PathBuf::from)
}

/// Where the shared real IATI files are looked for: `../shared` beside the
/// workspace root.
pub fn iati_dir() -> PathBuf {
    root().join("../shared/data/iati")
}

/// Whether the shared real files are there; when not, says once that the
/// tests reading them were skipped.
pub fn present() -> bool {
    present_for("tests")
}

/// [`present`] for other programs than tests: the note names `runs` (e.g.
/// `"benches"`) as what was skipped.
pub fn present_for(runs: &str) -> bool {
    let dir = iati_dir();
    if dir.is_dir() {
        return true;
    }
    note_skipped(runs, &dir);
    false
}

/// A folder of the shared real data (`sub` below `../shared/data`, e.g.
/// `"documents/v1"`), or `None`, said once, when it is absent.
pub fn data_dir(sub: &str) -> Option<PathBuf> {
    let dir = root().join("../shared/data").join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    note_skipped("tests", &dir);
    None
}

/// Says once per program that `runs` reading the shared real files were
/// skipped, and where they were looked for.
fn note_skipped(runs: &str, dir: &std::path::Path) {
    SKIPPED.call_once(|| {
        // Written to the process's stderr rather than with `eprintln!`,
        // which the test harness captures and hides for passing tests.
        let _ = writeln!(
            std::io::stderr(),
            "note: {runs} reading the shared real files were skipped: {} is absent",
            dir.display()
        );
    });
}

/// The path of a shared real IATI file, or `None` (said once) when the
/// shared files are absent.
pub fn iati_file(name: &str) -> Option<PathBuf> {
    present().then(|| iati_dir().join(name))
}

/// The path of one of the crate's own small IATI fixtures in `tests/fixtures/iati`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/iati").join(name)
}
