//! Sobol indices checked against the literature (the Ishigami function's
//! analytic indices) and against a peer (SALib's `sobol.analyze` on its own
//! design and outputs, written by tests/fixtures/sensitivity/make_salib.py).

use std::f64::consts::PI;

use ssr_model::score::sensitivity::{Factor, SobolDesign, sobol_indices};

/// Ishigami & Homma (1990), with a = 7 and b = 0.1.
fn ishigami(x: &[f64]) -> f64 {
    x[0].sin() + 7.0 * x[1].sin().powi(2) + 0.1 * x[2].powi(4) * x[0].sin()
}

/// The analytic indices (Sobol' & Levitan 1999): with V = a²/8 + bπ⁴/5 +
/// b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V13 = b²π⁸(1/18 − 1/50).
fn analytic() -> ([f64; 3], [f64; 3]) {
    let (a, b) = (7.0, 0.1);
    let p4 = PI.powi(4);
    let p8 = PI.powi(8);
    let v1 = 0.5 * (1.0 + b * p4 / 5.0).powi(2);
    let v2 = a * a / 8.0;
    let v13 = b * b * p8 * (1.0 / 18.0 - 1.0 / 50.0);
    let v = a * a / 8.0 + b * p4 / 5.0 + b * b * p8 / 18.0 + 0.5;
    ([v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v])
}

#[test]
fn the_analytic_indices_are_the_published_ones() {
    // The figures: S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
    let (first, total) = analytic();
    for (got, want) in first.iter().zip([0.3139, 0.4424, 0.0]) {
        assert!((got - want).abs() < 5e-5, "{got} vs {want}");
    }
    for (got, want) in total.iter().zip([0.5576, 0.4424, 0.2437]) {
        assert!((got - want).abs() < 5e-5, "{got} vs {want}");
    }
}

#[test]
fn ishigami_indices_lie_within_their_intervals() {
    let factors: Vec<Factor> = ["x1", "x2", "x3"]
        .into_iter()
        .map(|n| Factor::uniform(n, -PI, PI).unwrap())
        .collect();
    let design = SobolDesign::saltelli(&factors, 1 << 14, 2024).unwrap();
    let y: Vec<f64> = design.rows().map(ishigami).collect();
    let indices = sobol_indices(&design, &y, 200, 2024).unwrap();
    let (first, total) = analytic();
    for (j, index) in indices.iter().enumerate() {
        assert!(
            (index.first - first[j]).abs() <= index.first_interval,
            "S{}: {} ± {} vs {}",
            j + 1,
            index.first,
            index.first_interval,
            first[j]
        );
        assert!(
            (index.total - total[j]).abs() <= index.total_interval,
            "ST{}: {} ± {} vs {}",
            j + 1,
            index.total,
            index.total_interval,
            total[j]
        );
        // Intervals that say something: narrower than a tenth.
        assert!(index.first_interval < 0.1 && index.total_interval < 0.1);
    }
}

#[test]
fn the_same_seed_gives_the_same_design_and_indices() {
    let factors = [
        Factor::uniform("a", 0.0, 1.0).unwrap(),
        Factor::choice("m", ["x", "y", "z"]).unwrap(),
    ];
    let one = SobolDesign::saltelli(&factors, 64, 9).unwrap();
    let two = SobolDesign::saltelli(&factors, 64, 9).unwrap();
    assert_eq!(one, two);
    assert_ne!(one, SobolDesign::saltelli(&factors, 64, 10).unwrap());
    // A choice's values are option indices.
    assert!(one.rows().all(|r| [0.0, 1.0, 2.0].contains(&r[1])));
    let y: Vec<f64> = one.rows().map(|r| r[0] + r[1]).collect();
    assert_eq!(
        sobol_indices(&one, &y, 20, 1),
        sobol_indices(&two, &y, 20, 1)
    );
}

#[test]
fn bad_outputs_and_sizes_are_refused() {
    let factors = [Factor::uniform("a", 0.0, 1.0).unwrap()];
    let design = SobolDesign::saltelli(&factors, 4, 1).unwrap();
    assert!(sobol_indices(&design, &[0.0; 11], 10, 1).is_err());
    let mut y = vec![1.0; 12];
    y[5] = f64::NAN;
    assert!(sobol_indices(&design, &y, 10, 1).is_err());
    assert!(sobol_indices(&design, &[1.0; 12], 1, 1).is_err());
    // Constant outputs: nothing to explain, every index 0.
    let flat = sobol_indices(&design, &[1.0; 12], 10, 1).unwrap();
    assert_eq!((flat[0].first, flat[0].total), (0.0, 0.0));
    assert!(SobolDesign::saltelli(&factors, 1, 1).is_err());
    assert!(SobolDesign::saltelli(&[], 8, 1).is_err());
    assert!(Factor::uniform("w", f64::NAN, 1.0).is_err());
    assert!(Factor::choice("m", Vec::<String>::new()).is_err());
}

#[cfg(feature = "json")]
#[test]
fn estimates_equal_salib_on_its_design_and_outputs() {
    #[derive(serde::Deserialize)]
    struct Fixture {
        factors: usize,
        x: Vec<Vec<f64>>,
        y: Vec<f64>,
        first: Vec<f64>,
        total: Vec<f64>,
    }
    let text = include_str!("../fixtures/sensitivity/salib_ishigami.json");
    let f: Fixture = serde_json::from_str(text).unwrap();
    // SALib's outputs are Ishigami on its design, as ours would be.
    for (x, y) in f.x.iter().zip(&f.y) {
        assert!((ishigami(x) - y).abs() < 1e-12);
    }
    let design = SobolDesign::from_rows(f.factors, f.x).unwrap();
    let ours = sobol_indices(&design, &f.y, 100, 1).unwrap();
    for (j, index) in ours.iter().enumerate() {
        assert!(
            (index.first - f.first[j]).abs() < 1e-9,
            "S{}: {} vs SALib {}",
            j + 1,
            index.first,
            f.first[j]
        );
        assert!(
            (index.total - f.total[j]).abs() < 1e-9,
            "ST{}: {} vs SALib {}",
            j + 1,
            index.total,
            f.total[j]
        );
    }
}
