//! The findings of validation counted by code and severity: what in the
//! data needs a look before the scores are trusted.

use std::collections::BTreeMap;

use super::markup::{count, escape};
use super::svg::{Anchor, Svg};
use crate::Report;
use crate::diagnostics::{Code, Severity};

/// Counts by severity (most serious first), then count (most first), then
/// code.
fn counts(report: &Report) -> Vec<(Severity, Code, usize)> {
    let mut by: BTreeMap<(std::cmp::Reverse<Severity>, Code), usize> = BTreeMap::new();
    for f in report.iter() {
        *by.entry((std::cmp::Reverse(f.severity), f.code))
            .or_default() += 1;
    }
    let mut rows: Vec<(Severity, Code, usize)> = by
        .into_iter()
        .map(|((std::cmp::Reverse(severity), code), n)| (severity, code, n))
        .collect();
    // Most serious first, then the most frequent.
    rows.sort_by_key(|&(severity, code, n)| {
        (std::cmp::Reverse(severity), std::cmp::Reverse(n), code)
    });
    rows
}

/// The findings section; `None` when no findings were given.
pub(super) fn section(report: Option<&Report>, out: &mut String) {
    out.push_str(r#"<section id="findings" class="overview"><h2>Findings by code</h2>"#);
    let Some(report) = report else {
        out.push_str("<p>The data were not validated for this report.</p></section>");
        return;
    };
    let rows = counts(report);
    out.push_str(&format!(
        "<p class=\"lede\">Validation found {}: {}, {}, {}. Errors mean results \
         computed from the data cannot be trusted; warnings are likely problems; \
         advice is good practice not followed.</p>",
        count(report.len(), "finding", "findings"),
        count(report.count(Severity::Error), "error", "errors"),
        count(report.count(Severity::Warning), "warning", "warnings"),
        count(report.count(Severity::Advice), "advice", "advice"),
    ));
    if rows.is_empty() {
        out.push_str("</section>");
        return;
    }
    out.push_str(r#"<figure class="chart-wide">"#);
    out.push_str(&chart(&rows).finish("findings-chart"));
    out.push_str("</figure>");
    out.push_str(concat!(
        r#"<table class="findings"><caption>Findings by code</caption><thead><tr>"#,
        r#"<th scope="col">Code</th><th scope="col">Severity</th><th scope="col">Count</th>"#,
        r#"<th scope="col">First found at</th></tr></thead><tbody>"#
    ));
    for (severity, code, n) in &rows {
        let first = report
            .iter()
            .find(|f| f.code == *code && f.severity == *severity);
        let example = first.map_or_else(String::new, |f| {
            format!(
                "<code>{}</code>: {}",
                escape(f.path.as_ref()),
                escape(&f.message)
            )
        });
        out.push_str(&format!(
            concat!(
                r#"<tr class="finding-row"><th scope="row"><code>{code}</code></th>"#,
                r#"<td><span class="sev sev-{severity}">{severity}</span></td>"#,
                r#"<td class="num">{n}</td><td class="example">{example}</td></tr>"#
            ),
            code = code.as_str(),
            severity = severity.as_str(),
            n = n,
            example = example
        ));
    }
    out.push_str("</tbody></table></section>");
}

fn chart(rows: &[(Severity, Code, usize)]) -> Svg {
    const WIDTH: f64 = 1000.0;
    const ROW: f64 = 26.0;
    const BAR_START: f64 = 380.0;
    const BAR_END: f64 = 900.0;
    let height = 20.0 + ROW * rows.len() as f64 + 8.0;
    let max = rows.iter().map(|r| r.2).max().unwrap_or(1).max(1) as f64;
    let desc: Vec<String> = rows
        .iter()
        .map(|(s, c, n)| format!("{c} ({s}): {n}"))
        .collect();
    let mut svg = Svg::new(
        WIDTH,
        height,
        "Validation findings by code",
        &format!(
            "Number of findings per code and severity. {}.",
            desc.join("; ")
        ),
    );
    let mut y = 16.0;
    for (severity, code, n) in rows {
        let w = (*n as f64 / max) * (BAR_END - BAR_START);
        svg.text(
            BAR_START - 12.0,
            y + 17.0,
            Anchor::End,
            "label",
            &format!("{code} · {severity}"),
        );
        svg.rect(
            BAR_START,
            y + 4.0,
            w,
            ROW - 8.0,
            &format!("bar sev-{severity}"),
        );
        svg.text(
            BAR_START + w + 8.0,
            y + 17.0,
            Anchor::Start,
            "value",
            &n.to_string(),
        );
        y += ROW;
    }
    svg
}
