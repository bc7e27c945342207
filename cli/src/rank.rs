//! `ssr rank`: programmes ranked, with the Monte Carlo uncertainty of their
//! ranks.

use std::io::Write;

use ssr_model::Scorecard;
use ssr_model::score::RowKind;
use ssr_model::score::compare::Comparison;
use ssr_model::score::policy::ScoringPolicy;
use ssr_model::score::uncertainty::RankUncertainty;

use crate::input::{self, AsOf, Input};
use crate::score::{
    Format, Table, missing_rule, monte_carlo, options, scorer, write_audit, write_audit_table,
    write_csv, write_json, write_unranked,
};
use crate::{Failure, write_failure};

/// Arguments of `ssr rank`. The policy's `uncertainty` section sets the
/// defaults of the replications and the seed.
#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    as_of: AsOf,
    /// Monte Carlo replications [default: the policy's, 1000].
    #[arg(long, value_name = "N")]
    replications: Option<usize>,
    /// Seed of the generator: the same seed gives the same ranks [default: the policy's, 0].
    #[arg(long, value_name = "S")]
    seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// With --format csv: the composite's coherence (`coherence`) or its treated outliers (`outliers`) instead of the ranks; the tables of the same names in `ssr export` and `ssr score`.
    #[arg(long, value_enum)]
    table: Option<AuditTable>,
    /// The finance dimension's money (it counts when the policy weighs it).
    #[command(flatten)]
    money: crate::money::MoneyArgs,
    #[command(flatten)]
    findings: crate::findings::FindingsArgs,
}

/// The audit tables `ssr rank` writes as CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum AuditTable {
    /// Correlations between dimensions and with the composite, Cronbach's alpha, the first principal component's share.
    Coherence,
    /// Every raw value the policy's outlier treatment changed.
    Outliers,
}

#[derive(serde::Serialize)]
struct RankOutput<'a> {
    policy: &'a ScoringPolicy,
    comparison: &'a Comparison,
    uncertainty: &'a RankUncertainty,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let portfolio = input::load(&args.input.file)?;
    let options = args.money.add_to(options(&args.input, &args.as_of))?;
    let scorer = scorer(monte_carlo(options, args.replications, args.seed))?;
    if let Some(table) = args.table {
        if args.format != Format::Csv {
            return Err(Failure::input(
                "--table chooses a CSV table: give --format csv with it",
            ));
        }
        // The audit needs no Monte Carlo: the scorecard holds it.
        let card = scorer.scorecard(&portfolio);
        let table = match table {
            AuditTable::Coherence => Table::Coherence,
            AuditTable::Outliers => Table::Outliers,
        };
        write_audit_table(out, &portfolio, &scorer, &card, table)?;
        return Ok(0);
    }
    let card = scorer.rank(&portfolio);
    crate::findings::show_finance(&args.findings, &card)?;
    let Some(uncertainty) = &card.uncertainty else {
        return Err(Failure::input("the scorer ranked without rank uncertainty"));
    };
    match args.format {
        Format::Json => write_json(
            out,
            &RankOutput {
                policy: scorer.policy(),
                comparison: &card.comparison,
                uncertainty,
            },
        )?,
        Format::Csv => write_csv(out, &card, RowKind::is_comparison)?,
        Format::Table => write_table(&card, uncertainty, out).map_err(write_failure)?,
    }
    Ok(0)
}

fn write_table(
    card: &Scorecard,
    uncertainty: &RankUncertainty,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let stats = uncertainty.by_programme();
    // Ranked programmes only: the uncertainty lists exactly those.
    let mut rows: Vec<_> = card
        .comparison
        .rows
        .iter()
        .filter_map(|r| Some((*stats.get(&r.programme)?, r.composite)))
        .collect();
    rows.sort_by(|(a, _), (b, _)| a.nominal.cmp(&b.nominal).then(a.mean.total_cmp(&b.mean)));
    // The full name last: a long one runs on to the end of its line.
    writeln!(
        out,
        "{:>4} {:>9} {:>6} {:>6} {:>11}  programme",
        "rank", "composite", "mean", "median", "5–95%"
    )?;
    for (s, composite) in rows {
        let composite = composite.map_or_else(|| "-".to_owned(), |c| format!("{c:.1}"));
        writeln!(
            out,
            "{:>4} {:>9} {:>6.1} {:>6.1} {:>5.0}–{:<5.0}  {}",
            s.nominal, composite, s.mean, s.median, s.p05, s.p95, s.name
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
    write_unranked(&card.comparison, out)?;
    write_audit(&card.comparison, out)
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
