//! `ssr score`: every score of every programme, as a table, JSON or tidy CSV;
//! and the scores section of `ssr report`.

use std::io::Write;

use ssr_model::score::compare::{Comparison, ComparisonRow};
use ssr_model::score::programme::Status;
use ssr_model::score::uncertainty::RankStats;
use ssr_model::score::{ProgrammeCard, RowKind, ScorerOptions};
use ssr_model::tables::{Source, TableName};
use ssr_model::{Scorecard, Scorer};

use crate::findings::{self, FindingsArgs};
use crate::input::{self, AsOf, Input};
use crate::text::count;
use crate::{Failure, write_failure};

/// How results are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// A readable table.
    Table,
    /// JSON (the scorecard, policy included).
    Json,
    /// Tidy long format: programme_id, programme_name, measure, value, not_ranked, scale, currency.
    Csv,
}

/// Arguments of `ssr score`.
#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    as_of: AsOf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// With --format csv: the tidy scorecard (`scores`, the default), yearly money flows per recipient country and region (`flows`), or the scored objectives with their level and progress (`objective_scores`); the tables of the same names in `ssr export`.
    ///
    /// How the flows count money: each transaction goes wholly to the recipient it names; otherwise it is split by the programme's recipient percentages (summing to over 100: each divided by their sum; under 100: the rest is unallocated, an empty recipient; a lone recipient without a percentage takes it all; one without a percentage among several: unknown, an empty amount). `ssr_amount` is that part times the SSR share of its sectors: the transaction's own sectors, else the programme's; vocabulary 1 (DAC purpose codes) before 2 (DAC categories); SSR sectors' percentages over the sum of the vocabulary's (see --ssr-sector). A missing percentage among several sectors, or no DAC sector at all, makes it unknown: empty, with the reason in `unknown`, never 0. Amounts stay in their own currency, exact; with --rates the converted amount (exact, rounded once half to even to the ten-thousandth) and the rate's date are beside them. Flows net of transfers inside the portfolio are the rows whose `internal_transfer` is false.
    #[arg(long, value_enum)]
    table: Option<Table>,
    #[command(flatten)]
    money: crate::money::MoneyArgs,
    #[command(flatten)]
    findings: FindingsArgs,
}

/// Which CSV table `ssr score` writes: a table of `ssr_model::tables`,
/// under its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Table {
    /// programme_id, programme_name, measure, value, not_ranked, scale, currency.
    #[value(name = "scores")]
    Scores,
    /// Transactions by programme, recipient, year, type and currency: whole and SSR amounts.
    Flows,
    /// One row per objective of a scored programme, with its level, progress and coverage.
    #[value(name = "objective_scores")]
    ObjectiveScores,
    /// The composite's coherence: correlations between dimensions and with the composite (Pearson, Spearman), Cronbach's alpha, the first principal component's share, each with the programmes it used.
    Coherence,
    /// Every raw value the policy's outlier treatment changed: programme, dimension, before, after, method (empty unless the policy's audit.outliers treats them).
    Outliers,
}

impl Table {
    /// The library table of an audit table.
    pub(crate) fn audit(self) -> Option<TableName> {
        match self {
            Table::Coherence => Some(TableName::Coherence),
            Table::Outliers => Some(TableName::Outliers),
            _ => None,
        }
    }
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let portfolio = input::load(&args.input.file)?;
    let scorer = scorer(args.money.add_to(options(&args.input, &args.as_of))?)?;
    let table = match (args.format, args.table) {
        (Format::Csv, table) => table.unwrap_or(Table::Scores),
        (_, None) => Table::Scores,
        (_, Some(_)) => {
            return Err(Failure::input(
                "--table chooses a CSV table: give --format csv with it",
            ));
        }
    };
    if table == Table::Flows {
        let (flows, left_out) = Source::new(&portfolio, &scorer).table(TableName::Flows);
        ssr_model::tables::write_csv(&mut *out, &flows).map_err(write_failure)?;
        args.findings.show(&left_out)?;
        findings::write_flows_left_out(&flows, &left_out);
        return Ok(0);
    }
    let card = scorer.scorecard(&portfolio);
    findings::show_finance(&args.findings, &card)?;
    match args.format {
        Format::Json => write_json(out, &card)?,
        Format::Csv if table == Table::ObjectiveScores => {
            // The objective scores of the scorecard just computed.
            Source::new(&portfolio, &scorer)
                .with_scorecard(&card)
                .write_csv(&mut *out, TableName::ObjectiveScores)
                .map_err(write_failure)?;
        }
        Format::Csv if table.audit().is_some() => {
            write_audit_table(out, &portfolio, &scorer, &card, table)?;
        }
        Format::Csv => write_csv(out, &card, |_| true)?,
        Format::Table => write_table(&card, out).map_err(write_failure)?,
    }
    Ok(0)
}

