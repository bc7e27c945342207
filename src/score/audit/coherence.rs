//! The coherence of a comparison's dimensions, and its findings.

use serde::{Deserialize, Serialize};

use crate::Finding;
use crate::ProgrammeId;
use crate::diagnostics::{Code, Pointer};
use crate::score::Dimension;
use crate::score::coherence::Coherence;
use crate::score::policy::CoherencePolicy;

/// The coherence ([`Coherence`]) of a comparison's weighted dimensions,
/// over its ranked programmes: the normalised values that enter the
/// composite (imputed ones included, when the policy imputes), and the
/// composite itself.
///
/// A statistic's rows are the programmes of [`programmes`](Self::programmes)
/// with the values it needs: for a correlation, those with both values
/// (its `rows` counts them); for alpha and the first component, those with
/// every dimension ([`Coherence::complete_rows`]).
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::compare::Dimension;
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let c = &card.comparison.audit.coherence;
/// // Finance has weight 0 by default: it takes no part.
/// assert!(!c.dimensions.contains(&Dimension::Finance));
/// let progress = c.index(Dimension::Progress).ok_or("progress is weighted")?;
/// let with_composite = c.statistics.with_composite(progress).ok_or("a column")?;
/// assert!(with_composite.rows <= c.programmes.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ComparisonCoherence {
    /// The columns: the dimensions of positive weight (screened ones
    /// left out), in [`Dimension::ALL`] order.
    pub dimensions: Vec<Dimension>,
    /// The rows: the ranked programmes, in portfolio order.
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<uuid::Uuid>"))]
    pub programmes: Vec<ProgrammeId>,
    /// The statistics, columns in the order of `dimensions`.
    pub statistics: Coherence,
}

impl ComparisonCoherence {
    /// The column of `dimension`, if it took part.
    pub fn index(&self, dimension: Dimension) -> Option<usize> {
        self.dimensions.iter().position(|d| *d == dimension)
    }
}

/// The findings the coherence `statistics` of the columns `names` deserve
/// under `policy`, at JSON Pointers below `at` (the statistics' own
/// place: `…/composite/i`, `…/pairs/k`, `…/cronbach_alpha`):
///
/// - `composite_negative_correlation`: a column whose Pearson correlation
///   with the composite is below `min_composite_correlation`;
/// - `dimensions_double_counted`: a pair whose Pearson correlation is
///   above `max_pair_correlation`;
/// - `low_cronbach_alpha`: alpha below `min_alpha`.
///
/// An unknown statistic (too few rows, a constant column) gives no
/// finding. A missing name reads as `column i`.
///
/// ```
/// use ssr_model::diagnostics::{Code, Pointer};
/// use ssr_model::score::audit::coherence_findings;
/// use ssr_model::score::coherence::Coherence;
/// use ssr_model::score::policy::CoherencePolicy;
///
/// // b rises with a; c falls as the composite rises.
/// let a = vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
/// let b = vec![Some(1.1), Some(2.0), Some(3.1), Some(4.0)];
/// let c = vec![Some(3.0), Some(2.5), Some(1.0), Some(0.0)];
/// let composite = [Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
/// let stats = Coherence::of(&[a, b, c], &composite);
/// let found = coherence_findings(&stats, &["a", "b", "c"], &CoherencePolicy::default(), &Pointer::root());
/// let codes: Vec<(Code, &str)> = found.iter().map(|f| (f.code, f.path.as_str())).collect();
/// assert!(codes.contains(&(Code::CompositeNegativeCorrelation, "/composite/2")));
/// assert!(codes.contains(&(Code::DimensionsDoubleCounted, "/pairs/0")));
/// ```
pub fn coherence_findings(
    statistics: &Coherence,
    names: &[&str],
    policy: &CoherencePolicy,
    at: &Pointer,
) -> Vec<Finding> {
    let name = |i: usize| {
        names
            .get(i)
            .map_or_else(|| format!("column {i}"), |n| (*n).to_owned())
    };
    let mut found = Vec::new();
    for (i, c) in statistics.composite.iter().enumerate() {
        if let Some(r) = c.pearson.filter(|r| *r < policy.min_composite_correlation) {
            found.push(Finding::new(
                Code::CompositeNegativeCorrelation,
                at.clone().member("composite").index(i),
                format!(
                    "{} correlates with the composite at {r:.2} (Pearson, {} rows), below {}: \
                     it pulls against the other dimensions",
                    name(i),
                    c.rows,
                    policy.min_composite_correlation
                ),
            ));
        }
    }
    let k = statistics.columns;
    let mut pair = 0;
    for i in 0..k {
        for j in (i + 1)..k {
            let r = statistics
                .pairs
                .get(pair)
                .and_then(|c| c.pearson.map(|r| (r, c.rows)));
            if let Some((r, rows)) = r.filter(|(r, _)| *r > policy.max_pair_correlation) {
                found.push(Finding::new(
                    Code::DimensionsDoubleCounted,
                    at.clone().member("pairs").index(pair),
                    format!(
                        "{} and {} correlate at {r:.2} (Pearson, {rows} rows), above {}: \
                         they may count one thing twice",
                        name(i),
                        name(j),
                        policy.max_pair_correlation
                    ),
                ));
            }
            pair += 1;
        }
    }
    if let Some(alpha) = statistics.cronbach_alpha.filter(|a| *a < policy.min_alpha) {
        found.push(Finding::new(
            Code::LowCronbachAlpha,
            at.clone().member("cronbach_alpha"),
            format!(
                "Cronbach's alpha of the {k} dimensions is {alpha:.2} over {} complete rows, \
                 below {}: they do not move together",
                statistics.complete_rows, policy.min_alpha
            ),
        ));
    }
    found
}
