//! Weighted means that aggregate scores from one level to the next
//! (indicator → component → programme) and dimensions into a composite.
//!
//! The OECD/JRC *Handbook on Constructing Composite Indicators* (2008, §6)
//! sets out the choice: the arithmetic mean is fully compensatory (a high
//! score offsets a low one one-for-one), the geometric mean partly so, the
//! harmonic mean less still. The generalised (power) mean with exponent `p`
//! spans them all:
//!
//! ```text
//! M_p = ( Σ wᵢ xᵢ^p / Σ wᵢ )^(1/p)      p = 1 arithmetic, p → 0 geometric,
//!                                        p = −1 harmonic, p → ±∞ max / min
//! M_0 = exp( Σ wᵢ ln xᵢ / Σ wᵢ )
//! ```
//!
//! Weights are relative: only their ratios matter, and items with weight 0
//! take no part.
//!
//! # The zero rule
//!
//! `ln 0` and `1/0` are undefined, so means with `p ≤ 0` (geometric, harmonic)
//! first raise every value to a *floor* ([`ScoringPolicy::zero_floor`],
//! default 0.01 of the scale). A zero then pulls the mean down hard without
//! annihilating it, as the UNDP does for the Gender Inequality Index (a
//! floor replaces zeros because a geometric mean cannot be computed from
//! them). With a floor of 0 the exact limit applies: any zero with positive
//! weight makes the mean 0. Means with `p > 0` other than the arithmetic
//! treat negative values (possible only when progress is not capped) as 0.
//!
//! [`ScoringPolicy::zero_floor`]: super::ScoringPolicy::zero_floor

use serde::{Deserialize, Serialize};

/// A weighted mean used to aggregate one level into the next.
///
/// In JSON: `"arithmetic"`, `"geometric"`, `"harmonic"` or `{"power": p}`.
///
/// ```
/// use ssr_model::score::Aggregation;
///
/// // Two indicators at 0.9 and 0.4 with weights 2 and 1.
/// let items = [(0.9, 2.0), (0.4, 1.0)];
/// // Arithmetic: (2·0.9 + 1·0.4) / 3 = 2.2 / 3
/// let a = Aggregation::Arithmetic.mean(items, 0.01).unwrap();
/// assert!((a - 2.2 / 3.0).abs() < 1e-12);
/// // Geometric: exp((2 ln 0.9 + ln 0.4) / 3) = (0.81 · 0.4)^(1/3) = 0.324^(1/3)
/// let g = Aggregation::Geometric.mean(items, 0.01).unwrap();
/// assert!((g - 0.324_f64.cbrt()).abs() < 1e-12);
/// // Harmonic: 3 / (2/0.9 + 1/0.4) = 3 / (2.2222… + 2.5)
/// let h = Aggregation::Harmonic.mean(items, 0.01).unwrap();
/// assert!((h - 3.0 / (2.0 / 0.9 + 2.5)).abs() < 1e-12);
/// assert!(h < g && g < a);
/// // A zero is raised to the floor before a geometric mean:
/// // exp((ln 0.01 + ln 1) / 2) = 0.1
/// let z = Aggregation::Geometric.mean([(0.0, 1.0), (1.0, 1.0)], 0.01).unwrap();
/// assert!((z - 0.1).abs() < 1e-12);
/// // No weight, no mean.
/// assert_eq!(Aggregation::Arithmetic.mean([(0.5, 0.0)], 0.01), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Aggregation {
    /// Σ wᵢxᵢ / Σ wᵢ: fully compensatory (the Handbook's linear aggregation).
    Arithmetic,
    /// exp(Σ wᵢ ln xᵢ / Σ wᵢ): partly compensatory; rewards balance.
    Geometric,
    /// Σ wᵢ / Σ (wᵢ/xᵢ): the least compensatory of the three.
    Harmonic,
    /// The generalised mean with exponent `p` (finite); `p = 0` is the
    /// geometric mean.
    Power(f64),
}

impl Default for Aggregation {
    /// The arithmetic mean, the most widely used aggregation (OECD/JRC 2008).
    fn default() -> Self {
        Aggregation::Arithmetic
    }
}

impl std::fmt::Display for Aggregation {
    /// The name, e.g. `geometric`, or `power 2` for a generalised mean.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Aggregation::Arithmetic => f.write_str("arithmetic"),
            Aggregation::Geometric => f.write_str("geometric"),
            Aggregation::Harmonic => f.write_str("harmonic"),
            Aggregation::Power(p) => write!(f, "power {p}"),
        }
    }
}

