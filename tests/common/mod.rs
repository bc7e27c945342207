//! Helpers shared by the integration tests. Each test file that needs them
//! declares `mod common;` and imports `use common::strategies::*;`.
//!
//! Every test file compiles this module on its own and uses only part of it,
//! hence the `dead_code` allowance.

#![allow(dead_code)]

pub mod as_of;
pub mod iati_scan;
pub mod shared;
pub mod strategies;
