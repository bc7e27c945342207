//! proptest strategies for every model type, kept in this one place so that
//! every integration test generates data the same way.
//!
//! # Use
//!
//! ```ignore
//! use crate::common::strategies::*;
//! use proptest::prelude::*;
//!
//! proptest! {
//!     #[test]
//!     fn scores_stay_in_range(programme in consistent_programme()) {
//!         // ...
//!     }
//! }
//! ```
//!
//! # What there is
//!
//! - **`arb_<type>()` for every model type** — scales (`arb_level`,
//!   `arb_weight`, `arb_percentage`, `arb_fraction`, `arb_finite`,
//!   `arb_value`, `arb_ordinal_scale`), codes (`arb_country`,
//!   `arb_currency`, `arb_sector_code`), money (`arb_amount`, `arb_money`),
//!   typed ids (`arb_programme_id`, `arb_stakeholder_id`, ...), every enum
//!   (`arb_stakeholder_kind`, `arb_pillar`, ...) and every struct up to
//!   `arb_programme` and `arb_portfolio`. They produce any value the types
//!   allow and nothing more: references may dangle, dates may run backwards,
//!   names may be empty, ids may repeat, text contains quotes, control
//!   characters and non-ASCII. Use them for properties that must hold for
//!   *every* value: round trips, never panicking.
//! - **[`consistent_programme`] and [`consistent_portfolio`]** — programmes
//!   that a careful tool would write, for validation and scoring tests:
//!   - every reference points at an entity of the same programme: component
//!     leads, component objectives, mitigation owners, funding sources,
//!     challenge stakeholders and affected components (each list without
//!     repeats);
//!   - ids are unique within the portfolio (derived with `from_external` from
//!     the programme key, the entity kind and its index);
//!   - dates are in order and fall in 2000–2020: planned start < planned end,
//!     actual start (delayed at most 90 days) before actual end (at most 180
//!     days late), every indicator period inside both the planned and the
//!     actual span, periods consecutive and not overlapping, baselines dated
//!     no later than the first period, evaluations inside the span;
//!   - names, titles, statements, descriptions and actions are not blank;
//!     there is at least one stakeholder and one component, every component
//!     has 1–3 indicators with 1–4 periods, and weights are positive;
//!   - funding comes from distinct stakeholders (which carry the `Funding`
//!     role), in the budget's currency, the amounts add up exactly to the
//!     budget and stated shares are whole percentages summing to 100;
//!     sector percentages, when stated, also sum to 100, over distinct
//!     security DAC codes;
//!   - indicator values fit their measure: numbers for unit and percentage
//!     measures (percentages within 0–100), targets moving from the baseline
//!     in the stated direction; labels of the indicator's scale for ordinal
//!     and qualitative measures (targets above the baseline label); labels
//!     without a scale for nominal measures; some actuals are missing;
//!   - evaluation ratings are labels of the evaluation's scale.
//!
//!   Warnings and advice (a single funder, no civil society, a stale actual,
//!   ...) may still occur: they are judgements, not inconsistencies.
//! - Enum strategies draw from each enum's own `ALL` (emitted, with its
//!   names, by the crate's one `names!` list, so it cannot miss a variant).
//!   [`SECURITY_DAC_CODES`] and [`CURRENCY_CODES`] are the code lists the
//!   strategies draw from.
//! - Building blocks: [`arb_text`], [`arb_name`], [`arb_date`],
//!   [`arb_finite_f64`], [`arb_uuid`], [`amount_from_ten_thousandths`], and
//!   [`regex`] (a compiled, cached regex strategy: prefer it to a bare `&str`
//!   strategy, which recompiles its expression for every value).
//!
//! Collections are small (at most a handful of elements), so a generated
//! portfolio serialises to a few kilobytes and properties stay fast.

use chrono::{Datelike, Days, NaiveDate};
use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select, subsequence};
use ssr_model::Region;
use ssr_model::model::{
    Amount, Baseline, Breakdown, ChallengeId, ChallengeKind, ChallengeStatus, ComponentId, Context,
    DacCriterion, DataSource, Direction, EvaluationId, Finite, Fraction, Funding, GenderMarker,
    IndicatorId, Level, Measure, Mitigation, ObjectiveId, ObjectiveKind, OrdinalScale, Percentage,
    Phase, Pillar, ProgrammeId, ResultLevel, Role, Sector, SectorCode, SectorVocabulary,
    SourceKind, StakeholderId, StakeholderKind, Stance, Weight,
};
use ssr_model::model::{
    Budget, BudgetKind, BudgetStatus, Organisation, Party, Place, Recipient, Transaction,
    TransactionType,
};
use ssr_model::{
    Challenge, Component, Country, Currency, Evaluation, Indicator, Money, Objective, Period,
    Portfolio, Programme, Stakeholder, Value,
};
use uuid::Uuid;

/// The DAC purpose codes the SSR pillars map onto (`Pillar`'s documentation).
pub const SECURITY_DAC_CODES: [u32; 15] = [
    15210, 15220, 15230, 15240, 15250, 15261, 15130, 15131, 15132, 15137, 15113, 15150, 15160,
    15170, 15180,
];

/// ISO 4217 codes the strategies draw currencies from: the donors' and the
/// case-study countries' currencies, plus ones with 0, 3 and 4 minor digits.
pub const CURRENCY_CODES: [&str; 18] = [
    "USD", "EUR", "GBP", "CHF", "SEK", "NOK", "DKK", "CAD", "AUD", "JPY", "XOF", "LRD", "SLE",
    "BAM", "TND", "COP", "ZAR", "CLF",
];

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

