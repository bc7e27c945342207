//! Scoring and ranking: portfolios, finance, evidence before ranking, the
//! results chain, properties on generated portfolios, the matrix composite
//! indicator, and the tables built from scores. One test binary (one link)
//! for these areas.

// Tests and their helpers may unwrap, expect, panic and index (clippy.toml's
// allow-*-in-tests reach only #[test] functions and #[cfg(test)] code, not the
// helpers of an integration test), and spell out long tables of cases.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::too_many_lines
)]

#[path = "../common/mod.rs"]
mod common;

mod as_of;
mod audit;
mod coherence;
mod evidence;
mod finance;
mod html;
mod panel;
mod partitioned;
mod portfolio;
mod properties;
mod rank_matrix;
mod results;
mod sensitivity;
mod sensitivity_matrix;
mod sensitivity_portfolio;
mod table_files;
mod tables;
