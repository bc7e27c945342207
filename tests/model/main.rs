//! The model and its document format: constructors and accessors, codes and
//! codelists, finding locations, the embedded sample, JSON round trips,
//! errors and messages for bad documents, version-1 upgrades and the JSON
//! Schema. One test binary (one link) for these areas.

#[path = "../common/mod.rs"]
mod common;

mod codelists;
mod document_errors;
mod document_upgrade;
mod fallbacks;
mod interop_schema;
mod locations;
mod messages;
mod model;
mod roundtrip;
mod samples;
mod strategies;