/// Any text: mostly plain, sometimes any printable Unicode, sometimes the
/// characters JSON must escape (quotes, backslashes, control characters,
/// U+2028/U+2029). May be empty.
pub fn arb_text() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        4 => regex("[A-Za-z0-9 ,.'()-]{0,24}"),
        2 => regex("\\PC{0,12}"),
        1 => regex("[\\x00-\\x1f\"\\\\/\\x7f\\u{80}-\\u{a0}\\u{2028}\\u{2029}\\u{fffd}\\u{10ffff}a]{0,8}"),
    ]
}

/// A string strategy from a regular expression, compiled once (a `&str`
/// strategy recompiles its expression for every value, which is slow).
pub fn regex(pattern: &str) -> BoxedStrategy<String> {
    thread_local! {
        static COMPILED: std::cell::RefCell<std::collections::HashMap<String, BoxedStrategy<String>>> =
            std::cell::RefCell::default();
    }
    COMPILED.with_borrow_mut(|compiled| {
        compiled
            .entry(pattern.to_owned())
            .or_insert_with(|| proptest::string::string_regex(pattern).unwrap().boxed())
            .clone()
    })
}

/// A name that is not blank: starts with a letter.
pub fn arb_name() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        4 => regex("[A-Z][a-z]{1,9}( [A-Za-z][a-z]{0,9}){0,3}"),
        1 => regex("\\p{L}\\PC{0,10}"),
    ]
}

/// A date: mostly 1950–2100, sometimes anywhere in chrono's range, and the
/// edge cases (leap day, the range's ends, years 0 and 9999).
pub fn arb_date() -> impl Strategy<Value = NaiveDate> + Clone {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let plausible = day(1950, 1, 1).num_days_from_ce()..=day(2100, 12, 31).num_days_from_ce();
    let anywhere = NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        8 => plausible.prop_map(date_from_days),
        1 => anywhere.prop_map(date_from_days),
        1 => select(vec![
            NaiveDate::MIN,
            NaiveDate::MAX,
            day(2000, 2, 29),
            day(1970, 1, 1),
            day(0, 1, 1),
            day(9999, 12, 31),
            day(10000, 1, 1),
            day(-1, 12, 31),
        ]),
    ]
}

fn date_from_days(days: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(days).unwrap()
}

/// Any `f64` a [`Finite`] holds (within ±10¹⁵): plausible magnitudes,
/// integers, the whole range down to subnormals, and edge values.
pub fn arb_finite_f64() -> impl Strategy<Value = f64> + Clone {
    use proptest::num::f64 as f;
    prop_oneof![
        4 => -1.0e6..1.0e6,
        2 => (-1000i32..1000).prop_map(f64::from),
        2 => (f::POSITIVE | f::NEGATIVE | f::NORMAL | f::SUBNORMAL | f::ZERO)
            .prop_filter("within the domain", |x| x.abs() <= Finite::LIMIT),
        1 => select(vec![
            0.0,
            -0.0,
            Finite::LIMIT,
            -Finite::LIMIT,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            1.0e-300,
            0.1,
            1.0 / 3.0,
            1.0e14,
            999_999_999_999_999.9,
        ]),
    ]
}

/// Any `f64` a [`Weight`] holds (0 to 10⁶), the limit and tiny ones included.
fn arb_non_negative_f64() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        3 => arb_finite_f64().prop_map(f64::abs).prop_filter("a weight", |w| *w <= Weight::LIMIT),
        1 => select(vec![Weight::LIMIT, f64::MIN_POSITIVE, 1e-300]),
    ]
}

// ---------------------------------------------------------------------------
// Scales and values
// ---------------------------------------------------------------------------

/// Any [`Level`] (1–5).
pub fn arb_level() -> impl Strategy<Value = Level> + Clone {
    (1u8..=5).prop_map(|l| Level::new(l).unwrap())
}

/// Any [`Weight`], often the default 1.
pub fn arb_weight() -> impl Strategy<Value = Weight> + Clone {
    prop_oneof![
        1 => Just(Weight::ONE),
        1 => Just(Weight::new(0.0).unwrap()),
        3 => arb_non_negative_f64().prop_map(|w| Weight::new(w).unwrap()),
    ]
}

/// Any [`Percentage`], including both ends.
pub fn arb_percentage() -> impl Strategy<Value = Percentage> + Clone {
    prop_oneof![
        1 => select(vec![0.0, 100.0, 50.0]),
        3 => 0.0..=100.0,
    ]
    .prop_map(|p| Percentage::new(p).unwrap())
}

/// Any [`Fraction`], including both ends.
pub fn arb_fraction() -> impl Strategy<Value = Fraction> + Clone {
    prop_oneof![
        1 => select(vec![0.0, 1.0, 0.5]),
        3 => 0.0..=1.0,
    ]
    .prop_map(|p| Fraction::new(p).unwrap())
}

/// Any [`Finite`].
pub fn arb_finite() -> impl Strategy<Value = Finite> + Clone {
    arb_finite_f64().prop_map(|x| Finite::new(x).unwrap())
}

/// Any [`Value`]: a finite number or any label (labels may look like numbers).
pub fn arb_value() -> impl Strategy<Value = Value> + Clone {
    prop_oneof![
        arb_finite().prop_map(Value::Number),
        arb_text().prop_map(Value::Label),
        regex("-?[0-9]{1,4}(\\.[0-9]{1,2})?").prop_map(Value::Label),
    ]
}

