//! Progress by result level and per objective (the scorecard's results
//! profile), against the progress expected by now: the share of the
//! programme's time elapsed, when the scorecard knows it.

use super::markup::{count, percent, wrap};
use super::programme::Input;
use super::svg::{Anchor, Svg, row_heights};

const LINE: f64 = 15.0;
const TOP: f64 = 22.0;

/// One bar: its label lines, its full name, its progress, and what it
/// rests on.
struct Row {
    label: Vec<String>,
    name: String,
    progress: Option<f64>,
    detail: String,
}

impl Row {
    fn words(&self) -> String {
        format!(
            "{}: {} ({})",
            self.name,
            percent(self.progress),
            self.detail
        )
    }
}

fn rows(input: &Input<'_>, objectives: bool) -> Vec<Row> {
    let results = &input.card.results;
    if objectives {
        return results
            .objectives
            .iter()
            .map(|o| {
                let level = o
                    .level
                    .map_or_else(|| "no indicator".to_owned(), |l| format!("to {l}"));
                Row {
                    label: wrap(&o.statement, 54, 3),
                    name: o.statement.clone(),
                    progress: o.progress,
                    detail: format!(
                        "{}, {level}, coverage {}",
                        count(o.indicators, "indicator", "indicators"),
                        percent(Some(o.coverage))
                    ),
                }
            })
            .collect();
    }
    results
        .levels
        .iter()
        .map(|l| {
            let name = l.level.to_string();
            Row {
                label: vec![capitalise(&name)],
                name,
                progress: l.progress,
                detail: format!(
                    "{}, coverage {}",
                    count(l.indicators, "indicator", "indicators"),
                    percent(Some(l.coverage))
                ),
            }
        })
        .collect()
}

/// Progress bars by result level, or per objective, with the expected
/// progress as a dashed line.
pub(super) fn chart(input: &Input<'_>, objectives: bool) -> Svg {
    let rows = rows(input, objectives);
    let (width, label_w, plot_w, what) = if objectives {
        (1000.0, 380.0, 300.0, "objective")
    } else {
        (500.0, 90.0, 250.0, "result level")
    };
    let labels: Vec<Vec<String>> = rows.iter().map(|r| r.label.clone()).collect();
    let heights = row_heights(&labels, LINE, 12.0, 34.0);
    let height = TOP + heights.iter().sum::<f64>() + 6.0;
    let expected = input.card.finance.elapsed;
    let words: Vec<String> = rows.iter().map(Row::words).collect();
    let mut svg = Svg::new(
        width,
        height,
        &format!("Progress by {what} of {}", input.programme.name),
        &format!(
            "Progress towards targets, 0 to 100 %, against {} expected by now. {}.",
            percent(expected),
            words.join("; ")
        ),
    );
    let x0 = label_w + 10.0;
    svg.percent_grid(x0, plot_w, TOP, height - 4.0);
    let mut y = TOP;
    for (row, h) in rows.iter().zip(&heights) {
        let mid = y + h / 2.0;
        svg.label_block(label_w, mid, LINE, Anchor::End, &row.label);
        svg.group(&row.words());
        let label = percent(row.progress);
        svg.value_bar((x0, plot_w), mid - 8.0, 16.0, row.progress, &label);
        svg.end_group();
        if objectives {
            let x = x0 + plot_w + 50.0;
            svg.text(x, mid + 4.0, Anchor::Start, "note-text", &row.detail);
        }
        y += h;
    }
    if let Some(e) = expected.filter(|e| e.is_finite()) {
        let xe = x0 + e.clamp(0.0, 1.0) * plot_w;
        svg.line(xe, TOP - 2.0, xe, height - 4.0, "expected");
    }
    svg
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
