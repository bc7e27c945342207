//! The portfolio's ranking as a model of the policy's choices: one run
//! per row of a Saltelli design, each a modified policy giving every
//! ranked programme a composite and a rank.
//!
//! A run costs no more than a rank-uncertainty replication: the raw
//! dimension values come from the scorecard, computed once; every
//! normalisation (and imputation) drawn from is applied once to the fixed
//! columns, and mapped once for each weighted mean drawn from, so a run
//! re-weights the mapped columns and ranks. Only when a result level's
//! weight is a factor is the results score re-aggregated, from the
//! indicators' capped progress (kept from the scorecard), and its column
//! re-normalised in each run.

use crate::model::ResultLevel;
use crate::score::comparison::{composites, dimension_weights, normalise_table, scalings, tied};
use crate::score::engine::Ranker;
use crate::score::policy::{SensitivityFactor, SensitivityPolicy};
use crate::score::rank::columns::{Column, Mean, Sums, column_composites};
use crate::score::ranking::{fill_value, impute_column};
use crate::score::vocabulary::{DimensionMap, Row, Weights};
use crate::score::{
    Comparison, Dimension, Imputation, Normalisation, PortfolioAggregation, ProgrammeCard, Scaling,
    ScoringPolicy,
};
use crate::{Portfolio, Programme};

use super::levels::{Results, level_index};

const PROGRESS: Dimension = Dimension::Progress;

/// What a column of the design sets.
#[derive(Debug, Clone)]
enum Role {
    Weight(Dimension),
    Normalisation,
    Aggregation,
    Imputation,
    Level(ResultLevel),
    /// Sets statuses only: no output depends on it.
    Tolerance,
    /// Option 0 leaves every dimension in; option `i` drops `options[i − 1]`.
    Drop(Vec<Dimension>),
}

impl Role {
    fn of(f: &SensitivityFactor) -> Role {
        match f {
            SensitivityFactor::Weight { dimension, .. } => Role::Weight(*dimension),
            SensitivityFactor::Normalisation { .. } => Role::Normalisation,
            SensitivityFactor::Aggregation { .. } => Role::Aggregation,
            SensitivityFactor::Imputation { .. } => Role::Imputation,
            SensitivityFactor::LevelWeight { level, .. } => Role::Level(*level),
            SensitivityFactor::OnTrackTolerance { .. } => Role::Tolerance,
            SensitivityFactor::DropDimension { options } => Role::Drop(options.clone()),
        }
    }
}

/// The ranking as a function of the factors, with everything no factor
/// changes computed once.
pub(crate) struct Model {
    roles: Vec<Role>,
    weights: Weights,
    levels: [f64; 3],
    normalisations: Vec<Normalisation>,
    imputations: Vec<Imputation>,
    methods: Vec<PortfolioAggregation>,
    floor: f64,
    /// Per normalisation and imputation (`n · imputations + i`): the
    /// normalised, imputed table (the progress column left empty when it
    /// is recomputed in each run).
    tables: Vec<Vec<Row>>,
    /// Per table and method with a column form: its mapped columns.
    columns: Vec<Option<DimensionMap<Column>>>,
    /// The results score's re-aggregation, when a level weight is a factor.
    results: Option<Results>,
    progress_scaling: Scaling,
    nominal: Vec<u32>,
}

impl Model {
    /// The model of the ranked programmes `cards` (with their `programmes`
    /// and nominal ranks), under `policy` and the factors of `sensitivity`.
    pub(crate) fn new(
        programmes: &[&Programme],
        cards: &[&ProgrammeCard],
        raw: &[Row],
        nominal: Vec<u32>,
        policy: &ScoringPolicy,
        sensitivity: &SensitivityPolicy,
    ) -> Model {
        let roles: Vec<Role> = sensitivity.factors.iter().map(Role::of).collect();
        let recompute = roles.iter().any(|r| matches!(r, Role::Level(_)));
        let normalisations = sensitivity.normalisations(policy);
        let imputations = sensitivity.imputations(policy);
        let methods = sensitivity.methods(policy);
        let scalings = scalings(policy);
        let floor = 100.0 * policy.zero_floor.get();
        let left_empty = recompute.then_some(PROGRESS);
        let mut scratch = Vec::new();
        let mut tables = Vec::new();
        for &norm in &normalisations {
            let table = normalise_table(raw, norm, &scalings, left_empty);
            for &imputation in &imputations {
                let mut t = table.clone();
                // Every column is imputed: a weight a run draws may bring a
                // dimension of nominal weight 0 in.
                for d in Dimension::ALL {
                    let present = t.iter().filter_map(|row| row[d]);
                    if let Some(fill) = fill_value(present, imputation, &mut scratch) {
                        t.iter_mut().for_each(|row| {
                            row[d].get_or_insert(fill);
                        });
                    }
                }
                tables.push(t);
            }
        }
        let columns = tables
            .iter()
            .flat_map(|table| {
                methods.iter().map(move |&m| {
                    let mean = Mean::of(m)?;
                    Some(DimensionMap::from_fn(|d| {
                        let mut column = Column::default();
                        column.set(table.iter().map(|row| row[d]), mean, floor);
                        column
                    }))
                })
            })
            .collect();
        let r = &policy.results;
        Model {
            roles,
            weights: dimension_weights(policy),
            levels: [r.output, r.outcome, r.impact],
            normalisations,
            imputations,
            methods,
            floor,
            tables,
            columns,
            results: recompute.then(|| Results::new(programmes, policy, cards)),
            progress_scaling: scalings[PROGRESS],
            nominal,
        }
    }

