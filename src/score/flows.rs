//! Yearly money flows per recipient country or region, whole and SSR:
//! each transaction split between recipients by
//! [`split_transaction`](super::split_transaction), its SSR part by
//! [`ssr_share`](super::programme::ssr_share), in its own currency, and
//! converted beside it when exchange rates are given.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ScoringPolicy;
use super::as_of::known;
use super::finance::main_currency;
use super::policy::Conversion;
use super::shares::split_transaction;
use super::ssr_share::ssr_share;
use crate::diagnostics::{Code, Finding, Pointer};
use crate::model::{Amount, CrossRate};
use crate::{
    Currency, ExchangeRates, Money, Place, Portfolio, Programme, Transaction, TransactionType,
};

/// The money of one transaction type in one year going to one recipient,
/// in one currency: the whole and its SSR part side by side.
///
/// - `place` is `None` for the part of the money no recipient accounts for
///   (stated percentages summing to less than 100, no recipient at all, or
///   a transaction naming none when the recipients are those the
///   transactions name: several, none with a percentage, each named by a
///   transaction).
/// - `amount` is `None` when some of it went to a recipient whose share is
///   unknown (several recipients, one without a percentage); `ssr_amount`
///   is `None` then too, and also when the SSR share of some of it is
///   unknown ([`ssr_share`](super::programme::ssr_share)). `unknown` says
///   why. Unknown is never 0.
/// - Money stays in its own `currency`: a second currency gets rows of its
///   own, never left out. With exchange rates, `converted` holds the same
///   money in the scorer's finance currency.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Money, Programme, Region};
/// use ssr_model::model::{Percentage, Recipient, Sector, SectorCode, Transaction, TransactionType};
///
/// let day = NaiveDate::from_ymd_opt(2021, 5, 1).unwrap();
/// let pct = |x| Percentage::new(x).unwrap();
/// let p = Programme::new("x", Country::new("MLI")?)
///     .with_recipients([
///         Recipient::country(Country::new("MLI")?).with_percentage(pct(40.0)),
///         Recipient::region(Region::new(289)?).with_percentage(pct(60.0)),
///     ])
///     .with_sector(Sector::new(SectorCode::new(15210)?).with_percentage(pct(25.0)))
///     .with_sector(Sector::new(SectorCode::new(12220)?).with_percentage(pct(75.0)))
///     .with_transaction(Transaction::new(TransactionType::Disbursement, day, Money::parse("1000", "EUR")?, day));
/// let (flows, findings) = Scorer::default().recipient_flows(&p);
/// assert!(findings.is_empty());
/// let amounts: Vec<_> = flows.iter()
///     .map(|f| (f.place.map(|p| p.to_string()), f.year, f.amount.map(|a| a.to_string()), f.ssr_amount.map(|a| a.to_string())))
///     .collect();
/// // MLI: 1000 × 40 % = 400, SSR 400 × 25 % = 100; region 289: 600 and 150.
/// assert_eq!(amounts, [
///     (Some("MLI".to_string()), 2021, Some("400".to_string()), Some("100".to_string())),
///     (Some("289".to_string()), 2021, Some("600".to_string()), Some("150".to_string())),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RecipientFlow {
    /// The country or region; `None` for unallocated money.
    pub place: Option<Place>,
    /// The calendar year of the transactions (their transaction date).
    pub year: i32,
    /// The transaction type.
    pub kind: TransactionType,
    /// The sum, exact to the ten-thousandth; `None` when a recipient share
    /// is unknown.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub amount: Option<Amount>,
    /// Its SSR part; `None` when a recipient or sector share is unknown.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub ssr_amount: Option<Amount>,
    /// The currency of `amount`, the money's own.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub currency: Currency,
    /// Why `amount` or `ssr_amount` is unknown (the first reason met).
    pub unknown: Option<String>,
    /// The same money converted, when the scorer has exchange rates (or a
    /// finance currency) and every transaction of the row converts.
    pub converted: Option<ConvertedFlow>,
    /// Whether the row's money passes to or comes from another activity of
    /// the portfolio ([`Transaction::counterpart_activity`] is the IATI
    /// identifier of another of its programmes): money a funding chain
    /// counts again at its next link. Flows *net of transfers inside the
    /// portfolio* leave these rows out, so money passed from a donor's
    /// activity through an intermediary's to an implementer's counts once.
    /// Always false for [`Scorer::recipient_flows`](crate::Scorer::recipient_flows),
    /// which sees one programme.
    #[serde(default)]
    pub internal_transfer: bool,
}