/// Writes an audit table (`coherence`, `outliers`) of the scorecard as CSV.
pub(crate) fn write_audit_table(
    out: &mut impl Write,
    portfolio: &ssr_model::Portfolio,
    scorer: &Scorer,
    card: &Scorecard,
    table: Table,
) -> Result<(), Failure> {
    let Some(name) = table.audit() else {
        return Ok(());
    };
    Source::new(portfolio, scorer)
        .with_scorecard(card)
        .write_csv(&mut *out, name)
        .map_err(write_failure)?;
    Ok(())
}

/// The composite's audit under a readable table: its coherence in one
/// line, then each finding (treated outliers, screened dimensions,
/// incoherent dimensions).
pub(crate) fn write_audit(comparison: &Comparison, out: &mut impl Write) -> std::io::Result<()> {
    let c = &comparison.audit.coherence;
    let s = &c.statistics;
    writeln!(
        out,
        "coherence of the {} over {}: Cronbach's alpha {} \
         ({} complete), first principal component {} of the variance (`--format csv --table coherence`)",
        crate::text::count(
            c.dimensions.len(),
            "weighted dimension",
            "weighted dimensions"
        ),
        crate::text::count(c.programmes.len(), "ranked programme", "ranked programmes"),
        opt(s.cronbach_alpha, 1.0, 2),
        s.complete_rows,
        s.first_component_share
            .map_or_else(|| "-".to_owned(), percent),
    )?;
    for f in &comparison.audit.findings {
        writeln!(out, "{}[{}] {}", f.severity.as_str(), f.code, f.message)?;
    }
    Ok(())
}

/// The scorer options of `--policy` and `--as-of`.
pub(crate) fn options(input: &Input, as_of: &AsOf) -> ScorerOptions {
    let mut options = ScorerOptions::new();
    if let Some(path) = &input.policy {
        options = options.with_policy_file(path);
    }
    if let Some(date) = as_of.as_of {
        options = options.with_as_of(date);
    }
    options
}

/// `options` with `--replications` and `--seed`, when given.
pub(crate) fn monte_carlo(
    mut options: ScorerOptions,
    replications: Option<usize>,
    seed: Option<u64>,
) -> ScorerOptions {
    if let Some(n) = replications {
        options = options.with_replications(n);
    }
    if let Some(seed) = seed {
        options = options.with_seed(seed);
    }
    options
}

/// The scorer of `options`, or a failure naming the problem.
pub(crate) fn scorer(options: ScorerOptions) -> Result<Scorer, Failure> {
    options.scorer().map_err(|e| Failure::input(e.to_string()))
}

pub(crate) fn write_json(
    out: &mut impl Write,
    value: &impl serde::Serialize,
) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(write_failure)?;
    writeln!(out).map_err(write_failure)
}

/// Writes the scorecard's tidy rows of the kinds `keep` accepts.
pub(crate) fn write_csv(
    out: &mut impl Write,
    card: &Scorecard,
    keep: impl Fn(RowKind) -> bool,
) -> Result<(), Failure> {
    ssr_model::tables::write_scores_csv(out, card, keep).map_err(write_failure)
}

pub(crate) fn opt(x: Option<f64>, scale: f64, decimals: usize) -> String {
    // `+ 0.0` turns −0 into 0: no "-0" for an empty share.
    x.map_or_else(
        || "-".to_owned(),
        |x| format!("{:.*}", decimals, x * scale + 0.0),
    )
}

/// A share as a whole percentage, never "-0%".
fn percent(x: f64) -> String {
    format!("{:.0}%", 100.0 * x + 0.0)
}

