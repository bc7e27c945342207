//! Scoring and ranking: portfolios, finance, evidence before ranking, the
//! results chain, properties on generated portfolios, the matrix composite
//! indicator, and the tables built from scores. One test binary (one link)
//! for these areas.

#[path = "../common/mod.rs"]
mod common;

mod evidence;
mod finance;
mod portfolio;
mod properties;
mod rank_matrix;
mod results;
mod tables;
