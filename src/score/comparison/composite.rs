//! The arithmetic of a comparison: normalising the table, composites
//! (weighted means or Copeland) and competition ranks.

use crate::score::engine::Ranker;
use crate::score::vocabulary::{Dimension, DimensionMap, PortfolioAggregation, Row, Weights};
use crate::score::{Aggregation, Normalisation, Scaling};

/// Each column of `raw` normalised across the rows, but for the column of
/// `left_empty`, which a caller fills itself.
pub(crate) fn normalise_table(
    raw: &[Row],
    normalisation: Normalisation,
    scalings: &DimensionMap<Scaling>,
    left_empty: Option<Dimension>,
) -> Vec<Row> {
    let n = raw.len();
    let (mut column, mut normalised) = (vec![None; n], vec![None; n]);
    let mut scratch = Vec::with_capacity(n);
    let mut table = vec![Row::default(); n];
    for (d, scaling) in scalings.iter().filter(|(d, _)| Some(*d) != left_empty) {
        for (c, r) in column.iter_mut().zip(raw) {
            *c = r[d];
        }
        normalisation.apply_into(&column, scaling, &mut scratch, &mut normalised);
        for (t, v) in table.iter_mut().zip(&normalised) {
            t[d] = *v;
        }
    }
    table
}

/// Whether a row takes part in the ranking: some dimension with data has
/// positive weight.
pub(crate) fn rankable(row: &Row, weights: &Weights) -> bool {
    row.values()
        .zip(weights.values())
        .any(|(v, &w)| v.is_some() && w > 0.0)
}

/// Composites of normalised rows, into `out`.
///
/// The arithmetic, geometric and harmonic means are computed in one pass
/// (the zero rule of [`Aggregation`] applies: values below `floor` are
/// raised to it first); other power means go through [`Aggregation::mean`].
pub(crate) fn composites(
    table: &[Row],
    weights: &Weights,
    method: PortfolioAggregation,
    floor: f64,
    out: &mut [Option<f64>],
) {
    let one_pass = |row: &Row, map: fn(f64, f64) -> f64| {
        let (mut s, mut tw) = (0.0, 0.0);
        for (v, &w) in row.values().zip(weights.values()) {
            if let Some(x) = v
                && w > 0.0
            {
                s += w * map(*x, floor);
                tw += w;
            }
        }
        (tw > 0.0).then_some((s, tw))
    };
    match method {
        PortfolioAggregation::Arithmetic => {
            for (o, row) in out.iter_mut().zip(table) {
                *o = one_pass(row, |x, _| x).map(|(s, tw)| s / tw);
            }
        }
        PortfolioAggregation::Geometric => {
            for (o, row) in out.iter_mut().zip(table) {
                *o = one_pass(row, |x, f| x.max(f).ln()).map(|(s, tw)| (s / tw).exp());
            }
        }
        PortfolioAggregation::Harmonic => {
            for (o, row) in out.iter_mut().zip(table) {
                *o = one_pass(row, |x, f| 1.0 / x.max(f)).map(|(s, tw)| tw / s);
            }
        }
        PortfolioAggregation::Power(p) => {
            let mean = Aggregation::Power(p);
            for (o, row) in out.iter_mut().zip(table) {
                *o = mean.mean(
                    row.values()
                        .zip(weights.values())
                        .filter_map(|(v, &w)| v.map(|v| (v, w))),
                    floor,
                );
            }
        }
        PortfolioAggregation::Copeland => copeland(table, weights, out),
    }
}

