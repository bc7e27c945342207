//! Helpers shared by the integration tests. Each test binary's `main.rs`
//! declares `#[path = "../common/mod.rs"] mod common;`, and its modules
//! import `use crate::common::strategies::*;`.
//!
//! Every test binary compiles this module on its own and uses only part of
//! it, hence the `dead_code` allowance.

#![allow(dead_code)]

pub mod as_of;
pub mod files;
pub mod iati_scan;
pub mod money_left_out;
pub mod money_scan;
pub mod shared;
pub mod strategies;
pub mod strategies_attributes;
