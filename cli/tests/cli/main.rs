//! The `ssr` program end to end, run as a user would: sample and report,
//! validate, score and rank, finance, IATI import, results, exports, and the
//! real IATI files ranked when ../shared is there. One test binary (one
//! link) for the whole command line.

// Tests and their helpers may unwrap, expect, panic and index (clippy.toml's
// allow-*-in-tests reach only #[test] functions and #[cfg(test)] code, not the
// helpers of an integration test), and spell out long tables of cases.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

#[path = "../../../tests/common/shared.rs"]
mod shared;
#[path = "../../../tests/common/validate_fixture.rs"]
mod validate_fixture;

mod attributes;
mod audit;
mod exit_codes;
mod export;
mod finance;
mod findings;
mod iati;
mod names;
mod panel;
mod rank_real_files;
mod readme;
mod results;
mod safe_writes;
mod sample;
mod score;
mod sensitivity;
mod validate;
mod zero_filled;