impl Aggregation {
    /// The exponent `p` of the generalised mean this method is.
    pub fn exponent(self) -> f64 {
        match self {
            Aggregation::Arithmetic => 1.0,
            Aggregation::Geometric => 0.0,
            Aggregation::Harmonic => -1.0,
            Aggregation::Power(p) => p,
        }
    }

    /// Whether the method needs non-negative values (all but the arithmetic
    /// mean), so cannot take z-scores.
    pub fn needs_non_negative(self) -> bool {
        self.exponent() != 1.0
    }

    /// The weighted mean of `(value, weight)` pairs, with values below
    /// `floor` raised to it when `p ≤ 0` (see the module's zero rule).
    /// Pairs with weight 0 are ignored; `None` when no weight is left.
    ///
    /// Values and weights are expected finite and weights non-negative (the
    /// model's types guarantee it); weights keep their ratios however large
    /// they are.
    pub fn mean<I>(self, items: I, floor: f64) -> Option<f64>
    where
        I: IntoIterator<Item = (f64, f64)>,
        I::IntoIter: Clone,
    {
        let items = items.into_iter();
        let kernel = Kernel::prepare(self, items.clone(), floor)?;
        let unit = exact_unit(items.clone().map(|(_, w)| w));
        let (mut sum, mut total) = (0.0, 0.0);
        for (x, w) in items.clone() {
            if w > 0.0 {
                let w = w / unit;
                sum += w * kernel.forward(x);
                total += w;
            }
        }
        let mut mean = sum / total;
        if !mean.is_finite() {
            // Values near ±f64::MAX overflow the weighted sum, never the
            // mean (it lies between them): take it as Σ (wᵢ/Σw)·xᵢ, whose
            // partial sums stay in range.
            mean = items
                .filter(|&(_, w)| w > 0.0)
                .map(|(x, w)| (w / unit / total) * kernel.forward(x))
                .sum::<f64>()
                .clamp(-f64::MAX, f64::MAX);
        }
        Some(kernel.inverse(mean))
    }
}

/// What weights (or magnitudes) are divided by before they are used: a
/// power of two that brings the largest to at most 2, so that no sum,
/// difference, square or product with a mapped value overflows however
/// large they are. Only ratios count, and dividing by a power of two keeps
/// them exactly: results are the same, to the bit, as without it (values of
/// at most 2 are left alone).
/// The sum of `values`, +0 when there are none or all are zero.
///
/// Rust's `Sum` for `f64` starts from −0 (since 1.83), so an empty sum is
/// −0, and a coverage of −0 printed as "-0%". Starting from +0 gives the
/// same sums otherwise, bit for bit.
pub(crate) fn sum(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().fold(0.0, |acc, x| acc + x)
}

pub(crate) fn exact_unit(weights: impl IntoIterator<Item = f64>) -> f64 {
    let largest = weights.into_iter().fold(0.0, f64::max);
    if largest > 2.0 && largest.is_finite() {
        // 2^e ≤ largest < 2^(e + 1): keep the exponent bits, drop the rest.
        f64::from_bits(largest.to_bits() & (0x7ff << 52))
    } else {
        1.0
    }
}

/// A generalised mean prepared for a fixed set of values whose weights may
/// change: `forward` maps each value once, the weighted average of the
/// mapped values goes through `inverse`. The Monte Carlo of rank
/// uncertainty maps component scores once and only re-weights them.
///
/// For p ≠ 0 values are rescaled by the largest (p > 0) or smallest (p < 0)
/// so that `x^p` never overflows, whatever `p`; the geometric mean (p = 0)
/// works on logarithms, which never overflow.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kernel {
    p: f64,
    floor: f64,
    scale: f64,
    /// `ln scale`, so that ratios to the scale are taken as differences of
    /// logarithms, which never overflow.
    ln_scale: f64,
}

impl Kernel {
    /// Prepares the mean of the values with positive weight; `None` when
    /// there are none.
    pub(crate) fn prepare<I>(method: Aggregation, items: I, floor: f64) -> Option<Kernel>
    where
        I: Iterator<Item = (f64, f64)>,
    {
        let p = method.exponent();
        let floor = if p > 0.0 { 0.0 } else { floor.max(0.0) };
        let mut scale: Option<f64> = None;
        for (x, w) in items {
            if w > 0.0 {
                let v = if p == 1.0 { x } else { x.max(floor) };
                scale = Some(match scale {
                    None => v,
                    Some(s) if p > 0.0 => s.max(v),
                    Some(s) => s.min(v),
                });
            }
        }
        let scale = scale?;
        let scale = if p == 1.0 { 1.0 } else { scale };
        Some(Kernel {
            p,
            floor,
            scale,
            ln_scale: scale.ln(),
        })
    }

