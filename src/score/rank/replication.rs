//! One replication of the rank Monte Carlo, and what it reads: the parts
//! of the comparison that no draw changes, computed once, and one thread's
//! buffers.

use super::columns::{Column, Mean, Sums, column_composites};
use crate::Pillar;
use crate::score::aggregate::Kernel;
use crate::score::comparison::{composites, dimension_weights, normalise_table, scalings, tied};
use crate::score::engine::Ranker;
use crate::score::ranking::{impute, impute_column};
use crate::score::vocabulary::{DimensionMap, Row, Weights};
use crate::score::{Dimension, Imputation, ProgrammeCard, Scaling, ScoringPolicy};

/// The item a uniform draw `u` in [0, 1) falls on.
#[expect(
    clippy::expect_used,
    reason = "ScoringPolicy::check refuses empty uncertainty.normalisations and \
              uncertainty.methods, and a Scorer holds only checked policies"
)]
pub(super) fn pick<T>(items: impl ExactSizeIterator<Item = T>, u: f64) -> T {
    let n = items.len();
    let i = ((u * n as f64) as usize).min(n.saturating_sub(1));
    items
        .into_iter()
        .nth(i)
        .expect("a checked policy draws from a non-empty list")
}

/// The dimension each replication recomputes: the results score under
/// the drawn pillar weights. The others are fixed.
pub(super) const PROGRESS: Dimension = Dimension::Progress;

/// One ranked programme's results score, prepared for re-weighting: the
/// component-level mean over its scored components, and each component's
/// score mapped by that mean, nominal weight and pillar.
pub(super) struct FixedProgramme {
    pub(super) kernel: Kernel,
    pub(super) components: Vec<FixedComponent>,
}

pub(super) struct FixedComponent {
    pub(super) mapped: f64,
    pub(super) weight: f64,
    pub(super) pillar: Pillar,
}

impl FixedProgramme {
    fn new(card: &ProgrammeCard, policy: &ScoringPolicy) -> Option<FixedProgramme> {
        let scored = || {
            card.progress
                .components
                .iter()
                .filter(|c| c.weight > 0.0)
                .filter_map(|c| c.score.map(|s| (s, c.weight, c.pillar)))
        };
        let kernel = Kernel::prepare(
            policy.components.method,
            scored().map(|(s, w, _)| (s, w)),
            policy.zero_floor.get(),
        )?;
        let components = scored()
            .map(|(s, weight, pillar)| FixedComponent {
                mapped: kernel.forward(s),
                weight,
                pillar,
            })
            .collect();
        Some(FixedProgramme { kernel, components })
    }

    /// The results score with each pillar's weight multiplied by its draw.
    pub(super) fn score(&self, multipliers: &PillarMultipliers) -> Option<f64> {
        let (mut s, mut tw) = (0.0, 0.0);
        for c in &self.components {
            let w = c.weight * multipliers.of(c.pillar);
            s += w * c.mapped;
            tw += w;
        }
        (tw > 0.0).then(|| self.kernel.inverse(s / tw))
    }
}

/// One weight multiplier per pillar, indexed by [`Pillar::index`].
pub(super) struct PillarMultipliers(pub(super) [f64; Pillar::ALL.len()]);

impl PillarMultipliers {
    #[expect(
        clippy::indexing_slicing,
        reason = "Pillar::index() is below Pillar::ALL.len(), the array's length"
    )]
    fn of(&self, pillar: Pillar) -> f64 {
        self.0[pillar.index()]
    }
}

/// Everything that does not change between replications, computed once.
pub(super) struct Fixed {
    /// Per ranked programme, `None` when it has no scored component.
    pub(super) programmes: Vec<Option<FixedProgramme>>,
    /// Per normalisation alternative (zipped with the policy's list): the
    /// normalised table with the progress column left empty (it is
    /// recomputed each replication).
    tables: Vec<Vec<Row>>,
    /// Per normalisation and per method with a column form: the tables'
    /// columns mapped for that mean (the progress column left empty).
    columns: Vec<Vec<Option<DimensionMap<Column>>>>,
}

pub(super) fn prepare(cards: &[&ProgrammeCard], raw: &[Row], policy: &ScoringPolicy) -> Fixed {
    let scalings = scalings(policy);
    let weights = dimension_weights(policy);
    // Imputation works column by column, so the fixed columns are imputed
    // once here and only the progress column in each replication.
    let tables: Vec<_> = policy
        .uncertainty
        .normalisations
        .iter()
        .map(|&norm| {
            let mut table = normalise_table(raw, norm, &scalings, Some(PROGRESS));
            impute(
                &mut table,
                &weights,
                policy.ranking.imputation,
                &mut Vec::new(),
            );
            table
        })
        .collect();
    let floor = 100.0 * policy.zero_floor.get();
    let columns = tables
        .iter()
        .map(|table| {
            policy
                .uncertainty
                .methods
                .iter()
                .map(|&method| {
                    let mean = Mean::of(method)?;
                    Some(DimensionMap::from_fn(|d| {
                        let mut column = Column::default();
                        if d != PROGRESS {
                            column.set(table.iter().map(|row| row[d]), mean, floor);
                        }
                        column
                    }))
                })
                .collect()
        })
        .collect();
    Fixed {
        programmes: cards
            .iter()
            .map(|card| FixedProgramme::new(card, policy))
            .collect(),
        tables,
        columns,
    }
}

