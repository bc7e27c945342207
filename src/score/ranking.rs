//! Evidence before ranking: whether what a programme has evidence for
//! ([`Evidence`]) is enough to rank it, and how the gaps of a ranked
//! programme are filled.
//!
//! A composite indicator can be computed from almost nothing: one dimension
//! on which every programme ties gives them all the same composite and the
//! same rank, with a rank interval of zero width. The OECD/JRC *Handbook on
//! Constructing Composite Indicators* (2008, §3 "Imputation of missing
//! data") asks that missing data be either imputed explicitly or the unit
//! left out, and that the choice be reported. The policy holds that choice
//! as data ([`RankingPolicy`]) and this module applies it: a programme is ranked only when its
//! results have at least `min_results_coverage` of their design weight
//! measured and it has evidence on at least `min_dimensions` weighted
//! dimensions. Programmes below either threshold are *not ranked*, with a
//! reason ([`NotRanked`]), and take no part in the normalisation, so they
//! change nobody else's normalised values or ranks. Missing dimensions of a
//! ranked programme are not imputed by default: its composite is the mean
//! of the dimensions it has, their weights shared out (COINr's default,
//! `Aggregate()` with `na.rm`), and the comparison says which were left
//! out. [`Imputation`] chooses an explicit method instead.

use serde::{Deserialize, Serialize};

use super::evidence::{Evidence, EvidenceKind};
use super::policy::RankingPolicy;
use super::vocabulary::{Dimension, Imputation, Row, Weights};

/// Why a programme is not ranked.
///
/// In JSON and CSV: the snake-case name, e.g. `"insufficient_results"`.
///
/// ```
/// use ssr_model::score::compare::NotRanked;
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Programme};
///
/// let mut portfolio = ssr_model::samples::portfolio();
/// portfolio.programmes.push(Programme::new("Border police support", Country::new("MLI")?));
/// let card = Scorer::default().scorecard(&portfolio);
/// let unranked: Vec<(&str, NotRanked)> =
///     card.comparison.unranked().map(|(row, why)| (row.name.as_str(), why)).collect();
/// assert_eq!(unranked, [("Border police support", NotRanked::InsufficientResults)]);
/// assert_eq!(NotRanked::InsufficientResults.as_str(), "insufficient_results");
/// assert_eq!(NotRanked::InsufficientResults.describe(), "too few indicator values for the results score");
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotRanked {
    /// Results coverage below the policy's `min_results_coverage`.
    InsufficientResults,
    /// Evidence on fewer weighted dimensions than the policy's
    /// `min_dimensions`.
    TooFewDimensions,
    /// No weighted dimension has a value: there is nothing to compose.
    NoEvidence,
    /// Every programme that met the policy has the same evidence (the same
    /// values, or the same values missing): nothing tells them apart, so no
    /// ranking is possible.
    IdenticalEvidence,
    /// Data on a smaller share of the weighted dimensions than the
    /// policy's screening threshold
    /// ([`ScreeningPolicy::min_programme_coverage`](crate::score::policy::ScreeningPolicy::min_programme_coverage)).
    LowDataCoverage,
}

crate::model::names::names!(NotRanked, "reason not ranked" {
    InsufficientResults = "insufficient_results",
    TooFewDimensions = "too_few_dimensions",
    NoEvidence = "no_evidence",
    IdenticalEvidence = "identical_evidence",
    LowDataCoverage = "low_data_coverage",
});

impl NotRanked {
    /// The reason in words.
    pub fn describe(self) -> &'static str {
        match self {
            NotRanked::InsufficientResults => "too few indicator values for the results score",
            NotRanked::TooFewDimensions => "evidence on too few dimensions",
            NotRanked::NoEvidence => "no evidence on any weighted dimension",
            NotRanked::IdenticalEvidence => {
                "every programme has the same evidence: no ranking is possible"
            }
            NotRanked::LowDataCoverage => {
                "data on too small a share of the dimensions (screened out by the policy)"
            }
        }
    }
}

