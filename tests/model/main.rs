//! The model and its document format: constructors and accessors, codes and
//! codelists, finding locations, the embedded sample, JSON round trips,
//! errors and messages for bad documents, version-1 upgrades and the JSON
//! Schema. One test binary (one link) for these areas.

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

mod codelists;
mod document_attributes;
mod document_errors;
mod document_upgrade;
mod fallbacks;
mod interop_schema;
mod layering;
mod locations;
mod messages;
mod model;
mod rates;
mod roundtrip;
mod samples;
mod strategies;
