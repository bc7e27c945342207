//! The shared real data (`../shared/data` beside the workspace, or the
//! folder `SSR_SHARED_DATA` names), which CI has and a plain clone does not.
//!
//! Tests that need it are `#[ignore]`d with the reason, so that the test
//! summary counts them as ignored in a plain clone; they call [`require`]
//! first, which fails with a clear message when they are run (`cargo test
//! -- --ignored`, as `.ci/run` does when the data is there) without it.
//! Tests and benches that only add the real files to their own fixtures
//! call [`present`] (or [`iati_file`]) and say once, on standard error,
//! that they left them out.

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

/// The shared data folder (the one holding `iati/` and `documents/`):
/// `SSR_SHARED_DATA` when set, else `../shared/data` beside the workspace.
pub fn data_root() -> PathBuf {
    match std::env::var_os("SSR_SHARED_DATA") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => root().join("../shared/data"),
    }
}

/// Where the shared real IATI files are looked for: `iati/` in
/// [`data_root`].
pub fn iati_dir() -> PathBuf {
    data_root().join("iati")
}

/// Fails the calling test, with where the data was looked for, when the
/// shared real IATI files are absent: the first line of every `#[ignore]`d
/// real-data test, so that running it without the data is a failure, not
/// a silent pass.
pub fn require() {
    let dir = iati_dir();
    assert!(
        dir.is_dir(),
        "this test needs the shared IATI data, not found at {}: set SSR_SHARED_DATA to the \
         folder holding iati/, or put ../shared beside the clone",
        dir.display()
    );
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

/// A folder of the shared real data (`sub` below [`data_root`], e.g.
/// `"documents/v1"`), or `None`, said once, when it is absent.
pub fn data_dir(sub: &str) -> Option<PathBuf> {
    let dir = data_root().join(sub);
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
