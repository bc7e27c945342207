//! The scoring vocabulary: the plain types every step of scoring speaks
//! (the dimensions programmes are compared on, one value per dimension, the
//! methods a policy chooses between). It sits at the bottom of `score`:
//! it imports no other part of it but the aggregation kernel, so the
//! policy and each step can import it without importing each other.

mod dimension;
mod dimension_map;
mod methods;

pub use dimension::{Dimension, DimensionValues};
pub(crate) use dimension_map::{DimensionMap, Row, Weights};
pub use methods::{ExposureMethod, Imputation, PortfolioAggregation};
