//! IATI import throughput on the real files, in bytes per second.

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
    let mut group = c.benchmark_group("iati_import");
    for name in FILES {
        let path = format!("{}/../shared/data/iati/{name}", env!("CARGO_MANIFEST_DIR"));
        // The real files live beside the crate in ../shared (CI has them).
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("iati_import: skipped {name}: {path} is absent");
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

criterion_group!(benches, import);
criterion_main!(benches);
