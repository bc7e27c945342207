//! Validation: every problem in a portfolio at once, each with a stable
//! code, a severity and a JSON Pointer path.

mod code;
mod report;

pub use code::Code;
pub use report::{Finding, Report, Severity};