/// One line counting the programmes not ranked by reason (the full list is
/// in the JSON and CSV outputs); and, when nothing could be ranked for want
/// of differences, a line that says so.
pub(crate) fn write_unranked(comparison: &Comparison, out: &mut impl Write) -> std::io::Result<()> {
    if comparison.no_ranking_possible() {
        writeln!(
            out,
            "\nno ranking is possible: every programme with enough evidence has the same \
             evidence, so nothing tells them apart"
        )?;
    }
    let reasons = comparison.unranked_by_reason();
    if reasons.is_empty() {
        return Ok(());
    }
    let total: usize = reasons.iter().map(|(_, n)| n).sum();
    let counted: Vec<String> = reasons
        .iter()
        .map(|(reason, n)| format!("{n} {reason} ({})", reason.describe()))
        .collect();
    writeln!(
        out,
        "not ranked: {}: {} (each one: --format json or csv)",
        count(total, "programme", "programmes"),
        counted.join("; ")
    )
}

/// The scores, one programme a line, its full name last: a long name runs
/// on to the end of the line (the terminal may cut it; the data is whole).
fn write_table(card: &Scorecard, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:>5} {:>5} {:>4} {:>4} {:>4} {:>4} {:>5} {:>5} {:>5} {:>5} {:>4}  programme",
        "score", "cover", "on", "risk", "off", "none", "expos", "resis", "incl", "eval", "rank"
    )?;
    for (p, row) in card.programmes.iter().zip(&card.comparison.rows) {
        let s = &p.progress;
        writeln!(
            out,
            "{:>5} {:>5} {:>4} {:>4} {:>4} {:>4} {:>5} {:>5} {:>5} {:>5} {:>4}  {}",
            opt(s.score, 100.0, 1),
            percent(s.coverage),
            s.status_count(Status::OnTrack),
            s.status_count(Status::AtRisk),
            s.status_count(Status::OffTrack),
            s.status_count(Status::NoData),
            opt(p.risk.exposure, 100.0, 1),
            opt(p.stakeholders.resistance_exposure, 100.0, 1),
            opt(p.stakeholders.inclusion, 100.0, 1),
            opt(p.evaluation.as_ref().and_then(|e| e.score), 100.0, 1),
            row.rank.map_or_else(|| "-".to_owned(), |r| r.to_string()),
            p.name,
        )?;
    }
    writeln!(
        out,
        "\nscores on 0–100; on/risk/off/none: indicators on track, at risk, off track, without data; \
         expos: risk exposure ({}); resis: influence held by resistant stakeholders; incl: inclusion \
         (both over the stakeholders assessed); eval: DAC evaluation score; rank by the {} composite \
         of {} normalised dimensions, {}",
        card.policy.risk.exposure,
        card.comparison.method,
        card.comparison.normalisation,
        missing_rule(&card.comparison)
    )?;
    write_unranked(&card.comparison, out)?;
    write_audit(&card.comparison, out)
}

/// How the comparison treated missing dimensions, in words.
pub(crate) fn missing_rule(comparison: &Comparison) -> String {
    let missing = comparison
        .rows
        .iter()
        .filter(|r| !r.missing.is_empty())
        .count();
    match comparison.imputation {
        ssr_model::score::policy::Imputation::None => format!(
            "missing dimensions not imputed: {} composed over the \
             dimensions they have, weights shared out",
            count(missing, "ranked programme", "ranked programmes")
        ),
        method => format!(
            "missing dimensions imputed by the {method} of the ranked programmes \
             ({})",
            count(missing, "programme", "programmes")
        ),
    }
}

