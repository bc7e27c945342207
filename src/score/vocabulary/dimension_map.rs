//! One value per [`Dimension`], indexed by the dimension itself.
//!
//! The comparison's tables (raw and normalised rows, weights, scalings, the
//! rank Monte Carlo's mapped columns) hold exactly one entry per dimension.
//! Holding them in this type rather than in a bare array means no code
//! writes a column number: a row is read as `row[Dimension::Progress]`, and
//! an iteration yields the dimension beside its value.

use std::ops::{Index, IndexMut};

use super::{Dimension, DimensionValues};

/// How many dimensions there are.
const N: usize = Dimension::ALL.len();

/// One `T` per dimension, in [`Dimension::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct DimensionMap<T>([T; N]);

/// One programme's values, raw or normalised (`None`: no data).
pub(crate) type Row = DimensionMap<Option<f64>>;

/// The weight of each dimension.
pub(crate) type Weights = DimensionMap<f64>;

impl<T> DimensionMap<T> {
    /// The map whose value for each dimension is `f(dimension)`.
    pub(crate) fn from_fn(f: impl FnMut(Dimension) -> T) -> Self {
        DimensionMap(Dimension::ALL.map(f))
    }

    /// The values, in [`Dimension::ALL`] order.
    pub(crate) fn values(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The values to change, in [`Dimension::ALL`] order.
    pub(crate) fn values_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.0.iter_mut()
    }

    /// Each dimension beside its value, in [`Dimension::ALL`] order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Dimension, &T)> {
        Dimension::ALL.into_iter().zip(&self.0)
    }
}

impl<T> Index<Dimension> for DimensionMap<T> {
    type Output = T;

    #[expect(
        clippy::indexing_slicing,
        reason = "Dimension::index() is the variant's position in Dimension::ALL, \
                  whose length is the array's (tests/model/fallbacks.rs checks index against ALL)"
    )]
    fn index(&self, dimension: Dimension) -> &T {
        &self.0[dimension.index()]
    }
}

impl<T> IndexMut<Dimension> for DimensionMap<T> {
    #[expect(
        clippy::indexing_slicing,
        reason = "Dimension::index() is the variant's position in Dimension::ALL, \
                  whose length is the array's (tests/model/fallbacks.rs checks index against ALL)"
    )]
    fn index_mut(&mut self, dimension: Dimension) -> &mut T {
        &mut self.0[dimension.index()]
    }
}

impl DimensionValues {
    pub(crate) fn to_map(self) -> DimensionMap<Option<f64>> {
        DimensionMap::from_fn(|d| self.get(d))
    }

    pub(crate) fn from_map(values: &DimensionMap<Option<f64>>) -> Self {
        DimensionValues {
            progress: values[Dimension::Progress],
            evaluation: values[Dimension::Evaluation],
            risk: values[Dimension::Risk],
            resistance: values[Dimension::Resistance],
            inclusion: values[Dimension::Inclusion],
            finance: values[Dimension::Finance],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexing_reads_the_dimension_the_map_was_built_for() {
        let map = DimensionMap::from_fn(Dimension::as_str);
        for d in Dimension::ALL {
            assert_eq!(map[d], d.as_str());
        }
        let listed: Vec<_> = map.iter().map(|(d, name)| (d, *name)).collect();
        let expected: Vec<_> = Dimension::ALL.iter().map(|&d| (d, d.as_str())).collect();
        assert_eq!(listed, expected);
    }

    #[test]
    fn writes_land_on_their_dimension_only() {
        let mut map = DimensionMap::<u32>::default();
        map[Dimension::Risk] = 7;
        for (d, v) in Dimension::ALL.into_iter().zip(map.values_mut()) {
            if d == Dimension::Finance {
                *v += 1;
            }
        }
        for (d, &v) in map.iter() {
            let expected = match d {
                Dimension::Risk => 7,
                Dimension::Finance => 1,
                _ => 0,
            };
            assert_eq!(v, expected, "{d}");
        }
        assert_eq!(map.values().sum::<u32>(), 8);
    }
}
