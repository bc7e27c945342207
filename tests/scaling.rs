//! Hostile input shapes cost linear time and memory.
//!
//! Each test builds one adversarial shape at sizes n and 4n, runs it through
//! the public API and asserts that the peak of allocated bytes and the work
//! grow at most about 4× (linear), plus a constant. A quadratic cost grows
//! 16×, so the sizes can stay small and the suite fast.
//!
//! Memory is measured by a counting global allocator (this test binary
//! only). Work is counted deterministically, never timed: the number of
//! allocations and the bytes they ask for, summed over the run (copying text
//! again and again shows up there), and, where the library reports one, a
//! count of items it produced.
// Every measured shape goes through the IATI importer or the JSON and CSV
// formats: without them there is nothing to measure.
#![cfg(any(feature = "iati", all(feature = "json", feature = "csv")))]
// A test: it may unwrap and expect. Its counting allocator is the
// one place that needs `unsafe` (an `unsafe impl GlobalAlloc`).
#![allow(unsafe_code, clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);
static ASKED: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Relaxed) + bytes;
    PEAK.fetch_max(now, Relaxed);
    CALLS.fetch_add(1, Relaxed);
    ASKED.fetch_add(bytes, Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters are only read by the tests.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's contract is passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Relaxed);
        // SAFETY: the caller's contract is passed on.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        CURRENT.fetch_sub(layout.size(), Relaxed);
        grew(new_size);
        // SAFETY: the caller's contract is passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One measurement at a time: the counters are global, so tests that
/// measure must not overlap.
static MEASURING: Mutex<()> = Mutex::new(());

/// What one run cost.
#[derive(Debug, Clone, Copy)]
struct Cost {
    /// The most bytes allocated at once, above what was allocated before.
    peak: usize,
    /// Allocations made.
    calls: usize,
    /// Bytes those allocations asked for, in total.
    asked: usize,
}

fn measure(run: impl FnOnce()) -> Cost {
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let calls = CALLS.load(Relaxed);
    let asked = ASKED.load(Relaxed);
    run();
    Cost {
        peak: PEAK.load(Relaxed).saturating_sub(base),
        calls: CALLS.load(Relaxed) - calls,
        asked: ASKED.load(Relaxed) - asked,
    }
}

/// Linear growth from n to 4n: at most 4× and a quarter (allocators round
/// capacities), plus a constant.
fn at_most_linear(small: usize, large: usize, constant: usize) -> bool {
    large <= small * 17 / 4 + constant
}

/// Builds the shape at `n` and `4n` and checks that running it costs about
/// 4× as much, in peak memory and work.
fn assert_linear(shape: &str, n: usize, build: impl Fn(usize) -> Vec<u8>, run: impl Fn(&[u8])) {
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let (small_input, large_input) = (build(n), build(4 * n));
    // A first run warms up lazily initialised statics.
    run(&small_input);
    let small = measure(|| run(&small_input));
    let large = measure(|| run(&large_input));
    println!(
        "{shape}: n={n} ({} bytes): {small:?}; 4n ({} bytes): {large:?}",
        small_input.len(),
        large_input.len()
    );
    const BYTES: usize = 64 * 1024;
    const CALLS: usize = 256;
    assert!(
        at_most_linear(small.peak, large.peak, BYTES),
        "{shape}: peak memory grew from {} to {} bytes for 4× the input",
        small.peak,
        large.peak
    );
    assert!(
        at_most_linear(small.asked, large.asked, BYTES),
        "{shape}: bytes allocated grew from {} to {} for 4× the input",
        small.asked,
        large.asked
    );
    assert!(
        at_most_linear(small.calls, large.calls, CALLS),
        "{shape}: allocations grew from {} to {} for 4× the input",
        small.calls,
        large.calls
    );
}

#[cfg(feature = "iati")]
mod iati {
    use super::assert_linear;
    use ssr_model::interop::iati;

    /// One activity whose body is `body`.
    fn activity(body: &str) -> Vec<u8> {
        format!(
            r#"<iati-activities version="2.03">
 <iati-activity default-currency="USD">
  <iati-identifier>XM-EX-1</iati-identifier>
  <title><narrative>Police reform</narrative></title>
  <recipient-country code="LR"/>
  <sector code="15132" vocabulary="1"/>
  {body}
 </iati-activity>
</iati-activities>"#
        )
        .into_bytes()
    }

    /// Imports, validates and scores, as `ssr import-iati` does.
    fn import(bytes: &[u8]) {
        let import = iati::import(bytes).expect("the shapes are well-formed IATI");
        assert_eq!(import.activities, 1);
        let scorer = ssr_model::Scorer::default();
        let card = scorer.scorecard(&import.portfolio);
        std::hint::black_box(card);
        std::hint::black_box(ssr_model::validate::validate(
            &import.portfolio,
            &ssr_model::diagnostics::ValidationPolicy::default(),
        ));
    }

    /// A description whose text is split `n` times by `split`.
    fn split_text(split: &'static str) -> impl Fn(usize) -> Vec<u8> {
        move |n| {
            let text = format!("A{split}").repeat(n);
            activity(&format!(
                "<description><narrative>{text}</narrative></description>"
            ))
        }
    }

    #[test]
    fn text_split_by_child_elements() {
        assert_linear("text split by elements", 2000, split_text("<b/>"), import);
    }

    #[test]
    fn text_split_by_comments() {
        assert_linear(
            "text split by comments",
            2000,
            split_text("<!--c-->"),
            import,
        );
    }

    #[test]
    fn text_split_by_cdata() {
        assert_linear(
            "text split by CDATA",
            2000,
            split_text("<![CDATA[c]]>"),
            import,
        );
    }

    #[test]
    fn text_split_by_processing_instructions() {
        assert_linear("text split by PIs", 2000, split_text("<?pi x?>"), import);
    }

    #[test]
    fn text_split_by_entity_references() {
        assert_linear(
            "text split by entities",
            2000,
            split_text("&amp;&#x41;"),
            import,
        );
    }

    #[test]
    fn many_attributes_on_one_element() {
        let build = |n: usize| {
            let attrs: String = (0..n).map(|i| format!(" a{i}=\"x\"")).collect();
            activity(&format!(
                "<description{attrs}><narrative>x</narrative></description>"
            ))
        };
        assert_linear("many attributes", 1000, build, import);
    }

    #[test]
    fn deep_nesting() {
        let build = |n: usize| {
            activity(&format!(
                "<other-identifier>{}{}</other-identifier>",
                "<x>".repeat(n),
                "</x>".repeat(n)
            ))
        };
        assert_linear("deep nesting", 2000, build, import);
    }

    #[test]
    fn many_distinct_organisations() {
        let build = |n: usize| {
            activity(
                &(0..n)
                    .map(|i| {
                        format!(
                            r#"<participating-org ref="XM-ORG-{i}" role="{}" type="10"/>"#,
                            i % 4 + 1
                        )
                    })
                    .collect::<String>(),
            )
        };
        assert_linear("many organisations", 500, build, import);
    }

    #[test]
    fn many_funding_providers() {
        let build = |n: usize| {
            activity(
                &(0..n)
                    .map(|i| {
                        format!(
                            r#"<transaction><transaction-type code="11"/><value value-date="2021-01-01">{}</value><provider-org ref="XM-P-{i}"/></transaction>"#,
                            i + 1
                        )
                    })
                    .collect::<String>(),
            )
        };
        assert_linear("many funders", 500, build, import);
    }

    #[test]
    fn many_budgets() {
        let build = |n: usize| {
            activity(
                &(0..n)
                    .map(|i| {
                        format!(
                            r#"<budget type="{}"><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-{:02}"/><value value-date="2021-01-01">{i}</value></budget>"#,
                            i % 2 + 1,
                            i % 28 + 1
                        )
                    })
                    .collect::<String>(),
            )
        };
        assert_linear("many budgets", 500, build, import);
    }

    #[test]
    fn many_periods_on_one_indicator() {
        let build = |n: usize| {
            let periods: String = (0..n)
                .map(|i| {
                    format!(
                        r#"<period><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/><target value="{i}"/><actual value="{i}"/></period>"#
                    )
                })
                .collect();
            activity(&format!(
                r#"<result type="1"><title><narrative>r</narrative></title><indicator measure="1" ascending="1"><title><narrative>i</narrative></title><baseline year="2020" value="0"/>{periods}</indicator></result>"#
            ))
        };
        assert_linear("many periods", 300, build, import);
    }

    #[test]
    fn many_breakdowns() {
        let build = |n: usize| {
            let values: String = (0..n)
                .map(|i| {
                    format!(
                        r#"<actual value="{i}"><dimension name="district" value="d{i}"/></actual>"#
                    )
                })
                .collect();
            activity(&format!(
                r#"<result type="1"><title><narrative>r</narrative></title><indicator measure="1" ascending="1"><title><narrative>i</narrative></title><period><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/>{values}</period></indicator></result>"#
            ))
        };
        assert_linear("many breakdowns", 500, build, import);
    }

    #[test]
    fn long_finding_lists() {
        let build = |n: usize| {
            activity(
                &(0..n)
                    .map(|i| format!(r#"<sector code="9{i:04}" vocabulary="1"/><activity-status code="x{i}"/>"#))
                    .collect::<String>(),
            )
        };
        assert_linear("many findings", 500, build, import);
    }

    /// Every finding names the activity: a long identifier must not be
    /// repeated in full by each of many findings.
    #[test]
    fn long_identifier_with_many_findings() {
        let build = |n: usize| {
            let codes: String = (0..n)
                .map(|i| format!(r#"<activity-date iso-date="x{i}" type="1"/>"#))
                .collect();
            let xml = String::from_utf8(activity(&codes)).unwrap();
            xml.replace("XM-EX-1", &format!("XM-EX-{}", "9".repeat(n * 8)))
                .into_bytes()
        };
        assert_linear("long identifier, many findings", 500, build, import);
    }
}

#[cfg(all(feature = "json", feature = "csv"))]
mod document {
    use super::assert_linear;
    use ssr_model::Scorer;
    use ssr_model::samples::{Synthetic, synthetic};

    /// `n` programmes, each named by a name of `n` bytes.
    fn long_names(n: usize) -> Vec<u8> {
        let mut portfolio = synthetic(&Synthetic::new(n).with_components(1).with_indicators(1));
        for (i, p) in portfolio.programmes.iter_mut().enumerate() {
            p.name = format!("{i:06}{}", "n".repeat(n));
        }
        ssr_model::document::to_string(&portfolio)
            .unwrap()
            .into_bytes()
    }

    /// The scores table of a scorecard built beforehand: only the writing
    /// is measured.
    #[test]
    fn score_csv_of_long_names() {
        let _one_at_a_time = super::MEASURING.lock().unwrap_or_else(|e| e.into_inner());
        let card = |bytes: &[u8]| {
            let portfolio = ssr_model::document::from_slice(bytes).unwrap();
            Scorer::default().scorecard(&portfolio)
        };
        let (small, large) = (card(&long_names(40)), card(&long_names(160)));
        let write = |card: &ssr_model::Scorecard| {
            super::measure(|| {
                let mut out = std::io::sink();
                write_scores_csv(&mut out, card);
            })
        };
        write(&small);
        let (s, l) = (write(&small), write(&large));
        println!("scores CSV: 40 programmes × 40-byte names: {s:?}; 160 × 160: {l:?}");
        // The input is 16× larger (4× the programmes, 4× the name); memory
        // for one row at a time grows with the name only.
        assert!(
            super::at_most_linear(s.peak, l.peak, 64 * 1024),
            "writing scores CSV: peak grew from {} to {} bytes",
            s.peak,
            l.peak
        );
    }

    /// A programme's name is on each of its rows of the scores table (over
    /// 50 here); writing the table holds it once, not once per row. Two
    /// programmes with names of 64 KiB, then of 1 MiB: the peak may grow by
    /// a few copies of the longer names (the row being compared, the
    /// batch's), far below the one copy per row (over 100) a batch that
    /// stored every row's name would need.
    #[test]
    fn score_csv_holds_a_repeated_name_once() {
        let _one_at_a_time = super::MEASURING.lock().unwrap_or_else(|e| e.into_inner());
        let card = |name_bytes: usize| {
            let mut portfolio = synthetic(&Synthetic::new(2).with_components(1).with_indicators(1));
            for (i, p) in portfolio.programmes.iter_mut().enumerate() {
                p.name = format!("{i}{}", "n".repeat(name_bytes));
            }
            Scorer::default().scorecard(&portfolio)
        };
        let (short, long) = (card(64 * 1024), card(1024 * 1024));
        let rows = long.rows().len();
        assert!(rows > 100, "{rows} rows");
        let write = |card: &ssr_model::Scorecard| {
            super::measure(|| {
                let mut out = std::io::sink();
                write_scores_csv(&mut out, card);
            })
        };
        let (s, l) = (write(&short), write(&long));
        let growth = l.peak.saturating_sub(s.peak);
        let per_name = 1024 * 1024 - 64 * 1024;
        assert!(
            growth <= 8 * per_name,
            "the peak grew by {growth} bytes for names {per_name} bytes longer, over {rows} rows"
        );
    }

    /// Writes every row of the scores table, as `ssr score --format csv`
    /// does.
    fn write_scores_csv(out: &mut impl std::io::Write, card: &ssr_model::Scorecard) {
        ssr_model::tables::write_scores_csv(out, card, |_| true).unwrap();
    }

    /// Loads, validates, scores and ranks, as the CLI does.
    fn pipeline(bytes: &[u8]) {
        let portfolio = ssr_model::document::from_slice(bytes).unwrap();
        std::hint::black_box(ssr_model::validate::validate(
            &portfolio,
            &ssr_model::diagnostics::ValidationPolicy::default(),
        ));
        let mut policy = ssr_model::score::policy::ScoringPolicy::default();
        policy.uncertainty.replications = 4;
        let scorer = Scorer::new(policy).unwrap();
        let card = scorer.scorecard(&portfolio);
        let ranks = scorer.rank_uncertainty(&card);
        let card = card.with_uncertainty(ranks).unwrap();
        let mut out = std::io::sink();
        write_scores_csv(&mut out, &card);
    }

    #[test]
    fn many_programmes() {
        let build = |n: usize| {
            let portfolio = synthetic(&Synthetic::new(n).with_components(2).with_indicators(2));
            ssr_model::document::to_string(&portfolio)
                .unwrap()
                .into_bytes()
        };
        assert_linear("many programmes", 50, build, pipeline);
    }
}

/// Rank statistics hold one tally whatever the number of threads.
mod ranks {
    use ssr_model::Scorer;
    use ssr_model::samples::{Synthetic, synthetic};
    use ssr_model::score::policy::ScoringPolicy;

    /// 2,000 programmes, 2,500 replications: more replications than
    /// possible ranks, so the tally is a histogram per programme (2,000 ×
    /// 2,001 cells of 4 bytes, 16 MB). With four threads the peak may grow
    /// by each thread's working buffers (linear in the programmes, well
    /// under 1 MB each) and a few chunks of ranks in flight, not by three
    /// more histograms (48 MB): less than half a histogram is allowed.
    #[test]
    fn the_rank_tally_does_not_grow_with_threads() {
        let _one_at_a_time = super::MEASURING.lock().unwrap_or_else(|e| e.into_inner());
        let portfolio = synthetic(&Synthetic::new(2000).with_components(1).with_indicators(1));
        let mut policy = ScoringPolicy::default();
        policy.uncertainty.replications = 2500;
        let scorer = Scorer::new(policy).unwrap();
        let card = scorer.scorecard(&portfolio);
        let peak = |threads: usize| {
            let scorer = scorer.clone().with_threads(threads);
            super::measure(|| {
                std::hint::black_box(scorer.rank_uncertainty(&card));
            })
            .peak
        };
        peak(1);
        let (one, four) = (peak(1), peak(4));
        let histogram = 2000 * 2001 * 4;
        assert!(
            four <= one + histogram / 2,
            "peak with 1 thread {one} bytes, with 4 threads {four} bytes"
        );
    }
}
