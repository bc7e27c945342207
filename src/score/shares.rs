//! Splitting a programme's money between its recipient countries and
//! regions (the rule: [`recipient_shares`]).

use serde::{Deserialize, Serialize};

use crate::{Place, Programme, Transaction};

/// A recipient's share of a programme's money.
///
/// ```
/// use ssr_model::score::programme::recipient_shares;
/// use ssr_model::{Country, Programme};
/// use ssr_model::model::{Percentage, Place, Recipient};
///
/// let p = Programme::new("Sahel justice", Country::new("MLI")?).with_recipients([
///     Recipient::country(Country::new("MLI")?).with_percentage(Percentage::new(70.0)?),
///     Recipient::country(Country::new("NER")?), // no percentage among several: unknown
/// ]);
/// let shares = recipient_shares(&p);
/// assert_eq!(shares[0].place, Place::Country(Country::new("MLI")?));
/// assert_eq!(shares[0].share, Some(0.7));
/// assert_eq!(shares[1].share, None); // never guessed as the remaining 30 %
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RecipientShare {
    /// The country or region.
    pub place: Place,
    /// Its share, 0–1; `None` when unknown (several recipients, this one
    /// without a percentage).
    pub share: Option<f64>,
}

/// Each recipient's share of the programme's money, in recipient order.
///
/// The rule, after IATI's: a programme's money goes to its recipients in
/// proportion to their percentages.
///
/// - A single recipient with no percentage has the whole (IATI: a lone
///   recipient may leave the percentage out).
/// - Recipients with a percentage get that share, as stated. If the stated
///   percentages sum to less than 100, the rest is **unallocated**, never
///   handed to one of them. If they sum to more, each is divided by their
///   sum, so the parts never add up to more than the whole. Validation
///   reports `percentage_sum` in both cases.
/// - A recipient without a percentage among several has an **unknown**
///   share (`None`): IATI requires one, and the crate does not guess it.
/// - A transaction that names its own recipient goes wholly to it; the
///   programme's percentages apply to the others ([`split_transaction`]).
///
/// So the money of a multi-country programme is never assigned whole to
/// one country.
///
/// ```
/// use ssr_model::score::programme::recipient_shares;
/// use ssr_model::{Country, Programme, Region};
/// use ssr_model::model::{Percentage, Recipient};
///
/// // The IATI standard's own example: AF 25 %, AG 25 %, region 489 50 %.
/// let p = Programme::new("Example", Country::new("AFG")?).with_recipients([
///     Recipient::country(Country::new("AFG")?).with_percentage(Percentage::new(25.0)?),
///     Recipient::country(Country::new("ATG")?).with_percentage(Percentage::new(25.0)?),
///     Recipient::region(Region::new(489)?).with_percentage(Percentage::new(50.0)?),
/// ]);
/// let shares: Vec<Option<f64>> = recipient_shares(&p).iter().map(|s| s.share).collect();
/// assert_eq!(shares, [Some(0.25), Some(0.25), Some(0.5)]);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
pub fn recipient_shares(programme: &Programme) -> Vec<RecipientShare> {
    let single = programme.recipients.len() == 1;
    let stated: f64 = programme
        .recipients
        .iter()
        .filter_map(|r| r.percentage)
        .map(|p| p.get())
        .sum();
    // Over 100, shares are scaled down so that no money is counted twice.
    let scale = if stated > 100.0 { stated } else { 100.0 };
    programme
        .recipients
        .iter()
        .map(|r| RecipientShare {
            place: r.place,
            share: match r.percentage {
                Some(p) => Some(p.get() / scale),
                None if single => Some(1.0),
                None => None,
            },
        })
        .collect()
}

/// The share of the programme's money no recipient accounts for: 1 minus
/// the known shares, when positive; 0 when the shares cover it all. `None`
/// when some share is unknown, or the programme has no recipients.
///
/// ```
/// use ssr_model::score::programme::unallocated_share;
/// use ssr_model::{Country, Programme};
/// use ssr_model::model::{Percentage, Recipient};
///
/// let p = Programme::new("x", Country::new("MLI")?)
///     .with_recipients([Recipient::country(Country::new("MLI")?).with_percentage(Percentage::new(60.0)?)]);
/// assert!((unallocated_share(&p).unwrap() - 0.4).abs() < 1e-12);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
pub fn unallocated_share(programme: &Programme) -> Option<f64> {
    let shares = recipient_shares(programme);
    if shares.is_empty() {
        return None;
    }
    let known: Option<f64> = shares.iter().map(|s| s.share).sum();
    known.map(|k| (1.0 - k).max(0.0))
}

/// `amount` of the programme's money, split between its recipients by
/// [`recipient_shares`]: `(place, amount or None when the share is
/// unknown)`.
///
/// ```
/// use ssr_model::score::programme::split_by_recipient;
/// use ssr_model::{Country, Programme, Region};
/// use ssr_model::model::{Percentage, Recipient};
///
/// let p = Programme::new("x", Country::new("MLI")?).with_recipients([
///     Recipient::country(Country::new("MLI")?).with_percentage(Percentage::new(40.0)?),
///     Recipient::region(Region::new(289)?).with_percentage(Percentage::new(60.0)?),
/// ]);
/// let split = split_by_recipient(&p, 1000.0);
/// assert_eq!(split[0].1, Some(400.0));
/// assert_eq!(split[1].1, Some(600.0));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
pub fn split_by_recipient(programme: &Programme, amount: f64) -> Vec<(Place, Option<f64>)> {
    recipient_shares(programme)
        .into_iter()
        .map(|s| (s.place, s.share.map(|share| amount * share)))
        .collect()
}

/// A transaction's `amount` split between recipients: wholly to its own
/// recipient when it names one, else by the programme's shares.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::programme::split_transaction;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let day = NaiveDate::from_ymd_opt(2021, 3, 31).ok_or("bad date")?;
/// let mali = Place::Country(Country::new("MLI")?);
/// let p = Programme::new("Sahel justice", Country::new("MLI")?).with_recipients([
///     Recipient::country(Country::new("MLI")?).with_percentage(Percentage::new(40.0)?),
///     Recipient::country(Country::new("NER")?).with_percentage(Percentage::new(60.0)?),
/// ]);
/// let general = Transaction::new(TransactionType::Disbursement, day, Money::parse("1000", "EUR")?, day);
/// let split = split_transaction(&p, &general, 1000.0);
/// assert_eq!(split, [(mali, Some(400.0)), (Place::Country(Country::new("NER")?), Some(600.0))]);
/// // A transaction that names its recipient goes wholly to it.
/// let to_mali = general.clone().with_recipient(mali);
/// assert_eq!(split_transaction(&p, &to_mali, 1000.0), [(mali, Some(1000.0))]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn split_transaction(
    programme: &Programme,
    transaction: &Transaction,
    amount: f64,
) -> Vec<(Place, Option<f64>)> {
    match transaction.recipient {
        Some(place) => vec![(place, Some(amount))],
        None => split_by_recipient(programme, amount),
    }
}