/// A flow converted into the finance currency through the exchange rates.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::{Country, Money, Programme, Scorer};
/// use ssr_model::model::{ExchangeRates, Transaction, TransactionType};
/// use ssr_model::score::policy::{FinancePolicy, ScoringPolicy};
///
/// let day = NaiveDate::from_ymd_opt(2021, 5, 1).unwrap();
/// let usd = "USD".parse()?;
/// let rates = ExchangeRates::new(usd).with_rate(NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(), "EUR".parse()?, "0.8".parse()?)?;
/// let mut policy = ScoringPolicy::default();
/// policy.finance = FinancePolicy::default().with_currency(usd);
/// let scorer = Scorer::new(policy)?.with_rates(rates);
/// let p = Programme::new("x", Country::new("LBR")?)
///     .with_transaction(Transaction::new(TransactionType::Disbursement, day, Money::parse("800", "EUR")?, day));
/// let (flows, _) = scorer.recipient_flows(&p);
/// let converted = flows[0].converted.as_ref().ok_or("converted")?;
/// // 800 EUR at 0.8 EUR per USD = 1000 USD, at the rate of 2021-01-01.
/// assert_eq!(converted.amount.map(|a| a.to_string()), Some("1000".to_string()));
/// assert_eq!(converted.rate_date, NaiveDate::from_ymd_opt(2021, 1, 1).unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ConvertedFlow {
    /// The amount, in `currency`.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub amount: Option<Amount>,
    /// The SSR amount, in `currency`.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub ssr_amount: Option<Amount>,
    /// The finance currency.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub currency: Currency,
    /// The date of the latest rate used for the row.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub rate_date: NaiveDate,
}

/// Group key: recipients in first-seen order, then year, type, currency,
/// and whether the money is a transfer inside the portfolio.
type Key = (usize, i32, TransactionType, Currency, bool);

/// One transaction's part for one recipient: whole, SSR, and why unknown.
struct Part {
    place: Option<Place>,
    whole: Option<Amount>,
    ssr: Option<Amount>,
    unknown: Option<String>,
}

/// The recipient split of one transaction, as exact parts. Each part is
/// rounded cumulatively (the running total of the shares, rounded, minus
/// the one before), so the parts add up exactly to the transaction when the
/// shares cover it; what stated shares leave over is unallocated, never
/// dropped.
fn parts(p: &Programme, t: &Transaction, ssr: &Result<f64, String>) -> Vec<Part> {
    let amount = t.value.amount;
    let ssr_share = ssr.as_ref().ok().copied();
    let mut split = split_transaction(p, t, 1.0);
    if t.recipient.is_none() && directed_by_transactions(p) {
        split.clear();
    }
    let all_known = split.iter().all(|(_, s)| s.is_some());
    let total: f64 = split.iter().filter_map(|(_, s)| *s).sum();
    // Float noise in shares that add up to 1 must not leave a crumb.
    let covers = all_known && (total - 1.0).abs() <= 1e-9;
    let last = split.len().saturating_sub(1);
    let mut out = Vec::new();
    let mut running = 0.0;
    let mut before = Some(Amount::ZERO);
    let mut before_ssr = Some(Amount::ZERO);
    for (i, (place, share)) in split.into_iter().enumerate() {
        let Some(share) = share else {
            out.push(Part {
                place: Some(place),
                whole: None,
                ssr: None,
                unknown: Some(format!("recipient {place} has no percentage among several")),
            });
            continue;
        };
        running += share;
        let upto = if covers && i == last { 1.0 } else { running };
        let whole_upto = amount.times(upto);
        let ssr_upto = ssr_share.and_then(|x| amount.times(upto * x));
        out.push(Part {
            place: Some(place),
            whole: whole_upto.zip(before).and_then(|(a, b)| a.checked_sub(b)),
            ssr: ssr_upto.zip(before_ssr).and_then(|(a, b)| a.checked_sub(b)),
            unknown: ssr.as_ref().err().cloned(),
        });
        before = whole_upto;
        before_ssr = ssr_upto;
    }
    if all_known && !covers {
        let whole_ssr = ssr_share.and_then(|x| amount.times(x));
        out.push(Part {
            place: None,
            whole: before.and_then(|b| amount.checked_sub(b)),
            ssr: whole_ssr
                .zip(before_ssr)
                .and_then(|(a, b)| a.checked_sub(b)),
            unknown: ssr.as_ref().err().cloned(),
        });
    }
    out
}

