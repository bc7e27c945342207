//! One programme's page: who and where, its rank, its dimensions, and its
//! progress by result level and per objective against the progress
//! expected by now; then its risks, stakeholders and money.

use super::markup::{count, escape, percent};
use super::svg::{Anchor, Svg};
use super::{indicators, money, progress, risk, stakeholders};
use crate::score::ProgrammeCard;
use crate::score::compare::{ComparisonRow, Dimension};
use crate::{Programme, Scorecard, Scorer};

/// What a programme's page is made from.
pub(super) struct Input<'a> {
    /// Its position in the portfolio, 0 first.
    pub(super) index: usize,
    pub(super) programme: &'a Programme,
    pub(super) card: &'a ProgrammeCard,
    pub(super) row: Option<&'a ComparisonRow>,
    pub(super) scorecard: &'a Scorecard,
    pub(super) scorer: Option<&'a Scorer>,
}

impl Input<'_> {
    /// A page-unique id for a chart of this programme.
    pub(super) fn id(&self, what: &str) -> String {
        format!("p{}-{what}", self.index + 1)
    }
}

pub(super) fn section(input: &Input<'_>, out: &mut String) {
    out.push_str(&format!(
        r#"<section class="programme" id="programme-{}">"#,
        input.index + 1
    ));
    header(input, out);
    stats(input, out);
    out.push_str(r#"<div class="two"><div><h3>Dimensions</h3>"#);
    out.push_str(&dimensions(input).finish(&input.id("dimensions")));
    out.push_str(r#"<p class="note">Each dimension 0–100 before normalisation; risk and stakeholder resistance are better low.</p></div><div><h3>Progress by result level</h3>"#);
    if input.card.progress.indicators().next().is_some() {
        out.push_str(&progress::chart(input, false).finish(&input.id("levels")));
        out.push_str(&expected_note(input));
    } else {
        out.push_str("<p class=\"unknown\">No indicator: progress unknown.</p>");
    }
    out.push_str("</div></div>");
    if !input.card.results.objectives.is_empty() {
        out.push_str("<h3>Progress per objective</h3>");
        out.push_str(&progress::chart(input, true).finish(&input.id("objectives")));
    }
    indicators::part(input, out);
    risk::part(input, out);
    stakeholders::part(input, out);
    money::part(input, out);
    out.push_str("</section>");
}

fn header(input: &Input<'_>, out: &mut String) {
    let p = input.programme;
    let places: Vec<String> = p
        .recipients
        .iter()
        .map(|r| match r.percentage {
            Some(share) => format!("{} ({} %)", r.place.name(), share.get()),
            None => r.place.name().to_owned(),
        })
        .collect();
    let places = if places.is_empty() {
        "no recipient stated".to_owned()
    } else {
        places.join(", ")
    };
    let dates = match (p.start(), p.end()) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("from {s}"),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => "dates unknown".to_owned(),
    };
    out.push_str(&format!(
        "<header><div><h2>{}</h2><p class=\"meta\">{} · {dates} · phase {} · context {}</p></div>",
        escape(&p.name),
        escape(&places),
        p.phase,
        p.context,
    ));
    let ranked = input
        .scorecard
        .comparison
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .count();
    match input.row.and_then(|r| r.rank) {
        Some(rank) => out.push_str(&format!(
            "<div class=\"badge\"><span class=\"big\">#{rank}</span><span class=\"small\">of {ranked} ranked</span></div>"
        )),
        None => {
            let why = input
                .row
                .and_then(|r| r.not_ranked)
                .map_or("", |n| n.describe());
            out.push_str(&format!(
                "<div class=\"badge\"><span class=\"big\">–</span><span class=\"small\">not ranked</span></div>\
                 </header><p class=\"note\">This programme is not ranked: {}.</p>",
                escape(why)
            ));
            return;
        }
    }
    out.push_str("</header>");
}

fn stat(out: &mut String, key: &str, value: &str) {
    let class = if value == super::markup::UNKNOWN {
        " unknown"
    } else {
        ""
    };
    out.push_str(&format!(
        "<li><span class=\"k\">{key}</span><span class=\"v{class}\">{}</span></li>",
        escape(value)
    ));
}

fn stats(input: &Input<'_>, out: &mut String) {
    let card = input.card;
    out.push_str("<ul class=\"stats\">");
    stat(
        out,
        "Composite",
        &super::markup::number(input.row.and_then(|r| r.composite), 1),
    );
    stat(out, "Results score", &score(card.progress.score));
    stat(
        out,
        "Results coverage",
        &percent(Some(card.progress.coverage)),
    );
    stat(out, "Risk exposure", &score(card.risk.exposure));
    stat(
        out,
        "Evaluation",
        &score(card.evaluation.as_ref().and_then(|e| e.score)),
    );
    stat(out, "Time elapsed", &percent(card.finance.elapsed));
    let budget = match (card.finance.budget, card.finance.currency) {
        (Some(b), Some(c)) => format!("{} {c}", super::markup::short_money(b)),
        _ => super::markup::UNKNOWN.to_owned(),
    };
    stat(out, "Budget", &budget);
    out.push_str("</ul>");
    let p = input.programme;
    out.push_str(&format!(
        "<p class=\"note\">{}, {}, {}, {}, {}.</p>",
        count(p.components.len(), "component", "components"),
        count(p.indicators().count(), "indicator", "indicators"),
        count(p.objectives.len(), "objective", "objectives"),
        count(p.stakeholders.len(), "stakeholder", "stakeholders"),
        count(p.challenges.len(), "risk", "risks"),
    ));
}

/// A 0–1 value as a 0–100 score, or "unknown".
pub(super) fn score(value: Option<f64>) -> String {
    super::markup::number(value.map(|v| 100.0 * v), 0)
}

fn dimensions(input: &Input<'_>) -> Svg {
    const ROW: f64 = 30.0;
    let dims = Dimension::ALL;
    let height = 10.0 + ROW * dims.len() as f64;
    let raw = input.row.map(|r| r.raw).unwrap_or_default();
    let words: Vec<String> = dims
        .iter()
        .map(|d| format!("{}: {}", label(*d), score(raw.get(*d))))
        .collect();
    let mut svg = Svg::new(
        500.0,
        height,
        &format!("Dimensions of {}", input.programme.name),
        &format!("Each dimension 0 to 100. {}.", words.join("; ")),
    );
    for (i, d) in dims.iter().enumerate() {
        let y = 8.0 + ROW * i as f64;
        svg.text(150.0, y + 15.0, Anchor::End, "label", label(*d));
        let value = raw.get(*d);
        svg.value_bar((160.0, 280.0), y + 2.0, 18.0, value, &score(value));
    }
    svg
}

/// A dimension as a reader names it.
fn label(d: Dimension) -> &'static str {
    match d {
        Dimension::Progress => "Results",
        Dimension::Evaluation => "Evaluation",
        Dimension::Risk => "Risk (low better)",
        Dimension::Resistance => "Resistance (low better)",
        Dimension::Inclusion => "Inclusion",
        Dimension::Finance => "Finance pace",
    }
}

fn expected_note(input: &Input<'_>) -> String {
    match input.card.finance.elapsed {
        Some(e) => format!(
            "<p class=\"note\">Dashed line: progress expected by now, the {} of the programme's time elapsed.</p>",
            percent(Some(e))
        ),
        None => "<p class=\"note\">Expected progress by level unknown: no date to judge at \
                 (an assessment date, or a transaction). Each indicator's own expected progress is below.</p>"
            .to_owned(),
    }
}
