//! The matrix composite indicator against a numpy reference implementation
//! of rank uncertainty, through the public API. The reference's outputs were
//! saved as fixtures by `tests/fixtures/rank_matrix/make_fixtures.py` (which
//! reads the reference from ../shared when it is run).

use proptest::prelude::*;
use serde::Deserialize;
use ssr_model::score::matrix::{CompositeMatrix, MatrixAggregation, MatrixUncertainty};

#[derive(Deserialize)]
struct Mc {
    scores: Vec<Vec<f64>>,
    weights: Vec<f64>,
    replications: usize,
    reference: std::collections::HashMap<String, Reference>,
}

#[derive(Deserialize)]
struct Reference {
    nominal: Vec<f64>,
    mean: Vec<f64>,
    median: Vec<f64>,
    p5: Vec<f64>,
    p95: Vec<f64>,
}

fn fixture() -> Mc {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rank_matrix/mc.json"
    ))
    .expect("the fixture is in the crate");
    serde_json::from_str(&text).expect("the fixture parses")
}

/// The crate's own stream against the reference's, both with 20,000
/// replications: the nominal ranks agree exactly; mean ranks within five
/// standard errors of their difference; quantiles (of a discrete rank)
/// within one place.
#[test]
fn agrees_with_the_reference_within_monte_carlo_error() {
    let mc = fixture();
    let m = CompositeMatrix::new(mc.scores, mc.weights).unwrap();
    for (noise, reference) in &mc.reference {
        let noise: f64 = noise.parse().unwrap();
        let options = MatrixUncertainty::new(mc.replications)
            .with_seed(9)
            .with_noise(noise);
        let ours = m.rank_uncertainty(&options).unwrap();
        let nominal: Vec<f64> = ours.rows.iter().map(|r| r.nominal).collect();
        assert_eq!(nominal, reference.nominal, "noise {noise}");
        let r = mc.replications as f64;
        let mut worst = 0.0f64;
        for (i, row) in ours.rows.iter().enumerate() {
            // Standard error of a difference of two independent means.
            let se = (2.0 * row.sd * row.sd / r).sqrt().max(1e-9);
            let z = (row.mean - reference.mean[i]).abs() / se;
            worst = worst.max(z);
            assert!(
                z < 5.0,
                "row {i}: mean {} vs {} (z {z:.1})",
                row.mean,
                reference.mean[i]
            );
            for (ours, theirs, what) in [
                (row.median, reference.median[i], "median"),
                (row.p05, reference.p5[i], "p05"),
                (row.p95, reference.p95[i], "p95"),
            ] {
                assert!(
                    (ours - theirs).abs() <= 1.0,
                    "row {i} {what}: {ours} vs {theirs}"
                );
            }
        }
        println!("noise {noise}: largest |z| of the mean ranks {worst:.2}");
    }
}

/// Noise 0 leaves only the choice of mean random: every replication ranks
/// as the arithmetic or as the geometric composite does, and the share of
/// geometric draws is about a half.
#[test]
fn without_noise_every_replication_is_one_of_the_two_rankings() {
    let mc = fixture();
    let m = CompositeMatrix::new(mc.scores, mc.weights).unwrap();
    let a = m.ranks(MatrixAggregation::Arithmetic);
    let g = m.ranks(MatrixAggregation::Geometric);
    assert_ne!(a, g, "the fixture must tell the means apart");
    let ours = m
        .rank_uncertainty(&MatrixUncertainty::new(4000).with_noise(0.0))
        .unwrap();
    // The share of geometric replications, from a row the means rank apart.
    let i = (0..a.len()).find(|&i| a[i] != g[i]).unwrap();
    let share = (ours.rows[i].mean - a[i]) / (g[i] - a[i]);
    assert!((share - 0.5).abs() < 0.05, "share {share}");
    for (row, (a, g)) in ours.rows.iter().zip(a.iter().zip(&g)) {
        let (lo, hi) = (a.min(*g), a.max(*g));
        assert!(lo <= row.p05 && row.p95 <= hi);
        let mixed = a + share * (g - a);
        assert!((row.mean - mixed).abs() < 1e-9, "{} vs {mixed}", row.mean);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Bit for bit the same for any thread count, on matrices with ties.
    #[test]
    fn any_thread_count_gives_the_same_bits(
        rows in prop::collection::vec(prop::collection::vec(prop_oneof![(0i32..3).prop_map(f64::from), 0.0f64..1.0], 3), 1..40),
        reps in 1usize..200,
        threads in 2usize..6,
        seed in any::<u64>(),
    ) {
        let m = CompositeMatrix::new(rows, vec![1.0, 2.0, 0.5]).unwrap();
        let options = MatrixUncertainty::new(reps).with_seed(seed);
        let one = m.rank_uncertainty(&options.with_threads(1)).unwrap();
        let many = m.rank_uncertainty(&options.with_threads(threads)).unwrap();
        prop_assert_eq!(one, many);
    }
}

#[test]
fn bad_options_are_refused_all_at_once() {
    let m = CompositeMatrix::new(vec![vec![1.0]], vec![1.0]).unwrap();
    let err = m
        .rank_uncertainty(&MatrixUncertainty::new(0).with_noise(1.5).with_threads(0))
        .unwrap_err();
    let paths: Vec<_> = err.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["/replications", "/noise", "/threads"]);
}

#[test]
fn reads_the_references_input_format_with_names() {
    let m: CompositeMatrix = serde_json::from_str(
        r#"{"scores": [[0.1, 0.2], [0.9, 0.8]], "weights": [1, 1], "names": ["low", "high"]}"#,
    )
    .unwrap();
    let ranks = m.rank_uncertainty(&MatrixUncertainty::new(10)).unwrap();
    assert_eq!(ranks.rows[1].name.as_deref(), Some("high"));
    assert_eq!(ranks.rows[1].nominal, 1.0);
    let err =
        serde_json::from_str::<CompositeMatrix>(r#"{"scores": [[1, 2], [3]], "weights": [1, 1]}"#)
            .unwrap_err();
    assert!(err.to_string().contains("/scores/1"), "{err}");
}
