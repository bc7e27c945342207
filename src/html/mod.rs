//! A portfolio report to look at: one self-contained HTML page with its
//! charts drawn as inline SVG.
//!
//! The page needs nothing else: no network, no script, no font or
//! stylesheet from elsewhere; it prints with a page per programme. It shows
//! what a [`Scorecard`] and a validation [`Report`] already hold, computing
//! no score of its own:
//!
//! - the portfolio's ranks with their 5–95 % intervals (from the
//!   scorecard's rank uncertainty, when computed), and the programmes not
//!   ranked with the reason;
//! - per programme: its dimensions, progress by result level and per
//!   objective against the progress expected by now, the risk matrix
//!   (likelihood × impact, with residuals after mitigation), the
//!   stakeholder grid (influence × interest, stance by shape, label and
//!   colour) and money by year and by recipient;
//! - the findings by code and severity.
//!
//! Every chart is an `<svg role="img">` with a `<title>` and a `<desc>`
//! giving its numbers in words, and reads without colour (shapes, patterns
//! and labels carry every distinction). Text from the document (names,
//! statements) is escaped. A value nobody knows is shown as "unknown",
//! never as 0.
//!
//! ```
//! use ssr_model::Scorer;
//! use ssr_model::diagnostics::ValidationPolicy;
//! use ssr_model::html::HtmlReport;
//!
//! let portfolio = ssr_model::samples::portfolio();
//! let scorer = Scorer::default();
//! let card = scorer.rank(&portfolio); // scores and rank uncertainty
//! let findings = ssr_model::validate::validate(&portfolio, &ValidationPolicy::default());
//! let html = HtmlReport::new(&portfolio, &card)
//!     .with_findings(&findings)
//!     .with_scorer(&scorer) // money by recipient, in the scorer's currency
//!     .to_html();
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert!(html.contains("<svg"));
//! // std::fs::write("report.html", html)?;
//! ```

mod findings;
mod indicators;
mod markup;
mod money;
mod programme;
mod progress;
mod ranks;
mod risk;
mod stakeholders;
mod style;
mod svg;

use markup::{count, escape};

use crate::{Portfolio, Report, Scorecard, Scorer};

/// The HTML report of a portfolio: build it with [`new`](Self::new), add
/// what else there is, and write [`to_html`](Self::to_html) to a file.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::html::HtmlReport;
///
/// let mut portfolio = ssr_model::samples::portfolio();
/// portfolio.programmes[0].name = "<script>alert(1)</script>".into();
/// let card = Scorer::default().scorecard(&portfolio); // without rank uncertainty
/// let html = HtmlReport::new(&portfolio, &card).to_html();
/// // Names from the data are escaped, never markup.
/// assert!(!html.contains("<script>"));
/// assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct HtmlReport<'a> {
    portfolio: &'a Portfolio,
    scorecard: &'a Scorecard,
    findings: Option<&'a Report>,
    scorer: Option<&'a Scorer>,
}

impl<'a> HtmlReport<'a> {
    /// The report of `portfolio` scored as `scorecard` (made from this
    /// portfolio: one card per programme, in its order). With rank
    /// uncertainty on the scorecard ([`Scorer::rank`]), ranks show their
    /// intervals.
    pub fn new(portfolio: &'a Portfolio, scorecard: &'a Scorecard) -> Self {
        HtmlReport {
            portfolio,
            scorecard,
            findings: None,
            scorer: None,
        }
    }

    /// Adds the findings of validation (or import), counted by code.
    ///
    /// ```
    /// use ssr_model::{Report, Scorer};
    /// use ssr_model::html::HtmlReport;
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let card = Scorer::default().scorecard(&portfolio);
    /// let none = Report::new();
    /// let html = HtmlReport::new(&portfolio, &card).with_findings(&none).to_html();
    /// assert!(html.contains("Validation found 0 findings"));
    /// ```
    #[must_use]
    pub fn with_findings(mut self, findings: &'a Report) -> Self {
        self.findings = Some(findings);
        self
    }

    /// Adds money by recipient, split as [`Scorer::recipient_flows`] splits
    /// it with this scorer's currency and rates (the scorer that made the
    /// scorecard).
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::html::HtmlReport;
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let scorer = Scorer::default();
    /// let card = scorer.scorecard(&portfolio);
    /// let html = HtmlReport::new(&portfolio, &card).with_scorer(&scorer).to_html();
    /// assert!(html.contains("Disbursed by recipient"));
    /// ```
    #[must_use]
    pub fn with_scorer(mut self, scorer: &'a Scorer) -> Self {
        self.scorer = Some(scorer);
        self
    }

    /// The page: a complete HTML document, UTF-8.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::html::HtmlReport;
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let card = Scorer::default().rank(&portfolio);
    /// let html = HtmlReport::new(&portfolio, &card).to_html();
    /// assert!(html.trim_end().ends_with("</html>"));
    /// // Self-contained: no address but the SVG namespace.
    /// assert!(!html.replace("http://www.w3.org/2000/svg", "").contains("http"));
    /// ```
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(64 * 1024);
        let title = self
            .portfolio
            .name
            .as_deref()
            .unwrap_or("SSR portfolio report");
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.push_str(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#);
        out.push_str(&format!("<title>{}</title>", escape(title)));
        out.push_str("<style>");
        out.push_str(style::CSS);
        out.push_str("</style></head><body>");
        self.cover(title, &mut out);
        out.push_str("<main>");
        ranks::section(self.scorecard, &mut out);
        let cards = self.scorecard.programmes.iter();
        for (i, (p, card)) in self.portfolio.programmes.iter().zip(cards).enumerate() {
            let row = self.scorecard.comparison.rows.get(i);
            let input = programme::Input {
                index: i,
                programme: p,
                card,
                row,
                scorecard: self.scorecard,
                scorer: self.scorer,
            };
            programme::section(&input, &mut out);
        }
        findings::section(self.findings, &mut out);
        out.push_str("</main>");
        self.footer(&mut out);
        out.push_str("</body></html>\n");
        out
    }

    fn cover(&self, title: &str, out: &mut String) {
        let n = self.portfolio.programmes.len();
        let ranked = self
            .scorecard
            .comparison
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .count();
        out.push_str(&format!(
            "<header class=\"cover\"><p class=\"kicker\">Portfolio report</p><h1>{}</h1>\
             <p class=\"facts\">{} · {ranked} ranked · {}</p>",
            escape(title),
            count(n, "programme", "programmes"),
            match self.scorecard.as_of {
                Some(d) => format!("judged as of {d}"),
                None => "judged at each programme's latest report".to_owned(),
            }
        ));
        out.push_str(concat!(
            r##"<nav aria-label="Contents"><p><a href="#ranks">Ranks</a> · "##,
            r##"<a href="#findings">Findings by code</a> · programmes:</p><ol>"##
        ));
        for (i, p) in self.portfolio.programmes.iter().enumerate() {
            out.push_str(&format!(
                r##"<li><a href="#programme-{}">{}</a></li>"##,
                i + 1,
                escape(&p.name)
            ));
        }
        out.push_str("</ol></nav></header>");
    }

    fn footer(&self, out: &mut String) {
        let c = &self.scorecard.comparison;
        out.push_str(&format!(
            "<footer><p>Made by ssr-model {} from the scorecard: {} normalisation, {} \
             composite. Scores are 0–100 unless stated; “unknown” means the data do not \
             say, never zero. Every chart has a text alternative for screen readers.</p></footer>",
            env!("CARGO_PKG_VERSION"),
            c.normalisation,
            c.method,
        ));
    }
}
