//! The IATI importer: the crate's own fixtures (three activities, and the
//! hand-written ones), corpora of many files, mutated input, results, and the
//! real files in ../shared/data/iati when they are there. One test binary
//! (one link) for these areas.

#[path = "../common/mod.rs"]
mod common;

mod corpus;
mod counts;
mod hand_written;
mod mutation;
mod real;
mod results;
mod three_activities;
