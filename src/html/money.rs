//! A programme's money: committed, disbursed and spent by calendar year
//! (the scorecard's yearly flows), and disbursed by recipient country or
//! region (the scorer's recipient flows), in the programme's currency.

use std::collections::BTreeMap;

use super::markup::{UNKNOWN, escape, money, short_money};
use super::programme::Input;
use super::svg::{Anchor, Svg};
use crate::model::TransactionType;
use crate::score::programme::YearFlows;

/// The three series, each with its CSS class and how to read it without
/// colour.
const SERIES: [(&str, &str); 3] = [
    ("committed", "outlined"),
    ("disbursed", "solid"),
    ("spent", "hatched"),
];

fn series(y: &YearFlows) -> [Option<f64>; 3] {
    [y.committed, y.disbursed, y.spent]
}

pub(super) fn part(input: &Input<'_>, out: &mut String) {
    let finance = &input.card.finance;
    let currency = finance
        .currency
        .map_or_else(|| "no currency".to_owned(), |c| c.to_string());
    out.push_str(&format!("<h3>Money by year ({})</h3>", escape(&currency)));
    if finance.yearly.is_empty() {
        out.push_str("<p class=\"unknown\">No transaction reported: money unknown.</p>");
    } else {
        out.push_str(&by_year(input, &finance.yearly, &currency).finish(&input.id("money")));
        out.push_str(r#"<p class="note">Outlined: committed; solid: disbursed; hatched: spent. “?”: not reported, unknown (not zero).</p>"#);
        year_table(&finance.yearly, out);
    }
    if let Some(scorer) = input.scorer {
        let (flows, _) = scorer.recipient_flows(input.programme);
        by_recipient(input, &flows, out);
    }
}

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 70.0;
const TOP: f64 = 30.0;
const PLOT_H: f64 = 200.0;
const BASE: f64 = TOP + PLOT_H;

fn by_year(input: &Input<'_>, years: &[YearFlows], currency: &str) -> Svg {
    let max = years
        .iter()
        .flat_map(series)
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let max = if max > 0.0 { max } else { 1.0 };
    let height = TOP + PLOT_H + 44.0;
    let words: Vec<String> = years
        .iter()
        .map(|y| {
            format!(
                "{}: committed {}, disbursed {}, spent {}",
                y.year,
                money(y.committed),
                money(y.disbursed),
                money(y.spent)
            )
        })
        .collect();
    let mut svg = Svg::new(
        WIDTH,
        height,
        &format!("Money by year of {}, in {currency}", input.programme.name),
        &format!(
            "Committed, disbursed and spent by calendar year, in {currency}. {}.",
            words.join("; ")
        ),
    );
    svg.hatch("hatch-spent", "#d55e00");
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let y = BASE - t * PLOT_H;
        svg.line(LEFT, y, WIDTH - 10.0, y, "grid");
        let label = short_money(t * max);
        svg.text(LEFT - 6.0, y + 4.0, Anchor::End, "tick", &label);
    }
    let group = (WIDTH - LEFT - 10.0) / years.len() as f64;
    let every = years.len().div_ceil(25).max(1);
    for (k, y) in years.iter().enumerate() {
        let gx = LEFT + group * k as f64;
        year_bars(&mut svg, y, (gx, group), max, currency, k % every == 0);
    }
    svg.line(LEFT, BASE, WIDTH - 10.0, BASE, "axis");
    legend(&mut svg, height - 8.0);
    svg
}

/// One year's three bars in the slot `(x, width)`; a "?" for each value
/// not reported.
fn year_bars(svg: &mut Svg, y: &YearFlows, slot: (f64, f64), max: f64, currency: &str, tick: bool) {
    let (x0, group) = slot;
    let bar = (group * 0.8 / 3.0).min(18.0);
    let gx = x0 + (group - 3.0 * bar) / 2.0;
    for (j, (value, (class, _))) in series(y).iter().zip(SERIES).enumerate() {
        let x = gx + bar * j as f64;
        match value.filter(|v| v.is_finite()) {
            Some(v) => {
                let h = (v.max(0.0) / max) * PLOT_H;
                svg.group(&format!(
                    "{} {class}: {} {currency}",
                    y.year,
                    money(Some(v))
                ));
                svg.rect(x, BASE - h, bar - 1.0, h, class);
                svg.end_group();
            }
            None => svg.text(
                x + bar / 2.0,
                BASE - 3.0,
                Anchor::Middle,
                "unknown-text",
                "?",
            ),
        }
    }
    if tick {
        let year = y.year.to_string();
        svg.text(gx + 1.5 * bar, BASE + 16.0, Anchor::Middle, "tick", &year);
    }
}

