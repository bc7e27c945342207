//! A programme's stakeholder grid (Mendelow): each assessed stakeholder
//! numbered at its interest × influence, its stance told by shape, by
//! colour and in the table beside it; the unassessed listed, not placed.

use std::collections::HashMap;

use super::markup::{UNKNOWN, count, escape};
use super::programme::Input;
use super::svg::{Anchor, Svg};
use crate::Stance;
use crate::score::policy::StakeholderPolicy;
use crate::score::programme::StakeholderScore;

const CELL: f64 = 78.0;
const LEFT: f64 = 60.0;
const TOP: f64 = 28.0;

/// The stance's word and CSS class; an unknown stance is its own kind.
fn stance_name(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Champion) => "champion",
        Some(Stance::Supportive) => "supportive",
        Some(Stance::Neutral) => "neutral",
        Some(Stance::Resistant) => "resistant",
        Some(Stance::Blocking) => "blocking",
        _ => "unknown",
    }
}

/// Draws the stance's shape, centred on (x, y): champion ▲, supportive ●,
/// neutral ■, resistant ▼, blocking ◆, unknown a dashed ○; returns where
/// its number's baseline goes (a triangle's centre is off its box's).
fn shape(svg: &mut Svg, stance: Option<Stance>, x: f64, y: f64) -> f64 {
    let class = format!("stance-{}", stance_name(stance));
    let r = 11.0;
    match stance {
        Some(Stance::Champion) => {
            let points = [(x, y - r - 3.0), (x + r + 3.0, y + r), (x - r - 3.0, y + r)];
            svg.polygon(&points, &class);
            y + 7.0
        }
        Some(Stance::Neutral) => {
            svg.rect(
                x - r + 1.0,
                y - r + 1.0,
                2.0 * r - 2.0,
                2.0 * r - 2.0,
                &class,
            );
            y + 4.0
        }
        Some(Stance::Resistant) => {
            let points = [(x - r - 3.0, y - r), (x + r + 3.0, y - r), (x, y + r + 3.0)];
            svg.polygon(&points, &class);
            y + 1.0
        }
        Some(Stance::Blocking) => {
            let points = [
                (x, y - r - 3.0),
                (x + r + 3.0, y),
                (x, y + r + 3.0),
                (x - r - 3.0, y),
            ];
            svg.polygon(&points, &class);
            y + 4.0
        }
        _ => {
            svg.circle(x, y, r, &class);
            y + 4.0
        }
    }
}

pub(super) fn part(input: &Input<'_>, out: &mut String) {
    let all = &input.card.stakeholders.stakeholders;
    out.push_str("<h3>Stakeholders</h3>");
    if all.is_empty() {
        out.push_str("<p class=\"unknown\">No stakeholder listed.</p>");
        return;
    }
    if !all
        .iter()
        .any(|s| s.influence.is_some() && s.interest.is_some())
    {
        out.push_str(&format!(
            "<p class=\"unknown\">No stakeholder's influence and interest are known: \
             none can be placed on the grid ({} listed).</p>",
            all.len()
        ));
        table(all, out);
        return;
    }
    out.push_str(r#"<div class="two"><div>"#);
    out.push_str(&grid(input, all).finish(&input.id("stakeholders")));
    out.push_str(r#"<p class="note">Shape, colour and the table all tell the stance: ▲ champion, ● supportive, ■ neutral, ▼ resistant, ◆ blocking, dashed ○ stance unknown.</p></div><div>"#);
    table(all, out);
    out.push_str("</div></div>");
}

type Placed<'a> = (usize, &'a StakeholderScore, u8, u8);

fn grid(input: &Input<'_>, all: &[StakeholderScore]) -> Svg {
    let width = LEFT + 5.0 * CELL + 20.0;
    let height = TOP + 5.0 * CELL + 48.0;
    let placed: Vec<Placed<'_>> = all
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s, s.influence?, s.interest?)))
        .collect();
    let words: Vec<String> = placed
        .iter()
        .map(|(i, s, inf, int)| {
            format!(
                "{}. {}: influence {inf}, interest {int}, {}",
                i + 1,
                s.name,
                stance_name(s.stance)
            )
        })
        .collect();
    let unplaced = all.len() - placed.len();
    let mut svg = Svg::new(
        width,
        height,
        &format!("Stakeholder grid of {}", input.programme.name),
        &format!(
            "{} by interest (1 to 5) and influence (1 to 5), stance by shape; \
             {unplaced} not placed, influence or interest unknown. {}.",
            count(placed.len(), "stakeholder", "stakeholders"),
            words.join("; ")
        ),
    );
    frame(&mut svg, &input.scorecard.policy.stakeholders);
    markers(&mut svg, &placed);
    svg
}

