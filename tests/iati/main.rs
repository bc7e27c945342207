//! The IATI importer: the crate's own fixtures (three activities, and the
//! hand-written ones), corpora of many files, mutated input, results, and the
//! real files in ../shared/data/iati when they are there. One test binary
//! (one link) for these areas.

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

mod attributes;
mod attributes_real;
mod corpus;
mod counts;
mod hand_written;
mod money_oracle;
mod money_rules;
mod mutation;
mod net_flows;
mod real;
mod results;
mod robustness;
mod three_activities;
