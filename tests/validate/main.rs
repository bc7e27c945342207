//! Validation: one test per finding code, the policy and the report, the
//! results chain, recipients and money over time, properties over arbitrary
//! models, the embedded sample, and the catalogue of codes. One test binary
//! (one link) for these areas.

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
