//! Structural checks on single values and lists: names, weights, shares and
//! sector codes.

use super::Code;
use super::sink::Sink;
use crate::diagnostics::path::At;
use crate::model::SectorVocabulary;
use crate::{Component, Funding, Indicator, Percentage, Recipient, Sector};

/// `empty_name`: `text` (the `what` of some entity) is empty or blank.
pub(crate) fn name(sink: &mut Sink<'_>, at: &At<'_>, what: &str, text: &str) {
    if text.trim().is_empty() {
        let state = if text.is_empty() {
            "empty"
        } else {
            "blank (only whitespace)"
        };
        sink.emit(
            Code::EmptyName,
            at,
            format_args!("the {what} is {state}"),
            "write the text people will recognise it by in reports; every listing, \
             ranking and export names it so",
        );
    }
}

/// `weight_invalid`: every component of the programme weighs zero.
pub(crate) fn component_weights(sink: &mut Sink<'_>, at: &At<'_>, components: &[Component]) {
    let weights = components.iter().map(|c| c.weight);
    all_zero(sink, at, weights, ("component", "", "programme"));
}

/// `weight_invalid`: every indicator of a component weighs zero.
pub(crate) fn indicator_weights(sink: &mut Sink<'_>, at: &At<'_>, indicators: &[Indicator]) {
    let weights = indicators.iter().map(|i| i.weight);
    all_zero(
        sink,
        at,
        weights,
        ("indicator", " of the component", "component"),
    );
}

/// `weight_invalid` when a non-empty list of `what` weighs zero throughout,
/// leaving the `score` above it nothing to share.
fn all_zero(
    sink: &mut Sink<'_>,
    at: &At<'_>,
    mut weights: impl ExactSizeIterator<Item = crate::Weight>,
    (what, whose, score): (&str, &str, &str),
) {
    let n = weights.len();
    if n > 0 && weights.all(|w| w.get() == 0.0) {
        sink.emit(
            Code::WeightInvalid,
            at,
            format_args!(
                "all {n} {what} weights{whose} are 0, so the {score} score has no weight to share"
            ),
            &format!(
                "give at least one {what} a positive weight; weights are relative, \
                 so 1 for every {what} means equal weighting"
            ),
        );
    }
}

/// Whether `sum` is 100 within `tolerance` percentage points. A tiny epsilon
/// absorbs binary rounding of decimal shares; a NaN tolerance fails.
fn sums_to_100(sum: f64, tolerance: f64) -> bool {
    (sum - 100.0).abs() <= tolerance + 1e-9
}

/// `percentage_sum` for sectors, after the IATI rule, within each
/// vocabulary: one sector may omit its percentage (it is then 100); several
/// must each state one, summing to 100.
pub(crate) fn sector_shares(sink: &mut Sink<'_>, at: &At<'_>, sectors: &[Sector]) {
    let help = "state a percentage for every sector of a vocabulary so that they add up to \
                100, as IATI requires; a single sector may leave it out";
    let mut vocabularies: Vec<&SectorVocabulary> = sectors.iter().map(|s| &s.vocabulary).collect();
    vocabularies.sort();
    vocabularies.dedup();
    for vocabulary in vocabularies {
        let group: Vec<&Sector> = sectors
            .iter()
            .filter(|s| s.vocabulary == *vocabulary)
            .collect();
        iati_shares(sink, at, "sector", help, &group, |s| {
            (s.code.clone(), s.percentage)
        });
    }
}

/// `percentage_sum` for recipients: the same IATI rule, over the countries
/// and regions together.
pub(crate) fn recipient_shares(sink: &mut Sink<'_>, at: &At<'_>, recipients: &[Recipient]) {
    let help = "state a percentage for every recipient country and region so that they add \
                up to 100, as IATI requires; a single recipient may leave it out";
    iati_shares(sink, at, "recipient", help, recipients, |r| {
        (r.place, r.percentage)
    });
}

