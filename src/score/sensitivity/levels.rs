//! The results score re-aggregated under drawn result-level weights, from
//! the indicators' capped progress the scorecard computed once.

use crate::Programme;
use crate::model::ResultLevel;
use crate::score::aggregate::Aggregation;
use crate::score::{ProgrammeCard, ScoringPolicy};

/// One indicator of a ranked programme, for re-weighting its level.
struct FixedIndicator {
    capped: Option<f64>,
    /// The indicator's weight per the indicators' weighting.
    weight: f64,
    level: ResultLevel,
    /// Its evidence grade when the policy weighs by grade.
    grade: Option<f64>,
}

/// One component: its weight per the components' weighting and its
/// indicators.
struct FixedComponent {
    weight: f64,
    indicators: Vec<FixedIndicator>,
}

/// The results score re-aggregated under drawn level weights, as
/// `score_programme` aggregates it (the same means, in the same order).
pub(super) struct Results {
    programmes: Vec<Vec<FixedComponent>>,
    indicators: Aggregation,
    components: Aggregation,
    floor: f64,
}

impl Results {
    pub(super) fn new(
        programmes: &[&Programme],
        policy: &ScoringPolicy,
        cards: &[&ProgrammeCard],
    ) -> Self {
        let fixed = programmes
            .iter()
            .zip(cards)
            .map(|(p, card)| {
                p.components
                    .iter()
                    .zip(&card.progress.components)
                    .map(|(c, scored)| FixedComponent {
                        weight: policy.components.weight(c.weight.get()),
                        indicators: c
                            .indicators
                            .iter()
                            .zip(&scored.indicators)
                            .map(|(i, s)| FixedIndicator {
                                capped: s.capped,
                                weight: policy.indicators.weight(i.weight.get()),
                                level: i.level,
                                grade: policy
                                    .results
                                    .weight_by_grade
                                    .then(|| policy.results.evidence.of(i)),
                            })
                            .collect(),
                    })
                    .collect()
            })
            .collect();
        Results {
            programmes: fixed,
            indicators: policy.indicators.method,
            components: policy.components.method,
            floor: policy.zero_floor.get(),
        }
    }

    /// Each programme's results score under the level weights `levels`
    /// (output, outcome, impact), into `out`.
    pub(super) fn scores(
        &self,
        levels: &[f64; 3],
        scratch: &mut Vec<(f64, f64)>,
        out: &mut [Option<f64>],
    ) {
        for (o, components) in out.iter_mut().zip(&self.programmes) {
            scratch.clear();
            for c in components {
                let items = c.indicators.iter().filter_map(|i| {
                    let level = level_weight(levels, i.level);
                    let factor = i.grade.map_or(level, |g| level * g);
                    i.capped.map(|x| (x, i.weight * factor))
                });
                if let Some(s) = self.indicators.mean(items, self.floor) {
                    scratch.push((s, c.weight));
                }
            }
            *o = self.components.mean(scratch.iter().copied(), self.floor);
        }
    }
}

/// The weight of `level` among `[output, outcome, impact]`.
fn level_weight(levels: &[f64; 3], level: ResultLevel) -> f64 {
    let [output, outcome, impact] = *levels;
    match level {
        ResultLevel::Output => output,
        ResultLevel::Outcome => outcome,
        ResultLevel::Impact => impact,
    }
}

pub(super) fn level_index(level: ResultLevel) -> usize {
    match level {
        ResultLevel::Output => 0,
        ResultLevel::Outcome => 1,
        ResultLevel::Impact => 2,
    }
}
