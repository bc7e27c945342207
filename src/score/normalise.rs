//! Normalisation: putting programme-level measures on a common scale so that
//! programmes can be compared (OECD/JRC *Handbook on Constructing Composite
//! Indicators*, 2008, §5; COINr's `Normalise()` and its `n_minmax`,
//! `n_zscore`, `n_goalposts`, `n_dist2targ` and `n_prank` functions).
//!
//! Every method turns a column of raw values (one per programme; `None` where
//! a programme has no data) into "higher is better" scores. A measure where
//! lower is better (risk exposure, resistance) is oriented first by negating
//! it, its goalposts and its target, so one formula serves both directions.
//! Missing values stay missing; they never count as zero.

use serde::{Deserialize, Serialize};

use super::engine::Ranker;

/// A normalisation method. All but the z-score give values from 0 to 100.
///
/// In JSON: `"min_max"`, `"z_score"`, `"goalposts"`, `"distance_to_target"`
/// or `"percentile_rank"`.
///
/// ```
/// use ssr_model::score::compare::{Normalisation, Scaling};
///
/// let column = [Some(0.0), Some(0.5), None, Some(1.0)];
/// let up = Scaling::new(true);
/// // min-max: 100·(x − 0)/(1 − 0)
/// assert_eq!(
///     Normalisation::MinMax.apply(&column, &up),
///     vec![Some(0.0), Some(50.0), None, Some(100.0)]
/// );
/// // goalposts 0.25 and 0.75, truncated: 100·(x − 0.25)/0.5, clamped to [0, 100]
/// let posts = Scaling::new(true).with_goalposts(0.25, 0.75);
/// assert_eq!(
///     Normalisation::Goalposts.apply(&column, &posts),
///     vec![Some(0.0), Some(50.0), None, Some(100.0)]
/// );
/// // z-score: mean 0.5, sample sd sqrt((0.25 + 0 + 0.25)/2) = 0.5
/// assert_eq!(
///     Normalisation::ZScore.apply(&column, &up),
///     vec![Some(-1.0), Some(0.0), None, Some(1.0)]
/// );
/// // Lower is better: the order flips.
/// let down = Scaling::new(false);
/// assert_eq!(Normalisation::MinMax.apply(&column, &down)[0], Some(100.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Normalisation {
    /// `100·(x − min)/(max − min)` over the programmes compared; 50 for all
    /// when every programme has the same value.
    MinMax,
    /// `(x − mean)/sd` with the sample standard deviation; 0 for all when
    /// it is 0 or only one programme has data. Not bounded: aggregate
    /// z-scores with the arithmetic mean or Copeland only.
    ZScore,
    /// `100·(x − low)/(high − low)` against fixed goalposts, truncated to
    /// [0, 100]: unlike min-max, a programme's score does not depend on the
    /// others (the UNDP Human Development Index method).
    Goalposts,
    /// COINr's distance to target: `100·(x − worst)/(target − worst)`,
    /// capped at 100, where `worst` is the worst observed value; 100 for all
    /// when no programme is short of the target.
    DistanceToTarget,
    /// Percentile rank on 0–100: `100·(below + (ties − 1)/2)/(n − 1)`, where
    /// `below` counts programmes with a lower value and `ties` those with the
    /// same value (itself included). Tied programmes share the mean of the
    /// places they hold (R's `ties.method = "average"`; COINr's `n_prank`
    /// defaults to `"min"`), so the result does not depend on their order
    /// and a column of equal values scores 50 throughout, as under min-max.
    /// An untied lowest scores 0 and an untied highest 100; 50 when only one
    /// programme has data. Robust to outliers.
    PercentileRank,
}

crate::model::names::names!(Normalisation, "normalisation" {
    MinMax = "min_max",
    ZScore = "z_score",
    Goalposts = "goalposts",
    DistanceToTarget = "distance_to_target",
    PercentileRank = "percentile_rank",
});

impl Default for Normalisation {
    /// Min-max to 0–100, the Handbook's and COINr's usual default.
    fn default() -> Self {
        Normalisation::MinMax
    }
}

