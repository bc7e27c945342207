//! `ssr rank-matrix`: a composite indicator over a plain matrix and the
//! Monte Carlo uncertainty of its ranks, with the numpy reference's input
//! and semantics.

use std::io::{Read, Write};
use std::path::PathBuf;

use ssr_model::score::matrix::{CompositeMatrix, MatrixRanks, MatrixUncertainty};

use crate::score::write_json;
use crate::{Failure, write_failure};

/// Arguments of `ssr rank-matrix`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// `{"scores": [[...], ...], "weights": [...], "names": [...]}` (names
    /// optional), or `-` for standard input.
    file: PathBuf,
    /// Monte Carlo replications.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    replications: usize,
    /// Seed of the generator: the same seed gives the same ranks on any
    /// number of threads.
    #[arg(long, value_name = "S", default_value_t = 0)]
    seed: u64,
    /// Relative weight noise: each weight is multiplied by 1 + U(−noise, noise).
    #[arg(long, value_name = "X", default_value_t = 0.25)]
    noise: f64,
    /// Threads [default: every core]; the results do not depend on it.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MatrixFormat::Json)]
    format: MatrixFormat,
    /// Write the coherence of the columns instead of the ranks, as CSV (the `coherence` table: Pearson and Spearman correlations between columns and with the arithmetic composite, Cronbach's alpha, the first principal component's share; columns named column_0, column_1, …).
    #[arg(long)]
    coherence: bool,
}

/// How `rank-matrix` writes its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum MatrixFormat {
    /// JSON: the options and one object per row.
    Json,
    /// CSV: row, name, nominal, mean, median, p05, p95, sd.
    Csv,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let (name, text) = read(&args.file)?;
    let matrix: CompositeMatrix =
        serde_json::from_str(&text).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    if args.coherence {
        let names: Vec<String> = (0..matrix.columns())
            .map(|c| format!("column_{c}"))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let statistics = matrix.coherence(ssr_model::score::matrix::MatrixAggregation::Arithmetic);
        let table = ssr_model::tables::coherence_of(&names, &statistics, matrix.rows());
        ssr_model::tables::write_csv(&mut *out, &table).map_err(write_failure)?;
        return Ok(0);
    }
    let mut options = MatrixUncertainty::new(args.replications)
        .with_seed(args.seed)
        .with_noise(args.noise);
    if let Some(t) = args.threads {
        options = options.with_threads(t);
    }
    let ranks = matrix
        .rank_uncertainty(&options)
        .map_err(|e| Failure::input(e.to_string()))?;
    match args.format {
        MatrixFormat::Json => write_json(out, &ranks)?,
        MatrixFormat::Csv => write_csv(&ranks, out).map_err(write_failure)?,
    }
    Ok(0)
}

pub(crate) fn read(path: &std::path::Path) -> Result<(String, String), Failure> {
    let mut text = String::new();
    if path == std::path::Path::new("-") {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::input(format!("<stdin>: {e}")))?;
        Ok(("<stdin>".to_owned(), text))
    } else {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| Failure::input(format!("{name}: {e}")))?;
        Ok((name, text))
    }
}

fn write_csv(ranks: &MatrixRanks, out: &mut impl Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "row", "name", "nominal", "mean", "median", "p05", "p95", "sd",
    ])?;
    for r in &ranks.rows {
        w.write_record([
            r.row.to_string(),
            r.name.clone().unwrap_or_default(),
            r.nominal.to_string(),
            r.mean.to_string(),
            r.median.to_string(),
            r.p05.to_string(),
            r.p95.to_string(),
            r.sd.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
