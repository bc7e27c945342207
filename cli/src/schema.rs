//! `ssr schema`: the JSON Schema of a format.

use std::io::Write;

use clap::ValueEnum;

use crate::{Failure, write_failure};

/// Which format's schema to print.
#[derive(Clone, Copy, Default, ValueEnum)]
pub(crate) enum Which {
    /// The portfolio JSON document.
    #[default]
    Document,
    /// The scorecard `ssr score --format json` writes.
    Scorecard,
    /// A scoring policy file (`ssr score --policy`).
    ScoringPolicy,
    /// A validation policy file (`ssr validate --policy`).
    ValidationPolicy,
}

pub(crate) fn run(which: Which, out: &mut impl Write) -> Result<u8, Failure> {
    use ssr_model::interop::schema;
    let text = match which {
        Which::Document => schema::document_schema_string(),
        Which::Scorecard => serde_json::to_string_pretty(&schema::scorecard_schema()),
        Which::ScoringPolicy => serde_json::to_string_pretty(&schema::scoring_policy_schema()),
        Which::ValidationPolicy => {
            serde_json::to_string_pretty(&schema::validation_policy_schema())
        }
    }
    .map_err(write_failure)?;
    writeln!(out, "{text}").map_err(write_failure)?;
    Ok(0)
}