/// The scores section of one programme in `ssr report`.
pub(crate) fn write_programme_scores(
    card: &ProgrammeCard,
    row: Option<&ComparisonRow>,
    rank: Option<(&RankStats, usize)>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let s = &card.progress;
    let score = s
        .score
        .map_or_else(|| "no data".to_owned(), |x| format!("{:.1}/100", 100.0 * x));
    let rank = match (rank, row.and_then(|r| r.not_ranked)) {
        (_, Some(reason)) => format!(", not ranked ({reason}: {})", reason.describe()),
        (Some((r, n)), None) => format!(
            ", rank {} of {n} (5–95%: {:.0}–{:.0})",
            r.nominal, r.p05, r.p95
        ),
        (None, None) => String::new(),
    };
    writeln!(
        out,
        "  score {score} (coverage {}){rank}",
        percent(s.coverage)
    )?;
    let evidence: Vec<String> = ssr_model::score::compare::EvidenceKind::ALL
        .into_iter()
        .map(|kind| {
            let e = card.evidence.get(kind);
            if e.present {
                format!("{kind} {}", percent(e.coverage))
            } else {
                format!("{kind} none")
            }
        })
        .collect();
    writeln!(out, "  evidence: {}", evidence.join("; "))?;
    if !s.components.is_empty() {
        let parts: Vec<String> = s
            .components
            .iter()
            .map(|c| format!("{} {}", c.name, opt(c.score, 100.0, 0)))
            .collect();
        writeln!(out, "  components: {}", parts.join("; "))?;
    }
    crate::results::write_results(&card.results, out)?;
    let off: Vec<String> = s
        .indicators()
        .filter(|i| i.status == Status::OffTrack)
        .map(|i| {
            format!(
                "{} ({} of {} expected)",
                i.title,
                opt(i.progress, 100.0, 0) + "%",
                opt(i.expected, 100.0, 0) + "%"
            )
        })
        .collect();
    if !off.is_empty() {
        writeln!(out, "  off track: {}", off.join("; "))?;
    }
    write_risks(card, out)?;
    write_finance(&card.finance, out)?;
    let key: Vec<String> = card
        .stakeholders
        .key()
        .iter()
        .take(5)
        .map(|k| {
            let word = |x: Option<&'static str>| x.unwrap_or("unassessed");
            format!(
                "{} ({}, {}, {})",
                k.name,
                word(k.quadrant.map(|q| q.describe())),
                word(k.salience.map(|q| q.describe())),
                word(k.stance.map(|q| q.as_str()))
            )
        })
        .collect();
    if !key.is_empty() {
        writeln!(out, "  key stakeholders: {}", key.join("; "))?;
    }
    Ok(())
}

/// The top risks and the risk exposure by component, in `ssr report`.
fn write_risks(card: &ProgrammeCard, out: &mut impl Write) -> std::io::Result<()> {
    let risks: Vec<String> = card
        .risk
        .top(3)
        .iter()
        .map(|r| {
            format!(
                "{} (residual {:.1} {}, inherent {})",
                r.description,
                r.residual,
                r.band.describe(),
                r.inherent
            )
        })
        .collect();
    if !risks.is_empty() {
        writeln!(out, "  top risks: {}", risks.join("; "))?;
    }
    let attached: Vec<String> = card
        .risk
        .components
        .iter()
        .filter(|c| c.risks > 0)
        .map(|c| {
            format!(
                "{} {} ({})",
                c.name,
                opt(c.exposure, 100.0, 0),
                count(c.risks, "risk", "risks")
            )
        })
        .collect();
    if !attached.is_empty() {
        writeln!(out, "  risk exposure by component: {}", attached.join("; "))?;
    }
    Ok(())
}

/// The money line of one programme in `ssr report`.
fn write_finance(
    f: &ssr_model::score::programme::FinanceProfile,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let Some(currency) = f.currency else {
        return Ok(());
    };
    let amount =
        |x: Option<f64>| x.map_or_else(|| "not reported".to_owned(), |x| format!("{x:.0}"));
    if f.committed.is_some() || f.disbursed.is_some() || f.spent.is_some() {
        let rate = f.disbursement_rate.map_or_else(String::new, |r| {
            format!(" ({:.0}% of committed)", 100.0 * r)
        });
        writeln!(
            out,
            "  money ({currency}): committed {}, disbursed {}{rate}, spent {}",
            amount(f.committed),
            amount(f.disbursed),
            amount(f.spent)
        )?;
    }
    if let (Some(budget), Some(x)) = (f.budget, f.execution) {
        let time = f.elapsed.map_or_else(
            || "time elapsed unknown".to_owned(),
            |e| format!("{:.0}% of the time gone", 100.0 * e),
        );
        writeln!(
            out,
            "  budget {budget:.0} {currency}: {:.0}% executed, {time}: {}",
            100.0 * x,
            f.status
        )?;
    }
    if let Some(h) = f.concentration {
        writeln!(
            out,
            "  {}, concentration (HHI) {h:.2}",
            count(f.funders, "funder", "funders")
        )?;
    }
    if !f.findings.is_empty() {
        writeln!(
            out,
            "  {} without a usable exchange rate left out",
            count(f.findings.len(), "amount", "amounts")
        )?;
    }
    Ok(())
}
