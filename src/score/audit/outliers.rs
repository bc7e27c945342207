//! Outliers: COINr's skewness-and-kurtosis rule and its treatments (the
//! definitions are in the [`audit`](super) docs).

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Code, Pointer};
use crate::score::Dimension;
use crate::score::policy::{OutlierPolicy, OutlierTreatment};
use crate::score::vocabulary::{Row, Weights};
use crate::{Finding, ProgrammeId};

/// How a value was treated.
///
/// ```
/// use ssr_model::score::audit::OutlierMethod;
///
/// assert_eq!(OutlierMethod::Winsorised.as_str(), "winsorised");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutlierMethod {
    /// Set to the next value inward.
    Winsorised,
    /// Log-transformed (the whole dimension is).
    Log,
}

crate::model::names::names!(OutlierMethod, "outlier method" {
    Winsorised = "winsorised",
    Log = "log",
});

/// One raw value the outlier treatment changed.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::{OutlierTreatment, ScoringPolicy};
///
/// let mut policy = ScoringPolicy::default();
/// policy.audit.outliers.treatment = OutlierTreatment::Winsorise;
/// let card = Scorer::new(policy)?.scorecard(&ssr_model::samples::portfolio());
/// for t in &card.comparison.audit.outliers {
///     assert_ne!(t.before, t.after);
/// }
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TreatedValue {
    /// The programme.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub programme: ProgrammeId,
    /// The dimension.
    pub dimension: Dimension,
    /// The raw value.
    pub before: f64,
    /// The value normalised in its place.
    pub after: f64,
    /// How it was treated.
    pub method: OutlierMethod,
}

/// Central moments m2, m3, m4 of `x`.
fn moments(x: &[f64]) -> (f64, f64, f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let (mut m2, mut m3, mut m4) = (0.0, 0.0, 0.0);
    for v in x {
        let d = v - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
    }
    (m2 / n, m3 / n, m4 / n)
}

/// The sample skewness G1 of `x` (e1071 type 2), or `None` with fewer than
/// three values or a constant column.
///
/// ```
/// use ssr_model::score::audit::skewness;
///
/// // 1, 2, 3, 10: mean 4, deviations −3, −2, −1, 6: m2 = 50/4 = 12.5,
/// // m3 = (−27 − 8 − 1 + 216)/4 = 45: g1 = 45/12.5^1.5 = 1.018234,
/// // G1 = g1 · √(4 · 3) / (4 − 2) = 1.763633.
/// let g1 = skewness(&[1.0, 2.0, 3.0, 10.0]).ok_or("known")?;
/// assert!((g1 - 1.763633).abs() < 1e-6);
/// assert_eq!(skewness(&[1.0, 1.0, 1.0]), None);
/// # Ok::<(), &str>(())
/// ```
pub fn skewness(x: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    if x.len() < 3 {
        return None;
    }
    let (m2, m3, _) = moments(x);
    (m2 > 0.0).then(|| m3 / m2.powf(1.5) * (n * (n - 1.0)).sqrt() / (n - 2.0))
}

/// The sample excess kurtosis G2 of `x` (e1071 type 2), or `None` with
/// fewer than four values or a constant column.
///
/// ```
/// use ssr_model::score::audit::excess_kurtosis;
///
/// // 1, 2, 3, 10: deviations −3, −2, −1, 6: m2 = 50/4 = 12.5,
/// // m4 = (81 + 16 + 1 + 1296)/4 = 348.5: g2 = 348.5/156.25 − 3 = −0.7696,
/// // G2 = (5 · g2 + 6) · 3 / (2 · 1) = 3.228.
/// let g2 = excess_kurtosis(&[1.0, 2.0, 3.0, 10.0]).ok_or("known")?;
/// assert!((g2 - 3.228).abs() < 1e-9);
/// # Ok::<(), &str>(())
/// ```
pub fn excess_kurtosis(x: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    if x.len() < 4 {
        return None;
    }
    let (m2, _, m4) = moments(x);
    (m2 > 0.0).then(|| {
        let g2 = m4 / (m2 * m2) - 3.0;
        ((n + 1.0) * g2 + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0))
    })
}

