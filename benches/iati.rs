//! IATI import throughput on the real files, in bytes per second, beside a
//! bare quick-xml pass over the same bytes (every event and attribute read,
//! nothing built): the parser's limit.
//!
//! Target (issue 13): the import reaches at least 50 % of the bare pass's
//! throughput, one thread, in-process. The `RATIO` line prints both.
//!
//! `cargo bench --features iati --bench iati -- --warm-up-time 1 --measurement-time 3`

mod common;

use std::hint::black_box;

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::Event;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ssr_model::interop::iati;

const FILES: [&str; 4] = [
    "dportal_26.xml",
    "dportal_94.xml",
    "dportal_97.xml",
    "activity-standard-example-annotated.xml",
];

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("iati_import");
    for name in FILES {
        let path = format!("{}/../shared/data/iati/{name}", env!("CARGO_MANIFEST_DIR"));
        // The real files live beside the crate in ../shared (CI has them).
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("iati_import: skipped {name}: {path} is absent");
            continue;
        };
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("quick-xml/{name}"), |b| {
            b.iter(|| black_box(bare_pass(black_box(&bytes))))
        });
        group.bench_function(name, |b| {
            b.iter(|| {
                let import = iati::import(black_box(&bytes[..])).expect("a valid IATI file");
                black_box(import.portfolio.programmes.len())
            });
        });
    }
    group.finish();
    side_by_side();
}

/// Reads every event and every attribute (key and unescaped value) of
/// `bytes`; returns a checksum so nothing is optimised away.
fn bare_pass(bytes: &[u8]) -> usize {
    let mut reader = Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut sum = 0usize;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => {
                sum += e.name().as_ref().len();
                for a in e.attributes().flatten() {
                    sum += a.key.as_ref().len();
                    sum += a
                        .normalized_value(XmlVersion::Implicit1_0)
                        .map_or(0, |v| v.len());
                }
            }
            Ok(Event::Text(t)) => sum += t.len(),
            Ok(_) => sum += 1,
        }
        buf.clear();
    }
    sum
}

/// The ratio line: import and bare pass interleaved over all the files.
fn side_by_side() {
    let files: Vec<Vec<u8>> = FILES
        .iter()
        .filter_map(|name| {
            std::fs::read(format!(
                "{}/../shared/data/iati/{name}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .ok()
        })
        .collect();
    if files.is_empty() {
        println!("RATIO iati import vs quick-xml: skipped (../shared/data/iati absent)");
        return;
    }
    let (import, bare) = common::interleaved(
        15,
        || {
            for f in &files {
                black_box(
                    iati::import(black_box(&f[..]))
                        .map(|i| i.portfolio.programmes.len())
                        .ok(),
                );
            }
        },
        || {
            for f in &files {
                black_box(bare_pass(black_box(f)));
            }
        },
    );
    let mb = files.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    println!(
        "iati: {mb:.1} MB; import {:.0} MB/s, quick-xml {:.0} MB/s (medians)",
        mb / import.median.as_secs_f64(),
        mb / bare.median.as_secs_f64()
    );
    common::print_ratio(
        "iati import / quick-xml throughput (1 thread)",
        "quick-xml",
        bare,
        "import",
        import,
        "≥ 0.5",
    );
}

criterion_group!(benches, import);
criterion_main!(benches);
