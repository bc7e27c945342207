//! Runs one workload of the panel bench once, for instruction counts under
//! `valgrind --tool=callgrind` (repeatable when the machine is busy; the
//! bench `benches/panel.rs` gives wall-clock figures).
//!
//! `cargo build --release --features iati --example panel_timing`, then
//! `valgrind --tool=callgrind target/release/examples/panel_timing WHAT [PROGRAMMES | FOLDER]`
//! with WHAT one of `scorecard` (one scorecard as of 2024-12-31), `panel`
//! (2015–2024 by the sweep), `per-year` (ten scorecards) or `none` (only
//! the portfolio's construction, to subtract). With a FOLDER of IATI XML
//! files the portfolio is imported from it, else it is the synthetic one
//! (default 200 programmes).

use std::hint::black_box;

use ssr_model::chrono::NaiveDate;
use ssr_model::interop::iati;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::{Portfolio, Scorer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("panel", String::as_str);
    let source = args.get(2).map_or("200", String::as_str);
    let portfolio = match source.parse::<usize>() {
        Ok(n) => synthetic(&Synthetic::new(n)),
        Err(_) => {
            let mut corpus = iati::Corpus::new(iati::ImportOptions::new());
            for file in iati::Source::expand(source) {
                corpus = corpus.with_source(file);
            }
            corpus.import().portfolio
        }
    };
    run(what, &portfolio)
}

fn run(what: &str, portfolio: &Portfolio) -> Result<(), Box<dyn std::error::Error>> {
    let scorer = Scorer::default();
    let years = 2015..=2024;
    match what {
        "scorecard" => {
            let end = NaiveDate::from_ymd_opt(2024, 12, 31).ok_or("date")?;
            let one = Scorer::new(scorer.policy().clone().with_as_of(end))?;
            black_box(one.scorecard(black_box(portfolio)));
        }
        "panel" => drop(black_box(scorer.panel(black_box(portfolio), years))),
        "per-year" => drop(black_box(
            scorer.panel_by_scorecards(black_box(portfolio), years),
        )),
        "none" => drop(black_box(portfolio)),
        other => return Err(format!("unknown workload {other}").into()),
    }
    Ok(())
}