/// Whether `x` fails the rule.
fn fails(x: &[f64], policy: &OutlierPolicy) -> bool {
    let skewed = skewness(x).is_some_and(|s| s.abs() > policy.max_skewness);
    skewed && excess_kurtosis(x).is_some_and(|k| k > policy.max_kurtosis)
}

/// Winsorises `x` in place; the number of values changed, and whether it
/// passes now.
fn winsorise(x: &mut [f64], policy: &OutlierPolicy) -> (usize, bool) {
    let mut changed = 0;
    while fails(x, policy) && changed < policy.max_winsorised {
        let high = skewness(x).is_some_and(|s| s > 0.0);
        let extreme = x
            .iter()
            .copied()
            .reduce(|a, b| if high { a.max(b) } else { a.min(b) });
        let inner = x
            .iter()
            .copied()
            .filter(|v| Some(*v) != extreme)
            .reduce(|a, b| if high { a.max(b) } else { a.min(b) });
        let (Some(extreme), Some(inner)) = (extreme, inner) else {
            break;
        };
        for v in x.iter_mut().filter(|v| **v == extreme) {
            *v = inner;
            changed += 1;
        }
    }
    (changed, !fails(x, policy))
}

/// COINr's `log_CT`, reflected for a negative skew (see the module docs).
fn log_transform(x: &mut [f64]) {
    let positive = skewness(x).is_none_or(|s| s >= 0.0);
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    let max = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let shift = 0.01 * (max - min);
    for v in x.iter_mut() {
        *v = if positive {
            (*v - min + shift).ln()
        } else {
            -(max - *v + shift).ln()
        };
    }
}

/// Treats the weighted columns of the ranked programmes' `raw` rows per
/// `policy`, in place; the values changed, and a finding per dimension
/// treated or still failing, at `at` (the list of treated values).
pub(crate) fn treat_columns(
    raw: &mut [Row],
    programmes: &[ProgrammeId],
    weights: &Weights,
    policy: &OutlierPolicy,
    at: &Pointer,
) -> (Vec<TreatedValue>, Vec<Finding>) {
    let (mut treated, mut found) = (Vec::new(), Vec::new());
    if policy.treatment == OutlierTreatment::None {
        return (treated, found);
    }
    for (d, _) in weights.iter().filter(|(_, w)| **w > 0.0) {
        let known: Vec<usize> = (0..raw.len())
            .filter(|&i| raw.get(i).is_some_and(|r| r[d].is_some()))
            .collect();
        let before: Vec<f64> = known.iter().filter_map(|&i| raw.get(i)?[d]).collect();
        let ColumnTreatment {
            values: after,
            method,
            failed,
            passes,
        } = treat_column(&before, policy);
        if !failed {
            continue;
        }
        let message = describe(d, &before, &after, method, passes, policy);
        let code = if passes {
            Code::OutliersTreated
        } else {
            Code::OutliersRemain
        };
        found.push(Finding::new(code, at.clone(), message));
        let Some(method) = method else { continue };
        for ((&i, &b), &a) in known.iter().zip(&before).zip(&after) {
            if let (Some(row), Some(&programme)) = (raw.get_mut(i), programmes.get(i))
                && a != b
            {
                row[d] = Some(a);
                treated.push(TreatedValue {
                    programme,
                    dimension: d,
                    before: b,
                    after: a,
                    method,
                });
            }
        }
    }
    (treated, found)
}

