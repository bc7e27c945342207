//! Coherence statistics: hand-worked small matrices, and a 40 × 4 matrix
//! with missing cells against pandas and numpy (the fixture and the script
//! that wrote it are in tests/fixtures/coherence).

use ssr_model::score::coherence::Coherence;

fn col(values: &[f64]) -> Vec<Option<f64>> {
    values.iter().copied().map(Some).collect()
}

fn close(a: Option<f64>, b: f64, tol: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < tol)
}

#[test]
fn pearson_and_spearman_by_hand() {
    // x = 1, 2, 3 and y = 2, 4, 7: deviations −1, 0, 1 and −7/3, −1/3, 8/3;
    // Σdxdy = 5, Σdx² = 2, Σdy² = 114/9, so r = 5 / √(228/9) = 15/√228.
    let c = Coherence::of(&[col(&[1.0, 2.0, 3.0])], &col(&[2.0, 4.0, 7.0]));
    let r = c.with_composite(0).unwrap();
    assert!(close(r.pearson, 15.0 / 228f64.sqrt(), 1e-12), "{r:?}");
    assert_eq!((r.spearman, r.rows), (Some(1.0), 3));
}

#[test]
fn ties_share_their_average_rank() {
    // Ranks of 1, 2, 2, 3 are 1, 2.5, 2.5, 4; of 1, 3, 2, 4 they are the
    // values. Deviations from 2.5: −1.5, 0, 0, 1.5 and −1.5, 0.5, −0.5, 1.5;
    // Σ = 4.5, Σdx² = 4.5, Σdy² = 5: ρ = 4.5 / √22.5.
    let c = Coherence::of(&[col(&[1.0, 2.0, 2.0, 3.0])], &col(&[1.0, 3.0, 2.0, 4.0]));
    assert!(close(
        c.with_composite(0).unwrap().spearman,
        4.5 / 22.5f64.sqrt(),
        1e-12
    ));
}

#[test]
fn cronbach_alpha_and_first_component_by_hand() {
    // a = 1, 2, 3 (variance 1), b = 2, 4, 6 (variance 4); row sums 3, 6, 9
    // (variance 9): α = 2/1 · (1 − 5/9) = 8/9. The columns correlate
    // perfectly: eigenvalues 2 and 0, so the first component has it all.
    let c = Coherence::of(
        &[col(&[1.0, 2.0, 3.0]), col(&[2.0, 4.0, 6.0])],
        &col(&[1.0, 2.0, 3.0]),
    );
    assert!(
        close(c.cronbach_alpha, 8.0 / 9.0, 1e-12),
        "{:?}",
        c.cronbach_alpha
    );
    assert!(close(c.first_component_share, 1.0, 1e-12));
    // Two columns correlated r: eigenvalues 1 ± r, share (1 + r)/2.
    let c = Coherence::of(
        &[col(&[1.0, 2.0, 3.0]), col(&[2.0, 4.0, 7.0])],
        &col(&[1.0, 2.0, 3.0]),
    );
    let r = 15.0 / 228f64.sqrt();
    assert!(close(c.first_component_share, (1.0 + r) / 2.0, 1e-12));
}

#[test]
fn unknown_cells_and_too_few_rows_are_unknown_not_zero() {
    let a = vec![Some(1.0), None, Some(3.0), Some(4.0)];
    let b = vec![Some(2.0), Some(5.0), None, Some(1.0)];
    let c = Coherence::of(&[a, b], &[Some(1.0); 4]);
    // Two complete rows: no correlation, no alpha.
    let pair = c.pair(0, 1).unwrap();
    assert_eq!((pair.pearson, pair.spearman, pair.rows), (None, None, 2));
    assert_eq!((c.cronbach_alpha, c.complete_rows), (None, 2));
    // A constant composite correlates with nothing.
    assert_eq!(c.with_composite(0).unwrap().pearson, None);
    assert_eq!(c.pair(0, 5), None);
}

#[cfg(feature = "json")]
#[test]
fn statistics_equal_pandas_and_numpy() {
    #[derive(serde::Deserialize)]
    struct Fixture {
        columns: Vec<Vec<Option<f64>>>,
        composite: Vec<Option<f64>>,
        pairs: Vec<[f64; 2]>,
        with_composite: Vec<[f64; 2]>,
        cronbach_alpha: f64,
        first_component_share: f64,
        complete_rows: usize,
    }
    let f: Fixture =
        serde_json::from_str(include_str!("../fixtures/coherence/numpy_coherence.json")).unwrap();
    let c = Coherence::of(&f.columns, &f.composite);
    for (ours, [pearson, spearman]) in c.pairs.iter().zip(&f.pairs) {
        assert!(
            close(ours.pearson, *pearson, 1e-12),
            "{ours:?} vs {pearson}"
        );
        assert!(
            close(ours.spearman, *spearman, 1e-12),
            "{ours:?} vs {spearman}"
        );
    }
    for (ours, [pearson, spearman]) in c.composite.iter().zip(&f.with_composite) {
        assert!(close(ours.pearson, *pearson, 1e-12));
        assert!(close(ours.spearman, *spearman, 1e-12));
    }
    assert_eq!(c.complete_rows, f.complete_rows);
    assert!(close(c.cronbach_alpha, f.cronbach_alpha, 1e-12));
    assert!(close(
        c.first_component_share,
        f.first_component_share,
        1e-12
    ));
}