    /// The value mapped into the space where the mean is a weighted average.
    pub(crate) fn forward(&self, x: f64) -> f64 {
        if self.p == 1.0 {
            return x;
        }
        if self.scale <= 0.0 {
            // Every value is 0 (p > 0) or some value is 0 (p ≤ 0): the mean
            // is 0 and `inverse` says so.
            return 0.0;
        }
        let x = x.max(self.floor);
        let v = x / self.scale;
        // When the values span more than f64's range the ratio overflows
        // (or underflows); its logarithm, a difference, never does.
        let ln_v = || x.ln() - self.ln_scale;
        match (self.p == 0.0, v.is_normal()) {
            (true, true) => v.ln(),
            (true, false) => ln_v(),
            (false, true) => v.powf(self.p),
            (false, false) => (self.p * ln_v()).exp(),
        }
    }

    /// The mean, from the weighted average of mapped values.
    pub(crate) fn inverse(&self, m: f64) -> f64 {
        if self.p == 1.0 {
            m
        } else if self.scale <= 0.0 {
            0.0
        } else {
            let mean = if self.p == 0.0 {
                self.scale * m.exp()
            } else {
                self.scale * m.powf(1.0 / self.p)
            };
            if mean.is_finite() {
                mean
            } else {
                let ln_m = if self.p == 0.0 { m } else { m.ln() / self.p };
                // exp overflowed before the scale brought it back: add
                // logarithms instead. The mean lies between finite values,
                // so only rounding can take it past f64::MAX.
                (self.ln_scale + ln_m).exp().min(f64::MAX)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometric_mean_of_values_whose_ratio_overflows() {
        // exp((ln 1e300 + ln 1e-300) / 2) = 1, though 1e300 / 1e-300 is inf.
        let g = Aggregation::Geometric
            .mean([(1e300, 1.0), (1e-300, 1.0)], 0.0)
            .unwrap();
        assert!((g - 1.0).abs() < 1e-9, "{g}");
        let g = Aggregation::Geometric
            .mean([(f64::MAX, 1.0), (f64::MIN_POSITIVE, 3.0)], 0.0)
            .unwrap();
        assert!(g.is_finite() && g > 0.0, "{g}");
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn power_one_and_minus_one_are_arithmetic_and_harmonic() {
        let items = [(0.2, 1.0), (0.8, 3.0)];
        let a = Aggregation::Arithmetic.mean(items, 0.0).unwrap();
        assert!(close(a, (0.2 + 2.4) / 4.0));
        assert!(close(Aggregation::Power(1.0).mean(items, 0.0).unwrap(), a));
        let h = 4.0 / (1.0 / 0.2 + 3.0 / 0.8);
        assert!(close(Aggregation::Harmonic.mean(items, 0.0).unwrap(), h));
        assert!(close(Aggregation::Power(-1.0).mean(items, 0.0).unwrap(), h));
        let g = (0.2_f64 * 0.8 * 0.8 * 0.8).powf(0.25);
        assert!(close(Aggregation::Power(0.0).mean(items, 0.0).unwrap(), g));
    }

    #[test]
    fn power_mean_of_two_is_hand_computed() {
        // p = 2: sqrt((0.36 + 0.04)/2) = sqrt(0.2)
        let m = Aggregation::Power(2.0)
            .mean([(0.6, 1.0), (0.2, 1.0)], 0.0)
            .unwrap();
        assert!(close(m, 0.2_f64.sqrt()));
    }

    #[test]
    fn generalised_mean_limits_are_max_and_min() {
        let items = [(0.3, 1.0), (0.9, 1.0), (0.5, 2.0)];
        let hi = Aggregation::Power(500.0).mean(items, 0.0).unwrap();
        let lo = Aggregation::Power(-500.0).mean(items, 0.0).unwrap();
        assert!(hi <= 0.9 && hi > 0.89, "{hi}");
        assert!((0.3..0.301).contains(&lo), "{lo}");
        // Extreme exponents neither overflow nor underflow.
        // 0.9·(1/4)^(1/p) with p = 1e6 is within 2e-6 of 0.9.
        let huge = Aggregation::Power(1e6).mean(items, 0.0).unwrap();
        assert!(huge <= 0.9 && 0.9 - huge < 2e-6, "{huge}");
        let tiny = Aggregation::Power(-1e6).mean(items, 0.0).unwrap();
        assert!(tiny >= 0.3 && tiny - 0.3 < 2e-6, "{tiny}");
        // p → 0 approaches the geometric mean.
        let g = Aggregation::Geometric.mean(items, 0.0).unwrap();
        let near = Aggregation::Power(1e-9).mean(items, 0.0).unwrap();
        assert!((g - near).abs() < 1e-6);
    }

    #[test]
    fn zero_in_geometric_and_harmonic_means() {
        let items = [(0.0, 1.0), (0.64, 1.0)];
        // Floor 0.01: sqrt(0.01 · 0.64) = 0.08; harmonic 2/(100 + 1/0.64)
        let g = Aggregation::Geometric.mean(items, 0.01).unwrap();
        assert!(close(g, 0.08));
        let h = Aggregation::Harmonic.mean(items, 0.01).unwrap();
        assert!(close(h, 2.0 / (100.0 + 1.0 / 0.64)));
        // Floor 0: the exact limit, 0.
        assert_eq!(Aggregation::Geometric.mean(items, 0.0), Some(0.0));
        assert_eq!(Aggregation::Harmonic.mean(items, 0.0), Some(0.0));
        // A zero with zero weight takes no part.
        let m = Aggregation::Geometric
            .mean([(0.0, 0.0), (0.64, 1.0)], 0.0)
            .unwrap();
        assert!(close(m, 0.64));
        // Power p > 0 needs no floor; all zeros give 0.
        assert_eq!(
            Aggregation::Power(2.0).mean([(0.0, 1.0), (0.0, 2.0)], 0.01),
            Some(0.0)
        );
    }

    #[test]
    fn negative_values_are_kept_by_the_arithmetic_mean_only() {
        let items = [(-0.5, 1.0), (1.5, 1.0)];
        assert!(close(
            Aggregation::Arithmetic.mean(items, 0.01).unwrap(),
            0.5
        ));
        // p = 2 treats -0.5 as 0: sqrt(2.25/2)
        let m = Aggregation::Power(2.0).mean(items, 0.01).unwrap();
        assert!(close(m, (2.25_f64 / 2.0).sqrt()));
    }

    #[test]
    fn the_exact_unit_is_a_power_of_two() {
        assert_eq!(exact_unit([0.5, 2.0]), 1.0);
        assert_eq!(exact_unit([3.0, 1.0]), 2.0);
        assert_eq!(exact_unit([1024.0]), 1024.0);
        assert_eq!(exact_unit([f64::MAX, 1.0]), 2f64.powi(1023));
        assert_eq!(exact_unit([]), 1.0);
    }

    #[test]
    fn weights_whose_sum_overflows_keep_their_ratios() {
        let items = [(1.0, f64::MAX), (0.25, f64::MAX)];
        // One to one: (1 + 0.25)/2, sqrt(0.25), 2/(1 + 4), sqrt((1 + 0.0625)/2).
        let mean = |m: Aggregation| m.mean(items, 0.01).unwrap();
        assert_eq!(mean(Aggregation::Arithmetic), 0.625);
        assert!(close(mean(Aggregation::Geometric), 0.5));
        assert!(close(mean(Aggregation::Harmonic), 0.4));
        assert!(close(mean(Aggregation::Power(2.0)), 0.53125_f64.sqrt()));
    }

    #[test]
    fn values_whose_weighted_sum_overflows_have_a_finite_mean() {
        let max = f64::MAX;
        let mean = |items: [(f64, f64); 2]| Aggregation::Arithmetic.mean(items, 0.01).unwrap();
        assert_eq!(mean([(max, 1.0), (max, 1.0)]), max);
        assert_eq!(mean([(max, 1.0), (max / 2.0, 1.0)]), 0.75 * max);
        assert_eq!(mean([(-max, 3.0), (-max, 1.0)]), -max);
        // p = 2 maps values into [0, 1] first: no overflow to begin with.
        assert_eq!(
            Aggregation::Power(2.0).mean([(max, 1.0), (max, 1.0)], 0.0),
            Some(max)
        );
    }

    #[test]
    fn scaling_weights_changes_nothing() {
        let items = [(0.3, 1.0), (0.7, 2.0), (0.1, 0.5)];
        for method in [
            Aggregation::Arithmetic,
            Aggregation::Geometric,
            Aggregation::Harmonic,
            Aggregation::Power(3.0),
        ] {
            let a = method.mean(items, 0.01).unwrap();
            let b = method.mean(items.map(|(x, w)| (x, w * 7.5)), 0.01).unwrap();
            assert!(close(a, b), "{method:?}");
        }
    }
}