/// Whether the programme's recipients are where its transactions send
/// money rather than shares of it: several, none with a percentage, each
/// named by one of its transactions (IATI's recipients-on-transactions
/// form, which the importer lists on the programme). Money a transaction of
/// such a programme does not direct has no split at all: it is
/// unallocated, whole, rather than an unknown part of every recipient's
/// cell, which would hide the money the other transactions direct to them.
fn directed_by_transactions(p: &Programme) -> bool {
    p.recipients.len() > 1
        && p.recipients.iter().all(|r| {
            r.percentage.is_none() && p.transactions.iter().any(|t| t.recipient == Some(r.place))
        })
}

/// The exact cross rate that turns `money` into `to` on `date`, and the
/// date of the latest rate used, or why there is none. Amounts convert
/// through [`CrossRate::apply`]: exact, rounded once, half to even, to the
/// ten-thousandth.
pub(super) fn rate(
    rates: Option<&ExchangeRates>,
    money: Money,
    date: NaiveDate,
    to: Currency,
    conversion: Conversion,
) -> Result<(CrossRate, NaiveDate), String> {
    if money.currency == to {
        return Ok((CrossRate::IDENTITY, date));
    }
    let rates = rates.ok_or("no exchange rates were given")?;
    if conversion == Conversion::YearAverage {
        // The year's averages, dated the year's last day.
        let year = date.year();
        let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(date);
        return rates
            .cross_year(money.currency, to, year)
            .map(|cross| (cross, last))
            .map_err(|c| format!("no {c} rate on every day of {year}"));
    }
    // The base currency's rate is 1 on every day: it dates nothing.
    rates
        .cross_on(money.currency, to, date)
        .map(|(cross, dated)| (cross, dated.unwrap_or(date)))
        .map_err(|missing| format!("no rate for {} on or before {date}", missing.currency))
}

/// Whether `amount` converted at `cross` fits an amount; why not, if not
/// (the money then stays in its own currency, with a finding).
fn fits(cross: CrossRate, amount: Amount, to: Currency) -> Result<(), String> {
    match cross.apply(amount) {
        Some(_) => Ok(()),
        None => Err(format!(
            "in {to} it is beyond the range of an amount (±922337203685477.5807)"
        )),
    }
}

/// A row being summed: whole, SSR, converted, and why unknown.
struct Sum {
    whole: Option<Amount>,
    ssr: Option<Amount>,
    unknown: Option<String>,
    converted: Option<(Option<Amount>, Option<Amount>, NaiveDate)>,
}

fn add(a: Option<Amount>, b: Option<Amount>) -> Option<Amount> {
    a.zip(b).and_then(|(a, b)| a.checked_add(b))
}

/// The IATI identifiers of the portfolio's activities (its programmes'
/// external ids), trimmed.
pub(crate) fn activity_ids(portfolio: &Portfolio) -> BTreeSet<&str> {
    portfolio
        .programmes
        .iter()
        .filter_map(|p| p.external_id.as_deref().map(str::trim))
        .collect()
}

