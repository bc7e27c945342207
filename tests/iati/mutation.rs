//! Mutated real IATI files never panic the importer: truncations, byte
//! flips and element deletions give findings or a clear error, and whatever
//! is imported still round-trips through the JSON document. Folders of
//! files, some mutated, import as a corpus: a broken file costs only
//! itself. The crate's own fixture always; the real files when ../shared
//! is there.
#![cfg(feature = "iati")]

use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use ssr_model::interop::iati;
use ssr_model::interop::iati::{Corpus, CorpusBuilder, ImportOptions};
use ssr_model::model::Pillar;

use crate::common::shared;

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first `n` activities of a real file, closed properly: small enough
/// for many cases, real in every byte.
fn head(path: &std::path::Path, n: usize) -> Vec<u8> {
    let text = read(path);
    let end = text
        .match_indices("</iati-activity>")
        .nth(n - 1)
        .map(|(i, m)| i + m.len())
        .unwrap();
    format!("{}\n</iati-activities>\n", &text[..end]).into_bytes()
}

/// The crate's own fixture always; the real files too when `../shared` is
/// there (CI); without it, the skip is said once.
fn inputs() -> Vec<Vec<u8>> {
    let mut inputs = vec![read(&shared::fixture("three-activities.xml")).into_bytes()];
    let example = shared::present()
        .then(|| shared::iati_file("activity-standard-example-annotated.xml"))
        .flatten();
    if let Some(example) = example {
        let real = |name: &str| shared::iati_dir().join(name);
        inputs.push(read(&example).into_bytes());
        inputs.push(head(&real("dportal_26.xml"), 6));
        inputs.push(head(&real("dportal_94.xml"), 3));
        inputs.push(head(&real("dportal_97.xml"), 2));
    }
    inputs
}

/// One of [`inputs`], picked by a proptest index.
fn input_at(which: prop::sample::Index) -> Vec<u8> {
    let mut inputs = inputs();
    let at = which.index(inputs.len());
    inputs.swap_remove(at)
}

/// A fresh empty folder for one case.
fn temp_folder() -> std::path::PathBuf {
    static CASE: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "ssr-iati-mutation-{}-{}",
        std::process::id(),
        CASE.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    dir
}

/// One file of a folder case: an input, cut at `at` (kind 1), with a byte
/// replaced at `at` (kind 2), or whole (kind 0).
fn mutated(input: &[u8], kind: u8, at: prop::sample::Index, byte: u8) -> Vec<u8> {
    let mut out = input.to_vec();
    match kind {
        1 => out.truncate(at.index(input.len() + 1)),
        2 => {
            let i = at.index(input.len());
            out[i] = byte;
        }
        _ => {}
    }
    out
}

