//! The results-chain section of `ssr report`: progress by level, evidence,
//! the gender gap, and each objective with the level it is measured at.

use std::io::Write;

use ssr_model::score::programme::ResultsProfile;

use crate::score::opt;

/// Writes the results chain of one programme.
pub(crate) fn write_results(r: &ResultsProfile, out: &mut impl Write) -> std::io::Result<()> {
    let levels: Vec<String> = r
        .levels
        .iter()
        .filter(|l| l.indicators > 0)
        .map(|l| {
            format!(
                "{} {} (coverage {:.0}%)",
                l.level,
                opt(l.progress, 100.0, 0),
                100.0 * l.coverage
            )
        })
        .collect();
    if !levels.is_empty() {
        writeln!(out, "  by level: {}", levels.join("; "))?;
    }
    let gap = match r.gender_gap {
        Some(g) => format!(
            "{:+.0} points, women vs men (coverage {:.0}%)",
            100.0 * g,
            100.0 * r.gender_gap_coverage
        ),
        None => "unknown (no indicator reports women and men)".to_owned(),
    };
    writeln!(
        out,
        "  evidence grade {}/100; gender gap {gap}",
        opt(r.evidence, 100.0, 0)
    )?;
    if r.objectives.is_empty() {
        return Ok(());
    }
    writeln!(out, "  objectives:")?;
    for o in &r.objectives {
        let measured = match (o.level, o.reached) {
            (None, _) => "not measured".to_owned(),
            (Some(level), Some(reached)) if level == reached => format!("measured to {level}"),
            (Some(level), Some(reached)) => {
                format!("measured to {level}, data to {reached}")
            }
            (Some(level), None) => format!("measured to {level}, no data"),
        };
        let output_only = o.level == Some(ssr_model::model::ResultLevel::Output);
        writeln!(
            out,
            "    - {}: {measured}{}, progress {} (coverage {:.0}%, {})",
            o.statement,
            if output_only { " only" } else { "" },
            opt(o.progress, 100.0, 0),
            100.0 * o.coverage,
            crate::text::count(o.indicators, "indicator", "indicators")
        )?;
    }
    Ok(())
}
