//! `ssr report`: a readable summary of a portfolio.

use std::io::Write;
use std::path::Path;

use ssr_model::{Portfolio, Programme, Stance};

use crate::{Failure, input, write_failure};

pub(crate) fn run(path: Option<&Path>, out: &mut impl Write) -> Result<u8, Failure> {
    let portfolio = input::load_or_sample(path)?;
    write_report(&portfolio, out).map_err(write_failure)?;
    Ok(0)
}

fn write_report(portfolio: &Portfolio, out: &mut impl Write) -> std::io::Result<()> {
    let title = portfolio.name.as_deref().unwrap_or("Portfolio");
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "=".repeat(title.chars().count()))?;
    writeln!(out, "{} programmes\n", portfolio.programmes.len())?;
    for programme in &portfolio.programmes {
        write_programme(programme, out)?;
    }
    Ok(())
}

fn write_programme(p: &Programme, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{} [{} {}]", p.name, p.country, p.country.name())?;
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
            "  budget {budget}, {} funding source(s)",
            p.funding.len()
        )?;
    }
    let indicators = p.indicators().count();
    writeln!(
        out,
        "  {} components, {indicators} indicators, {} objectives, {} evaluations",
        p.components.len(),
        p.objectives.len(),
        p.evaluations.len()
    )?;
    for c in &p.components {
        writeln!(
            out,
            "    - {} ({}, weight {}, {} indicators)",
            c.name,
            c.pillar,
            c.weight,
            c.indicators.len()
        )?;
    }
    let opposed: Vec<&str> = p
        .stakeholders
        .iter()
        .filter(|s| s.stance.is_opposed())
        .map(|s| s.name.as_str())
        .collect();
    let champions = p
        .stakeholders
        .iter()
        .filter(|s| s.stance == Stance::Champion)
        .count();
    writeln!(
        out,
        "  {} stakeholders ({champions} champions; opposed: {})",
        p.stakeholders.len(),
        if opposed.is_empty() {
            "none".to_owned()
        } else {
            opposed.join(", ")
        }
    )?;
    let mut risks: Vec<_> = p.challenges.iter().collect();
    risks.sort_by_key(|c| {
        std::cmp::Reverse(u16::from(c.likelihood.get()) * u16::from(c.impact.get()))
    });
    for c in risks.iter().take(3) {
        writeln!(
            out,
            "  risk {:>2}: {} ({} mitigations)",
            u16::from(c.likelihood.get()) * u16::from(c.impact.get()),
            c.description,
            c.mitigations.len()
        )?;
    }
    crate::validate::write_summary(p, out)?;
    writeln!(out)
}
