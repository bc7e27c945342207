//! Validation: one test per finding code, the policy and the report, the
//! results chain, recipients and money over time, properties over arbitrary
//! models, the embedded sample, and the catalogue of codes. One test binary
//! (one link) for these areas.

// Tests and their helpers may unwrap, expect, panic and index (clippy.toml's
// allow-*-in-tests reach only #[test] functions and #[cfg(test)] code, not the
// helpers of an integration test), and spell out long tables of cases.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::too_many_lines)]

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/validate_fixture.rs"]
mod validate_fixture;

mod catalogue;
mod codes;
mod policy;
mod props;
mod recipients;
mod results;
mod sample;
mod summary;
