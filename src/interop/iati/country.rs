//! The programme's country: one recipient country out of IATI's several.

use crate::validate::{Code, Severity};
use crate::{Country, Percentage};

use super::codes;
use super::findings::{Findings, child_path};
use super::tree::El;
use super::values;

/// A usable recipient country and its share.
struct Candidate {
    country: Country,
    code: String,
    percentage: Option<Percentage>,
}

/// The recipient countries of `activity` at activity level, with findings
/// for unusable ones.
fn activity_countries(activity: El<'_>, path: &str, findings: &mut Findings) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (n, el) in activity.children_named("recipient-country").enumerate() {
        let here = child_path(path, "recipient-country", n);
        let Some(code) = el.attr("code") else {
            findings.push(
                Code::IatiMissingElement,
                &format!("{here}/@code"),
                el,
                "recipient-country has no code",
            );
            continue;
        };
        let Some(country) = codes::country(code) else {
            findings.push(
                Code::IatiUnknownCode,
                &format!("{here}/@code"),
                el,
                format_args!("recipient-country code {code:?} is not an ISO 3166-1 alpha-2 code"),
            );
            continue;
        };
        let percentage = match el.attr("percentage") {
            None => None,
            Some(text) => {
                let p = values::percentage(text);
                if p.is_none() {
                    findings.push(
                        Code::IatiInvalidPercentage,
                        &format!("{here}/@percentage"),
                        el,
                        format_args!(
                            "recipient-country percentage {text:?} is not a number from 0 to 100"
                        ),
                    );
                }
                p
            }
        };
        out.push(Candidate {
            country,
            code: code.to_owned(),
            percentage,
        });
    }
    out
}

/// The single country the activity's transactions name, if they name one.
fn transaction_country(activity: El<'_>) -> Vec<(Country, usize)> {
    let mut counts: Vec<(Country, usize)> = Vec::new();
    for tx in activity.children_named("transaction") {
        for el in tx.children_named("recipient-country") {
            if let Some(country) = el.attr("code").and_then(codes::country) {
                match counts.iter_mut().find(|(c, _)| *c == country) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((country, 1)),
                }
            }
        }
    }
    counts
}

/// Chooses the programme's country:
///
/// 1. the activity-level `recipient-country` with the largest `percentage`
///    (the first on ties, or when none states a share), with an
///    `iati_multiple_countries` finding when there are several;
/// 2. else the country named by most transactions' `recipient-country`;
/// 3. else the fallback country, with an `iati_missing_country` warning;
/// 4. else none, with an `iati_missing_country` error (the activity is not
///    imported).
pub(super) fn choose(
    activity: El<'_>,
    path: &str,
    fallback: Option<Country>,
    findings: &mut Findings,
) -> Option<Country> {
    let candidates = activity_countries(activity, path, findings);
    let share = |c: &Candidate| c.percentage.map_or(0.0, Percentage::get);
    let mut best: Option<&Candidate> = None;
    for c in &candidates {
        if best.is_none_or(|b| share(c) > share(b)) {
            best = Some(c);
        }
    }
    if let Some(best) = best {
        if candidates.len() > 1 {
            let listed: Vec<String> = candidates
                .iter()
                .map(|c| match c.percentage {
                    Some(p) => format!("{} {}%", c.code, p.get()),
                    None => c.code.clone(),
                })
                .collect();
            findings.push(
                Code::IatiMultipleCountries,
                &child_path(path, "recipient-country", 0),
                activity,
                format_args!(
                    "{} recipient countries ({}); the programme is placed in {} ({})",
                    candidates.len(),
                    listed.join(", "),
                    best.country,
                    best.country.name()
                ),
            );
        }
        return Some(best.country);
    }
    let by_transactions = transaction_country(activity);
    if let Some(&(first, _)) = by_transactions.first() {
        let (country, _) =
            by_transactions.iter().fold(
                (first, 0),
                |acc, &(c, n)| if n > acc.1 { (c, n) } else { acc },
            );
        let (code, severity, note) = if by_transactions.len() > 1 {
            (
                Code::IatiMultipleCountries,
                Severity::Warning,
                format!(
                    "its transactions name {} countries; the most frequent is used",
                    by_transactions.len()
                ),
            )
        } else {
            (
                Code::IatiMissingCountry,
                Severity::Advice,
                "its transactions name one".to_owned(),
            )
        };
        findings.push_with(
            code,
            severity,
            &format!("{path}/transaction/recipient-country"),
            activity,
            format_args!(
                "no activity-level recipient-country, but {note}: the programme is placed in {country} ({})",
                country.name()
            ),
        );
        return Some(country);
    }
    let regions: Vec<&str> = activity
        .children_named("recipient-region")
        .filter_map(|r| r.attr("code"))
        .collect();
    let why = if regions.is_empty() {
        "no usable recipient country".to_owned()
    } else {
        format!(
            "no usable recipient country (recipient-region {})",
            regions.join(", ")
        )
    };
    let here = format!("{path}/recipient-country");
    match fallback {
        Some(country) => {
            findings.push_with(
                Code::IatiMissingCountry,
                Severity::Warning,
                &here,
                activity,
                format_args!(
                    "{why}: placed in the fallback country {country} ({})",
                    country.name()
                ),
            );
            Some(country)
        }
        None => {
            findings.push(
                Code::IatiMissingCountry,
                &here,
                activity,
                format_args!("{why}: not imported (a fallback country would import it)"),
            );
            None
        }
    }
}
