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
}

pub(crate) fn run(which: Which, out: &mut impl Write) -> Result<u8, Failure> {
    let text = match which {
        Which::Document => ssr_model::interop::schema::document_schema_string(),
    }
    .map_err(write_failure)?;
    writeln!(out, "{text}").map_err(write_failure)?;
    Ok(0)
}