/// Copeland scores (wins − losses) of normalised rows, into `out`.
///
/// ```text
/// c(a, b) = Σ_d w_d · ([a_d > b_d] + ½[a_d = b_d])   over dimensions both have
/// a beats b ⇔ c(a, b) > c(b, a)
/// ```
pub(crate) fn copeland(table: &[Row], weights: &Weights, out: &mut [Option<f64>]) {
    // `out` first marks who takes part, then accumulates the scores.
    for (o, row) in out.iter_mut().zip(table) {
        *o = rankable(row, weights).then_some(0.0);
    }
    for (i, a) in table.iter().enumerate() {
        let (head, tail) = out.split_at_mut((i + 1).min(table.len()));
        let Some(Some(score_a)) = head.last_mut() else {
            continue;
        };
        for (score_b, b) in tail.iter_mut().zip(table.iter().skip(i + 1)) {
            let Some(score_b) = score_b else { continue };
            let (mut ab, mut ba) = (0.0, 0.0);
            for ((x, y), &w) in a.values().zip(b.values()).zip(weights.values()) {
                if let (Some(x), Some(y)) = (x, y) {
                    if x > y {
                        ab += w;
                    } else if y > x {
                        ba += w;
                    }
                }
            }
            // Ties add ½w to both sides, which cannot change who wins.
            if ab > ba {
                *score_a += 1.0;
                *score_b -= 1.0;
            } else if ba > ab {
                *score_a -= 1.0;
                *score_b += 1.0;
            }
        }
    }
}

/// Composites this close (relative to their size, at least 1) are ties:
/// the same composite reached by sums in another order can differ in its
/// last bits, and such a difference must not decide a rank.
const TIE_TOLERANCE: f64 = 1e-9;

pub(crate) fn tied(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

/// Competition ranks (1 best, ties share the best rank) of `scores`, higher
/// better, into `out`. Scores within [`TIE_TOLERANCE`] of the first of the
/// group before them share its rank.
pub(crate) fn rank_into(scores: &[Option<f64>], out: &mut [Option<u32>]) {
    Ranker::default().competition(scores, tied, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn competition_ranks_share_ties() {
        let scores = [Some(0.5), Some(0.9), None, Some(0.5), Some(0.1)];
        let mut out = [None; 5];
        rank_into(&scores, &mut out);
        assert_eq!(out, [Some(2), Some(1), None, Some(2), Some(4)]);
    }

    use Dimension::{Evaluation, Progress, Risk};

    /// A map with `values` on the dimensions named, `default` elsewhere.
    fn map<T: Copy>(default: T, values: &[(Dimension, T)]) -> DimensionMap<T> {
        DimensionMap::from_fn(|d| {
            values
                .iter()
                .find(|(e, _)| *e == d)
                .map_or(default, |(_, v)| *v)
        })
    }

    #[test]
    fn copeland_is_hand_computed() {
        // Three programmes on two dimensions of weight 2 and 1:
        // A (90, 10), B (50, 60), C (40, 70).
        // A vs B: A better on the heavier → A wins. A vs C: A wins.
        // B vs C: B better on progress (2) vs C on evaluation (1) → B wins.
        let w = map(0.0, &[(Progress, 2.0), (Evaluation, 1.0)]);
        let row = |p, e| map(None, &[(Progress, Some(p)), (Evaluation, Some(e))]);
        let t = [row(90.0, 10.0), row(50.0, 60.0), row(40.0, 70.0)];
        let mut out = [None; 3];
        copeland(&t, &w, &mut out);
        assert_eq!(out, [Some(2.0), Some(0.0), Some(-2.0)]);
        // Equal weights: every pair splits one to one, so all tie.
        let equal = map(0.0, &[(Progress, 1.0), (Evaluation, 1.0)]);
        copeland(&t, &equal, &mut out);
        assert_eq!(out, [Some(0.0), Some(0.0), Some(0.0)]);
    }

    #[test]
    fn composite_mean_skips_missing_dimensions() {
        let t = [map(None, &[(Progress, Some(80.0)), (Risk, Some(20.0))])];
        let mut out = [None];
        composites(
            &t,
            &map(
                1.0,
                &[(Evaluation, 5.0), (Risk, 3.0), (Dimension::Finance, 0.0)],
            ),
            PortfolioAggregation::Arithmetic,
            1.0,
            &mut out,
        );
        // (1·80 + 3·20)/4 = 35.
        assert_eq!(out, [Some(35.0)]);
    }
}
