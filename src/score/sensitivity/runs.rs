//! A sensitivity analysis run end to end: the design, the model on every
//! row on every core, and the indices of every output.

use super::portfolio::Buffers;
use super::report::{Analysis, Outputs, Sensitivity};
use super::{Factor, SensitivityError, SobolDesign};
use crate::Portfolio;
use crate::score::policy::SensitivityFactor;
use crate::score::{Comparison, ProgrammeCard, ScoringPolicy};

impl SensitivityFactor {
    /// The factor as the design draws it: a range, or its options by name
    /// (`none` first for leaving no dimension out).
    fn design_factor(&self) -> Result<Factor, SensitivityError> {
        let name = self.name();
        let names = |options: &mut dyn Iterator<Item = String>| {
            Factor::choice(&name, options.collect::<Vec<_>>())
        };
        match self {
            SensitivityFactor::Weight { low, high, .. }
            | SensitivityFactor::LevelWeight { low, high, .. }
            | SensitivityFactor::OnTrackTolerance { low, high } => {
                Factor::uniform(name.clone(), *low, *high)
            }
            SensitivityFactor::Normalisation { options } => {
                names(&mut options.iter().map(ToString::to_string))
            }
            SensitivityFactor::Aggregation { options } => {
                names(&mut options.iter().map(ToString::to_string))
            }
            SensitivityFactor::Imputation { options } => {
                names(&mut options.iter().map(ToString::to_string))
            }
            SensitivityFactor::DropDimension { options } => names(
                &mut std::iter::once("none".to_owned())
                    .chain(options.iter().map(ToString::to_string)),
            ),
        }
    }
}

/// The sensitivity analysis of a scored portfolio under `policy`'s
/// `sensitivity` section; `None` when the policy has none.
#[expect(
    clippy::expect_used,
    reason = "ScoringPolicy::check refuses empty factor lists, empty ranges and options, \
              and sizes out of range, and a Scorer holds only checked policies"
)]
pub(crate) fn of_portfolio(
    portfolio: &Portfolio,
    cards: &[ProgrammeCard],
    comparison: &Comparison,
    policy: &ScoringPolicy,
    threads: usize,
) -> Option<Sensitivity> {
    let sensitivity = policy.sensitivity.as_ref()?;
    let factors: Vec<Factor> = sensitivity
        .factors
        .iter()
        .map(SensitivityFactor::design_factor)
        .collect::<Result<_, _>>()
        .expect("a checked policy's factors are valid");
    let design = SobolDesign::saltelli(&factors, sensitivity.samples, sensitivity.seed)
        .expect("a checked policy's design sizes are valid");
    let (model, items) = super::portfolio::model(portfolio, cards, comparison, policy, sensitivity);
    let n = model.programmes();
    let mut outputs = Outputs::new(design.runs(), n, 1.0);
    run_all(
        &design,
        threads,
        &mut outputs,
        || Buffers::new(n),
        |x, b, ranks, composites| model.run(x, b, ranks, composites),
    );
    drop(model);
    let analysis = Analysis {
        factors: factors.iter().map(|f| f.name().to_owned()).collect(),
        samples: sensitivity.samples,
        seed: sensitivity.seed,
        resamples: sensitivity.resamples,
        items: &items,
        threads,
    };
    Some(analysis.run(&outputs))
}

/// Runs the model on every row of `design` on `threads` threads into
/// `outputs`, each thread with buffers from `init`: `run(x, buffers,
/// ranks, composites)` writes one run's outputs and returns its mean rank
/// shift. A run depends on its row only, so the split of work changes no
/// bit.
pub(super) fn run_all<B>(
    design: &SobolDesign,
    threads: usize,
    outputs: &mut Outputs,
    init: impl Fn() -> B + Sync,
    run: impl Fn(&[f64], &mut B, &mut [u32], &mut [f64]) -> f64 + Sync,
) {
    const CHUNK: usize = Outputs::RUNS_PER_BLOCK;
    let n = outputs.n;
    let k = design.factors();
    let rows: Vec<&[f64]> = design.rows().collect();
    let work = std::sync::Mutex::new(
        rows.chunks(CHUNK)
            .zip(outputs.ranks.chunks_mut(CHUNK * n.max(1)))
            .zip(outputs.composites.chunks_mut(CHUNK * n.max(1)))
            .zip(outputs.shifts.chunks_mut(CHUNK)),
    );
    let one = || {
        let mut b = init();
        let (mut ranks, mut composites) = (vec![0; n], vec![0.0; n]);
        while let Some((((xs, block_ranks), block_composites), shifts)) =
            work.lock().ok().and_then(|mut w| w.next())
        {
            // The block's layout (`Outputs`): output-major, its runs
            // side by side.
            let runs = xs.len();
            for (r, (x, s)) in xs.iter().zip(shifts.iter_mut()).enumerate() {
                debug_assert_eq!(x.len(), k);
                *s = run(x, &mut b, &mut ranks, &mut composites);
                let places = block_ranks.iter_mut().skip(r).step_by(runs);
                places.zip(&ranks).for_each(|(to, from)| *to = *from);
                let places = block_composites.iter_mut().skip(r).step_by(runs);
                places.zip(&composites).for_each(|(to, from)| *to = *from);
            }
        }
    };
    let threads = threads.clamp(1, design.runs().div_ceil(CHUNK));
    if threads == 1 {
        one();
    } else {
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(one);
            }
        });
    }
}
