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
/// use ssr_model::score::programme::Aggregation;
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
/// // Display and FromStr: the name, or `power p`.
/// assert_eq!(Aggregation::Power(2.5).to_string(), "power 2.5");
/// assert_eq!("power 2.5".parse::<Aggregation>().ok(), Some(Aggregation::Power(2.5)));
/// assert!("power 1000".parse::<Aggregation>().is_err()); // beyond EXPONENT_LIMIT
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

impl std::str::FromStr for Aggregation {
    type Err = crate::ValueError;

    /// Reads what `Display` writes: `arithmetic`, `geometric`, `harmonic`,
    /// or `power p` with a finite `p` within [`Aggregation::EXPONENT_LIMIT`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const EXPECTED: &str = "arithmetic, geometric, harmonic or power p (|p| at most 100)";
        let refused = || crate::ValueError::new("aggregation", EXPECTED, format!("{s:?}"));
        match s {
            "arithmetic" => Ok(Aggregation::Arithmetic),
            "geometric" => Ok(Aggregation::Geometric),
            "harmonic" => Ok(Aggregation::Harmonic),
            _ => s
                .strip_prefix("power ")
                .and_then(|p| p.parse::<f64>().ok())
                .filter(|p| p.is_finite() && p.abs() <= Aggregation::EXPONENT_LIMIT)
                .map(Aggregation::Power)
                .ok_or_else(refused),
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
    /// Values are expected within ±10¹⁵ and weights from 0 to 10⁶, the
    /// domain the model's types ([`Finite`], [`Weight`]) and the policy
    /// check hold every input to: there no weighted sum can overflow.
    ///
    /// [`Finite`]: crate::Finite
    /// [`Weight`]: crate::Weight
    pub fn mean<I>(self, items: I, floor: f64) -> Option<f64>
    where
        I: IntoIterator<Item = (f64, f64)>,
        I::IntoIter: Clone,
    {
        let items = items.into_iter();
        let kernel = Kernel::prepare(self, items.clone(), floor)?;
        let (mut sum, mut total) = (0.0, 0.0);
        for (x, w) in items.filter(|&(_, w)| w > 0.0) {
            sum += w * kernel.forward(x);
            total += w;
        }
        Some(kernel.inverse(sum / total))
    }

    /// The largest magnitude of a power-mean exponent a policy accepts,
    /// 100. Beyond it a power mean is the maximum or the minimum to within
    /// rounding: 0.5¹⁰⁰ ≈ 8·10⁻³¹.
    pub const EXPONENT_LIMIT: f64 = 100.0;
}

/// The sum of `values`, +0 when there are none or all are zero.
///
/// Rust's `Sum` for `f64` starts from −0 (since 1.83), so an empty sum is
/// −0, and a coverage of −0 printed as "-0%". Starting from +0 gives the
/// same sums otherwise, bit for bit.
pub(crate) fn sum(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().fold(0.0, |acc, x| acc + x)
}

/// A generalised mean prepared for a fixed set of values whose weights may
/// change: `forward` maps each value once, the weighted average of the
/// mapped values goes through `inverse`. The Monte Carlo of rank
/// uncertainty maps component scores once and only re-weights them.
///
/// For p ≠ 1 values are taken relative to the largest (p > 0) or smallest
/// (p ≤ 0) and mapped through logarithms: `(x/s)^p = exp(p·(ln x − ln s))`
/// lies in [0, 1] whatever `p`, and a ratio of values within the domain
/// (10¹⁵ over a positive value as small as 10⁻³⁰⁰, say) is never formed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kernel {
    p: f64,
    floor: f64,
    /// `ln s` for the reference value `s`; `None` when `s` is 0, and so
    /// is the mean.
    ln_scale: Option<f64>,
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
        let ln_scale = if p == 1.0 {
            Some(0.0)
        } else {
            // Every value is 0 (p > 0) or some value is 0 (p ≤ 0): the mean
            // is 0 and `inverse` says so.
            (scale > 0.0).then(|| scale.ln())
        };
        Some(Kernel { p, floor, ln_scale })
    }

    /// The value mapped into the space where the mean is a weighted average.
    pub(crate) fn forward(&self, x: f64) -> f64 {
        if self.p == 1.0 {
            return x;
        }
        let Some(ln_scale) = self.ln_scale else {
            return 0.0;
        };
        let ln_ratio = x.max(self.floor).ln() - ln_scale;
        if self.p == 0.0 {
            ln_ratio
        } else {
            (self.p * ln_ratio).exp()
        }
    }

    /// The mean, from the weighted average of mapped values.
    pub(crate) fn inverse(&self, m: f64) -> f64 {
        if self.p == 1.0 {
            return m;
        }
        let Some(ln_scale) = self.ln_scale else {
            return 0.0;
        };
        let ln_ratio = if self.p == 0.0 { m } else { m.ln() / self.p };
        (ln_scale + ln_ratio).exp()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometric_mean_of_values_whose_ratio_overflows() {
        // Both values are in the domain; their ratio, 10³¹⁵, is not a f64.
        // exp((ln 1e15 + ln 1e-300) / 2) = 10^-142.5.
        let g = Aggregation::Geometric
            .mean([(1e15, 1.0), (1e-300, 1.0)], 0.0)
            .unwrap();
        let expected = 10f64.powf(-142.5);
        assert!((g / expected - 1.0).abs() < 1e-9, "{g}");
        // The harmonic mean of the same: 2/(1e-15 + 1e300) ≈ 2e-300.
        let h = Aggregation::Harmonic
            .mean([(1e15, 1.0), (1e-300, 1.0)], 0.0)
            .unwrap();
        assert!((h / 2e-300 - 1.0).abs() < 1e-9, "{h}");
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
    fn weights_at_the_limit_keep_their_ratios() {
        let w = crate::Weight::LIMIT;
        let items = [(1.0, w), (0.25, w)];
        // One to one: (1 + 0.25)/2, sqrt(0.25), 2/(1 + 4), sqrt((1 + 0.0625)/2).
        let mean = |m: Aggregation| m.mean(items, 0.01).unwrap();
        assert_eq!(mean(Aggregation::Arithmetic), 0.625);
        assert!(close(mean(Aggregation::Geometric), 0.5));
        assert!(close(mean(Aggregation::Harmonic), 0.4));
        assert!(close(mean(Aggregation::Power(2.0)), 0.53125_f64.sqrt()));
    }

    #[test]
    fn values_at_the_limit_have_their_mean() {
        let max = crate::Finite::LIMIT;
        let w = crate::Weight::LIMIT;
        let mean = |items: [(f64, f64); 2]| Aggregation::Arithmetic.mean(items, 0.01).unwrap();
        assert_eq!(mean([(max, w), (max, w)]), max);
        assert_eq!(mean([(max, 1.0), (max / 2.0, 1.0)]), 0.75 * max);
        assert_eq!(mean([(-max, 3.0), (-max, w)]), -max);
        let p = Aggregation::Power(Aggregation::EXPONENT_LIMIT)
            .mean([(max, w), (max, 1.0)], 0.0)
            .unwrap();
        assert!((p / max - 1.0).abs() < 1e-12, "{p}");
        let p = Aggregation::Power(-Aggregation::EXPONENT_LIMIT)
            .mean([(max, w), (1e-300, 1.0)], 0.0)
            .unwrap();
        assert!(p.is_finite() && p > 1e-300 && p < max, "{p}");
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
