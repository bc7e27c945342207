//! The sensitivity analysis of a plain matrix's ranking (`rank-matrix`
//! users): factors from the matrix's columns, worked on small matrices.

use ssr_model::score::matrix::{CompositeMatrix, MatrixAggregation};
use ssr_model::score::sensitivity::{MatrixSensitivity, SensitivityOutput};

fn only_weights(samples: usize) -> MatrixSensitivity {
    let mut o = MatrixSensitivity::new(samples);
    o.normalisations.clear();
    o.methods.truncate(1);
    o.drop_column = false;
    o
}

#[test]
fn ranks_no_choice_can_move_have_no_variance_to_explain() {
    // Column 1 is the same for every row, so under any positive weights
    // the order is column 0's: 0.9 > 0.5 > 0.1, ranks 1, 2, 3 in every run.
    let m = CompositeMatrix::new(
        vec![vec![0.1, 0.4], vec![0.9, 0.4], vec![0.5, 0.4]],
        vec![1.0, 2.0],
    )
    .unwrap();
    let result = m.sensitivity(&only_weights(128)).unwrap();
    assert_eq!(result.factors, ["weight:0", "weight:1"]);
    assert_eq!(result.runs, 128 * 4);
    for row in &result.rows {
        match row.output {
            SensitivityOutput::Rank | SensitivityOutput::MeanRankShift => {
                assert_eq!(row.sd, Some(0.0), "{row:?}");
                assert_eq!((row.s_first, row.s_total), (Some(0.0), Some(0.0)));
            }
            SensitivityOutput::Composite => {
                // The composite w0·x + w1·0.4 over w0 + w1 does move.
                assert!(row.sd.unwrap() > 0.0);
            }
            _ => unreachable!(),
        }
    }
    // Nominal: given weights ⅓ and ⅔, arithmetic: 0.1/3 + 0.8/3 = 0.3,
    // 0.9/3 + 0.8/3 = 17/30, 0.5/3 + 0.8/3 = 13/30; ranks 3, 1, 2.
    let nominal: Vec<(f64, f64)> = result
        .rows
        .iter()
        .filter(|r| r.factor == "weight:0" && r.output != SensitivityOutput::MeanRankShift)
        .map(|r| (r.row.unwrap() as f64, r.nominal.unwrap()))
        .collect();
    let expected = [
        (0.0, 3.0),
        (1.0, 1.0),
        (2.0, 2.0),
        (0.0, 0.3),
        (1.0, 17.0 / 30.0),
        (2.0, 13.0 / 30.0),
    ];
    for ((row, got), (want_row, want)) in nominal.iter().zip(expected) {
        assert_eq!(*row, want_row);
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
}

#[test]
fn a_column_left_out_that_weighs_nothing_else_explains_the_order() {
    // Two rows that swap order exactly when column 1 is left out: row 0
    // leads on column 1 by far, row 1 on column 0 by a little. With every
    // column in, row 0 leads under any weights in [0.5, 1.5]·1; without
    // column 1 row 1 leads. So the rank depends on drop_column alone
    // (weights only move the composites), and drop_column has S = 1.
    let m = CompositeMatrix::new(vec![vec![0.5, 1.0], vec![0.6, 0.0]], vec![1.0, 1.0]).unwrap();
    let mut o = only_weights(512);
    o.drop_column = true;
    let result = m.sensitivity(&o).unwrap();
    assert_eq!(result.factors, ["weight:0", "weight:1", "drop_column"]);
    let rank0: Vec<_> = result
        .rows
        .iter()
        .filter(|r| r.output == SensitivityOutput::Rank && r.row == Some(0))
        .collect();
    for r in &rank0 {
        if r.factor == "drop_column" {
            for (s, low, high) in [
                (r.s_first, r.s_first_low, r.s_first_high),
                (r.s_total, r.s_total_low, r.s_total_high),
            ] {
                let half = (high.unwrap() - low.unwrap()) / 2.0;
                assert!((s.unwrap() - 1.0).abs() <= 3.0 * half.max(0.01), "{r:?}");
            }
        } else {
            // The weights never change a rank: their runs equal A's.
            assert_eq!((r.s_first, r.s_total), (Some(0.0), Some(0.0)), "{r:?}");
        }
    }
}

#[test]
fn matrix_sensitivity_is_the_same_for_any_thread_count_and_checks_its_options() {
    let scores: Vec<Vec<f64>> = (0..30)
        .map(|i| {
            let x = f64::from(i);
            vec![
                (x * 0.37).sin().abs(),
                (x * 0.11).cos().abs(),
                (x * 0.73).fract(),
            ]
        })
        .collect();
    let m = CompositeMatrix::new(scores, vec![1.0, 2.0, 1.0]).unwrap();
    let one = m
        .sensitivity(&MatrixSensitivity::new(32).with_seed(5).with_threads(1))
        .unwrap();
    for t in [2, 5] {
        let many = m
            .sensitivity(&MatrixSensitivity::new(32).with_seed(5).with_threads(t))
            .unwrap();
        assert_eq!(one, many, "{t} threads");
    }
    assert_eq!(one.factors.len(), 3 + 3);
    // The nominal ranks are the matrix's own.
    let ranks = m.ranks(MatrixAggregation::Arithmetic);
    for r in one
        .rows
        .iter()
        .filter(|r| r.output == SensitivityOutput::Rank)
    {
        assert_eq!(r.nominal, Some(ranks[r.row.unwrap()]));
    }
    let mut bad = MatrixSensitivity::new(1);
    bad.spread = 1.0;
    bad.methods.clear();
    bad.threads = Some(0);
    let err = m.sensitivity(&bad).unwrap_err();
    let paths: Vec<String> = err.problems.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(paths, ["/samples", "/spread", "/methods", "/threads"]);
}