/// What a normalisation needs to know about a measure besides its values:
/// which way is better, and the goalposts and target it is held against.
///
/// ```
/// use ssr_model::score::compare::{Normalisation, Scaling};
///
/// // Risk exposure: lower is better.
/// let values = [Some(0.2), Some(0.8), None, Some(0.5)];
/// let minmax = Normalisation::MinMax.apply(&values, &Scaling::new(false));
/// assert_eq!(minmax, [Some(100.0), Some(0.0), None, Some(50.0)]);
///
/// // Goalposts 0.1 and 0.6, truncated: 0.8 is past the worse goalpost.
/// let goalposts = Normalisation::Goalposts.apply(&values, &Scaling::new(false).with_goalposts(0.1, 0.6));
/// assert_eq!(goalposts[1], Some(0.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Scaling {
    /// Whether higher raw values are better.
    pub higher_is_better: bool,
    /// The low goalpost (raw units).
    pub low: f64,
    /// The high goalpost (raw units).
    pub high: f64,
    /// The target (raw units), for distance to target.
    pub target: f64,
}

impl Scaling {
    /// Goalposts 0 and 1, target the better goalpost: the natural bounds of
    /// every programme-level measure this crate compares.
    pub fn new(higher_is_better: bool) -> Self {
        Scaling {
            higher_is_better,
            low: 0.0,
            high: 1.0,
            target: if higher_is_better { 1.0 } else { 0.0 },
        }
    }

    /// Returns `self` with other goalposts (`low < high`, raw units).
    #[must_use]
    pub fn with_goalposts(mut self, low: f64, high: f64) -> Self {
        self.low = low;
        self.high = high;
        self
    }

    /// Returns `self` with another target (raw units).
    #[must_use]
    pub fn with_target(mut self, target: f64) -> Self {
        self.target = target;
        self
    }

    /// Goalposts and target turned so that higher is better.
    fn oriented(&self) -> (f64, f64, f64) {
        if self.higher_is_better {
            (self.low, self.high, self.target)
        } else {
            (-self.high, -self.low, -self.target)
        }
    }

    fn orient(&self, x: f64) -> f64 {
        if self.higher_is_better { x } else { -x }
    }
}

impl Normalisation {
    /// Normalises a column of values (one per programme, `None` for no data).
    pub fn apply(self, values: &[Option<f64>], scaling: &Scaling) -> Vec<Option<f64>> {
        let mut out = vec![None; values.len()];
        let mut scratch = Vec::with_capacity(values.len());
        self.apply_into(values, scaling, &mut scratch, &mut out);
        out
    }

    /// [`apply`](Self::apply) into a buffer of the same length, with a
    /// scratch buffer, so the Monte Carlo loop allocates nothing.
    ///
    /// Sums are taken over the sorted values, so the result does not depend
    /// on the order of the programmes, to the last bit.
    pub(crate) fn apply_into(
        self,
        values: &[Option<f64>],
        scaling: &Scaling,
        scratch: &mut Vec<f64>,
        out: &mut [Option<f64>],
    ) {
        scratch.clear();
        scratch.extend(values.iter().flatten().map(|&x| scaling.orient(x)));
        // Values, goalposts and targets are within ±10¹⁵ (the policy check
        // and the model's types hold them there), so no difference or
        // square below overflows.
        let (low, high, target) = scaling.oriented();
        // Only the z-score's sums and percentile ranks need the sorted
        // order; min and max do not depend on it.
        if matches!(self, Normalisation::ZScore | Normalisation::PercentileRank) {
            scratch.sort_unstable_by(f64::total_cmp);
        }
        let Some(&first) = scratch.first() else {
            out.iter_mut().for_each(|o| *o = None);
            return;
        };
        let (min, max) = scratch
            .iter()
            .fold((first, first), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        let n = scratch.len() as f64;
        let (mean, sd) = if self == Normalisation::ZScore {
            let mean = scratch.iter().sum::<f64>() / n;
            let ss: f64 = scratch.iter().map(|x| (x - mean) * (x - mean)).sum();
            let sd = if scratch.len() > 1 {
                (ss / (n - 1.0)).sqrt()
            } else {
                0.0
            };
            (mean, sd)
        } else {
            (0.0, 0.0)
        };
        for (o, v) in out.iter_mut().zip(values) {
            *o = v.map(|raw| {
                let x = scaling.orient(raw);
                match self {
                    Normalisation::MinMax => {
                        if max > min {
                            100.0 * ((x - min) / (max - min))
                        } else {
                            50.0
                        }
                    }
                    Normalisation::ZScore => {
                        if sd > 0.0 {
                            (x - mean) / sd
                        } else {
                            0.0
                        }
                    }
                    Normalisation::Goalposts => {
                        if high > low {
                            (100.0 * ((x - low) / (high - low))).clamp(0.0, 100.0)
                        } else {
                            50.0
                        }
                    }
                    Normalisation::DistanceToTarget => {
                        if target > min {
                            (100.0 * ((x - min) / (target - min))).min(100.0)
                        } else {
                            100.0
                        }
                    }
                    Normalisation::PercentileRank => {
                        if scratch.len() < 2 {
                            50.0
                        } else {
                            let below = scratch.partition_point(|&s| s < x);
                            let upto = scratch.partition_point(|&s| s <= x);
                            let ties = upto.saturating_sub(below).max(1);
                            100.0 * ((below as f64 + (ties - 1) as f64 / 2.0) / (n - 1.0))
                        }
                    }
                }
            });
        }
    }
}

impl Normalisation {
    /// A column normalised into `out` as [`apply_into`](Self::apply_into)
    /// does it, the percentile rank through one radix ranking
    /// ([`percentile_rank_into`](Self::percentile_rank_into)): what each
    /// Monte Carlo run does to the results column.
    pub(crate) fn column_into(
        self,
        values: &[Option<f64>],
        scaling: &Scaling,
        ranker: &mut Ranker,
        (scratch, places): (&mut Vec<f64>, &mut Vec<f64>),
        out: &mut [Option<f64>],
    ) {
        if self == Normalisation::PercentileRank {
            Normalisation::percentile_rank_into(values, scaling, ranker, (scratch, places), out);
        } else {
            self.apply_into(values, scaling, scratch, out);
        }
    }