/// IATI's rule for a list of shares: a single item may omit its percentage
/// (it then takes 100), several must each state one, summing to 100 within
/// the policy's tolerance.
fn iati_shares<T, L: std::fmt::Display>(
    sink: &mut Sink<'_>,
    at: &At<'_>,
    noun: &str,
    help: &str,
    items: &[T],
    share: impl Fn(&T) -> (L, Option<Percentage>),
) {
    let tolerance = sink.policy.percentage_tolerance();
    match items {
        [] => {}
        [only] => {
            if let (label, Some(p)) = share(only)
                && !sums_to_100(p.get(), tolerance)
            {
                sink.emit(
                    Code::PercentageSum,
                    at,
                    format_args!(
                        "the only {noun}, {label}, has percentage {}, but a single {noun} takes 100",
                        p.get()
                    ),
                    help,
                );
            }
        }
        several => {
            let missing = several.iter().filter(|s| share(s).1.is_none()).count();
            if missing > 0 {
                sink.emit(
                    Code::PercentageSum,
                    at,
                    format_args!(
                        "{missing} of {} {noun}s have no percentage, so the shares cannot sum to 100",
                        several.len()
                    ),
                    help,
                );
            } else {
                let sum: f64 = several
                    .iter()
                    .filter_map(|s| share(s).1)
                    .map(|p| p.get())
                    .sum();
                if !sums_to_100(sum, tolerance) {
                    sink.emit(
                        Code::PercentageSum,
                        at,
                        format_args!(
                            "the {} {noun} percentages sum to {}, not 100",
                            several.len(),
                            round(sum)
                        ),
                        help,
                    );
                }
            }
        }
    }
}

/// `percentage_sum` for funding shares: optional, but once any source states
/// one, all must, summing to 100.
pub(crate) fn funding_shares(sink: &mut Sink<'_>, at: &At<'_>, funding: &[Funding]) {
    let stated = funding.iter().filter(|f| f.share.is_some()).count();
    if stated == 0 {
        return;
    }
    let help = "state a share for every funding source so that they add up to 100, or \
                leave every share out";
    if stated < funding.len() {
        sink.emit(
            Code::PercentageSum,
            at,
            format_args!(
                "{stated} of {} funding sources state a share, so the shares cannot sum to 100",
                funding.len()
            ),
            help,
        );
        return;
    }
    let sum: f64 = funding
        .iter()
        .filter_map(|f| f.share)
        .map(|p| p.get())
        .sum();
    if !sums_to_100(sum, sink.policy.percentage_tolerance()) {
        sink.emit(
            Code::PercentageSum,
            at,
            format_args!(
                "the {} funding shares sum to {}, not 100",
                funding.len(),
                round(sum)
            ),
            help,
        );
    }
}

/// A sum shown to four decimals at most, so that binary noise such as
/// 99.99000000000001 reads as 99.99.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The DAC purpose codes that have been withdrawn, with what they meant and
/// the code that took their place.
const WITHDRAWN: &[(u32, &str, u32, &str)] = &[
    (
        15120,
        "public sector financial management",
        15111,
        "public finance management",
    ),
    (
        15140,
        "government administration",
        15110,
        "public sector policy and administrative management",
    ),
    (15161, "elections", 15151, "elections"),
    (15162, "human rights", 15160, "human rights"),
    (
        15163,
        "free flow of information",
        15153,
        "media and free flow of information",
    ),
    (
        15164,
        "women's equality organisations and institutions",
        15170,
        "women's rights organisations and movements, and government institutions",
    ),
];

/// `unknown_sector_code`: the code is not on the DAC list its vocabulary
/// names; `withdrawn_sector_code`: it is reported under a withdrawn code.
pub(crate) fn sector_code(sink: &mut Sink<'_>, at: &At<'_>, sector: &Sector) {
    let digits =
        |n: usize| sector.code.len() == n && sector.code.bytes().all(|b| b.is_ascii_digit());
    let (on_list, list) = match sector.vocabulary {
        SectorVocabulary::Dac => (digits(5), "a 5-digit DAC purpose code"),
        SectorVocabulary::DacCategory => (digits(3), "a 3-digit DAC category"),
        _ => (true, ""),
    };
    if !on_list {
        sink.emit(
            Code::UnknownSectorCode,
            at,
            format_args!(
                "sector code {:?} of vocabulary {} is not {list}",
                sector.code, sector.vocabulary
            ),
            "report the code of the DAC list, or name the vocabulary the code belongs to",
        );
    }
    let Some(code) = sector.dac_code() else {
        return;
    };
    if let Some((_, meaning, successor, successor_meaning)) =
        WITHDRAWN.iter().find(|(c, ..)| *c == code.get())
    {
        sink.emit(
            Code::WithdrawnSectorCode,
            at,
            format_args!(
                "DAC purpose code {code} ({meaning}) has been withdrawn from the DAC list"
            ),
            &format!(
                "report it under {successor} ({successor_meaning}), the code that replaced it"
            ),
        );
    }
}
