//! The composite's own audit: do its dimensions measure something coherent
//! ([`ComparisonCoherence`]), were outlying values treated
//! ([`TreatedValue`]), and were programmes or dimensions left out for want
//! of data ([`ScreenedDimension`], [`NotRanked::LowDataCoverage`](crate::score::compare::NotRanked::LowDataCoverage)).
//!
//! The OECD/JRC *Handbook on Constructing Composite Indicators* (2008,
//! steps 3–4) and COINr (`get_corr`, `get_cronbach`, `get_PCA`, `qTreat`,
//! `Screen`) ask these questions of every composite. A scorecard answers
//! them in [`Comparison::audit`](crate::score::compare::Comparison::audit),
//! with a finding (codes of the `audit` family) for each answer that
//! deserves a look; [`AuditPolicy`](crate::score::policy::AuditPolicy)
//! holds the thresholds and the opt-in treatments.
//!
//! # Outliers
//!
//! **Definitions.** Over the `n` known values of a dimension, with central
//! moments `m_r = Σ (x − x̄)^r / n`:
//!
//! - skewness `G1 = m3 / m2^{3/2} · √(n(n − 1)) / (n − 2)` (needs n ≥ 3);
//! - excess kurtosis `G2 = ((n + 1)(m4 / m2² − 3) + 6) · (n − 1) / ((n − 2)(n − 3))`
//!   (needs n ≥ 4).
//!
//! These are the sample estimators of e1071's `skewness` and `kurtosis`
//! with `type = 2` (SAS, SPSS and Excel's `SKEW` and `KURT`), which COINr's
//! `skew` and `kurt` reproduce; a constant column has neither.
//!
//! **Rule.** A dimension fails when |G1| > `max_skewness` and
//! G2 > `max_kurtosis` (COINr: 2 and 3.5).
//!
//! **Winsorising** sets the most extreme value on the side of the skew (the
//! highest when G1 > 0, else the lowest; tied values together) to the next
//! value inward, then checks again, until the dimension passes or
//! `max_winsorised` values have changed. **The log transform** (COINr's
//! `log_CT`) maps a positively skewed column to `ln(x − min + 0.01 · (max −
//! min))`, and a negatively skewed one to `−ln(max − x + 0.01 · (max −
//! min))`, so that the order, and which end is better, are kept. The rule
//! is checked again after it, and a dimension still failing is reported.
//!
//! ```
//! use ssr_model::Scorer;
//!
//! let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
//! let audit = &card.comparison.audit;
//! // The coherence of the weighted dimensions over the ranked programmes.
//! let ranked = card.comparison.rows.iter().filter(|r| r.rank.is_some()).count();
//! assert_eq!(audit.coherence.programmes.len(), ranked);
//! assert_eq!(audit.coherence.dimensions.len(), audit.coherence.statistics.columns);
//! // Nothing was treated or screened: the default policy only reports.
//! assert!(audit.outliers.is_empty() && audit.screened.is_empty());
//! ```

mod coherence;
mod outliers;
mod screening;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::score::vocabulary::Row;
use crate::score::{Dimension, ProgrammeCard, ScoringPolicy};
use crate::{Finding, ProgrammeId, Weight};

pub use coherence::{ComparisonCoherence, coherence_findings};
pub use outliers::{
    ColumnTreatment, OutlierMethod, TreatedValue, excess_kurtosis, skewness, treat_column,
};
pub use screening::ScreenedDimension;

pub(crate) use outliers::treat_columns;
pub(crate) use screening::{screen_dimensions, too_sparse};

/// What the audit of a comparison found: the coherence of its dimensions,
/// the values its outlier treatment changed, the dimensions screening left
/// out, and the findings.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::diagnostics::Family;
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// for finding in &card.comparison.audit.findings {
///     assert_eq!(finding.code.family(), Family::Audit);
///     assert!(finding.path.as_str().starts_with("/comparison/audit/"));
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CompositeAudit {
    /// The coherence of the weighted dimensions over the ranked programmes.
    #[serde(default)]
    pub coherence: ComparisonCoherence,
    /// Every raw value the outlier treatment changed, by dimension then
    /// programme (empty unless the policy treats outliers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outliers: Vec<TreatedValue>,
    /// The dimensions screening left out of the composite (empty unless
    /// the policy screens dimensions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub screened: Vec<ScreenedDimension>,
    /// Findings: incoherent dimensions, treated outliers, screened
    /// dimensions; each at a JSON Pointer into the scorecard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

impl CompositeAudit {
    /// Whether `dimension` was screened out of the composite.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::score::compare::Dimension;
    ///
    /// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
    /// assert!(!card.comparison.audit.screened_out(Dimension::Progress));
    /// ```
    pub fn screened_out(&self, dimension: Dimension) -> bool {
        self.screened.iter().any(|s| s.dimension == dimension)
    }

    /// The values of `programme` the outlier treatment changed.
    ///
    /// ```
    /// use ssr_model::Scorer;
    ///
    /// let portfolio = ssr_model::samples::portfolio();
    /// let card = Scorer::default().scorecard(&portfolio);
    /// assert_eq!(card.comparison.audit.treated(portfolio.programmes[0].id).count(), 0);
    /// ```
    pub fn treated(&self, programme: ProgrammeId) -> impl Iterator<Item = &TreatedValue> {
        self.outliers
            .iter()
            .filter(move |t| t.programme == programme)
    }
}

/// `policy` with the dimensions `audit` screened out weighted 0, so that
/// the rank Monte Carlo composes what the comparison composed.
pub(crate) fn without_screened<'a>(
    policy: &'a ScoringPolicy,
    audit: &CompositeAudit,
) -> Cow<'a, ScoringPolicy> {
    if audit.screened.is_empty() {
        return Cow::Borrowed(policy);
    }
    let mut p = policy.clone();
    for s in &audit.screened {
        p.comparison.dimensions.get_mut(s.dimension).weight = Weight::ZERO;
    }
    Cow::Owned(p)
}

/// Puts the values the outlier treatment changed into the raw rows of the
/// ranked `cards` (one row each, in order), so that the rank Monte Carlo
/// normalises what the comparison normalised.
pub(crate) fn apply_treated(raw: &mut [Row], cards: &[&ProgrammeCard], audit: &CompositeAudit) {
    if audit.outliers.is_empty() {
        return;
    }
    for (row, card) in raw.iter_mut().zip(cards) {
        for t in audit.treated(card.id) {
            row[t.dimension] = Some(t.after);
        }
    }
}