    /// The programmes ranked in each run.
    pub(crate) fn programmes(&self) -> usize {
        self.nominal.len()
    }

    /// Runs the model on the design row `x`, writing each programme's rank
    /// (the number of programmes when it has no composite) and composite
    /// (NaN when it has none); returns the mean absolute rank shift.
    pub(crate) fn run(
        &self,
        x: &[f64],
        b: &mut Buffers,
        ranks: &mut [u32],
        out: &mut [f64],
    ) -> f64 {
        let choice = self.decode(x, b);
        let t = choice.normalisation * self.imputations.len() + choice.imputation;
        let (table, columns) = (
            self.tables.get(t),
            self.columns
                .get(t * self.methods.len() + choice.method)
                .and_then(Option::as_ref),
        );
        let method = self.methods.get(choice.method).copied().unwrap_or_default();
        if let Some(results) = &self.results {
            results.scores(&b.levels, &mut b.items, &mut b.progress);
            self.normalise_progress(&choice, b);
        }
        match (columns, Mean::of(method)) {
            (Some(columns), Some(mean)) => {
                let progress = &mut b.progress_column;
                if self.results.is_some() {
                    progress.set(b.progress_norm.iter().copied(), mean, self.floor);
                }
                let recomputed = self.results.is_some();
                let all = DimensionMap::from_fn(|d| {
                    if d == PROGRESS && recomputed {
                        &*progress
                    } else {
                        &columns[d]
                    }
                });
                column_composites(&all, &b.weights, mean, &mut b.sums, &mut b.composite);
            }
            _ => {
                b.table.clear();
                b.table.extend(table.into_iter().flatten().copied());
                if self.results.is_some() {
                    for (row, p) in b.table.iter_mut().zip(&b.progress_norm) {
                        row[PROGRESS] = *p;
                    }
                }
                composites(&b.table, &b.weights, method, self.floor, &mut b.composite);
            }
        }
        b.ranker.competition(&b.composite, tied, &mut b.ranks);
        let n = ranks.len() as u32;
        let mut shift = 0u64;
        for (((r, o), (got, c)), &nominal) in ranks
            .iter_mut()
            .zip(out.iter_mut())
            .zip(b.ranks.iter().zip(&b.composite))
            .zip(&self.nominal)
        {
            *r = got.unwrap_or(n);
            *o = c.unwrap_or(f64::NAN);
            shift += u64::from(r.abs_diff(nominal));
        }
        // Integer sums: exact, so the shift does not depend on order.
        if n == 0 {
            0.0
        } else {
            shift as f64 / f64::from(n)
        }
    }

    /// The results column normalised and imputed as the run's choices say.
    fn normalise_progress(&self, choice: &Choice, b: &mut Buffers) {
        let norm = self
            .normalisations
            .get(choice.normalisation)
            .copied()
            .unwrap_or_default();
        norm.column_into(
            &b.progress,
            &self.progress_scaling,
            &mut b.ranker,
            (&mut b.scratch, &mut b.places),
            &mut b.progress_norm,
        );
        let imputation = self
            .imputations
            .get(choice.imputation)
            .copied()
            .unwrap_or_default();
        impute_column(&mut b.progress_norm, imputation, &mut b.scratch);
    }

    /// Sets the run's weights into `b` and returns its choices.
    fn decode(&self, x: &[f64], b: &mut Buffers) -> Choice {
        let mut choice = Choice::default();
        b.weights = self.weights;
        b.levels = self.levels;
        let mut dropped = None;
        for (role, &v) in self.roles.iter().zip(x) {
            // A choice's value is an option's index (`Factor::value`).
            let index = v as usize;
            match role {
                Role::Weight(d) => b.weights[*d] = v,
                Role::Normalisation => choice.normalisation = index,
                Role::Aggregation => choice.method = index,
                Role::Imputation => choice.imputation = index,
                Role::Level(level) => {
                    if let Some(l) = b.levels.get_mut(level_index(*level)) {
                        *l = v;
                    }
                }
                Role::Tolerance => {}
                Role::Drop(options) => {
                    dropped = index.checked_sub(1).and_then(|i| options.get(i).copied());
                }
            }
        }
        if let Some(d) = dropped {
            b.weights[d] = 0.0;
        }
        choice
    }
}

/// The options a run picked, as indices into the model's lists.
#[derive(Debug, Default)]
struct Choice {
    normalisation: usize,
    imputation: usize,
    method: usize,
}

