#![cfg(feature = "iati")]

//! Files that once crashed or exhausted a whole corpus import: each is now
//! that file's error (an `iati_unreadable_file` finding) or imports, and the
//! other files of the corpus still import.

use std::io::Read;

use ssr_model::diagnostics::Code;
use ssr_model::interop::iati::{Corpus, ImportError, ImportOptions, Source};

const GOOD: &str = r#"<iati-activities version="2.03"><iati-activity>
  <iati-identifier>XM-GOOD-1</iati-identifier><recipient-country code="ML"/>
  </iati-activity></iati-activities>"#;

/// A participating organisation whose `ref` has a non-ASCII second
/// character, as publishers write names with accents: once a panic of the
/// reader thread that aborted the whole import.
const ACCENTED_REF: &str = r#"<iati-activities version="2.03"><iati-activity>
  <iati-identifier>XM-ACCENT-1</iati-identifier>
  <participating-org ref="Gé-1" role="4" type="10"><narrative>Gendarmerie</narrative></participating-org>
  <participating-org ref="é" role="1" type="10"/>
  <recipient-country code="ML"/>
  </iati-activity></iati-activities>"#;

fn corpus() -> Corpus {
    Corpus::new(ImportOptions::new()).with_threads(std::num::NonZeroUsize::MIN.saturating_add(1))
}

#[test]
fn accented_organisation_reference_imports() {
    let import = corpus()
        .with_source(Source::reader("accent.xml", ACCENTED_REF.as_bytes()))
        .with_source(Source::reader("good.xml", GOOD.as_bytes()))
        .import();
    assert_eq!(import.portfolio.programmes.len(), 2);
    assert!(import.files.iter().all(|f| f.error.is_none()));
    let accent = &import.portfolio.programmes[0];
    assert_eq!(
        accent.stakeholders.len(),
        2,
        "both organisations are stakeholders"
    );
}

#[test]
fn endless_zeros_are_one_unreadable_file() {
    // Like /dev/zero or a pre-allocated, half-finished download: no end and
    // no markup. The import must stop reading it after a bounded prefix.
    let zeros = std::io::repeat(0);
    let import = corpus()
        .with_source(Source::reader("good.xml", GOOD.as_bytes()))
        .with_source(Source::reader("zeros.xml", zeros))
        .with_source(Source::reader(
            "good-again.xml",
            std::io::Cursor::new(GOOD.replace("GOOD", "AGAIN")),
        ))
        .import();
    assert_eq!(import.portfolio.programmes.len(), 2);
    let zeros = &import.files[1];
    assert!(
        matches!(zeros.error, Some(ImportError::Io(_))),
        "{:?}",
        zeros.error
    );
    let unreadable: Vec<_> = import.report.of_code(Code::IatiUnreadableFile).collect();
    assert_eq!(unreadable.len(), 1);
    assert!(
        unreadable[0].message.contains("zeros.xml"),
        "{}",
        unreadable[0].message
    );
    assert!(
        unreadable[0].message.contains("no markup"),
        "{}",
        unreadable[0].message
    );
}

#[test]
fn text_without_markup_is_refused_too() {
    let text = std::io::repeat(b'a').take(200 * 1024 * 1024);
    let import = corpus()
        .with_source(Source::reader("text.xml", text))
        .import();
    assert!(import.portfolio.programmes.is_empty());
    assert!(matches!(import.files[0].error, Some(ImportError::Io(_))));
}

/// A reader that panics part-way, standing in for any bug of the importer.
struct Exploding(usize);

impl Read for Exploding {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let head = b"<iati-activities version=\"2.03\"><iati-activity><iati-identifier>X";
        match head.get(self.0..) {
            Some(rest) if !rest.is_empty() => {
                let n = rest.len().min(out.len());
                out[..n].copy_from_slice(&rest[..n]);
                self.0 += n;
                Ok(n)
            }
            _ => panic!("a bug in a reader"),
        }
    }
}

#[test]
fn a_panic_while_reading_is_that_files_error() {
    let import = corpus()
        .with_source(Source::reader("boom.xml", Exploding(0)))
        .with_source(Source::reader("good.xml", GOOD.as_bytes()))
        .import();
    assert_eq!(import.portfolio.programmes.len(), 1);
    let Some(ImportError::Internal { message }) = &import.files[0].error else {
        panic!(
            "expected an internal error, got {:?}",
            import.files[0].error
        );
    };
    assert_eq!(message, "a bug in a reader");
    assert_eq!(import.report.of_code(Code::IatiUnreadableFile).count(), 1);
}
