//! A programme's risk matrix: each challenge numbered at its likelihood ×
//! impact, cells shaded by the band of their inherent risk, and beside it
//! the table of inherent and residual risk after mitigation.

use super::markup::{count, escape, number};
use super::programme::Input;
use super::svg::{Anchor, Svg};
use crate::model::ChallengeStatus;
use crate::score::policy::RiskBands;
use crate::score::programme::{RiskBand, RiskScore};

const CELL: f64 = 72.0;
const LEFT: f64 = 60.0;
const TOP: f64 = 28.0;

/// Where a marker sits inside its cell when several share it.
fn slot(k: usize) -> (f64, f64) {
    let (col, row) = ((k % 3) as f64, (k / 3) as f64);
    (16.0 + col * 20.0, 18.0 + row * 20.0)
}

pub(super) fn part(input: &Input<'_>, out: &mut String) {
    let risks = &input.card.risk.risks;
    out.push_str("<h3>Risk matrix</h3>");
    if risks.is_empty() {
        out.push_str("<p class=\"unknown\">No risk register: risk unknown.</p>");
        return;
    }
    // Each risk with its challenge's likelihood and impact as scored: a
    // materialised challenge is scored at the highest likelihood.
    let placed: Vec<(usize, u8, u8)> = risks
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let c = input
                .programme
                .challenges
                .iter()
                .find(|c| c.id == r.challenge)?;
            let likelihood = if c.status == ChallengeStatus::Materialised {
                5
            } else {
                c.likelihood.get()
            };
            Some((i, likelihood, c.impact.get()))
        })
        .collect();
    out.push_str(r#"<div class="two"><div>"#);
    out.push_str(&matrix(input, &placed).finish(&input.id("risk")));
    out.push_str(r#"<p class="note">Cells shaded and labelled by the inherent risk (likelihood × impact). A dashed marker is a closed risk, not counted in the exposure.</p></div><div>"#);
    table(input, &placed, out);
    out.push_str("</div></div>");
}

fn matrix(input: &Input<'_>, placed: &[(usize, u8, u8)]) -> Svg {
    let risks = &input.card.risk.risks;
    let size = LEFT + 5.0 * CELL + 20.0;
    let height = TOP + 5.0 * CELL + 48.0;
    let words: Vec<String> = placed
        .iter()
        .filter_map(|&(i, l, im)| {
            let r = risks.get(i)?;
            Some(format!(
                "{}. {}: likelihood {l}, impact {im}, inherent {}, residual {} ({})",
                i + 1,
                r.description,
                r.inherent,
                number(Some(r.residual), 1),
                r.band
            ))
        })
        .collect();
    let mut svg = Svg::new(
        size,
        height,
        &format!("Risk matrix of {}", input.programme.name),
        &format!(
            "{} by likelihood (1 to 5) and impact (1 to 5). {}.",
            count(placed.len(), "risk", "risks"),
            words.join("; ")
        ),
    );
    cells(&mut svg, &input.scorecard.policy.risk);
    svg.grid_axes((LEFT, TOP), CELL, "likelihood", "impact");
    markers(&mut svg, risks, placed);
    svg
}

/// The 25 cells, shaded by the band of likelihood × impact and labelled
/// with it.
fn cells(svg: &mut Svg, bands: &RiskBands) {
    for impact in 1..=5u8 {
        let y = TOP + f64::from(5 - impact) * CELL;
        for likelihood in 1..=5u8 {
            let x = LEFT + f64::from(likelihood - 1) * CELL;
            let inherent = f64::from(likelihood) * f64::from(impact);
            let band = RiskBand::of(inherent, bands);
            svg.rect(x, y, CELL, CELL, &format!("cell-{band}"));
            svg.rect(x, y, CELL, CELL, "cell-line");
            let label = format!("{inherent:.0}");
            svg.text(x + CELL - 5.0, y + 13.0, Anchor::End, "cell-score", &label);
        }
    }
}

/// A numbered marker per risk in its cell; closed risks dashed.
fn markers(svg: &mut Svg, risks: &[RiskScore], placed: &[(usize, u8, u8)]) {
    let mut taken = std::collections::HashMap::new();
    for &(i, likelihood, impact) in placed {
        let Some(r) = risks.get(i) else { continue };
        let k = taken.entry((likelihood, impact)).or_insert(0usize);
        let (dx, dy) = slot(*k);
        *k += 1;
        let x = LEFT + f64::from(likelihood.saturating_sub(1)) * CELL + dx;
        let y = TOP + f64::from(5u8.saturating_sub(impact)) * CELL + dy;
        svg.group(&format!(
            "{}. {}: inherent {}, residual {}",
            i + 1,
            r.description,
            r.inherent,
            number(Some(r.residual), 1)
        ));
        let (class, text) = if r.counted {
            ("risk-marker", "marker-label")
        } else {
            ("risk-marker closed", "marker-label dark")
        };
        svg.circle(x, y, 9.0, class);
        svg.text(x, y + 4.0, Anchor::Middle, text, &(i + 1).to_string());
        svg.end_group();
    }
}

fn table(input: &Input<'_>, placed: &[(usize, u8, u8)], out: &mut String) {
    out.push_str(concat!(
        r#"<table class="risks"><caption>Risks, inherent and residual (0–25)</caption><thead><tr>"#,
        r#"<th scope="col">#</th><th scope="col">Risk</th><th scope="col" class="num">L × I</th>"#,
        r#"<th scope="col" class="num">Inherent</th><th scope="col" class="num">Residual</th></tr></thead><tbody>"#
    ));
    for &(i, likelihood, impact) in placed {
        let Some(r) = input.card.risk.risks.get(i) else {
            continue;
        };
        let closed = if r.counted { "" } else { " (closed)" };
        out.push_str(&format!(
            concat!(
                r#"<tr><td>{n}</td><th scope="row">{desc}{closed}</th><td class="num">{l} × {im}</td>"#,
                r#"<td class="num">{inh} <span class="note">{ib}</span></td>"#,
                r#"<td class="num"><strong>{res}</strong> <span class="note">{band}</span></td></tr>"#
            ),
            n = i + 1,
            desc = escape(&r.description),
            closed = closed,
            l = likelihood,
            im = impact,
            inh = r.inherent,
            ib = r.inherent_band,
            res = number(Some(r.residual), 1),
            band = r.band,
        ));
    }
    out.push_str("</tbody></table>");
    let profile = &input.card.risk;
    out.push_str(&format!(
        "<p class=\"note\">Exposure {} (0–100, the counted residual risks combined); largest residual {}.</p>",
        super::programme::score(profile.exposure),
        number(profile.max_residual, 1)
    ));
}
