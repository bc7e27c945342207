//! A programme-year panel against one scorecard, and against one scorecard
//! per year (the slow path the panel is tested against), side by side.
//!
//! Target (issue 21): a 10-year panel of the synthetic portfolio (1,000
//! programmes) and of the real IATI corpus (when ../shared is there) takes
//! at most 3× one scorecard. The RATIO lines print panel ÷ one scorecard
//! and panel ÷ ten scorecards, timed interleaved in the same run.
//!
//! `cargo bench --bench panel -- --warm-up-time 1 --measurement-time 3`

mod common;
#[path = "../tests/common/shared.rs"]
mod shared;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ssr_model::interop::iati;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::{Portfolio, Scorer};

/// Ten years: the synthetic programmes start 2015–2020 and run five years.
const YEARS: std::ops::RangeInclusive<i32> = 2015..=2024;

fn compare(c: &mut Criterion, what: &str, portfolio: &Portfolio) {
    let scorer = Scorer::default();
    // One scorecard judged at the panel's last year's end.
    let one =
        match Scorer::new(scorer.policy().clone().with_as_of(
            ssr_model::chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or_default(),
        )) {
            Ok(one) => one,
            Err(e) => {
                eprintln!("panel bench: {e}");
                return;
            }
        };
    let mut group = c.benchmark_group(format!("panel/{what}"));
    group.sample_size(10);
    group.bench_function("scorecard", |b| {
        b.iter_with_large_drop(|| one.scorecard(black_box(portfolio)))
    });
    group.bench_function("panel_10_years", |b| {
        b.iter_with_large_drop(|| scorer.panel(black_box(portfolio), YEARS))
    });
    group.bench_function("scorecard_per_year_10_years", |b| {
        b.iter_with_large_drop(|| scorer.panel_by_scorecards(black_box(portfolio), YEARS))
    });
    group.finish();
    let (panel, card) = common::interleaved(
        5,
        || drop(black_box(scorer.panel(black_box(portfolio), YEARS))),
        || drop(black_box(one.scorecard(black_box(portfolio)))),
    );
    common::print_ratio(
        &format!("panel 10 years / one scorecard, {what}"),
        "panel",
        panel,
        "scorecard",
        card,
        "≤ 3",
    );
    let (panel, per_year) = common::interleaved(
        3,
        || drop(black_box(scorer.panel(black_box(portfolio), YEARS))),
        || {
            drop(black_box(
                scorer.panel_by_scorecards(black_box(portfolio), YEARS),
            ))
        },
    );
    common::print_ratio(
        &format!("panel 10 years / 10 scorecards, {what}"),
        "panel",
        panel,
        "10 scorecards",
        per_year,
        "< 1 (informative)",
    );
}

fn panel(c: &mut Criterion) {
    compare(c, "synthetic 1000", &synthetic(&Synthetic::new(1_000)));
    if !shared::present_for("benches") {
        println!("RATIO panel, real corpus: skipped (no file under ../shared/data/iati)");
        return;
    }
    let mut corpus = iati::Corpus::new(iati::ImportOptions::new());
    for source in iati::Source::expand(shared::iati_dir()) {
        corpus = corpus.with_source(source);
    }
    let real = corpus.import().portfolio;
    compare(c, &format!("real corpus {}", real.programmes.len()), &real);
}

criterion_group!(benches, panel);
criterion_main!(benches);
