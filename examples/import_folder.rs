//! Imports a folder of IATI files into one deduplicated portfolio on a given
//! number of threads, for wall-clock and peak-memory figures under
//! `/usr/bin/time -v` (the benches give the side-by-side ratios).
//!
//! `cargo run --release --features iati --example import_folder -- DIR THREADS`

use std::num::NonZeroUsize;
use std::time::Instant;

use ssr_model::interop::iati::{Corpus, ImportOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).map_or("../shared/data/iati", String::as_str);
    let threads = args
        .get(2)
        .and_then(|a| a.parse().ok())
        .and_then(NonZeroUsize::new)
        .unwrap_or(NonZeroUsize::MIN);
    let start = Instant::now();
    let import = Corpus::new(ImportOptions::new())
        .with_path(dir)
        .with_threads(threads)
        .import();
    eprintln!(
        "import_folder {dir} threads={threads}: {} programmes in {:.0} ms (wall)",
        import.portfolio.programmes.len(),
        start.elapsed().as_secs_f64() * 1e3
    );
}
