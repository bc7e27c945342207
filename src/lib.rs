//! # ssr-model
//!
//! Security Sector Reform (SSR) programmes as data: a typed model of
//! programmes, stakeholders, components, challenges and evaluation metrics,
//! with a versioned JSON document format and an embedded sample portfolio.
//!
//! ```
//! use chrono::NaiveDate;
//! use ssr_model::{
//!     Baseline, Component, Country, Direction, Indicator, Measure, Period, Pillar, Portfolio,
//!     Programme, ResultLevel, Value,
//! };
//!
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let trust = Indicator::new("Public trust in the police", ResultLevel::Outcome, Measure::Percentage)
//!     .with_direction(Direction::Increase)
//!     .with_baseline(Baseline::new(Value::number(38.0)?).with_date(d(2019, 6, 30)))
//!     .with_period(
//!         Period::new(d(2020, 1, 1), d(2020, 12, 31))
//!             .with_target(Value::number(45.0)?)
//!             .with_actual(Value::number(41.0)?),
//!     );
//! let programme = Programme::new("Police reform", Country::new("LBR")?)
//!     .with_component(Component::new("Community policing", Pillar::PoliceReform).with_indicator(trust));
//! let portfolio = Portfolio::new().with_programme(programme);
//!
//! let json = ssr_model::document::to_string(&portfolio)?;
//! assert_eq!(ssr_model::document::from_str(&json)?, portfolio);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Features
//!
//! - `json` (default): the `document` format.
//! - `iati`: `interop::iati`, import of IATI 2.03 activity files.
//! - `csv`: `interop::csv`, tidy CSV tables for R and pandas.
//! - `schemars`: `interop::schema`, the JSON Schema of the document format.
//!
//! The `ssr` command-line program is its own package in the workspace
//! (`cli/`, `ssr-cli`): `cargo install --path cli`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod model;

pub mod diagnostics;

#[cfg(feature = "json")]
pub mod document;
pub mod interop;
pub mod samples;
pub mod score;
pub mod validate;

pub use model::*;

/// The `chrono` crate, whose `NaiveDate` the model's dates use; re-exported
/// so callers need not match its version.
pub use chrono;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