/// One thread's buffers: nothing is allocated per replication.
pub(super) struct Buffers {
    pillar_mult: PillarMultipliers,
    dim_weights: Weights,
    progress: Vec<Option<f64>>,
    progress_norm: Vec<Option<f64>>,
    scratch: Vec<f64>,
    table: Vec<Row>,
    composite: Vec<Option<f64>>,
    ranks: Vec<Option<u32>>,
    ranker: Ranker,
    progress_column: Column,
    sums: Sums,
    places: Vec<f64>,
}

impl Buffers {
    pub(super) fn new(n: usize) -> Buffers {
        Buffers {
            pillar_mult: PillarMultipliers([1.0; Pillar::ALL.len()]),
            dim_weights: Weights::default(),
            progress: vec![None; n],
            progress_norm: vec![None; n],
            scratch: Vec::with_capacity(n),
            table: vec![Row::default(); n],
            composite: vec![None; n],
            ranks: vec![None; n],
            ranker: Ranker::default(),
            progress_column: Column::default(),
            sums: Sums::default(),
            places: Vec::with_capacity(n),
        }
    }
}

/// What one replication reads.
pub(super) struct Replication<'a> {
    fixed: &'a Fixed,
    policy: &'a ScoringPolicy,
    weights: Weights,
    progress_scaling: Scaling,
    imputation: Imputation,
    floor: f64,
}

impl<'a> Replication<'a> {
    /// The replications of `fixed` under `policy`.
    pub(super) fn new(fixed: &'a Fixed, policy: &'a ScoringPolicy) -> Self {
        Replication {
            fixed,
            policy,
            weights: dimension_weights(policy),
            progress_scaling: scalings(policy)[PROGRESS],
            imputation: policy.ranking.imputation,
            floor: 100.0 * policy.zero_floor.get(),
        }
    }
}

impl Replication<'_> {
    /// Reads one replication's draws, in the order the module's docs
    /// promise: the normalisation's and the method's uniform numbers
    /// (returned), then one multiplier per pillar and one per weighted
    /// dimension (into `b`).
    #[expect(
        clippy::expect_used,
        reason = "rank_uncertainty's Plan::draws counts two picks, one draw per pillar and \
                  one per weighted dimension: what this reads (the sequential oracle test \
                  would differ if it read more or fewer)"
    )]
    fn draw(&self, b: &mut Buffers, draws: &[f64]) -> (f64, f64) {
        let noise = self.policy.uncertainty.weight_noise.get();
        let mut draws = draws.iter().copied();
        let mut next = || {
            draws
                .next()
                .expect("the plan draws what a replication reads")
        };
        let picks = (next(), next());
        for m in &mut b.pillar_mult.0 {
            *m = 1.0 + noise * (2.0 * next() - 1.0);
        }
        for (d, w) in b.dim_weights.values_mut().zip(self.weights.values()) {
            *d = if *w > 0.0 {
                w * (1.0 + noise * (2.0 * next() - 1.0))
            } else {
                0.0
            };
        }
        picks
    }

    /// Ranks the programmes under the choices `draws` make, into `out`.
    pub(super) fn run(&self, b: &mut Buffers, draws: &[f64], out: &mut [u32]) {
        let u = &self.policy.uncertainty;
        let (norm_u, method_u) = self.draw(b, draws);
        let ((norm, base), columns) = pick(
            u.normalisations
                .iter()
                .zip(&self.fixed.tables)
                .zip(&self.fixed.columns),
            norm_u,
        );
        let (method, columns) = pick(u.methods.iter().zip(columns), method_u);
        for (p, programme) in b.progress.iter_mut().zip(&self.fixed.programmes) {
            *p = programme.as_ref().and_then(|f| f.score(&b.pillar_mult));
        }
        norm.column_into(
            &b.progress,
            &self.progress_scaling,
            &mut b.ranker,
            (&mut b.scratch, &mut b.places),
            &mut b.progress_norm,
        );
        if self.weights[PROGRESS] > 0.0 {
            impute_column(&mut b.progress_norm, self.imputation, &mut b.scratch);
        }
        if let (Some(columns), Some(mean)) = (columns, Mean::of(*method)) {
            b.progress_column
                .set(b.progress_norm.iter().copied(), mean, self.floor);
            let progress_column = &b.progress_column;
            let all = DimensionMap::from_fn(|d| {
                if d == PROGRESS {
                    progress_column
                } else {
                    &columns[d]
                }
            });
            column_composites(&all, &b.dim_weights, mean, &mut b.sums, &mut b.composite);
        } else {
            for ((t, base), p) in b.table.iter_mut().zip(base).zip(&b.progress_norm) {
                *t = *base;
                t[PROGRESS] = *p;
            }
            composites(
                &b.table,
                &b.dim_weights,
                *method,
                self.floor,
                &mut b.composite,
            );
        }
        b.ranker.competition(&b.composite, tied, &mut b.ranks);
        let n = out.len() as u32;
        for (o, r) in out.iter_mut().zip(&b.ranks) {
            *o = r.unwrap_or(n);
        }
    }
}
