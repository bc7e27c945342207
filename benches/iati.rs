//! IATI import throughput on the real files, in bytes per second: file by
//! file, and the whole folder as a corpus beside a bare quick-xml pass.
//!
//! Targets, printed as `RATIO` lines measured side by side:
//! the import on one thread reaches at least half the throughput of a bare
//! quick-xml pass that reads every event and attribute of the same bytes;
//! the folder on two threads is at least 1.7× as fast as on one.

// A bench stops at input it cannot use.
#![allow(clippy::expect_used, clippy::panic)]

mod common;
#[path = "../tests/common/shared.rs"]
mod shared;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ssr_model::interop::iati;

const FILES: [&str; 4] = [
    "dportal_26.xml",
    "dportal_94.xml",
    "dportal_97.xml",
    "activity-standard-example-annotated.xml",
];

fn import(c: &mut Criterion) {
    // The real files live beside the crate in ../shared (CI has them; a
    // plain clone does not): without them the group runs nothing.
    if !shared::present_for("benches") {
        return;
    }
    let mut group = c.benchmark_group("iati_import");
    for name in FILES {
        let path = shared::iati_dir().join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("iati_import: skipped {name}: {} is absent", path.display());
            continue;
        };
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let import = iati::import(black_box(&bytes[..])).expect("a valid IATI file");
                black_box(import.portfolio.programmes.len())
            });
        });
    }
    group.finish();
}

/// Every real file, in memory (leaked: they live as long as the bench).
fn corpus_files() -> Vec<(String, &'static [u8])> {
    iati::Source::expand(shared::iati_dir())
        .iter()
        .map(|s| {
            let bytes = std::fs::read(s.name()).unwrap_or_else(|e| panic!("{}: {e}", s.name()));
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            (s.name().to_owned(), bytes)
        })
        .collect()
}

/// A bare quick-xml pass over the bytes: the baseline the importer is
/// measured against (the import should reach at least half its throughput:
/// reading XML is most of the work). It reads every event and every
/// attribute (key and raw value), and keeps nothing.
fn bare_pass(bytes: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut seen = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) | Err(_) => return seen,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                seen += 1;
                for a in e.attributes().flatten() {
                    seen += a.key.as_ref().len() + a.value.len();
                }
            }
            Ok(_) => seen += 1,
        }
        buf.clear();
    }
}

/// The folder's import on `threads` threads.
fn import_corpus(files: &[(String, &'static [u8])], threads: usize) -> usize {
    let mut corpus = iati::Corpus::new(iati::ImportOptions::new())
        .with_threads(std::num::NonZeroUsize::new(threads).expect("at least one"));
    for (name, bytes) in files {
        corpus = corpus.with_source(iati::Source::reader(
            name.clone(),
            std::io::Cursor::new(*bytes),
        ));
    }
    corpus.import().portfolio.programmes.len()
}

/// The whole folder as one deduplicated corpus, on one thread and on every
/// core, beside the bare pass over the same bytes.
fn corpus(c: &mut Criterion) {
    if !shared::present_for("benches") {
        return;
    }
    let files = corpus_files();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("iati_corpus");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("bare_quick_xml_pass", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|(_, bytes)| bare_pass(black_box(bytes)))
                .sum::<usize>()
        });
    });
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    for threads in [1, cores] {
        group.bench_function(format!("corpus_{threads}_threads"), |b| {
            b.iter(|| black_box(import_corpus(black_box(&files), threads)));
        });
    }
    group.finish();
    if files.is_empty() {
        println!("RATIO iati import: skipped (no file under ../shared/data/iati)");
        return;
    }
    let mb = total as f64 / 1e6;
    let (bare, one) = common::interleaved(
        5,
        || {
            black_box(files.iter().map(|(_, b)| bare_pass(b)).sum::<usize>());
        },
        || {
            black_box(import_corpus(&files, 1));
        },
    );
    println!(
        "throughput ({mb:.1} MB): bare pass {:.0} MB/s, import on one thread {:.0} MB/s (best)",
        mb / bare.best.as_secs_f64(),
        mb / one.best.as_secs_f64()
    );
    common::print_ratio(
        "iati import 1 thread vs bare quick-xml pass",
        "bare",
        bare,
        "import",
        one,
        "≥ 0.5 (throughput of the import over the bare pass's)",
    );
    let (one, all) = common::interleaved(
        5,
        || {
            black_box(import_corpus(&files, 1));
        },
        || {
            black_box(import_corpus(&files, cores));
        },
    );
    common::print_ratio(
        &format!("iati folder import, 1 vs {cores} threads"),
        "1-thread",
        one,
        &format!("{cores}-threads"),
        all,
        "≥ 1.7 on 2 cores",
    );
}

criterion_group!(benches, import, corpus);
criterion_main!(benches);
