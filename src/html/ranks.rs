//! The portfolio's ranks: each ranked programme's nominal rank, its median
//! and 5–95 % interval over the Monte Carlo replications, as a dot-and-bar
//! chart and a table, and the programmes not ranked with the reason.

use super::markup::{count, escape, number, percent, wrap};
use super::svg::{Anchor, Svg, row_heights};
use crate::Scorecard;
use crate::score::compare::{ComparisonRow, NotRanked};
use crate::score::uncertainty::RankStats;

/// A rank statistic as printed: whole ranks without decimals, interpolated
/// percentiles with one (`2`, `3.5`).
pub(super) fn rank_number(r: f64) -> String {
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The ranked rows in rank order, each with its statistics when the
/// uncertainty was computed.
fn ranked(card: &Scorecard) -> Vec<Ranked<'_>> {
    let mut rows: Vec<_> = card
        .comparison
        .rows
        .iter()
        .filter_map(|row| {
            let stats = card.uncertainty.as_ref().and_then(|u| u.get(row.programme));
            row.rank.map(|rank| (rank, row, stats))
        })
        .collect();
    rows.sort_by_key(|(rank, _, _)| *rank);
    rows
}

/// The ranks section: chart, table and the unranked.
pub(super) fn section(card: &Scorecard, out: &mut String) {
    out.push_str(r#"<section id="ranks" class="overview"><h2>Ranks</h2>"#);
    let rows = ranked(card);
    let replications = card.uncertainty.as_ref().map(|u| u.replications);
    out.push_str("<p class=\"lede\">");
    match replications {
        Some(n) => out.push_str(&format!(
            "Rank 1 is best. The bar spans the 5th to the 95th percentile of each \
             programme's rank over {n} Monte Carlo replications that vary the weights, the \
             normalisation and the aggregation (Saisana, Saltelli &amp; Tarantola 2005): \
             a long bar is a rank that depends on those choices."
        )),
        None => out.push_str(
            "Rank 1 is best. Rank uncertainty was not computed for this scorecard, so \
             the chart shows nominal ranks only.",
        ),
    }
    out.push_str("</p>");
    if rows.is_empty() {
        out.push_str("<p>No programme is ranked.</p>");
    } else {
        out.push_str(r#"<figure class="chart-wide">"#);
        out.push_str(&chart(&rows, replications).finish("ranks-chart"));
        out.push_str("</figure>");
        table(&rows, out);
    }
    unranked(card, out);
    out.push_str("</section>");
}

type Ranked<'a> = (u32, &'a ComparisonRow, Option<&'a RankStats>);

const WIDTH: f64 = 1000.0;
const PLOT_START: f64 = 380.0;
const PLOT_END: f64 = 800.0;
const LINE: f64 = 15.0;
const TOP: f64 = 44.0;
const LEGEND: f64 = 40.0;

/// A ranked programme in words, with its interval when known.
fn words((rank, row, stats): &Ranked<'_>) -> String {
    match stats {
        Some(s) => format!(
            "{rank}. {}: median {}, 5–95 % {} to {}",
            row.name,
            rank_number(s.median),
            rank_number(s.p05),
            rank_number(s.p95)
        ),
        None => format!("{rank}. {}", row.name),
    }
}

fn chart(rows: &[Ranked<'_>], replications: Option<usize>) -> Svg {
    let n = rows.len();
    let labels: Vec<Vec<String>> = rows
        .iter()
        .map(|(_, row, _)| wrap(&row.name, 46, 2))
        .collect();
    let heights = row_heights(&labels, LINE, 14.0, 36.0);
    let height = TOP + heights.iter().sum::<f64>() + LEGEND;
    let intro = match replications {
        Some(n) => {
            format!("Ranks, 1 best, with the 5–95 % interval over {n} Monte Carlo replications.")
        }
        None => "Nominal ranks, 1 best; uncertainty not computed.".to_owned(),
    };
    let all: Vec<String> = rows.iter().map(words).collect();
    let mut svg = Svg::new(
        WIDTH,
        height,
        "Programme ranks with their 5–95 % intervals",
        &format!("{intro} {}.", all.join("; ")),
    );
    // Axis: a tick per rank (every few ranks for long lists).
    let every = n.div_ceil(20).max(1);
    svg.text(
        PLOT_START,
        16.0,
        Anchor::Start,
        "axis-title",
        "rank (1 = best)",
    );
    for r in (1..=n).filter(|r| (r - 1) % every == 0 || *r == n) {
        let xr = x_of(r as f64, n);
        svg.line(xr, TOP - 8.0, xr, height - LEGEND, "grid");
        svg.text(xr, TOP - 14.0, Anchor::Middle, "tick", &r.to_string());
    }
    let mut y = TOP;
    for ((ranked, label), h) in rows.iter().zip(&labels).zip(&heights) {
        row(&mut svg, ranked, label, (y, *h), n);
        y += h;
    }
    legend_row(&mut svg, height - 16.0, replications.is_some());
    svg
}

/// Where rank `r` of `n` sits on the axis.
fn x_of(r: f64, n: usize) -> f64 {
    if n <= 1 {
        (PLOT_START + PLOT_END) / 2.0
    } else {
        PLOT_START + (r - 1.0) / (n as f64 - 1.0) * (PLOT_END - PLOT_START)
    }
}

/// One programme's row, `(top, height)`: rank, name, interval, median and
/// nominal rank, and the interval in figures.
fn row(svg: &mut Svg, ranked: &Ranked<'_>, label: &[String], (y, h): (f64, f64), n: usize) {
    let (rank, _, stats) = *ranked;
    let mid = y + h / 2.0;
    if rank % 2 == 0 {
        svg.rect(0.0, y, WIDTH, h, "band");
    }
    let first = mid - (label.len() as f64 - 1.0) * LINE / 2.0 + 5.0;
    svg.text(28.0, first, Anchor::End, "rank-number", &rank.to_string());
    svg.lines(38.0, first, LINE, Anchor::Start, "label", label);
    svg.group(&words(ranked));
    if let Some(s) = stats {
        let (a, b) = (x_of(s.p05, n), x_of(s.p95, n));
        svg.rect(a - 6.0, mid - 6.0, b - a + 12.0, 12.0, "interval");
        let m = x_of(s.median, n);
        svg.line(m, mid - 10.0, m, mid + 10.0, "median");
    }
    svg.circle(x_of(f64::from(rank), n), mid, 6.0, "nominal");
    svg.end_group();
    if let Some(s) = stats {
        let note = format!("5–95 %: {}–{}", rank_number(s.p05), rank_number(s.p95));
        svg.text(PLOT_END + 24.0, mid + 5.0, Anchor::Start, "value", &note);
    }
}

fn legend_row(svg: &mut Svg, y: f64, intervals: bool) {
    svg.circle(44.0, y - 4.0, 6.0, "nominal");
    svg.text(56.0, y, Anchor::Start, "legend", "nominal rank");
    if intervals {
        svg.line(180.0, y - 14.0, 180.0, y + 6.0, "median");
        svg.text(190.0, y, Anchor::Start, "legend", "median rank");
        svg.rect(300.0, y - 10.0, 40.0, 12.0, "interval");
        svg.text(
            350.0,
            y,
            Anchor::Start,
            "legend",
            "5th to 95th percentile of the rank",
        );
    }
}

fn table(rows: &[Ranked<'_>], out: &mut String) {
    out.push_str(concat!(
        r#"<table class="ranks"><caption>Ranks and their uncertainty</caption><thead><tr>"#,
        r#"<th scope="col">Rank</th><th scope="col">Programme</th><th scope="col">Composite</th>"#,
        r#"<th scope="col">Coverage</th><th scope="col">Median rank</th>"#,
        r#"<th scope="col">5 %</th><th scope="col">95 %</th></tr></thead><tbody>"#
    ));
    for (rank, row, stats) in rows {
        let stat = |f: fn(&RankStats) -> f64| {
            stats.map_or_else(|| super::markup::UNKNOWN.to_owned(), |s| rank_number(f(s)))
        };
        out.push_str(&format!(
            concat!(
                r#"<tr class="rank-row" data-programme="{id}"><td class="rank">{rank}</td>"#,
                r#"<th scope="row" class="name">{name}</th><td class="num">{composite}</td>"#,
                r#"<td class="num">{coverage}</td><td class="num median">{median}</td>"#,
                r#"<td class="num p05">{p05}</td><td class="num p95">{p95}</td></tr>"#
            ),
            id = row.programme,
            rank = rank,
            name = escape(&row.name),
            composite = number(row.composite, 1),
            coverage = percent(Some(row.coverage)),
            median = stat(|s| s.median),
            p05 = stat(|s| s.p05),
            p95 = stat(|s| s.p95),
        ));
    }
    out.push_str("</tbody></table>");
}

/// The programmes not ranked: one line with the reasons counted, the
/// names under it (folded, for long lists).
fn unranked(card: &Scorecard, out: &mut String) {
    let rows: Vec<_> = card.comparison.unranked().collect();
    if rows.is_empty() {
        return;
    }
    let mut reasons: Vec<(NotRanked, usize)> = Vec::new();
    for (_, reason) in &rows {
        match reasons.iter_mut().find(|(r, _)| r == reason) {
            Some((_, n)) => *n += 1,
            None => reasons.push((*reason, 1)),
        }
    }
    let reasons: Vec<String> = reasons
        .iter()
        .map(|(r, n)| format!("{} ({n})", r.describe()))
        .collect();
    out.push_str(&format!(
        "<h3>Not ranked</h3><p>{} not ranked: {}.</p>",
        count(rows.len(), "programme", "programmes"),
        escape(&reasons.join("; "))
    ));
    let open = if rows.len() <= 10 { " open" } else { "" };
    out.push_str(&format!(
        "<details{open}><summary>The programmes not ranked</summary><ul class=\"unranked\">"
    ));
    for (row, reason) in rows {
        out.push_str(&format!(
            "<li><strong>{}</strong>: {}</li>",
            escape(&row.name),
            escape(reason.describe())
        ));
    }
    out.push_str("</ul></details>");
}