/// Any [`OrdinalScale`]: 2–5 distinct labels that are not blank, in any order.
pub fn arb_ordinal_scale() -> impl Strategy<Value = OrdinalScale> + Clone {
    btree_set(arb_name(), 2..=5)
        .prop_map(|labels| labels.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
        .prop_map(|labels| OrdinalScale::new(labels).unwrap())
}

// ---------------------------------------------------------------------------
// Codes and money
// ---------------------------------------------------------------------------

/// Any ISO 3166-1 [`Country`].
pub fn arb_country() -> impl Strategy<Value = Country> + Clone {
    select(Country::all().collect::<Vec<_>>())
}

/// A [`Currency`] from [`CURRENCY_CODES`].
pub fn arb_currency() -> impl Strategy<Value = Currency> + Clone {
    select(CURRENCY_CODES.to_vec()).prop_map(|c| Currency::new(c).unwrap())
}

/// Any [`SectorCode`]: often a security code, else any five digits.
pub fn arb_sector_code() -> impl Strategy<Value = SectorCode> + Clone {
    prop_oneof![
        select(SECURITY_DAC_CODES.to_vec()),
        10_000u32..=99_999,
        select(vec![10_000, 99_999]),
    ]
    .prop_map(|c| SectorCode::new(c).unwrap())
}

/// The [`Amount`] of `raw` ten-thousandths of a unit (any `i64` but
/// `i64::MIN`), built through the public text form.
pub fn amount_from_ten_thousandths(raw: i64) -> Amount {
    let sign = if raw < 0 { "-" } else { "" };
    let abs = raw.unsigned_abs();
    format!("{sign}{}.{:04}", abs / 10_000, abs % 10_000)
        .parse()
        .unwrap()
}

/// Any [`Amount`]: whole units, amounts with cents, and the full range.
pub fn arb_amount() -> impl Strategy<Value = Amount> + Clone {
    prop_oneof![
        3 => (0i64..100_000_000).prop_map(|u| Amount::from_units(u).unwrap()),
        3 => (-100_000_000_000_000i64..100_000_000_000_000).prop_map(amount_from_ten_thousandths),
        1 => ((i64::MIN + 1)..=i64::MAX).prop_map(amount_from_ten_thousandths),
        1 => select(vec![i64::MIN + 1, i64::MAX, 0, 1, -1, 10_000, 5_000])
            .prop_map(amount_from_ten_thousandths),
    ]
}

/// Any [`Money`].
pub fn arb_money() -> impl Strategy<Value = Money> + Clone {
    (arb_amount(), arb_currency()).prop_map(|(a, c)| Money::new(a, c))
}

// ---------------------------------------------------------------------------
// Typed ids
// ---------------------------------------------------------------------------

/// Any UUID, including the nil and max UUIDs.
pub fn arb_uuid() -> impl Strategy<Value = Uuid> + Clone {
    prop_oneof![
        8 => any::<u128>().prop_map(Uuid::from_u128),
        1 => Just(Uuid::nil()),
        1 => Just(Uuid::max()),
    ]
}

macro_rules! id_strategies {
    ($($fn_name:ident => $ty:ident),* $(,)?) => {$(
        #[doc = concat!("Any [`", stringify!($ty), "`].")]
        pub fn $fn_name() -> impl Strategy<Value = $ty> + Clone {
            arb_uuid().prop_map($ty::from_uuid)
        }
    )*};
}

id_strategies!(
    arb_programme_id => ProgrammeId,
    arb_stakeholder_id => StakeholderId,
    arb_component_id => ComponentId,
    arb_objective_id => ObjectiveId,
    arb_challenge_id => ChallengeId,
    arb_indicator_id => IndicatorId,
    arb_evaluation_id => EvaluationId,
);

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

macro_rules! enum_strategies {
    ($($fn_name:ident => $ty:ident),* $(,)?) => {$(
        #[doc = concat!("Any [`", stringify!($ty), "`].")]
        pub fn $fn_name() -> impl Strategy<Value = $ty> + Clone {
            select($ty::ALL.to_vec())
        }
    )*};
}

enum_strategies!(
    arb_stakeholder_kind => StakeholderKind,
    arb_role => Role,
    arb_stance => Stance,
    arb_pillar => Pillar,
    arb_challenge_kind => ChallengeKind,
    arb_challenge_status => ChallengeStatus,
    arb_objective_kind => ObjectiveKind,
    arb_result_level => ResultLevel,
    arb_measure => Measure,
    arb_direction => Direction,
    arb_source_kind => SourceKind,
    arb_dac_criterion => DacCriterion,
    arb_context => Context,
    arb_phase => Phase,
    arb_gender_marker => GenderMarker,
);

// ---------------------------------------------------------------------------
// Structs, arbitrary (possibly inconsistent)
// ---------------------------------------------------------------------------

/// Any [`Baseline`], each part present or not.
pub fn arb_baseline() -> impl Strategy<Value = Baseline> + Clone {
    (
        option::of(arb_value()),
        option::of(arb_date()),
        option::of(arb_text()),
    )
        .prop_map(|(value, date, comment)| {
            let mut b = Baseline::default();
            b.value = value;
            b.date = date;
            b.comment = comment;
            b
        })
}

/// Any [`Breakdown`].
pub fn arb_breakdown() -> impl Strategy<Value = Breakdown> + Clone {
    (
        arb_text(),
        arb_text(),
        option::of(arb_value()),
        option::of(arb_value()),
    )
        .prop_map(|(dimension, category, target, actual)| {
            let mut b = Breakdown::new(dimension, category);
            b.target = target;
            b.actual = actual;
            b
        })
}

/// Any [`Period`] (the end may come before the start).
pub fn arb_period() -> impl Strategy<Value = Period> + Clone {
    (
        arb_date(),
        arb_date(),
        option::of(arb_value()),
        option::of(arb_value()),
        option::of(arb_date()),
        option::of(arb_text()),
        vec(arb_breakdown(), 0..=2),
    )
        .prop_map(
            |(start, end, target, actual, actual_date, comment, breakdowns)| {
                let mut p = Period::new(start, end);
                p.target = target;
                p.actual = actual;
                p.actual_date = actual_date;
                p.comment = comment;
                p.breakdowns = breakdowns;
                p
            },
        )
}

/// Any [`DataSource`].
pub fn arb_data_source() -> impl Strategy<Value = DataSource> + Clone {
    (arb_source_kind(), option::of(arb_text())).prop_map(|(kind, description)| {
        let mut s = DataSource::new(kind);
        s.description = description;
        s
    })
}

/// Any [`Indicator`] (values need not fit the measure).
pub fn arb_indicator() -> impl Strategy<Value = Indicator> + Clone {
    (
        arb_indicator_id(),
        arb_text(),
        arb_result_level(),
        arb_measure(),
        option::of(arb_direction()),
        option::of(arb_text()),
        option::of(arb_ordinal_scale()),
        option::of(arb_baseline()),
        vec(arb_period(), 0..=3),
        option::of(arb_data_source()),
        arb_weight(),
        option::of(arb_text()),
    )
        .prop_map(
            |(
                id,
                title,
                level,
                measure,
                direction,
                unit,
                scale,
                baseline,
                periods,
                source,
                weight,
                reference,
            )| {
                let mut i = Indicator::new(title, level, measure).with_id(id);
                i.direction = direction;
                i.unit = unit;
                i.scale = scale;
                i.baseline = baseline;
                i.periods = periods;
                i.source = source;
                i.weight = weight;
                i.reference = reference;
                i
            },
        )
}

/// Any [`Objective`].
pub fn arb_objective() -> impl Strategy<Value = Objective> + Clone {
    (arb_objective_id(), arb_objective_kind(), arb_text())
        .prop_map(|(id, kind, statement)| Objective::new(kind, statement).with_id(id))
}

/// Any [`Stakeholder`] (roles may repeat).
pub fn arb_stakeholder() -> impl Strategy<Value = Stakeholder> + Clone {
    (
        arb_stakeholder_id(),
        arb_text(),
        arb_stakeholder_kind(),
        vec(arb_role(), 0..=3),
        option::of(arb_level()),
        option::of(arb_level()),
        option::of(arb_stance()),
        any::<bool>(),
        any::<bool>(),
        option::of(arb_text()),
    )
        .prop_map(
            |(
                id,
                name,
                kind,
                roles,
                influence,
                interest,
                stance,
                legitimate,
                urgent,
                reference,
            )| {
                let mut s = Stakeholder::new(name, kind)
                    .with_id(id)
                    .with_legitimate(legitimate)
                    .with_urgent(urgent);
                (s.influence, s.interest, s.stance) = (influence, interest, stance);
                s.roles = roles;
                s.reference = reference;
                s
            },
        )
}

/// Any [`Component`] (its references may dangle).
pub fn arb_component() -> impl Strategy<Value = Component> + Clone {
    (
        arb_component_id(),
        arb_text(),
        arb_pillar(),
        arb_weight(),
        vec(arb_objective_id(), 0..=2),
        option::of(arb_stakeholder_id()),
        vec(arb_indicator(), 0..=3),
    )
        .prop_map(|(id, name, pillar, weight, objectives, lead, indicators)| {
            let mut c = Component::new(name, pillar).with_id(id).with_weight(weight);
            c.objectives = objectives;
            c.lead = lead;
            c.indicators = indicators;
            c
        })
}

/// Any [`Mitigation`].
pub fn arb_mitigation() -> impl Strategy<Value = Mitigation> + Clone {
    (arb_text(), option::of(arb_stakeholder_id()), arb_fraction()).prop_map(
        |(action, owner, effectiveness)| {
            let mut m = Mitigation::new(action).with_effectiveness(effectiveness);
            m.owner = owner;
            m
        },
    )
}

/// Any [`Challenge`] (its references may dangle).
pub fn arb_challenge() -> impl Strategy<Value = Challenge> + Clone {
    (
        arb_challenge_id(),
        arb_challenge_kind(),
        arb_text(),
        arb_level(),
        arb_level(),
        arb_challenge_status(),
        vec(arb_mitigation(), 0..=2),
        vec(arb_component_id(), 0..=2),
        vec(arb_stakeholder_id(), 0..=2),
    )
        .prop_map(
            |(
                id,
                kind,
                description,
                likelihood,
                impact,
                status,
                mitigations,
                affects,
                stakeholders,
            )| {
                let mut c = Challenge::new(kind, description)
                    .with_id(id)
                    .with_likelihood(likelihood)
                    .with_impact(impact)
                    .with_status(status);
                c.mitigations = mitigations;
                c.affects = affects;
                c.stakeholders = stakeholders;
                c
            },
        )
}

/// Any [`Evaluation`]: any subset of the criteria, rated in any order with
/// labels of its scale, with or without comments.
pub fn arb_evaluation() -> impl Strategy<Value = Evaluation> + Clone {
    (
        arb_evaluation_id(),
        arb_text(),
        arb_date(),
        option::of(arb_text()),
        arb_ordinal_scale(),
        subsequence(DacCriterion::ALL.to_vec(), 0..=6).prop_shuffle(),
        vec((any::<Index>(), option::of(arb_text())), 6),
    )
        .prop_map(|(id, evaluator, date, summary, scale, criteria, picks)| {
            rated_evaluation(id, evaluator, date, summary, scale, &criteria, &picks)
        })
}

fn rated_evaluation(
    id: EvaluationId,
    evaluator: String,
    date: NaiveDate,
    summary: Option<String>,
    scale: OrdinalScale,
    criteria: &[DacCriterion],
    picks: &[(Index, Option<String>)],
) -> Evaluation {
    let mut e = Evaluation::new(evaluator, date, scale.clone()).with_id(id);
    e.summary = summary;
    for (criterion, (pick, comment)) in criteria.iter().zip(picks) {
        let label = pick.get(scale.levels());
        e.set_rating(*criterion, label, comment.clone()).unwrap();
    }
    e
}

/// Any [`Funding`] (the source may dangle).
pub fn arb_funding() -> impl Strategy<Value = Funding> + Clone {
    (
        arb_stakeholder_id(),
        arb_money(),
        option::of(arb_percentage()),
    )
        .prop_map(|(source, amount, share)| {
            let mut f = Funding::new(source, amount);
            f.share = share;
            f
        })
}

/// Any [`Sector`]: mostly a DAC purpose code, else a DAC category or a
/// code of another vocabulary kept as written.
pub fn arb_sector() -> impl Strategy<Value = Sector> + Clone {
    let sector = prop_oneof![
        4 => arb_sector_code().prop_map(Sector::new),
        1 => (100u32..1000).prop_map(|c| Sector::of(SectorVocabulary::DacCategory, c.to_string())),
        1 => ("[0-9A-Z]{1,3}", "[0-9A-Za-z.]{1,8}").prop_map(|(v, c)| {
            let vocabulary: SectorVocabulary = v.parse().unwrap();
            Sector::of(vocabulary, c)
        }),
    ];
    (sector, option::of(arb_percentage())).prop_map(|(mut s, percentage)| {
        s.percentage = percentage;
        s
    })
}

/// Any [`Programme`]: every field independent, so references may dangle and
/// dates may be in any order.
pub fn arb_programme() -> impl Strategy<Value = Programme> + Clone {
    let header = (
        arb_programme_id(),
        option::of(arb_text()),
        arb_text(),
        option::of(arb_text()),
        arb_country(),
        arb_context(),
        arb_phase(),
        option::of(arb_date()),
        option::of(arb_date()),
        option::of(arb_date()),
        option::of(arb_date()),
    );
    let body = (
        option::of(arb_money()),
        vec(arb_funding(), 0..=2),
        vec(arb_sector(), 0..=2),
        option::of(arb_gender_marker()),
        vec(arb_objective(), 0..=2),
        vec(arb_component(), 0..=2),
        vec(arb_stakeholder(), 0..=3),
        vec(arb_challenge(), 0..=2),
        vec(arb_evaluation(), 0..=1),
    );
    let money = (
        vec(arb_recipient(), 0..=3),
        vec(arb_transaction(), 0..=2),
        vec(arb_budget(), 0..=2),
        super::strategies_attributes::arb_attributes(),
    );
    (header, body, money).prop_map(
        |(
            (id, external_id, name, description, country, context, phase, ps, pe, st, en),
            (
                budget,
                funding,
                sectors,
                gender,
                objectives,
                components,
                stakeholders,
                challenges,
                evaluations,
            ),
            (recipients, transactions, budgets, attributes),
        )| {
            let mut p = Programme::new(name, country)
                .with_id(id)
                .with_context(context)
                .with_phase(phase);
            p.external_id = external_id;
            p.description = description;
            p.planned_start = ps;
            p.planned_end = pe;
            p.actual_start = st;
            p.actual_end = en;
            p.budget = budget;
            p.funding = funding;
            p.sectors = sectors;
            p.gender_marker = gender;
            p.objectives = objectives;
            p.components = components;
            p.stakeholders = stakeholders;
            p.challenges = challenges;
            p.evaluations = evaluations;
            // Programmes without listed recipients keep their one country.
            if !recipients.is_empty() {
                p.recipients = recipients;
            }
            p.transactions = transactions;
            p.budgets = budgets;
            super::strategies_attributes::with_attributes(p, attributes)
        },
    )
}

/// Any [`Region`] of IATI's Region codelist.
pub fn arb_region() -> impl Strategy<Value = Region> + Clone {
    select(Region::all().collect::<Vec<_>>())
}

/// Any [`Place`]: a country or a region.
pub fn arb_place() -> impl Strategy<Value = Place> + Clone {
    prop_oneof![
        arb_country().prop_map(Place::Country),
        arb_region().prop_map(Place::Region),
    ]
}

/// Any [`Recipient`], with or without a percentage.
pub fn arb_recipient() -> impl Strategy<Value = Recipient> + Clone {
    (arb_place(), option::of(arb_percentage())).prop_map(|(place, pct)| {
        let r = Recipient::new(place);
        match pct {
            Some(p) => r.with_percentage(p),
            None => r,
        }
    })
}

/// Any [`Party`]: a stakeholder id or an organisation.
pub fn arb_party() -> impl Strategy<Value = Party> + Clone {
    prop_oneof![
        arb_stakeholder_id().prop_map(Party::Stakeholder),
        (option::of(arb_text()), option::of(arb_text())).prop_map(|(reference, name)| {
            let mut o = Organisation::new();
            o.reference = reference;
            o.name = name;
            Party::Organisation(o)
        }),
    ]
}

/// Any [`Transaction`].
pub fn arb_transaction() -> impl Strategy<Value = Transaction> + Clone {
    (
        select(TransactionType::ALL.to_vec()),
        arb_date(),
        arb_money(),
        arb_date(),
        option::of(arb_party()),
        option::of(arb_party()),
        option::of(arb_sector_code()),
        option::of(arb_place()),
        (
            super::strategies_attributes::arb_classification(),
            option::of(any::<bool>()),
        ),
    )
        .prop_map(
            |(kind, date, value, value_date, provider, receiver, sector, place, overrides)| {
                let mut t = Transaction::new(kind, date, value, value_date);
                t.provider = provider;
                t.receiver = receiver;
                t.sectors = sector.into_iter().map(Sector::new).collect();
                t.recipient = place;
                super::strategies_attributes::with_overrides(t, overrides)
            },
        )
}

/// Any [`Budget`].
pub fn arb_budget() -> impl Strategy<Value = Budget> + Clone {
    (
        select(vec![BudgetKind::Original, BudgetKind::Revised]),
        option::of(select(vec![
            BudgetStatus::Indicative,
            BudgetStatus::Committed,
        ])),
        arb_date(),
        arb_date(),
        arb_money(),
        arb_date(),
    )
        .prop_map(|(kind, status, start, end, value, value_date)| {
            let mut b = Budget::new(start, end, value, value_date).with_kind(kind);
            b.status = status;
            b
        })
}

/// Any [`Portfolio`] of up to two arbitrary programmes.
pub fn arb_portfolio() -> impl Strategy<Value = Portfolio> + Clone {
    (option::of(arb_text()), vec(arb_programme(), 0..=2)).prop_map(|(name, programmes)| {
        let mut p = Portfolio::new();
        p.name = name;
        p.programmes = programmes;
        p
    })
}

// ---------------------------------------------------------------------------
// Consistent programmes
// ---------------------------------------------------------------------------

/// A programme whose references resolve and whose dates are in order; see
/// the module documentation for the full list of guarantees. Its ids derive
/// from the key `"programme"`.
pub fn consistent_programme() -> BoxedStrategy<Programme> {
    consistent_programme_keyed("programme".to_owned())
}

/// A portfolio of 0–3 consistent programmes with distinct ids throughout.
pub fn consistent_portfolio() -> BoxedStrategy<Portfolio> {
    (option::of(arb_name()), vec(programme_plan(), 0..=3))
        .prop_map(|(name, plans)| {
            let mut p = Portfolio::new();
            p.name = name;
            p.programmes = plans
                .into_iter()
                .enumerate()
                .map(|(i, plan)| build_programme(&format!("programme-{i}"), plan))
                .collect();
            p
        })
        .boxed()
}

/// As [`consistent_programme`], with every id derived from `key`, so that
/// programmes of different keys never share an id.
pub fn consistent_programme_keyed(key: String) -> BoxedStrategy<Programme> {
    programme_plan()
        .prop_map(move |plan| build_programme(&key, plan))
        .boxed()
}

fn programme_plan() -> impl Strategy<Value = ProgrammePlan> {
    let header = (
        arb_name(),
        arb_country(),
        arb_context(),
        arb_phase(),
        option::of(arb_name()),
        option::of(arb_gender_marker()),
        any::<bool>(),
    );
    let schedule = (
        0u64..3650,
        365u64..=3650,
        option::of(0u64..=90),
        option::of(0u64..=180),
    );
    let money = (
        arb_currency(),
        1i64..100_000,
        vec((any::<Index>(), 1u32..10), 0..=3),
        any::<bool>(),
        option::of(0i64..100_000_000),
    );
    let sectors = (
        subsequence(SECURITY_DAC_CODES.to_vec(), 0..=3),
        vec(1u32..10, 3),
        any::<bool>(),
    );
    (
        header,
        schedule,
        money,
        sectors,
        vec(stakeholder_plan(), 1..=4),
        vec((arb_objective_kind(), arb_name()), 0..=3),
        vec(component_plan(), 1..=3),
        vec(challenge_plan(), 0..=3),
        vec(evaluation_plan(), 0..=2),
    )
}

type StakeholderPlan = (
    String,
    StakeholderKind,
    Vec<Role>,
    Option<Level>,
    Option<Level>,
    Option<Stance>,
    bool,
    bool,
    Option<String>,
);

fn stakeholder_plan() -> impl Strategy<Value = StakeholderPlan> {
    (
        arb_name(),
        arb_stakeholder_kind(),
        subsequence(Role::ALL.to_vec(), 0..=3),
        // Mostly assessed, sometimes not: unknown is a value like any other.
        option::weighted(0.8, arb_level()),
        option::weighted(0.8, arb_level()),
        option::weighted(0.8, arb_stance()),
        any::<bool>(),
        any::<bool>(),
        option::of(regex("[A-Z]{2}-[A-Z0-9]{3,8}")),
    )
}

#[derive(Debug, Clone)]
struct IndicatorPlan {
    title: String,
    level: ResultLevel,
    measure: Measure,
    direction: Direction,
    /// The range of a unit measure's values.
    magnitude: f64,
    /// The baseline as a share of the range.
    base: f64,
    /// How far the final target moves towards the end of the range.
    gain: f64,
    /// One entry per period: the share of the target reached, or no actual.
    achieved: Vec<Option<f64>>,
    /// Labels picked for the actuals of label measures.
    picks: Vec<Index>,
    baseline: bool,
    baseline_dated: bool,
    scale: OrdinalScale,
    source: Option<DataSource>,
    weight: f64,
    unit: Option<String>,
}

fn indicator_plan() -> impl Strategy<Value = IndicatorPlan> {
    (
        (
            arb_name(),
            arb_result_level(),
            arb_measure(),
            arb_direction(),
            1.0f64..10_000.0,
            0.1f64..0.9,
            0.1f64..=1.0,
        ),
        (
            vec(option::weighted(0.8, 0.0f64..1.5), 1..=4),
            vec(any::<Index>(), 4),
            any::<bool>(),
            any::<bool>(),
            arb_ordinal_scale(),
            option::of(arb_data_source()),
            0.1f64..10.0,
            option::of(arb_name()),
        ),
    )
        .prop_map(
            |(
                (title, level, measure, direction, magnitude, base, gain),
                (achieved, picks, baseline, baseline_dated, scale, source, weight, unit),
            )| IndicatorPlan {
                title,
                level,
                measure,
                direction,
                magnitude,
                base,
                gain,
                achieved,
                picks,
                baseline: baseline || measure.is_quantitative(),
                baseline_dated,
                scale,
                source,
                weight,
                unit,
            },
        )
}

type ComponentPlan = (
    String,
    Pillar,
    f64,
    Vec<Index>,
    Option<Index>,
    Vec<IndicatorPlan>,
);

fn component_plan() -> impl Strategy<Value = ComponentPlan> {
    (
        arb_name(),
        arb_pillar(),
        0.1f64..10.0,
        vec(any::<Index>(), 0..=2),
        option::of(any::<Index>()),
        vec(indicator_plan(), 1..=3),
    )
}

type ChallengePlan = (
    ChallengeKind,
    String,
    Level,
    Level,
    ChallengeStatus,
    Vec<(String, Option<Index>, Fraction)>,
    Vec<Index>,
    Vec<Index>,
);

fn challenge_plan() -> impl Strategy<Value = ChallengePlan> {
    (
        arb_challenge_kind(),
        arb_name(),
        arb_level(),
        arb_level(),
        arb_challenge_status(),
        vec(
            (arb_name(), option::of(any::<Index>()), arb_fraction()),
            0..=2,
        ),
        vec(any::<Index>(), 0..=2),
        vec(any::<Index>(), 0..=2),
    )
}

type EvaluationPlan = (
    String,
    f64,
    Option<String>,
    OrdinalScale,
    Vec<DacCriterion>,
    Vec<(Index, Option<String>)>,
);

fn evaluation_plan() -> impl Strategy<Value = EvaluationPlan> {
    (
        arb_name(),
        0.0f64..=1.0,
        option::of(arb_name()),
        arb_ordinal_scale(),
        subsequence(DacCriterion::ALL.to_vec(), 0..=6).prop_shuffle(),
        vec((any::<Index>(), option::of(arb_name())), 6),
    )
}

type ProgrammePlan = (
    (
        String,
        Country,
        Context,
        Phase,
        Option<String>,
        Option<GenderMarker>,
        bool,
    ),
    (u64, u64, Option<u64>, Option<u64>),
    (Currency, i64, Vec<(Index, u32)>, bool, Option<i64>),
    (Vec<u32>, Vec<u32>, bool),
    Vec<StakeholderPlan>,
    Vec<(ObjectiveKind, String)>,
    Vec<ComponentPlan>,
    Vec<ChallengePlan>,
    Vec<EvaluationPlan>,
);

/// The items `picks` select, in pick order, without repeats.
fn pick_distinct<T: Copy + PartialEq>(picks: &[Index], items: &[T]) -> Vec<T> {
    let mut out = Vec::new();
    if items.is_empty() {
        return out;
    }
    for pick in picks {
        let item = *pick.get(items);
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Whole percentages proportional to `weights` (all positive) summing to
/// exactly 100: the last takes the rounding remainder.
fn split_100(weights: &[u32]) -> Vec<u32> {
    let total: u32 = weights.iter().sum();
    let mut shares: Vec<u32> = weights.iter().map(|w| 100 * w / total).collect();
    let assigned: u32 = shares.iter().sum();
    if let Some(last) = shares.last_mut() {
        *last += 100 - assigned;
    }
    shares
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap()
}

fn build_programme(key: &str, plan: ProgrammePlan) -> Programme {
    let (
        (name, country, context, phase, description, gender_marker, has_external_id),
        (start_offset, duration, start_delay, end_delay),
        (currency, unit_of_share, funders, state_shares, lone_budget),
        (sector_codes, sector_weights, state_percentages),
        stakeholder_plans,
        objective_plans,
        component_plans,
        challenge_plans,
        evaluation_plans,
    ) = plan;

    let planned_start = add_days(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(), start_offset);
    let planned_end = add_days(planned_start, duration);
    let actual_start = start_delay.map(|d| add_days(planned_start, d));
    let actual_end = actual_start.and(end_delay.map(|d| add_days(planned_end, d)));
    // Periods and evaluations fall where the planned and actual spans overlap.
    let window = (actual_start.unwrap_or(planned_start), planned_end);

    let mut p = Programme::new(name, country)
        .with_id(ProgrammeId::from_external(key))
        .with_context(context)
        .with_phase(phase)
        .with_planned_start(planned_start)
        .with_planned_end(planned_end);
    p.actual_start = actual_start;
    p.actual_end = actual_end;
    p.description = description;
    p.gender_marker = gender_marker;
    if has_external_id {
        p.external_id = Some(key.to_owned());
    }

    for (i, (name, kind, roles, influence, interest, stance, legitimate, urgent, reference)) in
        stakeholder_plans.into_iter().enumerate()
    {
        let mut s = Stakeholder::new(name, kind)
            .with_id(StakeholderId::from_external(&format!(
                "{key}/stakeholder/{i}"
            )))
            .with_legitimate(legitimate)
            .with_urgent(urgent);
        (s.influence, s.interest, s.stance) = (influence, interest, stance);
        s.roles = roles;
        s.reference = reference;
        p.stakeholders.push(s);
    }
    let stakeholder_ids: Vec<StakeholderId> = p.stakeholders.iter().map(|s| s.id).collect();

    for (i, (kind, statement)) in objective_plans.into_iter().enumerate() {
        p.objectives.push(
            Objective::new(kind, statement)
                .with_id(ObjectiveId::from_external(&format!("{key}/objective/{i}"))),
        );
    }
    let objective_ids: Vec<ObjectiveId> = p.objectives.iter().map(|o| o.id).collect();

    for (c, (name, pillar, weight, objectives, lead, indicators)) in
        component_plans.into_iter().enumerate()
    {
        let mut component = Component::new(name, pillar)
            .with_id(ComponentId::from_external(&format!("{key}/component/{c}")))
            .with_weight(Weight::new(weight).unwrap());
        component.objectives = pick_distinct(&objectives, &objective_ids);
        component.lead = lead.map(|l| *l.get(&stakeholder_ids));
        for (i, plan) in indicators.into_iter().enumerate() {
            let id = IndicatorId::from_external(&format!("{key}/component/{c}/indicator/{i}"));
            component.indicators.push(build_indicator(plan, id, window));
        }
        p.components.push(component);
    }
    let component_ids: Vec<ComponentId> = p.components.iter().map(|c| c.id).collect();

    // Funding: distinct funders, whole-percentage shares, amounts adding up
    // exactly to the budget.
    let sources = pick_distinct(
        &funders.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        &stakeholder_ids,
    );
    if sources.is_empty() {
        p.budget = lone_budget.map(|u| Money::new(Amount::from_units(u).unwrap(), currency));
    } else {
        let weights: Vec<u32> = funders
            .iter()
            .map(|(_, w)| *w)
            .take(sources.len())
            .collect();
        let shares = split_100(&weights);
        for (source, share) in sources.iter().zip(&shares) {
            let amount = Amount::from_units(i64::from(*share) * unit_of_share).unwrap();
            let mut funding = Funding::new(*source, Money::new(amount, currency));
            if state_shares {
                funding.share = Some(Percentage::new(f64::from(*share)).unwrap());
            }
            p.funding.push(funding);
            if let Some(s) = p.stakeholders.iter_mut().find(|s| s.id == *source)
                && !s.has_role(Role::Funding)
            {
                s.roles.push(Role::Funding);
            }
        }
        p.budget = Some(Money::new(
            Amount::from_units(100 * unit_of_share).unwrap(),
            currency,
        ));
    }

    let percentages = split_100(sector_weights.get(..sector_codes.len()).unwrap());
    for (code, percentage) in sector_codes.iter().zip(percentages) {
        let mut sector = Sector::new(SectorCode::new(*code).unwrap());
        if state_percentages {
            sector.percentage = Some(Percentage::new(f64::from(percentage)).unwrap());
        }
        p.sectors.push(sector);
    }

    for (h, (kind, description, likelihood, impact, status, mitigations, affects, behind)) in
        challenge_plans.into_iter().enumerate()
    {
        let mut challenge = Challenge::new(kind, description)
            .with_id(ChallengeId::from_external(&format!("{key}/challenge/{h}")))
            .with_likelihood(likelihood)
            .with_impact(impact)
            .with_status(status);
        for (action, owner, effectiveness) in mitigations {
            let mut m = Mitigation::new(action).with_effectiveness(effectiveness);
            m.owner = owner.map(|o| *o.get(&stakeholder_ids));
            challenge.mitigations.push(m);
        }
        challenge.affects = pick_distinct(&affects, &component_ids);
        challenge.stakeholders = pick_distinct(&behind, &stakeholder_ids);
        p.challenges.push(challenge);
    }

    let span = (window.1 - window.0).num_days() as f64;
    for (e, (evaluator, when, summary, scale, criteria, picks)) in
        evaluation_plans.into_iter().enumerate()
    {
        let date = add_days(window.0, (span * when).floor() as u64);
        let id = EvaluationId::from_external(&format!("{key}/evaluation/{e}"));
        p.evaluations.push(rated_evaluation(
            id, evaluator, date, summary, scale, &criteria, &picks,
        ));
    }
    p
}

fn build_indicator(
    plan: IndicatorPlan,
    id: IndicatorId,
    (first, last): (NaiveDate, NaiveDate),
) -> Indicator {
    let n = plan.achieved.len() as u64;
    let days = (last - first).num_days() as u64 + 1;
    let length = days / n;
    let mut ind = Indicator::new(plan.title, plan.level, plan.measure)
        .with_id(id)
        .with_weight(Weight::new(plan.weight).unwrap());
    ind.source = plan.source;

    // Period k runs from first + k·length for `length` days.
    let mut periods: Vec<Period> = (0..n)
        .map(|k| {
            Period::new(
                add_days(first, k * length),
                add_days(first, (k + 1) * length - 1),
            )
        })
        .collect();
    let mut baseline = Baseline::default();
    if plan.baseline_dated {
        baseline.date = Some(first);
    }

    match plan.measure {
        Measure::Unit | Measure::Percentage => {
            let percentage = plan.measure == Measure::Percentage;
            let range = if percentage { 100.0 } else { plan.magnitude };
            let up = plan.direction == Direction::Increase;
            let b = plan.base * range;
            let room = if up { range - b } else { b };
            let sign = if up { 1.0 } else { -1.0 };
            let at =
                |share: f64| Value::number((b + sign * room * share).clamp(0.0, range)).unwrap();
            ind.direction = Some(plan.direction);
            ind.unit = if percentage {
                Some("%".to_owned())
            } else {
                plan.unit
            };
            baseline.value = Some(Value::number(b).unwrap());
            for (k, (period, achieved)) in periods.iter_mut().zip(&plan.achieved).enumerate() {
                let progress = plan.gain * (k + 1) as f64 / n as f64;
                period.target = Some(at(progress));
                period.actual = achieved.map(|a| at(progress * a));
            }
        }
        Measure::Ordinal | Measure::Qualitative => {
            let labels = plan.scale.levels().to_vec();
            let top = labels.len() as u64 - 1;
            ind.direction = Some(Direction::Increase);
            baseline.value = Some(Value::label(labels[0].clone()));
            for (k, ((period, achieved), pick)) in periods
                .iter_mut()
                .zip(&plan.achieved)
                .zip(&plan.picks)
                .enumerate()
            {
                // Targets climb the scale, reaching at least its second label.
                let position = (top * (k as u64 + 1)).div_ceil(n).max(1);
                period.target = Some(Value::label(labels[position as usize].clone()));
                period.actual = achieved.map(|_| Value::label(pick.get(&labels).clone()));
            }
            ind.scale = Some(plan.scale);
        }
        _ => {
            // Nominal: categories with no order, hence no scale or direction.
            let labels = plan.scale.levels().to_vec();
            baseline.value = Some(Value::label(labels[0].clone()));
            for ((period, achieved), pick) in
                periods.iter_mut().zip(&plan.achieved).zip(&plan.picks)
            {
                period.target = Some(Value::label(labels[labels.len() - 1].clone()));
                period.actual = achieved.map(|_| Value::label(pick.get(&labels).clone()));
            }
        }
    }
    if plan.baseline {
        ind.baseline = Some(baseline);
    }
    ind.periods = periods;
    ind
}