/// Runs the importer over `bytes` every way a user would, checking only
/// what must hold for any input.
fn check(bytes: &[u8]) {
    match iati::activities(bytes) {
        Ok(activities) => {
            for item in activities {
                match item {
                    Ok(a) => assert!(a.position >= 1 && a.line >= 1),
                    Err(e) => assert!(e.line().is_none_or(|l| l >= 1), "{e}"),
                }
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let options = ImportOptions::new()
        .with_fallback_country(ssr_model::Country::new("MLI").unwrap())
        .with_fallback_pillar(Pillar::SecuritySystemGovernance)
        .with_language("fr");
    if let Ok(import) = options.import(bytes) {
        let json = ssr_model::document::to_string(&import.portfolio).unwrap();
        let back = ssr_model::document::from_str(&json).unwrap();
        assert_eq!(back, import.portfolio);
    }
}

/// Byte ranges of whole elements (start tag to its end tag, or a
/// self-closed tag), found by a plain scan.
fn element_ranges(bytes: &[u8]) -> Vec<(usize, usize)> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    for (start, _) in text.match_indices('<') {
        let rest = &text[start + 1..];
        if rest.starts_with(['/', '?', '!']) {
            continue;
        }
        let Some(tag_end) = rest.find('>') else {
            continue;
        };
        let tag = &rest[..tag_end];
        let end = if tag.ends_with('/') {
            start + 1 + tag_end + 1
        } else {
            let name = tag.split_whitespace().next().unwrap_or("");
            let close = format!("</{name}>");
            match text[start..].find(&close) {
                Some(i) => start + i + close.len(),
                None => continue,
            }
        };
        out.push((start, end));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn truncations(which in any::<prop::sample::Index>(), at in any::<prop::sample::Index>()) {
        let input = &input_at(which);
        check(&input[..at.index(input.len() + 1)]);
    }

    #[test]
    fn byte_flips(which in any::<prop::sample::Index>(), flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12)) {
        let mut input = input_at(which);
        let len = input.len();
        for (at, byte) in flips {
            input[at.index(len)] = byte;
        }
        check(&input);
    }

    #[test]
    fn element_deletions(which in any::<prop::sample::Index>(), picks in prop::collection::vec(any::<prop::sample::Index>(), 1..6)) {
        let mut input = input_at(which);
        for pick in picks {
            let ranges = element_ranges(&input);
            if ranges.is_empty() {
                break;
            }
            let (start, end) = ranges[pick.index(ranges.len())];
            input.drain(start..end);
        }
        check(&input);
    }

    #[test]
    fn start_tag_deletions(which in any::<prop::sample::Index>(), pick in any::<prop::sample::Index>()) {
        // Removing only a start tag leaves an unmatched end tag.
        let mut input = input_at(which);
        let ranges = element_ranges(&input);
        let (start, _) = ranges[pick.index(ranges.len())];
        let tag_end = start + input[start..].iter().position(|b| *b == b'>').unwrap() + 1;
        input.drain(start..tag_end);
        check(&input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A folder of files, some cut or with a flipped byte: every whole file
    /// imports as it does alone, the corpus is the same through the
    /// sequential iterator, and what is imported round-trips.
    #[test]
    fn folders_of_mutated_files(files in prop::collection::vec(
        (any::<prop::sample::Index>(), 0u8..3, any::<prop::sample::Index>(), any::<u8>()), 1..6)
    ) {
        let dir = temp_folder();
        let mut whole = Vec::new();
        for (n, (which, kind, at, byte)) in files.iter().enumerate() {
            let bytes = mutated(&input_at(*which), *kind, *at, *byte);
            // Half in a subfolder, to walk it too; names sort in order.
            let sub = if n % 2 == 0 { "" } else { "sub/" };
            std::fs::write(dir.join(format!("{sub}{n}.xml")), &bytes).unwrap();
            whole.push((format!("{sub}{n}.xml"), *kind == 0, bytes));
        }
        whole.sort_by(|a, b| a.0.cmp(&b.0));
        let corpus = Corpus::new(ImportOptions::new()).with_path(&dir).import();
        prop_assert_eq!(corpus.files.len(), files.len());
        for ((name, unmutated, bytes), file) in whole.iter().zip(&corpus.files) {
            prop_assert!(file.name.ends_with(name.as_str()));
            if *unmutated {
                let alone = iati::import(&bytes[..]).unwrap();
                prop_assert!(file.error.is_none());
                prop_assert_eq!(file.activities, alone.activities);
            }
        }
        let imported = corpus.portfolio.programmes.len() + corpus.duplicates;
        let read: usize = corpus.files.iter().map(|f| f.activities - f.filtered_out).sum();
        prop_assert_eq!(imported, read);
        let mut builder = CorpusBuilder::new();
        for item in Corpus::new(ImportOptions::new()).with_path(&dir).activities() {
            builder.add_item(item);
        }
        let sequential = builder.finish();
        prop_assert_eq!(&sequential.portfolio, &corpus.portfolio);
        prop_assert_eq!(&sequential.report, &corpus.report);
        let json = ssr_model::document::to_string(&corpus.portfolio).unwrap();
        prop_assert_eq!(ssr_model::document::from_str(&json).unwrap(), corpus.portfolio);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn unmutated_inputs_import() {
    for input in inputs() {
        let import = iati::import(&input[..]).unwrap();
        assert!(import.activities >= 1);
        check(&input);
    }
}

#[test]
fn clear_errors_for_broken_files() {
    let err = |xml: &str| iati::import(xml.as_bytes()).unwrap_err();
    let e = err("<iati-activities version=\"1.05\"></iati-activities>");
    assert!(
        e.to_string().contains("unsupported IATI version \"1.05\""),
        "{e}"
    );
    let e = err("<iati-activities></iati-activities>");
    assert!(e.to_string().contains("no version attribute"), "{e}");
    let e = err("\n\n<iati-activities version=\"2.03\">\n<iati-activity>\n<title></iati-activity>");
    assert_eq!(e.line(), Some(5), "{e}");
    assert!(e.to_string().starts_with("line 5: malformed XML"), "{e}");
    let e = err("<iati-activities version=\"2.03\">\n<iati-activity>\n<title>");
    assert!(matches!(e, iati::ImportError::Truncated { .. }), "{e}");
    assert!(e.to_string().contains("truncated"), "{e}");
    let e = err("");
    assert!(matches!(e, iati::ImportError::WrongRoot { .. }), "{e}");
    let e =
        err("<iati-activities version=\"2.03\"><iati-activity x=\"&bogus;\"/></iati-activities>");
    assert_eq!(e.line(), Some(1), "{e}");
}