/// One thread's buffers: nothing is allocated per run.
pub(crate) struct Buffers {
    weights: Weights,
    levels: [f64; 3],
    items: Vec<(f64, f64)>,
    progress: Vec<Option<f64>>,
    progress_norm: Vec<Option<f64>>,
    progress_column: Column,
    scratch: Vec<f64>,
    places: Vec<f64>,
    table: Vec<Row>,
    composite: Vec<Option<f64>>,
    ranks: Vec<Option<u32>>,
    ranker: Ranker,
    sums: Sums,
}

impl Buffers {
    pub(crate) fn new(n: usize) -> Buffers {
        Buffers {
            weights: Weights::default(),
            levels: [1.0; 3],
            items: Vec::new(),
            progress: vec![None; n],
            progress_norm: vec![None; n],
            progress_column: Column::default(),
            scratch: Vec::with_capacity(n),
            places: Vec::with_capacity(n),
            table: Vec::with_capacity(n),
            composite: vec![None; n],
            ranks: vec![None; n],
            ranker: Ranker::default(),
            sums: Sums::default(),
        }
    }
}

/// The model of a scored portfolio: its ranked programmes, their raw
/// values and nominal ranks, from the scorecard's comparison.
pub(crate) fn model(
    portfolio: &Portfolio,
    cards: &[ProgrammeCard],
    comparison: &Comparison,
    policy: &ScoringPolicy,
    sensitivity: &SensitivityPolicy,
) -> (Model, Vec<super::report::Item>) {
    // A scorecard has one card and one comparison row per programme, in
    // the portfolio's order.
    let ranked: Vec<_> = portfolio
        .programmes
        .iter()
        .zip(cards)
        .zip(&comparison.rows)
        .enumerate()
        .filter_map(|(i, ((p, card), row))| row.rank.map(|r| (i, p, card, row, r)))
        .collect();
    let programmes: Vec<&Programme> = ranked.iter().map(|r| r.1).collect();
    let chosen: Vec<&ProgrammeCard> = ranked.iter().map(|r| r.2).collect();
    let raw: Vec<Row> = ranked.iter().map(|r| r.3.raw.to_map()).collect();
    let nominal = ranked.iter().map(|r| r.4).collect();
    let items = ranked
        .iter()
        .map(|&(i, _, _, row, rank)| super::report::Item {
            programme: Some(row.programme),
            row: i,
            name: Some(row.name.clone()),
            nominal_rank: f64::from(rank),
            nominal_composite: row.composite,
        })
        .collect();
    let model = Model::new(&programmes, &chosen, &raw, nominal, policy, sensitivity);
    (model, items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scorer;
    use crate::samples::{Synthetic, synthetic};

    /// Under the policy's own choices a run is the comparison, bit for bit.
    #[test]
    fn nominal_choices_reproduce_the_comparison() {
        let portfolio = synthetic(
            &Synthetic::new(40)
                .with_components(3)
                .with_indicators(3)
                .with_periods(3),
        );
        let cases: Vec<(PortfolioAggregation, Normalisation, SensitivityFactor, f64)> = vec![
            (
                PortfolioAggregation::Arithmetic,
                Normalisation::MinMax,
                SensitivityFactor::LevelWeight {
                    level: ResultLevel::Outcome,
                    low: 0.5,
                    high: 2.0,
                },
                1.0,
            ),
            (
                PortfolioAggregation::Geometric,
                Normalisation::PercentileRank,
                SensitivityFactor::LevelWeight {
                    level: ResultLevel::Output,
                    low: 0.5,
                    high: 2.0,
                },
                1.0,
            ),
            (
                PortfolioAggregation::Copeland,
                Normalisation::Goalposts,
                SensitivityFactor::Weight {
                    dimension: Dimension::Risk,
                    low: 0.5,
                    high: 2.0,
                },
                1.0,
            ),
            (
                PortfolioAggregation::Power(2.0),
                Normalisation::MinMax,
                SensitivityFactor::DropDimension {
                    options: vec![Dimension::Risk],
                },
                0.0,
            ),
        ];
        for (method, normalisation, factor, x) in cases {
            let mut policy = ScoringPolicy::default();
            policy.comparison.method = method;
            policy.comparison.normalisation = normalisation;
            policy.ranking.imputation = Imputation::Mean;
            let sensitivity = SensitivityPolicy::new(vec![factor]);
            let card = Scorer::new(policy.clone()).unwrap().scorecard(&portfolio);
            let (model, items) = model(
                &portfolio,
                &card.programmes,
                &card.comparison,
                &policy,
                &sensitivity,
            );
            let n = model.programmes();
            assert!(n > 10);
            let (mut ranks, mut out) = (vec![0; n], vec![0.0; n]);
            let shift = model.run(&[x], &mut Buffers::new(n), &mut ranks, &mut out);
            assert_eq!(shift, 0.0, "{method}");
            for ((item, r), c) in items.iter().zip(&ranks).zip(&out) {
                assert_eq!(f64::from(*r), item.nominal_rank);
                assert_eq!(
                    c.to_bits(),
                    item.nominal_composite.unwrap().to_bits(),
                    "{method}"
                );
            }
        }
    }
}
