//! The composites of the rank Monte Carlo, by columns: the fast twin of
//! [`composites`](super::comparison::composites) for the weighted
//! arithmetic, geometric and harmonic means.
//!
//! Only the progress column changes between replications; the other four
//! dimensions' normalised values are mapped once (a logarithm for the
//! geometric mean, a reciprocal for the harmonic) and stored column by
//! column, so a replication runs five multiply-adds down contiguous memory
//! per programme. Every value goes through the same operations in the same
//! order as in the row-wise code, so the composites are the same to the
//! bit (a test below holds them to it).

use crate::score::PortfolioAggregation;
use crate::score::vocabulary::{DimensionMap, Weights};

/// A weighted mean computed as `finish(Σ w·map(x), Σ w)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mean {
    Arithmetic,
    Geometric,
    Harmonic,
}

impl Mean {
    /// The mean `method` is, when it has a column form.
    pub(crate) fn of(method: PortfolioAggregation) -> Option<Mean> {
        match method {
            PortfolioAggregation::Arithmetic => Some(Mean::Arithmetic),
            PortfolioAggregation::Geometric => Some(Mean::Geometric),
            PortfolioAggregation::Harmonic => Some(Mean::Harmonic),
            _ => None,
        }
    }

    /// As in `composites`: values below `floor` are raised to it first.
    fn map(self, x: f64, floor: f64) -> f64 {
        match self {
            Mean::Arithmetic => x,
            Mean::Geometric => x.max(floor).ln(),
            Mean::Harmonic => 1.0 / x.max(floor),
        }
    }

    fn finish(self, s: f64, tw: f64) -> f64 {
        match self {
            Mean::Arithmetic => s / tw,
            Mean::Geometric => (s / tw).exp(),
            Mean::Harmonic => tw / s,
        }
    }
}

/// One dimension's mapped values and whether each programme has one.
#[derive(Debug, Clone, Default)]
pub(crate) struct Column {
    values: Vec<f64>,
    present: Vec<bool>,
}

impl Column {
    /// Maps `values` (one per programme) for `mean` into `self`.
    pub(crate) fn set(
        &mut self,
        values: impl Iterator<Item = Option<f64>>,
        mean: Mean,
        floor: f64,
    ) {
        self.values.clear();
        self.present.clear();
        for v in values {
            self.values.push(v.map_or(0.0, |x| mean.map(x, floor)));
            self.present.push(v.is_some());
        }
    }
}

/// Sums buffers of one thread.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sums {
    s: Vec<f64>,
    tw: Vec<f64>,
}

/// The composites of the programmes whose dimensions are `columns` under
/// `weights`, into `out`.
pub(crate) fn column_composites(
    columns: &DimensionMap<&Column>,
    weights: &Weights,
    mean: Mean,
    sums: &mut Sums,
    out: &mut [Option<f64>],
) {
    let n = out.len();
    sums.s.clear();
    sums.s.resize(n, 0.0);
    sums.tw.clear();
    sums.tw.resize(n, 0.0);
    for (column, &w) in columns.values().zip(weights.values()) {
        // The row-wise code skips a dimension of weight 0 and a missing
        // value; adding +0.0 instead changes nothing, since a sum that
        // starts at +0.0 is never −0.0.
        if w <= 0.0 {
            continue;
        }
        let values = column.values.iter().zip(&column.present);
        for ((s, tw), (x, &present)) in sums.s.iter_mut().zip(sums.tw.iter_mut()).zip(values) {
            *s += if present { w * x } else { 0.0 };
            *tw += if present { w } else { 0.0 };
        }
    }
    for ((o, &s), &tw) in out.iter_mut().zip(&sums.s).zip(&sums.tw) {
        *o = (tw > 0.0).then(|| mean.finish(s, tw));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Dimension;
    use crate::score::comparison::composites;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            Just(None),
            Just(Some(0.0)),
            Just(Some(-0.0)),
            (-5.0f64..110.0).prop_map(Some),
            (0i32..4).prop_map(|k| Some(f64::from(k) * 25.0)),
        ]
    }

    /// One value per dimension, each drawn from `values`.
    fn row<T: std::fmt::Debug + Clone>(
        values: impl Strategy<Value = T>,
    ) -> impl Strategy<Value = DimensionMap<T>> {
        prop::collection::vec(values, Dimension::ALL.len())
            .prop_map(|v| DimensionMap::from_fn(|d| v[d.index()].clone()))
    }

    proptest! {
        /// Bit for bit the row-wise composites (the slow twin), missing
        /// values, zero weights and zeros included.
        #[test]
        fn columns_match_rows(
            table in prop::collection::vec(row(value()), 0..60),
            weights in row(prop_oneof![Just(0.0), 0.01f64..5.0]),
            which in 0usize..3,
        ) {
            let method = [
                PortfolioAggregation::Arithmetic,
                PortfolioAggregation::Geometric,
                PortfolioAggregation::Harmonic,
            ][which];
            let floor = 1.0;
            let mut expected = vec![None; table.len()];
            composites(&table, &weights, method, floor, &mut expected);
            let mean = Mean::of(method).unwrap();
            let columns = DimensionMap::from_fn(|d| {
                let mut c = Column::default();
                c.set(table.iter().map(|r| r[d]), mean, floor);
                c
            });
            let mut got = vec![None; table.len()];
            column_composites(&DimensionMap::from_fn(|d| &columns[d]), &weights, mean, &mut Sums::default(), &mut got);
            let bits = |v: &[Option<f64>]| v.iter().map(|x| x.map(f64::to_bits)).collect::<Vec<_>>();
            prop_assert_eq!(bits(&got), bits(&expected));
        }
    }
}
