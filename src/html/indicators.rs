//! A programme's indicators against the progress expected of each by now
//! (the scorecard's indicator scores): a bar of progress towards the
//! target, a tick where time says it should be, and the status in words.

use super::markup::{UNKNOWN, count, percent, wrap};
use super::programme::Input;
use super::svg::{Anchor, Svg, row_heights};
use crate::score::programme::{IndicatorScore, Status};

const LINE: f64 = 15.0;
const LABEL: f64 = 380.0;
const X0: f64 = 392.0;
const PLOT: f64 = 300.0;
const TOP: f64 = 22.0;

pub(super) fn part(input: &Input<'_>, out: &mut String) {
    let indicators: Vec<&IndicatorScore> = input.card.progress.indicators().collect();
    if indicators.is_empty() {
        return;
    }
    out.push_str("<h3>Indicators against expected progress</h3>");
    out.push_str(&chart(input, &indicators).finish(&input.id("indicators")));
}

/// An indicator in words: its progress, the progress expected, its status.
fn words(i: &IndicatorScore) -> String {
    format!(
        "{}: progress {}, expected {}, {}",
        i.title,
        percent(i.capped),
        percent(i.expected),
        i.status.describe()
    )
}

fn chart(input: &Input<'_>, indicators: &[&IndicatorScore]) -> Svg {
    let labels: Vec<Vec<String>> = indicators.iter().map(|i| wrap(&i.title, 54, 2)).collect();
    let heights = row_heights(&labels, LINE, 10.0, 30.0);
    let height = TOP + heights.iter().sum::<f64>() + 30.0;
    let all: Vec<String> = indicators.iter().map(|i| words(i)).collect();
    let mut svg = Svg::new(
        1000.0,
        height,
        &format!(
            "Indicators of {} against expected progress",
            input.programme.name
        ),
        &format!(
            "{}, progress towards target 0 to 100 % against the progress expected by now. {}.",
            count(indicators.len(), "indicator", "indicators"),
            all.join("; ")
        ),
    );
    svg.percent_grid(X0, PLOT, TOP, height - 30.0);
    let mut y = TOP;
    for ((i, label), h) in indicators.iter().zip(&labels).zip(&heights) {
        let mid = y + h / 2.0;
        svg.label_block(LABEL, mid, LINE, Anchor::End, label);
        row(&mut svg, i, mid);
        y += h;
    }
    let ly = height - 8.0;
    svg.line(X0, ly - 12.0, X0, ly + 2.0, "expected");
    let legend = "expected by now (time elapsed to the target date)";
    svg.text(X0 + 8.0, ly, Anchor::Start, "legend", legend);
    svg
}

/// One indicator's bar, expected tick and status, centred on `mid`.
fn row(svg: &mut Svg, i: &IndicatorScore, mid: f64) {
    svg.group(&words(i));
    svg.rect(X0, mid - 7.0, PLOT, 14.0, "band");
    match i.capped.filter(|v| v.is_finite()) {
        Some(v) => {
            let w = v.clamp(0.0, 1.0) * PLOT;
            svg.rect(X0, mid - 7.0, w, 14.0, status_class(i.status));
        }
        None => svg.text(X0 + 6.0, mid + 4.0, Anchor::Start, "unknown-text", UNKNOWN),
    }
    if let Some(e) = i.expected.filter(|e| e.is_finite()) {
        let xe = X0 + e.clamp(0.0, 1.0) * PLOT;
        svg.line(xe, mid - 11.0, xe, mid + 11.0, "expected");
    }
    svg.end_group();
    let note = format!(
        "{} · {} of {} expected",
        i.status.describe(),
        percent(i.capped),
        percent(i.expected)
    );
    let class = status_text(i.status);
    svg.text(X0 + PLOT + 14.0, mid + 4.0, Anchor::Start, class, &note);
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::OnTrack => "bar status-on",
        Status::AtRisk => "bar status-risk",
        Status::OffTrack => "bar status-off",
        _ => "bar",
    }
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::OffTrack => "label-strong",
        _ => "value",
    }
}
