//! Identity and reference checks: ids unique within their kind, and every id a
//! programme mentions pointing at something of that programme.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;
use std::hash::Hash;

use super::Code;
use super::sink::Sink;
use crate::diagnostics::path::At;
use crate::{
    ChallengeId, ComponentId, EvaluationId, IndicatorId, ObjectiveId, ProgrammeId, StakeholderId,
};

/// A kind of id, and how findings name it.
pub(crate) trait Kind: Copy + Eq + Hash + Display {
    /// One holder, as messages name it (`stakeholder`).
    const WHAT: &'static str;
    /// The programme's list of them (`stakeholders`).
    const LIST: &'static str;
}

macro_rules! kinds {
    ($($id:ty => $what:literal, $list:literal;)*) => {
        $(impl Kind for $id {
            const WHAT: &'static str = $what;
            const LIST: &'static str = $list;
        })*
    };
}

kinds! {
    ProgrammeId => "programme", "programmes";
    StakeholderId => "stakeholder", "stakeholders";
    ObjectiveId => "objective", "objectives";
    ComponentId => "component", "components";
    ChallengeId => "challenge", "challenges";
    EvaluationId => "evaluation", "evaluations";
}

/// The ids of one programme, by kind, each with the position of its first
/// holder. Kept between programmes so their tables are allocated once.
#[derive(Default)]
pub(crate) struct Ids {
    pub(crate) stakeholders: HashMap<StakeholderId, usize>,
    pub(crate) objectives: HashMap<ObjectiveId, usize>,
    pub(crate) components: HashMap<ComponentId, usize>,
    pub(crate) challenges: HashMap<ChallengeId, usize>,
    pub(crate) evaluations: HashMap<EvaluationId, usize>,
    /// Indicators by (component, indicator) position.
    pub(crate) indicators: HashMap<IndicatorId, (usize, usize)>,
    /// Stakeholders named by a challenge that has at least one mitigation.
    pub(crate) addressed: HashSet<StakeholderId>,
}

impl Ids {
    pub(crate) fn clear(&mut self) {
        self.stakeholders.clear();
        self.objectives.clear();
        self.components.clear();
        self.challenges.clear();
        self.evaluations.clear();
        self.indicators.clear();
        self.addressed.clear();
    }
}

const DUPLICATE_HELP: &str = "give each entity its own id (a fresh UUID); when two entries \
                              describe the same thing, merge them";

/// Indexes the ids of a list, reporting each repeat (`duplicate_id`) at the
/// later holder's `id`, naming the first holder.
pub(crate) fn index<K: Kind>(
    sink: &mut Sink<'_>,
    table: &mut HashMap<K, usize>,
    list: &At<'_>,
    ids: impl Iterator<Item = K>,
) {
    let what = K::WHAT;
    for (i, id) in ids.enumerate() {
        if let Some(&first) = table.get(&id) {
            let holder = list.index(i);
            let first_holder = list.index(first);
            sink.emit(
                Code::DuplicateId,
                &holder.member("id"),
                format_args!(
                    "{what} id {id} is already the id of {}",
                    first_holder.pointer()
                ),
                DUPLICATE_HELP,
            );
        } else {
            table.insert(id, i);
        }
    }
}

/// Records an indicator id, reporting a repeat (`duplicate_id`) anywhere in
/// the programme.
pub(crate) fn indicator(
    sink: &mut Sink<'_>,
    ids: &mut Ids,
    programme: &At<'_>,
    id: IndicatorId,
    position: (usize, usize),
) {
    if let Some(&(c, i)) = ids.indicators.get(&id) {
        let components = programme.member("components");
        let at = components.index(position.0);
        let indicators = at.member("indicators");
        let at = indicators.index(position.1);
        let first_component = components.index(c);
        let first_indicators = first_component.member("indicators");
        let first = first_indicators.index(i);
        sink.emit(
            Code::DuplicateId,
            &at.member("id"),
            format_args!("indicator id {id} is already the id of {}", first.pointer()),
            DUPLICATE_HELP,
        );
    } else {
        ids.indicators.insert(id, position);
    }
}

/// `dangling_reference` for each id of the list at `list` that names
/// nothing in `table`.
pub(crate) fn references<K: Kind>(
    sink: &mut Sink<'_>,
    table: &HashMap<K, usize>,
    list: &At<'_>,
    ids: &[K],
) {
    for (j, id) in ids.iter().enumerate() {
        reference(sink, table, &list.index(j), id);
    }
}

/// `dangling_reference`: `id` names nothing in `table`.
pub(crate) fn reference<K: Kind>(
    sink: &mut Sink<'_>,
    table: &HashMap<K, usize>,
    at: &At<'_>,
    id: &K,
) {
    let (what, list) = (K::WHAT, K::LIST);
    if !table.contains_key(id) {
        sink.emit(
            Code::DanglingReference,
            at,
            format_args!("no {what} of this programme has id {id}"),
            &format!(
                "use the id of one of the programme's {list}, or add the {what} this id was meant for"
            ),
        );
    }
}
