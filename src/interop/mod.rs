//! Interoperability with other tools and standards: import of IATI activity
//! files (feature `iati`), tidy CSV exports for R and pandas (feature
//! `csv`), and the JSON Schema of the document format (feature `schemars`).

#[cfg(feature = "csv")]
#[cfg_attr(docsrs, doc(cfg(feature = "csv")))]
pub mod csv;
#[cfg(feature = "iati")]
#[cfg_attr(docsrs, doc(cfg(feature = "iati")))]
pub mod iati;
#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub mod schema;
