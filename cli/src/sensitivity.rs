//! `ssr sensitivity`: which of the composite's choices drive the ranks
//! (Sobol indices), for a portfolio or, with `--matrix`, a plain matrix.

use std::io::Write;
use std::path::PathBuf;

use ssr_model::score::ScorerOptions;
use ssr_model::score::matrix::CompositeMatrix;
use ssr_model::score::sensitivity::{MatrixSensitivity, Sensitivity};
use ssr_model::tables::{TableName, write_csv};

use crate::input;
use crate::score::{scorer, write_json};
use crate::{Failure, write_failure};

/// Arguments of `ssr sensitivity`. The policy's `sensitivity` section
/// names the factors; without one, the standard factors (each weighted
/// dimension's weight from ½ to 1½ times its own, the normalisation, the
/// composite, leaving one dimension out).
#[derive(clap::Args)]
pub(crate) struct Args {
    /// A portfolio document (or, with --matrix, a matrix
    /// `{"scores": [[...]], "weights": [...], "names": [...]}`), or `-` for
    /// standard input.
    file: PathBuf,
    /// A scoring policy file (JSON); its `sensitivity` section names the
    /// factors (`ssr schema scoring-policy`).
    #[arg(long, value_name = "FILE", conflicts_with = "matrix")]
    policy: Option<PathBuf>,
    /// FILE is a plain matrix: the factors are each column's weight (½ to
    /// 1½ times its own), the normalisation (none, min-max, percentile
    /// rank), the composite (arithmetic, geometric) and leaving one column
    /// out.
    #[arg(long)]
    matrix: bool,
    /// Base samples N: the model runs N·(k + 2) times for k factors
    /// [default: the policy's, 512].
    #[arg(long, value_name = "N")]
    samples: Option<usize>,
    /// Seed of the design and the bootstrap: the same seed gives the same
    /// indices on any number of threads [default: the policy's, 0].
    #[arg(long, value_name = "S")]
    seed: Option<u64>,
    /// Output format: the sensitivity table as CSV (one row per factor and
    /// output), or JSON (the analysis).
    #[arg(long, value_enum, default_value_t = SensitivityFormat::Csv)]
    format: SensitivityFormat,
}

/// How `sensitivity` writes its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum SensitivityFormat {
    /// The sensitivity table (`ssr export --table sensitivity` columns).
    Csv,
    /// JSON: sizes, factors and one object per factor and output.
    Json,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let result = if args.matrix {
        matrix(args)?
    } else {
        portfolio(args)?
    };
    match args.format {
        SensitivityFormat::Json => write_json(out, &result)?,
        SensitivityFormat::Csv => {
            let table = ssr_model::tables::sensitivity(&result);
            debug_assert_eq!(table.name(), TableName::Sensitivity);
            write_csv(&mut *out, &table).map_err(write_failure)?;
        }
    }
    Ok(0)
}

fn portfolio(args: &Args) -> Result<Sensitivity, Failure> {
    let portfolio = input::load(&args.file)?;
    let mut options = ScorerOptions::new();
    if let Some(path) = &args.policy {
        options = options.with_policy_file(path);
    }
    let scorer = scorer(options.with_sensitivity(args.samples, args.seed))?;
    scorer
        .sensitivity(&portfolio)
        .ok_or_else(|| Failure::input("the policy asks for no sensitivity analysis"))
}

fn matrix(args: &Args) -> Result<Sensitivity, Failure> {
    let (name, text) = crate::rank_matrix::read(&args.file)?;
    let matrix: CompositeMatrix =
        serde_json::from_str(&text).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    let mut options = MatrixSensitivity::new(args.samples.unwrap_or(512));
    if let Some(seed) = args.seed {
        options = options.with_seed(seed);
    }
    matrix
        .sensitivity(&options)
        .map_err(|e| Failure::input(e.to_string()))
}
