//! Interoperability with standards: import of IATI activity files
//! (feature `iati`) and the JSON Schema of the document format (feature
//! `schemars`). Every table, as CSV, Arrow or Parquet, is in
//! [`tables`](crate::tables).
//!
//! ```
//! # #[cfg(all(feature = "iati", feature = "csv"))] {
//! use ssr_model::Scorer;
//! use ssr_model::interop::iati;
//! use ssr_model::tables::{Source, TableName};
//!
//! // From IATI XML to a CSV table of programmes.
//! let xml = r#"<iati-activities version="2.03"><iati-activity>
//!   <iati-identifier>XM-1</iati-identifier><title><narrative>Police reform</narrative></title>
//!   <recipient-country code="LR"/></iati-activity></iati-activities>"#;
//! let import = iati::import(xml.as_bytes())?;
//! let scorer = Scorer::default();
//! let mut out = Vec::new();
//! Source::new(&import.portfolio, &scorer).write_csv(&mut out, TableName::Programmes)?;
//! let text = String::from_utf8(out)?;
//! assert_eq!(text.lines().count(), 2); // the header and Liberia's programme
//! assert!(text.contains("Police reform"));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "iati")]
#[cfg_attr(docsrs, doc(cfg(feature = "iati")))]
pub mod iati;
#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub mod schema;
