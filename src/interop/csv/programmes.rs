//! The programmes table: one row per programme.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::{Context, GenderMarker, Phase, Portfolio, Programme, ProgrammeId, Sector};

use super::{CsvError, write_table};

/// The columns of the programmes table, in order:
///
/// | column | meaning |
/// | --- | --- |
/// | `programme_id` | the programme's UUID |
/// | `external_id` | e.g. the IATI activity identifier |
/// | `name` | |
/// | `country` | ISO 3166-1 alpha-3 code, when the programme has exactly one recipient and it is a country; else empty |
/// | `country_name` | its English name |
/// | `recipients` | every recipient country (alpha-3) and region (IATI Region code), `;`-separated, each with `:percentage` when stated (`MLI:40;289:60`) |
/// | `context` | `peace_operation`, `civil_military_operation`, `military_diplomacy`, `development_cooperation` |
/// | `phase` | `assessment`, `design`, `implementation`, `review`, `closed`, `cancelled`, `suspended` |
/// | `planned_start`, `planned_end`, `actual_start`, `actual_end` | `YYYY-MM-DD` |
/// | `budget_amount`, `budget_currency` | exact decimal and ISO 4217 code |
/// | `main_sector` | the DAC code of largest share (the first on ties) |
/// | `dac_sectors` | every DAC code, `;`-separated, in order |
/// | `gender_marker` | `not_targeted`, `significant`, `principal` |
/// | `components`, `indicators`, `stakeholders`, `funding_sources`, `challenges`, `evaluations` | counts |
pub const PROGRAMME_COLUMNS: &[&str] = &[
    "programme_id",
    "external_id",
    "name",
    "country",
    "country_name",
    "recipients",
    "context",
    "phase",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "budget_amount",
    "budget_currency",
    "main_sector",
    "dac_sectors",
    "gender_marker",
    "components",
    "indicators",
    "stakeholders",
    "funding_sources",
    "challenges",
    "evaluations",
];

#[derive(Serialize)]
struct Row<'a> {
    programme_id: ProgrammeId,
    external_id: Option<&'a str>,
    name: &'a str,
    country: Option<String>,
    country_name: Option<&'static str>,
    recipients: String,
    context: Context,
    phase: Phase,
    planned_start: Option<NaiveDate>,
    planned_end: Option<NaiveDate>,
    actual_start: Option<NaiveDate>,
    actual_end: Option<NaiveDate>,
    budget_amount: Option<String>,
    budget_currency: Option<&'a str>,
    main_sector: Option<u32>,
    dac_sectors: String,
    gender_marker: Option<GenderMarker>,
    components: usize,
    indicators: usize,
    stakeholders: usize,
    funding_sources: usize,
    challenges: usize,
    evaluations: usize,
}

/// The sector of largest share, the first on ties (or when none states one).
fn main_sector(sectors: &[Sector]) -> Option<u32> {
    let share = |s: &Sector| s.percentage.map_or(0.0, |p| p.get());
    let mut best: Option<&Sector> = None;
    for s in sectors {
        if best.is_none_or(|b| share(s) > share(b)) {
            best = Some(s);
        }
    }
    best.map(|s| s.code.get())
}

/// `MLI:40;289:60`: codes with their stated shares.
pub(super) fn recipient_list(recipients: &[crate::Recipient]) -> String {
    recipients
        .iter()
        .map(|r| match r.percentage {
            Some(pc) => format!("{}:{}", r.place, pc.get()),
            None => r.place.to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

fn row(p: &Programme) -> Row<'_> {
    Row {
        programme_id: p.id,
        external_id: p.external_id.as_deref(),
        name: &p.name,
        country: p.single_country().map(|c| c.to_string()),
        country_name: p.single_country().map(|c| c.name()),
        recipients: recipient_list(&p.recipients),
        context: p.context,
        phase: p.phase,
        planned_start: p.planned_start,
        planned_end: p.planned_end,
        actual_start: p.actual_start,
        actual_end: p.actual_end,
        budget_amount: p.budget.map(|b| b.amount.to_string()),
        budget_currency: p.budget.as_ref().map(|b| b.currency.as_str()),
        main_sector: main_sector(&p.sectors),
        dac_sectors: p
            .sectors
            .iter()
            .map(|s| s.code.to_string())
            .collect::<Vec<_>>()
            .join(";"),
        gender_marker: p.gender_marker,
        components: p.components.len(),
        indicators: p.indicators().count(),
        stakeholders: p.stakeholders.len(),
        funding_sources: p.funding.len(),
        challenges: p.challenges.len(),
        evaluations: p.evaluations.len(),
    }
}

/// Writes the programmes table of `portfolio` (see [`PROGRAMME_COLUMNS`]).
///
/// # Errors
///
/// When writing fails.
///
/// # Examples
///
/// ```
/// use ssr_model::interop::csv::{self, PROGRAMME_COLUMNS};
///
/// let portfolio = ssr_model::samples::portfolio();
/// let mut out = Vec::new();
/// csv::write_programmes(&mut out, &portfolio)?;
/// let text = String::from_utf8(out)?;
/// let mut lines = text.lines();
/// assert_eq!(lines.next(), Some(PROGRAMME_COLUMNS.join(",").as_str()));
/// assert_eq!(lines.count(), portfolio.programmes.len()); // one row per programme
/// assert!(text.contains(",LBR,Liberia,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_programmes<W: Write>(writer: W, portfolio: &Portfolio) -> Result<(), CsvError> {
    write_table(
        writer,
        PROGRAMME_COLUMNS,
        portfolio.programmes.iter().map(row),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{Synthetic, synthetic};

    #[test]
    fn columns_match_the_row_fields() {
        let portfolio = synthetic(&Synthetic::new(1));
        let header = super::super::derived_header(row(&portfolio.programmes[0]));
        assert_eq!(header, PROGRAMME_COLUMNS.join(","));
    }
}
