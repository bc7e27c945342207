//! `ssr rank`: programmes ranked, with the Monte Carlo uncertainty of their
//! ranks.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use ssr_model::ProgrammeId;
use ssr_model::score::{Comparison, RankUncertainty, Scorecard, ScoringPolicy};

use crate::score::{
    Format, load_policy, missing_rule, scorer, truncate, write_csv, write_json, write_unranked,
};
use crate::{Failure, input, write_failure};

/// Arguments of `ssr rank`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// A portfolio document, or `-` for standard input.
    file: PathBuf,
    /// A scoring policy (JSON); its `uncertainty` section sets the defaults below.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Monte Carlo replications [default: the policy's, 1000].
    #[arg(long, value_name = "N")]
    replications: Option<usize>,
    /// Seed of the generator: the same seed gives the same ranks [default: the policy's, 0].
    #[arg(long, value_name = "S")]
    seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(serde::Serialize)]
struct RankOutput<'a> {
    policy: &'a ScoringPolicy,
    comparison: &'a Comparison,
    uncertainty: &'a RankUncertainty,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let portfolio = input::load(&args.file)?;
    let mut policy = load_policy(args.policy.as_deref())?;
    if let Some(n) = args.replications {
        policy.uncertainty.replications = n;
    }
    if let Some(seed) = args.seed {
        policy.uncertainty.seed = seed;
    }
    let scorer = scorer(policy)?;
    let card = scorer.scorecard(&portfolio);
    let uncertainty = scorer.rank_uncertainty(&card);
    match args.format {
        Format::Json => write_json(
            out,
            &RankOutput {
                policy: scorer.policy(),
                comparison: &card.comparison,
                uncertainty: &uncertainty,
            },
        )?,
        Format::Csv => {
            let card = card.with_uncertainty(uncertainty);
            write_csv(out, &card, |m| {
                m.starts_with("normalised.") || m == "composite" || m.starts_with("rank")
            })?;
        }
        Format::Table => write_table(&card, &uncertainty, out).map_err(write_failure)?,
    }
    Ok(0)
}

fn write_table(
    card: &Scorecard,
    uncertainty: &RankUncertainty,
    out: &mut impl Write,
) -> std::io::Result<()> {
    // Rows by programme, so finding each one stays linear in programmes.
    let composites: HashMap<ProgrammeId, Option<f64>> = card
        .comparison
        .rows
        .iter()
        .map(|r| (r.programme, r.composite))
        .collect();
    let mut stats: Vec<_> = uncertainty.programmes.iter().collect();
    stats.sort_by(|a, b| a.nominal.cmp(&b.nominal).then(a.mean.total_cmp(&b.mean)));
    writeln!(
        out,
        "{:>4}  {:<36} {:>9} {:>6} {:>6} {:>11}",
        "rank", "programme", "composite", "mean", "median", "5–95%"
    )?;
    for s in stats {
        let composite = composites
            .get(&s.programme)
            .copied()
            .flatten()
            .map_or_else(|| "-".to_owned(), |c| format!("{c:.1}"));
        writeln!(
            out,
            "{:>4}  {:<36} {:>9} {:>6.1} {:>6.1} {:>5.0}–{:<5.0}",
            s.nominal,
            truncate(&s.name, 36),
            composite,
            s.mean,
            s.median,
            s.p05,
            s.p95
        )?;
    }
    writeln!(
        out,
        "\n{} replications, seed {}, weight noise ±{:.0}%, normalisations: {}; methods: {}; {}",
        uncertainty.replications,
        uncertainty.seed,
        100.0 * uncertainty.weight_noise,
        join(&uncertainty.normalisations),
        join(&uncertainty.methods),
        missing_rule(&card.comparison)
    )?;
    write_unranked(&card.comparison, out)
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