impl RankingPolicy {
    /// Why `evidence` is not enough to rank, if it is not; `counts` says
    /// whether a dimension has a value and positive weight.
    pub(crate) fn refuse(
        &self,
        evidence: &Evidence,
        counts: impl Fn(Dimension) -> bool,
    ) -> Option<NotRanked> {
        let results = evidence.results;
        let results_coverage = if results.present {
            results.coverage
        } else {
            0.0
        };
        if results_coverage < self.min_results_coverage {
            return Some(NotRanked::InsufficientResults);
        }
        let kinds = EvidenceKind::ALL
            .into_iter()
            .filter(|k| k.dimensions().iter().any(|&d| counts(d)))
            .count();
        (kinds < self.min_dimensions).then_some(NotRanked::TooFewDimensions)
    }
}

/// Fills the missing values of weighted columns of a normalised table per
/// `imputation`, from the values present in the column (none: left empty).
/// `scratch` keeps the column sorted, so the mean does not depend on the
/// order of the rows.
pub(crate) fn impute(
    table: &mut [Row],
    weights: &Weights,
    imputation: Imputation,
    scratch: &mut Vec<f64>,
) {
    if imputation == Imputation::None {
        return;
    }
    for (d, w) in weights.iter() {
        if *w <= 0.0 {
            continue;
        }
        let present = table.iter().filter_map(|row| row[d]);
        let Some(fill) = fill_value(present, imputation, scratch) else {
            continue; // nobody has the dimension: nothing to impute from
        };
        for row in table.iter_mut() {
            row[d].get_or_insert(fill);
        }
    }
}

/// Fills the gaps of one normalised column per `imputation`, from the
/// values present in it (none: left empty).
pub(crate) fn impute_column(
    column: &mut [Option<f64>],
    imputation: Imputation,
    scratch: &mut Vec<f64>,
) {
    let present = column.iter().flatten().copied();
    if let Some(fill) = fill_value(present, imputation, scratch) {
        column.iter_mut().for_each(|p| {
            p.get_or_insert(fill);
        });
    }
}

/// The value `imputation` fills a column's gaps with, from the values
/// `present` in it; `None` when there is nothing to impute from, or the
/// policy imputes nothing. `scratch` keeps the values sorted, so the mean
/// does not depend on the order of the rows.
pub(crate) fn fill_value(
    present: impl Iterator<Item = f64>,
    imputation: Imputation,
    scratch: &mut Vec<f64>,
) -> Option<f64> {
    if imputation == Imputation::None {
        return None;
    }
    scratch.clear();
    scratch.extend(present);
    scratch.sort_unstable_by(f64::total_cmp);
    let &lowest = scratch.first()?;
    match imputation {
        Imputation::Mean => Some(scratch.iter().sum::<f64>() / scratch.len() as f64),
        Imputation::Minimum => Some(lowest),
        Imputation::None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::score::Dimension::{self, Evaluation, Progress};
    use crate::score::vocabulary::DimensionMap;

    #[test]
    fn imputation_fills_weighted_gaps_only() {
        let row = |a: Option<f64>, b: Option<f64>| {
            DimensionMap::from_fn(|d| match d {
                Progress => a,
                Evaluation => b,
                _ => None,
            })
        };
        let table = [
            row(Some(10.0), None),
            row(None, None),
            row(Some(30.0), Some(5.0)),
        ];
        let weights = DimensionMap::from_fn(|d: Dimension| if d == Evaluation { 0.0 } else { 1.0 });
        let mut mean = table;
        impute(&mut mean, &weights, Imputation::Mean, &mut Vec::new());
        // Progress: (10 + 30)/2 = 20; evaluation has weight 0: left alone;
        // the others have no value to impute from.
        assert_eq!(mean[1], row(Some(20.0), None));
        assert_eq!(mean[0], row(Some(10.0), None));
        let mut minimum = table;
        impute(&mut minimum, &weights, Imputation::Minimum, &mut Vec::new());
        assert_eq!(minimum[1], row(Some(10.0), None));
        let mut none = table;
        impute(&mut none, &weights, Imputation::None, &mut Vec::new());
        assert_eq!(none, table);
    }
}
