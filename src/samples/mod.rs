//! Sample data: an illustrative portfolio drawn from SSR case studies, and a
//! synthetic generator of portfolios of any size for benchmarks and tests.
//!
//! **The figures in the sample portfolio are illustrative.** The programmes
//! follow the shape of the reforms the SSR literature describes (Liberia,
//! Sierra Leone, Bosnia and Herzegovina, Tunisia, Colombia, Mali, South
//! Africa), but their budgets, indicator values, ratings and dates are
//! invented for demonstration and must not be cited as data.

mod synthetic;

pub use synthetic::{Synthetic, synthetic};

use crate::Portfolio;

/// The embedded sample portfolio of SSR programmes (illustrative figures).
///
/// Ids are derived from fixed names, so the portfolio is the same on every
/// call and every machine.
///
/// ```
/// let portfolio = ssr_model::samples::portfolio();
/// assert!(portfolio.programmes.len() >= 7);
/// ```
pub fn portfolio() -> Portfolio {
    Portfolio::new().with_name("Illustrative SSR portfolio (sample data)")
}