    /// The percentile rank of [`apply_into`](Self::apply_into), computed
    /// from one radix ranking of the column instead of a comparison sort
    /// and two binary searches per value; the same values to the bit (the
    /// test below holds it to `apply_into`).
    pub(crate) fn percentile_rank_into(
        values: &[Option<f64>],
        scaling: &Scaling,
        ranker: &mut Ranker,
        (scratch, places): (&mut Vec<f64>, &mut Vec<f64>),
        out: &mut [Option<f64>],
    ) {
        scratch.clear();
        scratch.extend(values.iter().flatten().map(|&x| scaling.orient(x)));
        out.iter_mut().for_each(|o| *o = None);
        let n = scratch.len();
        // The k-th present value belongs to the k-th `Some` of `values`.
        let slots = out
            .iter_mut()
            .zip(values)
            .filter(|(_, v)| v.is_some())
            .map(|(o, _)| o);
        if n < 2 {
            slots.for_each(|o| *o = Some(50.0));
            return;
        }
        let results = std::mem::take(scratch);
        let by_value = places;
        by_value.clear();
        by_value.resize(n, 0.0);
        ranker.runs(
            &results,
            |_, _| false,
            |i, start, end| {
                // `start` values are higher, `end − start` tie: below = n − end.
                let (below, ties) = (n - end, end - start);
                if let Some(v) = by_value.get_mut(i) {
                    *v = 100.0 * ((below as f64 + (ties - 1) as f64 / 2.0) / (n as f64 - 1.0));
                }
            },
        );
        for (o, v) in slots.zip(by_value.iter()) {
            *o = Some(*v);
        }
        *scratch = results;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn min_max_of_constant_column_is_fifty() {
        let v = [Some(0.3), Some(0.3)];
        assert_eq!(
            Normalisation::MinMax.apply(&v, &Scaling::new(true)),
            vec![Some(50.0), Some(50.0)]
        );
    }

    #[test]
    fn z_score_is_hand_computed() {
        // mean 4, deviations -2, 0, 2: sample variance 8/2 = 4, sd 2.
        let v = [Some(2.0), Some(4.0), Some(6.0)];
        let z = Normalisation::ZScore.apply(&v, &Scaling::new(true));
        assert!(close(z[0], -1.0) && close(z[1], 0.0) && close(z[2], 1.0));
        let z = Normalisation::ZScore.apply(&v, &Scaling::new(false));
        assert!(close(z[0], 1.0) && close(z[2], -1.0));
    }

    #[test]
    fn goalposts_truncate_and_flip() {
        let s = Scaling::new(false).with_goalposts(0.2, 0.6);
        // Lower is better: 100·(0.6 − x)/0.4
        let v = [Some(0.1), Some(0.3), Some(0.9)];
        let g = Normalisation::Goalposts.apply(&v, &s);
        assert!(close(g[0], 100.0) && close(g[1], 75.0) && close(g[2], 0.0));
    }

    #[test]
    fn distance_to_target_is_hand_computed() {
        // Worst 0.2, target 0.8: 100·(x − 0.2)/0.6, capped.
        let s = Scaling::new(true).with_target(0.8);
        let v = [Some(0.2), Some(0.5), Some(0.9)];
        let d = Normalisation::DistanceToTarget.apply(&v, &s);
        assert!(close(d[0], 0.0) && close(d[1], 50.0) && close(d[2], 100.0));
        // Lower is better with target 0: worst is the highest (0.9).
        let d = Normalisation::DistanceToTarget.apply(&v, &Scaling::new(false));
        assert!(close(d[2], 0.0));
        assert!(close(d[1], 100.0 * (0.9 - 0.5) / 0.9));
    }

    #[test]
    fn percentile_rank_shares_ties() {
        let v = [Some(1.0), Some(3.0), Some(3.0), Some(7.0), None];
        let p = Normalisation::PercentileRank.apply(&v, &Scaling::new(true));
        // n = 4: ranks 0, (1 + 0.5)/3, same, 3/3.
        assert!(close(p[0], 0.0));
        assert!(close(p[1], 50.0) && close(p[2], 50.0));
        assert!(close(p[3], 100.0));
        assert_eq!(p[4], None);
        // Ties at the ends share their places: 0 and 1 of 0–2 → 1/4 of
        // the way each; 2 of 0–2 → 100. All equal: 50 each.
        let v = [Some(1.0), Some(1.0), Some(2.0)];
        let p = Normalisation::PercentileRank.apply(&v, &Scaling::new(true));
        assert!(close(p[0], 25.0) && close(p[1], 25.0) && close(p[2], 100.0));
        let p = Normalisation::PercentileRank.apply(&[Some(4.0); 3], &Scaling::new(true));
        assert!(p.iter().all(|&x| close(x, 50.0)));
    }

    #[test]
    fn values_at_the_limit() {
        let max = crate::Finite::LIMIT;
        let v = [Some(max), Some(0.0), Some(-max)];
        let up = Scaling::new(true);
        let m = Normalisation::MinMax.apply(&v, &up);
        assert_eq!(m, [Some(100.0), Some(50.0), Some(0.0)]);
        // Mean 0, sample sd sqrt((max² + max²)/2) = max.
        let z = Normalisation::ZScore.apply(&v, &up);
        assert_eq!(z, [Some(1.0), Some(0.0), Some(-1.0)]);
        let posts = up.with_goalposts(-max, max);
        let g = Normalisation::Goalposts.apply(&v, &posts);
        assert_eq!(g, [Some(100.0), Some(50.0), Some(0.0)]);
        // Worst −max, target max: halfway is 50.
        let t = Normalisation::DistanceToTarget.apply(&v, &up.with_target(max));
        assert_eq!(t, [Some(100.0), Some(50.0), Some(0.0)]);
    }

    proptest::proptest! {
        /// The radix percentile rank gives `apply_into`'s values (the slow
        /// twin) to the bit, ties, both zeros and missing values included.
        #[test]
        fn percentile_rank_fast_path_matches(
            values in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just(None),
                proptest::strategy::Just(Some(-0.0)),
                (0i32..5).prop_map(|k| Some(f64::from(k) / 4.0)),
                (-3.0f64..3.0).prop_map(Some),
            ], 0..80),
            higher in proptest::bool::ANY,
        ) {
            let scaling = Scaling::new(higher);
            let expected = Normalisation::PercentileRank.apply(&values, &scaling);
            let mut got = vec![Some(-1.0); values.len()];
            Normalisation::percentile_rank_into(&values, &scaling, &mut Ranker::default(), (&mut Vec::new(), &mut Vec::new()), &mut got);
            let bits = |v: &[Option<f64>]| v.iter().map(|x| x.map(f64::to_bits)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(bits(&got), bits(&expected));
        }
    }

    #[test]
    fn empty_column_stays_empty() {
        let v = [None, None];
        assert_eq!(
            Normalisation::ZScore.apply(&v, &Scaling::new(true)),
            vec![None, None]
        );
    }
}