/// The flows of `p`, and the money that could not be converted into the
/// finance currency (kept in its own currency, with a finding).
///
/// `portfolio` holds the IATI identifiers of the portfolio's activities: a
/// transaction whose counterpart activity is one of them (and not `p`'s
/// own) is an internal transfer.
pub(crate) fn recipient_flows(
    p: &Programme,
    policy: &ScoringPolicy,
    rates: Option<&ExchangeRates>,
    portfolio: &BTreeSet<&str>,
) -> (Vec<RecipientFlow>, Vec<Finding>) {
    // Conversion is asked for by a finance currency or by exchange rates.
    let to = policy
        .finance
        .currency
        .or_else(|| rates.and_then(|_| main_currency(p, policy.as_of)));
    let mut findings = Vec::new();
    let mut places: Vec<Option<Place>> = Vec::new();
    let mut sums: BTreeMap<Key, Sum> = BTreeMap::new();
    // What the crate knows on the judging date: money dated after it is
    // not in the flows.
    let dated = p.transactions.iter().enumerate();
    for (i, t) in dated.filter(|(_, t)| known(t.date, policy.as_of)) {
        let internal = t
            .counterpart_activity(p.external_id.as_deref())
            .is_some_and(|id| portfolio.contains(id));
        let ssr = ssr_share(p, t, &policy.finance.ssr_sectors);
        let rate = to.map(|to| {
            let r = rate(rates, t.value, t.value_date, to, policy.finance.conversion)
                .and_then(|(cross, date)| fits(cross, t.value.amount, to).map(|()| (cross, date)));
            if let Err(why) = &r {
                findings.push(not_converted(i, t.value, to, why));
            }
            (to, r.ok())
        });
        for part in parts(p, t, &ssr) {
            let index = places
                .iter()
                .position(|x| *x == part.place)
                .unwrap_or_else(|| {
                    places.push(part.place);
                    places.len() - 1
                });
            let converted = rate.map(|(_, r)| {
                r.map(|(cross, date)| {
                    let conv = |a: Option<Amount>| a.and_then(|a| cross.apply(a));
                    (conv(part.whole), conv(part.ssr), date)
                })
            });
            let key = (index, t.date.year(), t.kind, t.value.currency, internal);
            let slot = sums.entry(key).or_insert(Sum {
                whole: Some(Amount::ZERO),
                ssr: Some(Amount::ZERO),
                unknown: None,
                converted: Some((Some(Amount::ZERO), Some(Amount::ZERO), NaiveDate::MIN)),
            });
            slot.whole = add(slot.whole, part.whole);
            slot.ssr = add(slot.ssr, part.ssr);
            if slot.unknown.is_none() {
                slot.unknown = part.unknown;
            }
            slot.converted = match (slot.converted, converted.flatten()) {
                (Some((w, s, d)), Some((cw, cs, cd))) => Some((add(w, cw), add(s, cs), d.max(cd))),
                _ => None,
            };
        }
    }
    let flows: Vec<RecipientFlow> = sums
        .into_iter()
        .filter_map(|((index, year, kind, currency, internal_transfer), sum)| {
            Some(RecipientFlow {
                place: *places.get(index)?,
                year,
                kind,
                amount: sum.whole,
                ssr_amount: sum.ssr,
                currency,
                unknown: sum.unknown,
                converted: to
                    .zip(sum.converted)
                    .map(|(to, (amount, ssr_amount, rate_date))| ConvertedFlow {
                        amount,
                        ssr_amount,
                        currency: to,
                        rate_date,
                    }),
                internal_transfer,
            })
        })
        .collect();
    findings.extend(unallocated(p, &flows));
    (flows, findings)
}

/// The `unallocated_money` finding: how much of the programme's money the
/// flows give no recipient, per currency, and why; `None` when all of it
/// has one.
fn unallocated(p: &Programme, flows: &[RecipientFlow]) -> Option<Finding> {
    let mut by_currency: BTreeMap<Currency, Amount> = BTreeMap::new();
    for f in flows.iter().filter(|f| f.place.is_none()) {
        let slot = by_currency.entry(f.currency).or_insert(Amount::ZERO);
        *slot = add(Some(*slot), f.amount).unwrap_or(*slot);
    }
    // Rows of no money (a zero transaction) leave nothing unallocated.
    by_currency.retain(|_, a| *a != Amount::ZERO);
    if by_currency.is_empty() {
        return None;
    }
    let amounts: Vec<String> = by_currency
        .iter()
        .map(|(c, a)| format!("{a} {c}"))
        .collect();
    let undirected = p.transactions.iter().position(|t| t.recipient.is_none());
    let (path, why) = match undirected {
        _ if p.recipients.is_empty() => (
            Pointer::root().member("recipients"),
            "the programme names no recipient".to_owned(),
        ),
        Some(i) if directed_by_transactions(p) => (
            Pointer::root().member("transactions").index(i),
            "its recipients are those its transactions name, and some transactions name none"
                .to_owned(),
        ),
        _ => {
            let sum: f64 = p
                .recipients
                .iter()
                .filter_map(|r| r.percentage)
                .map(|x| x.get())
                .sum();
            // Four decimals: the sum of stated figures, without float noise.
            let sum = (sum * 1e4).round() / 1e4;
            (
                Pointer::root().member("recipients"),
                format!("the recipient percentages sum to {sum}"),
            )
        }
    };
    let finding = Finding::new(
        Code::UnallocatedMoney,
        path,
        format!(
            "{} of the programme's transactions goes to no recipient ({why}): in the flows with an empty recipient",
            amounts.join(", ")
        ),
    )
    .with_help(
        "state recipient percentages that sum to 100, or name the recipient (a region when the \
         money is for several countries) on every transaction",
    );
    Some(finding)
}

/// The finding for a transaction kept in its own currency.
fn not_converted(i: usize, money: Money, to: Currency, why: &str) -> Finding {
    Finding::new(
        Code::NoExchangeRate,
        Pointer::root()
            .member("transactions")
            .index(i)
            .member("value"),
        format!(
            "{money} cannot be converted to {to}: {why}; kept in {}",
            money.currency
        ),
    )
    .with_help(
        "add a rate for the currency dated on or before the value date to the exchange-rate \
         table; the flows keep the amount in its own currency, without a converted amount",
    )
}