/// The grid, its quadrants (Mendelow's four strategies) and axes.
fn frame(svg: &mut Svg, policy: &StakeholderPolicy) {
    let side = 5.0 * CELL;
    svg.rect(LEFT, TOP, side, side, "band");
    for k in 0..=5u8 {
        let at = f64::from(k) * CELL;
        svg.line(LEFT + at, TOP, LEFT + at, TOP + side, "grid");
        svg.line(LEFT, TOP + at, LEFT + side, TOP + at, "grid");
    }
    // Quadrant lines between the "high" thresholds and the level below.
    let xq = LEFT + (f64::from(policy.high_interest) - 1.0) * CELL;
    let yq = TOP + (6.0 - f64::from(policy.high_influence)) * CELL;
    svg.line(xq, TOP, xq, TOP + side, "quadrant");
    svg.line(LEFT, yq, LEFT + side, yq, "quadrant");
    let (left, right) = (LEFT + 4.0, LEFT + side - 4.0);
    let (above, below) = (TOP - 8.0, TOP + side + 36.0);
    svg.text(right, above, Anchor::End, "quadrant-name", "manage closely");
    svg.text(
        left,
        above,
        Anchor::Start,
        "quadrant-name",
        "keep satisfied",
    );
    svg.text(right, below, Anchor::End, "quadrant-name", "keep informed");
    svg.text(left, below, Anchor::Start, "quadrant-name", "monitor");
    svg.grid_axes((LEFT, TOP), CELL, "interest", "influence");
}

/// A numbered shape per placed stakeholder; several in a cell side by side.
fn markers(svg: &mut Svg, placed: &[Placed<'_>]) {
    let mut taken: HashMap<(u8, u8), usize> = HashMap::new();
    for &(i, s, influence, interest) in placed {
        let k = taken.entry((influence, interest)).or_insert(0);
        let (col, row) = ((*k % 3) as f64, (*k / 3) as f64);
        *k += 1;
        let x = LEFT + f64::from(interest.clamp(1, 5) - 1) * CELL + 13.0 + col * 23.0;
        let y = TOP + f64::from(5 - influence.clamp(1, 5)) * CELL + 15.0 + row * 23.0;
        svg.group(&format!(
            "{}. {}: influence {influence}, interest {interest}, {}",
            i + 1,
            s.name,
            stance_name(s.stance)
        ));
        let baseline = shape(svg, s.stance, x, y);
        let dark = matches!(
            s.stance,
            Some(Stance::Supportive | Stance::Resistant) | None
        );
        let class = if dark {
            "marker-label dark"
        } else {
            "marker-label"
        };
        svg.text(x, baseline, Anchor::Middle, class, &(i + 1).to_string());
        svg.end_group();
    }
}

fn table(all: &[StakeholderScore], out: &mut String) {
    out.push_str(concat!(
        r#"<table class="stakeholders"><caption>Stakeholders</caption><thead><tr><th scope="col">#</th>"#,
        r#"<th scope="col">Stakeholder</th><th scope="col">Stance</th><th scope="col" class="num">Influence</th>"#,
        r#"<th scope="col" class="num">Interest</th></tr></thead><tbody>"#
    ));
    let level = |v: Option<u8>| {
        v.map_or_else(
            || format!("<span class=\"unknown\">{UNKNOWN}</span>"),
            |v| v.to_string(),
        )
    };
    for (i, s) in all.iter().enumerate() {
        let stance = match s.stance {
            Some(_) => stance_name(s.stance).to_owned(),
            None => format!("<span class=\"unknown\">{UNKNOWN}</span>"),
        };
        out.push_str(&format!(
            r#"<tr><td>{}</td><th scope="row">{}</th><td>{stance}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            i + 1,
            escape(&s.name),
            level(s.influence),
            level(s.interest),
        ));
    }
    out.push_str("</tbody></table>");
}
