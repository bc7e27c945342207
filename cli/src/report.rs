//! `ssr report`: a readable summary of a portfolio, as text or as one
//! self-contained HTML page with charts.

use std::io::Write;
use std::path::{Path, PathBuf};

use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::html::HtmlReport;
use ssr_model::model::{Place, Stance};
use ssr_model::score::programme::recipient_shares;
use ssr_model::score::uncertainty::RankUncertainty;
use ssr_model::{Portfolio, Programme};
use ssr_model::{Scorecard, Scorer};

use crate::text::count;
use crate::{Failure, input, write_failure};

/// The arguments of `ssr report`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// A portfolio document, or `-` for standard input (the embedded sample when none is given).
    file: Option<PathBuf>,
    /// `text` for the terminal, or `html`: one self-contained page with
    /// charts (ranks, dimensions, progress, risks, stakeholders, money,
    /// findings) that opens in any browser and prints.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report to this file (replaced whole, never left half
    /// written) instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// The report's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Plain text.
    Text,
    /// One HTML page, charts as SVG.
    Html,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<u8, Failure> {
    let portfolio = input::load_or_sample(args.file.as_deref())?;
    let mut buffer = Vec::new();
    let target: &mut dyn Write = if args.out.is_some() { &mut buffer } else { out };
    match args.format {
        Format::Text => {
            let (scores, ranks) = score(&portfolio);
            write_report(&portfolio, &scores, &ranks, &mut &mut *target).map_err(write_failure)?;
        }
        Format::Html => {
            let scorer = Scorer::default();
            let card = scorer.rank(&portfolio);
            let findings = ssr_model::validate::validate(&portfolio, &ValidationPolicy::default());
            let html = HtmlReport::new(&portfolio, &card)
                .with_findings(&findings)
                .with_scorer(&scorer)
                .to_html();
            target.write_all(html.as_bytes()).map_err(write_failure)?;
        }
    }
    if let Some(path) = &args.out {
        write_atomically(path, &buffer)?;
    }
    Ok(0)
}

/// Writes the report whole or not at all (the library's atomic writer).
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    ssr_model::tables::write_atomically(path, bytes)
        .map_err(|e| Failure::input(format!("{}: cannot write: {e}", path.display())))
}

/// Scores and rank uncertainty under the default policy (1,000
/// replications, seed 0: the report is the same on every run).
fn score(portfolio: &Portfolio) -> (Scorecard, RankUncertainty) {
    let scorer = Scorer::default();
    let scores = scorer.scorecard(portfolio);
    let ranks = scorer.rank_uncertainty(&scores);
    (scores, ranks)
}

fn write_report(
    portfolio: &Portfolio,
    scores: &Scorecard,
    ranks: &RankUncertainty,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let title = portfolio.name.as_deref().unwrap_or("Portfolio");
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "=".repeat(title.chars().count()))?;
    writeln!(out, "{} programmes\n", portfolio.programmes.len())?;
    // The scorecard has one card and one comparison row per programme, in
    // the portfolio's order; rank statistics exist for ranked ones only.
    let stats = ranks.by_programme();
    let ranked = ranks.programmes.len();
    let cards = scores.programmes.iter().zip(&scores.comparison.rows);
    for (programme, (card, row)) in portfolio.programmes.iter().zip(cards) {
        write_programme(programme, out)?;
        let rank = stats.get(&programme.id).map(|&r| (r, ranked));
        crate::score::write_programme_scores(card, Some(row), rank, out)?;
        writeln!(out)?;
    }
    write_by_recipient(portfolio, out)
}

/// Programmes under each country and region they work in, with their
/// shares, so that regional programmes are found under their region.
fn write_by_recipient(portfolio: &Portfolio, out: &mut impl Write) -> std::io::Result<()> {
    let mut places: Vec<(Place, Vec<String>)> = Vec::new();
    for p in &portfolio.programmes {
        for share in recipient_shares(p) {
            let entry = match share.share {
                Some(s) => format!("{} ({:.0}%)", p.name, 100.0 * s),
                None => format!("{} (share not stated)", p.name),
            };
            match places.iter_mut().find(|(place, _)| *place == share.place) {
                Some((_, names)) => names.push(entry),
                None => places.push((share.place, vec![entry])),
            }
        }
    }
    if places.is_empty() {
        return Ok(());
    }
    places.sort_by_key(|(place, _)| *place);
    writeln!(out, "By recipient")?;
    writeln!(out, "------------")?;
    for (place, names) in places {
        let kind = place.kind();
        writeln!(out, "{kind} {place} {}: {}", place.name(), names.join("; "))?;
    }
    Ok(())
}

fn write_programme(p: &Programme, out: &mut impl Write) -> std::io::Result<()> {
    let recipients: Vec<String> = p
        .recipients
        .iter()
        .map(|r| match r.percentage {
            Some(share) => format!("{} {} {}%", r.place, r.place.name(), share.get()),
            None => format!("{} {}", r.place, r.place.name()),
        })
        .collect();
    let recipients = if recipients.is_empty() {
        "no recipient stated".to_owned()
    } else {
        recipients.join("; ")
    };
    writeln!(out, "{} [{recipients}]", p.name)?;
    let dates = match (p.start(), p.end()) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("from {s}"),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => "dates not given".to_owned(),
    };
    writeln!(out, "  phase {}, context {}, {dates}", p.phase, p.context)?;
    if let Some(budget) = &p.budget {
        writeln!(
            out,
            "  budget {budget}, {}",
            count(p.funding.len(), "funding source", "funding sources")
        )?;
    }
    let indicators = p.indicators().count();
    writeln!(
        out,
        "  {}, {}, {}, {}",
        count(p.components.len(), "component", "components"),
        count(indicators, "indicator", "indicators"),
        count(p.objectives.len(), "objective", "objectives"),
        count(p.evaluations.len(), "evaluation", "evaluations")
    )?;
    for c in &p.components {
        writeln!(
            out,
            "    - {} ({}, weight {}, {})",
            c.name,
            c.pillar,
            c.weight,
            count(c.indicators.len(), "indicator", "indicators")
        )?;
    }
    let opposed: Vec<&str> = p
        .stakeholders
        .iter()
        .filter(|s| s.is_opposed())
        .map(|s| s.name.as_str())
        .collect();
    let champions = p
        .stakeholders
        .iter()
        .filter(|s| s.stance == Some(Stance::Champion))
        .count();
    let unassessed = p.stakeholders.iter().filter(|s| !s.is_assessed()).count();
    writeln!(
        out,
        "  {} stakeholders ({unassessed} unassessed; {champions} champions; opposed: {})",
        p.stakeholders.len(),
        if opposed.is_empty() {
            "none".to_owned()
        } else {
            opposed.join(", ")
        }
    )?;
    crate::validate::write_summary(p, out)?;
    // Risks are listed, scored, by `score::write_programme_scores`.
    Ok(())
}