fn legend(svg: &mut Svg, y: f64) {
    for (j, (class, how)) in SERIES.iter().enumerate() {
        let x = LEFT + 190.0 * j as f64;
        svg.rect(x, y - 11.0, 14.0, 12.0, class);
        let label = format!("{class} ({how})");
        svg.text(x + 20.0, y, Anchor::Start, "legend", &label);
    }
    let unknown = "? not reported: unknown";
    svg.text(LEFT + 600.0, y, Anchor::Start, "legend", unknown);
}

fn year_table(years: &[YearFlows], out: &mut String) {
    out.push_str(concat!(
        r#"<details><summary>Figures by year</summary><table class="money"><thead><tr>"#,
        r#"<th scope="col">Year</th><th scope="col" class="num">Committed</th>"#,
        r#"<th scope="col" class="num">Disbursed</th><th scope="col" class="num">Spent</th></tr></thead><tbody>"#
    ));
    for y in years {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", y.year));
        for v in series(y) {
            out.push_str(&cell(v));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></details>");
}

fn cell(v: Option<f64>) -> String {
    match v {
        Some(_) => format!("<td class=\"num\">{}</td>", money(v)),
        None => format!("<td class=\"num unknown\">{UNKNOWN}</td>"),
    }
}

/// Disbursed (disbursements and reimbursements, as the finance measures
/// count them) per recipient and currency; unknown when a share is.
fn by_recipient(
    input: &Input<'_>,
    flows: &[crate::score::programme::RecipientFlow],
    out: &mut String,
) {
    let mut sums: BTreeMap<(String, String), Option<f64>> = BTreeMap::new();
    for f in flows.iter().filter(|f| {
        matches!(
            f.kind,
            TransactionType::Disbursement | TransactionType::Reimbursement
        )
    }) {
        let place = f
            .place
            .map_or_else(|| "unallocated".to_owned(), |p| p.name().to_owned());
        let sum = sums
            .entry((place, f.currency.to_string()))
            .or_insert(Some(0.0));
        *sum = sum.zip(f.amount).map(|(s, a)| s + a.to_f64());
    }
    out.push_str("<h3>Disbursed by recipient</h3>");
    if sums.is_empty() {
        out.push_str("<p class=\"unknown\">No disbursement reported: unknown.</p>");
        return;
    }
    let rows: Vec<((String, String), Option<f64>)> = sums.into_iter().collect();
    let max = rows.iter().filter_map(|r| r.1).fold(0.0_f64, f64::max);
    let max = if max > 0.0 { max } else { 1.0 };
    const ROW: f64 = 30.0;
    let words: Vec<String> = rows
        .iter()
        .map(|((place, cur), v)| format!("{place}: {} {cur}", money(*v)))
        .collect();
    let mut svg = Svg::new(
        1000.0,
        ROW * rows.len() as f64 + 12.0,
        &format!("Disbursed by recipient, {}", input.programme.name),
        &format!(
            "Disbursements and reimbursements by recipient. {}.",
            words.join("; ")
        ),
    );
    for (i, ((place, cur), v)) in rows.iter().enumerate() {
        let y = 6.0 + ROW * i as f64;
        svg.text(290.0, y + 17.0, Anchor::End, "label", place);
        svg.rect(300.0, y + 4.0, 500.0, 18.0, "band");
        match v {
            Some(v) => {
                let w = (v.max(0.0) / max) * 500.0;
                svg.rect(300.0, y + 4.0, w, 18.0, "disbursed");
                svg.text(
                    300.0 + w + 8.0,
                    y + 17.0,
                    Anchor::Start,
                    "value",
                    &format!("{} {cur}", money(Some(*v))),
                );
            }
            None => svg.text(
                306.0,
                y + 17.0,
                Anchor::Start,
                "unknown-text",
                &format!("{UNKNOWN} ({cur}): a recipient share is not stated"),
            ),
        }
    }
    out.push_str(&svg.finish(&input.id("recipients")));
}