/// What the outlier rule and treatment did to one column.
///
/// ```
/// use ssr_model::score::audit::{OutlierMethod, treat_column};
/// use ssr_model::score::policy::{OutlierPolicy, OutlierTreatment};
///
/// let mut policy = OutlierPolicy::default();
/// policy.treatment = OutlierTreatment::Winsorise;
/// let t = treat_column(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 50.0], &policy);
/// assert!(t.failed && t.passes);
/// assert_eq!(t.method, Some(OutlierMethod::Winsorised));
/// assert_eq!(t.values[9], 9.0); // 50 set to the next value inward
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ColumnTreatment {
    /// The values after the treatment (the original ones when nothing
    /// was applied).
    pub values: Vec<f64>,
    /// The method applied, if any.
    pub method: Option<OutlierMethod>,
    /// Whether the original values failed the rule.
    pub failed: bool,
    /// Whether `values` pass the rule.
    pub passes: bool,
}

/// The outlier rule and the treatment of `policy` applied to the known
/// values `x` of one column (see the [`audit`](super) docs for the rule).
///
/// ```
/// use ssr_model::score::audit::treat_column;
/// use ssr_model::score::policy::{OutlierPolicy, OutlierTreatment};
///
/// let mut policy = OutlierPolicy::default();
/// policy.treatment = OutlierTreatment::Log;
/// // A column without outliers passes and is left alone.
/// let t = treat_column(&[1.0, 2.0, 3.0, 4.0], &policy);
/// assert!(!t.failed && t.passes && t.method.is_none());
/// ```
pub fn treat_column(x: &[f64], policy: &OutlierPolicy) -> ColumnTreatment {
    let untouched = |passes: bool| ColumnTreatment {
        values: x.to_vec(),
        method: None,
        failed: !passes || fails(x, policy),
        passes,
    };
    if !fails(x, policy) {
        return untouched(true);
    }
    let log = || {
        let mut values = x.to_vec();
        log_transform(&mut values);
        ColumnTreatment {
            passes: !fails(&values, policy),
            values,
            method: Some(OutlierMethod::Log),
            failed: true,
        }
    };
    match policy.treatment {
        OutlierTreatment::None => untouched(false),
        OutlierTreatment::Log => log(),
        OutlierTreatment::Winsorise | OutlierTreatment::WinsoriseThenLog => {
            let mut values = x.to_vec();
            if winsorise(&mut values, policy).1 {
                ColumnTreatment {
                    values,
                    method: Some(OutlierMethod::Winsorised),
                    failed: true,
                    passes: true,
                }
            } else if policy.treatment == OutlierTreatment::WinsoriseThenLog {
                log()
            } else {
                untouched(false)
            }
        }
    }
}

fn describe(
    d: Dimension,
    before: &[f64],
    after: &[f64],
    method: Option<OutlierMethod>,
    passes: bool,
    policy: &OutlierPolicy,
) -> String {
    let shape = |x: &[f64]| {
        let f = |v: Option<f64>| v.map_or_else(|| "unknown".to_owned(), |v| format!("{v:.2}"));
        format!(
            "skewness {}, excess kurtosis {}",
            f(skewness(x)),
            f(excess_kurtosis(x))
        )
    };
    let rule = format!("above {} and {}", policy.max_skewness, policy.max_kurtosis);
    let changed = before.iter().zip(after).filter(|(b, a)| b != a).count();
    match (method, passes) {
        (Some(m), true) => format!(
            "{d}: raw values with {} ({rule}): {changed} value(s) {m}; now {}",
            shape(before),
            shape(after)
        ),
        (Some(m), false) => format!(
            "{d}: raw values with {} ({rule}): {changed} value(s) {m}, and still {}",
            shape(before),
            shape(after)
        ),
        (None, _) => format!(
            "{d}: raw values with {} ({rule}) still fail after {} winsorised value(s): left as they were",
            shape(before),
            policy.max_winsorised
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_keeps_the_order_both_ways() {
        let mut up = vec![0.0, 1.0, 2.0, 100.0];
        log_transform(&mut up);
        assert!(up.windows(2).all(|w| w[0] < w[1]));
        let mut down = vec![-100.0, 0.0, 1.0, 2.0];
        log_transform(&mut down);
        assert!(down.windows(2).all(|w| w[0] < w[1]));
    }
}
