//! A small SVG writer: just the shapes the report's charts draw, each
//! chart an accessible image (`role="img"`, a `<title>` and a `<desc>`
//! holding its numbers as text).

use super::markup::escape;

/// One chart being drawn, in user units of its `viewBox` (the page scales
/// it to its column's width).
pub(super) struct Svg {
    width: f64,
    height: f64,
    title: String,
    desc: String,
    body: String,
}

/// The height of each row of a chart whose rows carry `labels` (lines of
/// `step` apart, `pad` around them), at least `min`.
pub(super) fn row_heights(labels: &[Vec<String>], step: f64, pad: f64, min: f64) -> Vec<f64> {
    labels
        .iter()
        .map(|l| (l.len() as f64 * step + pad).max(min))
        .collect()
}

/// Text alignment of [`Svg::text`].
#[derive(Clone, Copy)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

impl Svg {
    /// A chart `width` × `height` with its title and its text alternative
    /// (plain text; escaped here).
    pub(super) fn new(width: f64, height: f64, title: &str, desc: &str) -> Self {
        Svg {
            width,
            height,
            title: title.to_owned(),
            desc: desc.to_owned(),
            body: String::new(),
        }
    }

    /// A rectangle; `class` picks its style in the page's CSS.
    pub(super) fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, class: &str) {
        self.body.push_str(&format!(
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" class="{class}"/>"#,
            w.max(0.0),
            h.max(0.0)
        ));
    }

    /// A line from (x1, y1) to (x2, y2).
    pub(super) fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
        self.body.push_str(&format!(
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" class="{class}"/>"#
        ));
    }

    /// A circle of radius `r` centred on (cx, cy).
    pub(super) fn circle(&mut self, cx: f64, cy: f64, r: f64, class: &str) {
        self.body.push_str(&format!(
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" class="{class}"/>"#
        ));
    }

    /// A closed polygon through `points`.
    pub(super) fn polygon(&mut self, points: &[(f64, f64)], class: &str) {
        let points: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        self.body.push_str(&format!(
            r#"<polygon points="{}" class="{class}"/>"#,
            points.join(" ")
        ));
    }

    /// One line of text (escaped here).
    pub(super) fn text(&mut self, x: f64, y: f64, anchor: Anchor, class: &str, text: &str) {
        self.body.push_str(&format!(
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{}" class="{class}">{}</text>"#,
            anchor.as_str(),
            escape(text)
        ));
    }

    /// Lines of text, one under the other, `step` apart, the first at `y`.
    pub(super) fn lines(
        &mut self,
        x: f64,
        y: f64,
        step: f64,
        anchor: Anchor,
        class: &str,
        lines: &[String],
    ) {
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + step * i as f64, anchor, class, line);
        }
    }

    /// Lines of text centred vertically on `mid`, `step` apart.
    pub(super) fn label_block(
        &mut self,
        x: f64,
        mid: f64,
        step: f64,
        anchor: Anchor,
        lines: &[String],
    ) {
        let first = mid - (lines.len() as f64 - 1.0) * step / 2.0 + 4.0;
        self.lines(x, first, step, anchor, "label", lines);
    }

    /// Vertical grid lines at 0, 50 and 100 % of a plot `width` wide from
    /// `x0`, labelled above `top`, running down to `bottom`.
    pub(super) fn percent_grid(&mut self, x0: f64, width: f64, top: f64, bottom: f64) {
        for t in [0.0, 0.5, 1.0] {
            let x = x0 + t * width;
            self.line(x, top - 4.0, x, bottom, "grid");
            let label = format!("{:.0} %", t * 100.0);
            self.text(x, top - 8.0, Anchor::Middle, "tick", &label);
        }
    }

    /// A horizontal bar of a 0–1 `value` in the track `(x0, width)` (its
    /// length at 1), `h` high from `y`, with `label` after it; "unknown"
    /// in the track when the value is.
    pub(super) fn value_bar(
        &mut self,
        track: (f64, f64),
        y: f64,
        h: f64,
        value: Option<f64>,
        label: &str,
    ) {
        let (x0, width) = track;
        self.rect(x0, y, width, h, "band");
        match value.filter(|v| v.is_finite()) {
            Some(v) => {
                let w = v.clamp(0.0, 1.0) * width;
                self.rect(x0, y, w, h, "bar");
                self.text(x0 + w + 6.0, y + h - 3.0, Anchor::Start, "value", label);
            }
            None => {
                let unknown = super::markup::UNKNOWN;
                self.text(
                    x0 + 6.0,
                    y + h - 3.0,
                    Anchor::Start,
                    "unknown-text",
                    unknown,
                );
            }
        }
    }

    /// The ticks 1–5 and titles of a 5 × 5 grid of `cell`-sized squares
    /// whose top left corner is (left, top): `x_title` under it, `y_title`
    /// to its left, 1 at the bottom.
    pub(super) fn grid_axes(
        &mut self,
        (left, top): (f64, f64),
        cell: f64,
        x_title: &str,
        y_title: &str,
    ) {
        for k in 1..=5u8 {
            let y = top + (5.5 - f64::from(k)) * cell + 4.0;
            self.text(left - 10.0, y, Anchor::End, "tick", &k.to_string());
            let x = left + (f64::from(k) - 0.5) * cell;
            self.text(
                x,
                top + 5.0 * cell + 16.0,
                Anchor::Middle,
                "tick",
                &k.to_string(),
            );
        }
        // The vertical axis's title runs up its side.
        let (x, y) = (left - 32.0, top + 2.5 * cell);
        self.body.push_str(&format!(
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" transform="rotate(-90 {x:.1} {y:.1})" class="axis-title">{}</text>"#,
            escape(y_title)
        ));
        let x = left + 2.5 * cell;
        self.text(
            x,
            top + 5.0 * cell + 36.0,
            Anchor::Middle,
            "axis-title",
            x_title,
        );
    }

    /// Starts a group whose hover tooltip is `tip` (escaped here); close it
    /// with [`end_group`](Self::end_group).
    pub(super) fn group(&mut self, tip: &str) {
        self.body
            .push_str(&format!("<g><title>{}</title>", escape(tip)));
    }

    /// Ends a group begun by [`group`](Self::group).
    pub(super) fn end_group(&mut self) {
        self.body.push_str("</g>");
    }

    /// A pattern of diagonal hatching, for a bar that must read apart from
    /// its neighbours without colour; fill with `url(#id)`.
    pub(super) fn hatch(&mut self, id: &str, colour: &str) {
        self.body.push_str(&format!(
            r##"<defs><pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="{colour}" stroke-width="3"/></pattern></defs>"##
        ));
    }

    /// The finished `<svg>` element; `id` makes its title and description
    /// ids unique on the page.
    pub(super) fn finish(self, id: &str) -> String {
        format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {w:.0} {h:.0}" "#,
                r#"width="{w:.0}" height="{h:.0}" style="max-width:{w:.0}px" aria-labelledby="{id}-title {id}-desc" class="chart">"#,
                r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>"#
            ),
            w = self.width,
            h = self.height,
            id = id,
            title = escape(&self.title),
            desc = escape(&self.desc),
            body = self.body,
        )
    }
}
