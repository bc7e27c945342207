//! An independent oracle for money flows: its own XML event loop over raw
//! IATI 2.03 activity files, written from the standard and the rules in
//! `tests/fixtures/iati/money/README.md`, sharing no code with the
//! importer or the scorer. It gives, per activity × recipient × year ×
//! currency × transaction type, the whole amount and its SSR part in exact
//! rational arithmetic, or *unknown* with the reason; and the same net of
//! transfers between the activities it was given.
//!
//! Choices the standard leaves open, made here once:
//! - the year is that of `transaction-date/@iso-date` (the standard's date
//!   of the transaction); `value/@value-date` is the date for currency
//!   conversion, used only when the transaction has no `transaction-date`;
//! - recipient regions of vocabularies other than 1 (OECD DAC) are left
//!   aside: the standard asks the percentages to add up to 100 per region
//!   vocabulary together with the countries, so another vocabulary
//!   classifies the same money again and counting it would count twice;
//! - money whose sectors (its own, else its activity's) include none of
//!   vocabulary 1 or 2 has an unknown SSR share, never 0: no DAC
//!   classification says it is not SSR; a sector without a code is none;
//! - a transaction is an internal transfer when its counterpart activity
//!   (`provider-org/@provider-activity-id` for incoming money, types 1, 5,
//!   6, 10, 11, 13; `receiver-org/@receiver-activity-id` for the others) is
//!   another activity given to the scan.

// A test oracle: it stops at the first thing it cannot read, loudly.
#![allow(clippy::panic, clippy::expect_used)]
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

// ---- Exact numbers ---------------------------------------------------------

/// An exact rational number, always reduced, with a positive denominator.
/// i128 holds the real files' amounts (up to 10 decimals, below 10¹⁵)
/// times two shares; an overflow panics rather than giving a wrong number.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    n: i128,
    d: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { n: 0, d: 1 };
    pub const ONE: Ratio = Ratio { n: 1, d: 1 };

    pub fn new(n: i128, d: i128) -> Ratio {
        assert!(d != 0, "zero denominator");
        let g = gcd(n, d).max(1);
        let sign = if d < 0 { -1 } else { 1 };
        Ratio {
            n: sign * n / g,
            d: sign * d / g,
        }
    }

    pub fn int(n: i128) -> Ratio {
        Ratio { n, d: 1 }
    }

    /// A decimal number as XML Schema `decimal` writes it (`-12.50`),
    /// also with an exponent (`1.5E1`, `5e-10`), which some publishers
    /// write; `None` for anything else (thousands separators, words).
    pub fn parse(text: &str) -> Option<Ratio> {
        let text = text.trim();
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(i) => (&text[..i], text[i + 1..].parse::<i32>().ok()?),
            None => (text, 0),
        };
        let (negative, digits) = match mantissa.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() && frac.is_empty()
            || !whole
                .bytes()
                .chain(frac.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut n: i128 = 0;
        for b in whole.bytes().chain(frac.bytes()) {
            n = n.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
        }
        let scale = exponent - i32::try_from(frac.len()).ok()?;
        let power = 10i128.checked_pow(scale.unsigned_abs())?;
        let r = if scale >= 0 {
            Ratio::int(n.checked_mul(power)?)
        } else {
            Ratio::new(n, power)
        };
        Some(if negative { r.neg() } else { r })
    }

    pub fn neg(self) -> Ratio {
        Ratio {
            n: -self.n,
            d: self.d,
        }
    }

    pub fn add(self, o: Ratio) -> Ratio {
        let g = gcd(self.d, o.d);
        let (a, b) = (self.d / g, o.d / g);
        let n = self
            .n
            .checked_mul(b)
            .and_then(|x| o.n.checked_mul(a).and_then(|y| x.checked_add(y)));
        let d = self.d.checked_mul(b);
        match (n, d) {
            (Some(n), Some(d)) => Ratio::new(n, d),
            _ => panic!("exact sum overflows i128: {self} + {o}"),
        }
    }

    pub fn sub(self, o: Ratio) -> Ratio {
        self.add(o.neg())
    }

    pub fn mul(self, o: Ratio) -> Ratio {
        // Cross-reduce first so that the products stay small.
        let g1 = gcd(self.n, o.d).max(1);
        let g2 = gcd(o.n, self.d).max(1);
        let n = (self.n / g1).checked_mul(o.n / g2);
        let d = (self.d / g2).checked_mul(o.d / g1);
        match (n, d) {
            (Some(n), Some(d)) => Ratio::new(n, d),
            _ => panic!("exact product overflows i128: {self} × {o}"),
        }
    }

    pub fn div(self, o: Ratio) -> Ratio {
        assert!(o.n != 0, "division by zero");
        self.mul(Ratio::new(o.d, o.n))
    }

    pub fn is_zero(self) -> bool {
        self.n == 0
    }

    pub fn is_negative(self) -> bool {
        self.n < 0
    }

    /// The nearest float, for comparison with float outputs only.
    pub fn to_f64(self) -> f64 {
        // Whole part and remainder separately keep the float exact to
        // well below a cent for the amounts of real files.
        let whole = self.n / self.d;
        let rest = self.n % self.d;
        whole as f64 + rest as f64 / self.d as f64
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let diff = self.sub(*other);
        diff.n.cmp(&0)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.d == 1 {
            write!(f, "{}", self.n)
        } else {
            write!(f, "{}/{} (≈{})", self.n, self.d, self.to_f64())
        }
    }
}

impl fmt::Debug for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// An amount, or why it is unknown.
pub type Value = Result<Ratio, String>;

fn add_values(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Ok(x), Ok(y)) => Ok(x.add(*y)),
        (Err(why), _) | (_, Err(why)) => Err(why.clone()),
    }
}

fn mul_values(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Ok(x), Ok(y)) => Ok(x.mul(*y)),
        (Err(why), _) | (_, Err(why)) => Err(why.clone()),
    }
}

// ---- Raw activities, as the XML writes them --------------------------------

/// A `sector` element's attributes.
#[derive(Debug, Clone, Default)]
pub struct Sector {
    pub vocabulary: Option<String>,
    pub code: Option<String>,
    pub percentage: Option<String>,
}

/// A `recipient-country` or `recipient-region` element's attributes.
#[derive(Debug, Clone, Default)]
pub struct Recipient {
    pub region: bool,
    pub code: Option<String>,
    pub vocabulary: Option<String>,
    pub percentage: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Tx {
    pub type_code: Option<String>,
    pub iso_date: Option<String>,
    pub value: String,
    pub currency: Option<String>,
    pub value_date: Option<String>,
    pub sectors: Vec<Sector>,
    pub recipients: Vec<Recipient>,
    pub provider_activity: Option<String>,
    pub receiver_activity: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Activity {
    pub identifier: String,
    pub default_currency: Option<String>,
    pub sectors: Vec<Sector>,
    pub recipients: Vec<Recipient>,
    /// `related-activity` (`@ref`, `@type`): the chain's shape, no amounts.
    pub related: Vec<(String, String)>,
    /// Currencies of `budget` and `planned-disbursement` values.
    pub budget_currencies: Vec<Option<String>>,
    pub transactions: Vec<Tx>,
}

fn attrs(e: &BytesStart<'_>) -> BTreeMap<String, String> {
    e.attributes()
        .filter_map(Result::ok)
        .filter_map(|a| {
            let key = a.key.as_ref().to_owned();
            let value = a.normalized_value(XmlVersion::Implicit1_0).ok()?;
            Some((key, value.trim().to_owned()))
        })
        .collect()
}

fn sector(a: &BTreeMap<String, String>) -> Sector {
    Sector {
        vocabulary: a.get("vocabulary").cloned(),
        code: a.get("code").cloned(),
        percentage: a.get("percentage").cloned(),
    }
}

fn recipient(region: bool, a: &BTreeMap<String, String>) -> Recipient {
    Recipient {
        region,
        code: a.get("code").cloned(),
        vocabulary: a.get("vocabulary").cloned(),
        percentage: a.get("percentage").cloned(),
    }
}

/// Every `iati-activity` of an IATI activity file, as written.
pub fn read_str(xml: &str) -> Vec<Activity> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut out: Vec<Activity> = Vec::new();
    let mut activity: Option<Activity> = None;
    let mut tx: Option<Tx> = None;
    let mut text = String::new();
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("XML error at {}: {e}", reader.buffer_position()));
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.name().as_ref().to_owned();
                let a = attrs(e);
                // Position: what the element's parent is.
                let parent = stack.last().map(String::as_str);
                match (parent, name.as_str()) {
                    (_, "iati-activity") => {
                        activity = Some(Activity {
                            default_currency: a.get("default-currency").cloned(),
                            ..Activity::default()
                        });
                    }
                    (Some("iati-activity"), "transaction") => tx = Some(Tx::default()),
                    (Some("iati-activity"), "sector") => {
                        if let Some(x) = activity.as_mut() {
                            x.sectors.push(sector(&a));
                        }
                    }
                    (Some("iati-activity"), "recipient-country" | "recipient-region") => {
                        let r = recipient(name == "recipient-region", &a);
                        if let Some(x) = activity.as_mut() {
                            x.recipients.push(r);
                        }
                    }
                    (Some("iati-activity"), "related-activity") => {
                        let link = (
                            a.get("ref").cloned().unwrap_or_default(),
                            a.get("type").cloned().unwrap_or_default(),
                        );
                        if let Some(x) = activity.as_mut() {
                            x.related.push(link);
                        }
                    }
                    (Some("budget" | "planned-disbursement"), "value") => {
                        let c = a.get("currency").cloned();
                        if let Some(x) = activity.as_mut() {
                            x.budget_currencies.push(c);
                        }
                    }
                    (Some("transaction"), child) => {
                        if let Some(t) = tx.as_mut() {
                            match child {
                                "transaction-type" => t.type_code = a.get("code").cloned(),
                                "transaction-date" => t.iso_date = a.get("iso-date").cloned(),
                                "value" => {
                                    t.currency = a.get("currency").cloned();
                                    t.value_date = a.get("value-date").cloned();
                                }
                                "sector" => t.sectors.push(sector(&a)),
                                "recipient-country" | "recipient-region" => {
                                    let r = recipient(child == "recipient-region", &a);
                                    t.recipients.push(r);
                                }
                                "provider-org" => {
                                    t.provider_activity = a.get("provider-activity-id").cloned();
                                }
                                "receiver-org" => {
                                    t.receiver_activity = a.get("receiver-activity-id").cloned();
                                }
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
                text.clear();
                let empty = matches!(event, Event::Empty(_));
                stack.push(name);
                if empty {
                    close(&stack, &mut activity, &mut tx, &mut out, "");
                    stack.pop();
                }
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t),
            Event::GeneralRef(r) => match r.resolve_char_ref() {
                Ok(Some(c)) => text.push(c),
                _ => text.push_str(match &*r {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity &{other};"),
                }),
            },
            Event::End(_) => {
                let body = std::mem::take(&mut text);
                close(&stack, &mut activity, &mut tx, &mut out, &body);
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// What the end of the element on top of `stack` means, with its text
/// `body` (the text since its last child's start: enough for the leaf
/// elements read here).
fn close(
    stack: &[String],
    activity: &mut Option<Activity>,
    tx: &mut Option<Tx>,
    out: &mut Vec<Activity>,
    body: &str,
) {
    let name = stack.last().map_or("", String::as_str);
    let parent = stack
        .len()
        .checked_sub(2)
        .and_then(|i| stack.get(i))
        .map(String::as_str);
    match (parent, name) {
        (_, "iati-activity") => out.extend(activity.take()),
        (Some("iati-activity"), "iati-identifier") => {
            if let Some(a) = activity.as_mut() {
                a.identifier = body.trim().to_owned();
            }
        }
        (Some("iati-activity"), "transaction") => {
            if let (Some(a), Some(t)) = (activity.as_mut(), tx.take()) {
                a.transactions.push(t);
            }
        }
        (Some("transaction"), "value") => {
            if let Some(t) = tx.as_mut() {
                body.trim().clone_into(&mut t.value);
            }
        }
        _ => {}
    }
}

pub fn read_path(path: &Path) -> Vec<Activity> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    read_str(&text)
}

// ---- Codelists ---------------------------------------------------------------

/// The codes of an IATI codelist file (`tests/fixtures/iati-codelists`).
fn codelist(name: &str) -> BTreeSet<String> {
    let path = super::shared::root()
        .join("tests/fixtures/iati-codelists")
        .join(format!("{name}.xml"));
    let xml = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = Reader::from_str(&xml);
    let mut in_code = false;
    let mut out = BTreeSet::new();
    loop {
        match reader.read_event().expect("codelist XML") {
            Event::Start(e) => in_code = e.name().as_ref() == "code",
            Event::Text(t) if in_code => {
                out.insert(t.xml10_content().trim().to_owned());
            }
            Event::End(_) => in_code = false,
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(!out.is_empty(), "{} has no codes", path.display());
    out
}

pub struct Codelists {
    pub countries: BTreeSet<String>,
    pub regions: BTreeSet<String>,
}

impl Codelists {
    pub fn load() -> Codelists {
        Codelists {
            countries: codelist("Country"),
            regions: codelist("Region"),
        }
    }

    /// The recipient as a place code: a country's alpha-2 code; a region's
    /// number (also when written as a `recipient-country`); any other code
    /// verbatim. `None` for a region of another vocabulary than 1, or an
    /// element without a code.
    pub fn place(&self, r: &Recipient) -> Option<String> {
        let code = r.code.as_deref()?.trim();
        if r.region {
            return matches!(r.vocabulary.as_deref(), None | Some("1")).then(|| code.to_owned());
        }
        let upper = code.to_ascii_uppercase();
        if self.countries.contains(&upper) {
            return Some(upper);
        }
        Some(code.to_owned())
    }

    /// Whether a recipient's code is on the codelist of its own element
    /// (a country on Country, a vocabulary-1 region on Region).
    pub fn on_own_list(&self, r: &Recipient) -> bool {
        let Some(code) = r.code.as_deref().map(str::trim) else {
            return false;
        };
        if r.region {
            matches!(r.vocabulary.as_deref(), None | Some("1")) && self.regions.contains(code)
        } else {
            self.countries.contains(&code.to_ascii_uppercase())
        }
    }
}

// ---- The rules -----------------------------------------------------------------

/// Which sector codes are SSR: vocabulary-1 codes starting with one of
/// `dac5_prefixes`, vocabulary-2 codes in `dac3`.
#[derive(Debug, Clone)]
pub struct SsrCodes {
    pub dac5_prefixes: Vec<String>,
    pub dac3: Vec<String>,
}

impl Default for SsrCodes {
    /// DAC 152xx (conflict, peace and security) and its category 152.
    fn default() -> Self {
        SsrCodes {
            dac5_prefixes: vec!["152".to_owned()],
            dac3: vec!["152".to_owned()],
        }
    }
}

/// The DAC vocabulary a sector uses: 1 (5-digit purpose codes; the
/// standard's default; `DAC` in 1.x), 2 (3-digit categories; `DAC-3`), or
/// none of them. A sector without a code classifies nothing, so it counts
/// as none of them (one real file has `<sector percentage="100"
/// vocabulary="1">`; its money's SSR share is then unknown, not 0).
fn dac_vocabulary(s: &Sector) -> Option<u8> {
    if s.code.as_deref().is_none_or(|c| c.trim().is_empty()) {
        return None;
    }
    match s.vocabulary.as_deref().map(str::trim) {
        None | Some("1" | "DAC") => Some(1),
        Some("2" | "DAC-3") => Some(2),
        Some(_) => None,
    }
}

impl SsrCodes {
    fn is_ssr(&self, vocabulary: u8, code: &str) -> bool {
        let code = code.trim();
        match vocabulary {
            1 => self
                .dac5_prefixes
                .iter()
                .any(|p| code.starts_with(p.as_str())),
            _ => self.dac3.iter().any(|c| c == code),
        }
    }

    /// The SSR share of money classified by `sectors`: of vocabulary 1 when
    /// there are any, else 2; percentages scaled to their sum; a single
    /// sector without a percentage is 100 %; a missing one among several
    /// is unknown.
    pub fn share(&self, sectors: &[Sector]) -> Value {
        let of = |v: u8| -> Vec<&Sector> {
            sectors
                .iter()
                .filter(|s| dac_vocabulary(s) == Some(v))
                .collect()
        };
        let (vocabulary, chosen) = match (of(1), of(2)) {
            (one, _) if !one.is_empty() => (1, one),
            (_, two) if !two.is_empty() => (2, two),
            _ => return Err("no sector of vocabulary 1 or 2".to_owned()),
        };
        let ssr = |s: &Sector| {
            s.code
                .as_deref()
                .is_some_and(|c| self.is_ssr(vocabulary, c))
        };
        if let [only] = chosen.as_slice()
            && only.percentage.is_none()
        {
            return Ok(if ssr(only) { Ratio::ONE } else { Ratio::ZERO });
        }
        let mut sum = Ratio::ZERO;
        let mut part = Ratio::ZERO;
        for s in &chosen {
            let code = s.code.as_deref().unwrap_or("");
            let Some(text) = s.percentage.as_deref() else {
                return Err(format!(
                    "sector {code} has no percentage among {} of vocabulary {vocabulary}",
                    chosen.len()
                ));
            };
            let p = Ratio::parse(text)
                .filter(|p| !p.is_negative())
                .ok_or_else(|| format!("sector {code} percentage {text:?} is not a number"))?;
            sum = sum.add(p);
            if ssr(s) {
                part = part.add(p);
            }
        }
        if sum.is_zero() {
            return Err(format!(
                "sector percentages of vocabulary {vocabulary} sum to 0"
            ));
        }
        Ok(part.div(sum))
    }
}

/// The share of each recipient (place code, share or why unknown), and
/// the unallocated share when it is known and positive.
pub fn recipient_shares(
    recipients: &[Recipient],
    codes: &Codelists,
) -> (Vec<(String, Value)>, Option<Ratio>) {
    let places: Vec<(String, Option<&str>)> = recipients
        .iter()
        .filter_map(|r| Some((codes.place(r)?, r.percentage.as_deref())))
        .collect();
    if places.is_empty() {
        return (Vec::new(), Some(Ratio::ONE));
    }
    let single = places.len() == 1;
    let hundred = Ratio::int(100);
    let stated: Vec<(String, Result<Option<Ratio>, String>)> = places
        .into_iter()
        .map(|(place, pct)| {
            let p = match pct {
                None => Ok(None),
                Some(text) => Ratio::parse(text)
                    .filter(|p| !p.is_negative())
                    .map(Some)
                    .ok_or_else(|| {
                        format!("recipient {place} percentage {text:?} is not a number")
                    }),
            };
            (place, p)
        })
        .collect();
    let sum = stated
        .iter()
        .filter_map(|(_, p)| p.as_ref().ok().copied().flatten())
        .fold(Ratio::ZERO, Ratio::add);
    let scale = if sum > hundred { sum } else { hundred };
    let shares: Vec<(String, Value)> = stated
        .into_iter()
        .map(|(place, p)| {
            let share = match p {
                Ok(Some(p)) => Ok(p.div(scale)),
                Ok(None) if single => Ok(Ratio::ONE),
                Ok(None) => Err(format!("recipient {place} has no percentage among several")),
                Err(why) => Err(why),
            };
            (place, share)
        })
        .collect();
    let known: Option<Ratio> = shares
        .iter()
        .map(|(_, s)| s.as_ref().ok().copied())
        .sum::<Option<RatioSum>>()
        .map(|s| s.0);
    let rest = known
        .map(|k| Ratio::ONE.sub(k))
        .filter(|r| *r > Ratio::ZERO);
    (shares, rest)
}

/// Summing ratios through `Iterator::sum`.
struct RatioSum(Ratio);

impl std::iter::Sum<Ratio> for RatioSum {
    fn sum<I: Iterator<Item = Ratio>>(iter: I) -> Self {
        RatioSum(iter.fold(Ratio::ZERO, Ratio::add))
    }
}

/// The IATI 2.03 TransactionType code as written: digits, or the 1.x
/// letters in their code order.
pub fn transaction_code(text: &str) -> Option<u8> {
    let text = text.trim();
    if let Ok(n) = text.parse::<u8>() {
        return (1..=13).contains(&n).then_some(n);
    }
    let letters = ["IF", "C", "D", "E", "IR", "LR", "R", "QP", "QS", "CG"];
    let i = letters.iter().position(|l| *l == text)?;
    u8::try_from(i + 1).ok()
}

/// Types in which money comes to the reporting activity, whose counterpart
/// is the provider.
pub const INCOMING: [u8; 6] = [1, 5, 6, 10, 11, 13];

/// One cell of the flows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub activity: String,
    /// Place code; empty for unallocated money.
    pub recipient: String,
    pub year: i32,
    pub currency: String,
    pub kind: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub whole: Value,
    pub ssr: Value,
}

/// The flows of a portfolio, gross and net of internal transfers, and the
/// transactions that could not be read (with the reason).
#[derive(Debug, Default)]
pub struct Flows {
    pub gross: BTreeMap<Key, Cell>,
    pub net: BTreeMap<Key, Cell>,
    pub unread: Vec<String>,
}

fn year(text: Option<&str>) -> Option<i32> {
    let t = text?.trim();
    let y = t.get(..4)?;
    (t.as_bytes().get(4) == Some(&b'-')).then_some(())?;
    y.parse().ok()
}

/// The flows of `activities` taken as one portfolio.
pub fn flows(activities: &[Activity], ssr: &SsrCodes, codes: &Codelists) -> Flows {
    let ids: BTreeSet<&str> = activities.iter().map(|a| a.identifier.as_str()).collect();
    let mut out = Flows::default();
    for a in activities {
        let (shares, rest) = recipient_shares(&a.recipients, codes);
        for (n, t) in a.transactions.iter().enumerate() {
            let here = || format!("{} transaction {}", a.identifier, n + 1);
            let Some(kind) = t.type_code.as_deref().and_then(transaction_code) else {
                out.unread
                    .push(format!("{}: type {:?}", here(), t.type_code));
                continue;
            };
            let Some(year) = year(t.iso_date.as_deref()).or_else(|| year(t.value_date.as_deref()))
            else {
                out.unread.push(format!("{}: no date", here()));
                continue;
            };
            let Some(amount) = Ratio::parse(&t.value) else {
                out.unread.push(format!("{}: value {:?}", here(), t.value));
                continue;
            };
            let currency = t
                .currency
                .clone()
                .or_else(|| a.default_currency.clone())
                .unwrap_or_default();
            let own_dac = t.sectors.iter().any(|s| dac_vocabulary(s).is_some());
            let sector_share = ssr.share(if own_dac { &t.sectors } else { &a.sectors });
            // The transaction's own place: its country, else its region.
            let own_place = ["recipient-country", "recipient-region"]
                .into_iter()
                .find_map(|kind| {
                    t.recipients
                        .iter()
                        .filter(|r| r.region == (kind == "recipient-region"))
                        .find_map(|r| codes.place(r))
                });
            let parts: Vec<(String, Value)> = match own_place {
                Some(place) => vec![(place, Ok(Ratio::ONE))],
                None => {
                    let mut v = shares.clone();
                    v.extend(rest.map(|r| (String::new(), Ok(r))));
                    v
                }
            };
            let counterpart = if INCOMING.contains(&kind) {
                t.provider_activity.as_deref()
            } else {
                t.receiver_activity.as_deref()
            }
            .map(str::trim);
            let internal = counterpart.is_some_and(|c| c != a.identifier && ids.contains(c));
            for (place, share) in parts {
                let whole = mul_values(&Ok(amount), &share);
                let cell = Cell {
                    ssr: mul_values(&whole, &sector_share),
                    whole,
                };
                let key = Key {
                    activity: a.identifier.clone(),
                    recipient: place,
                    year,
                    currency: currency.clone(),
                    kind,
                };
                if !internal {
                    put(&mut out.net, key.clone(), &cell);
                }
                put(&mut out.gross, key, &cell);
            }
        }
    }
    out
}

fn put(map: &mut BTreeMap<Key, Cell>, key: Key, cell: &Cell) {
    map.entry(key)
        .and_modify(|c| {
            c.whole = add_values(&c.whole, &cell.whole);
            c.ssr = add_values(&c.ssr, &cell.ssr);
        })
        .or_insert_with(|| cell.clone());
}

/// Sums cells by (currency, transaction type), e.g. for a portfolio's
/// gross and net totals; an unknown cell makes its sum unknown.
pub fn totals(cells: &BTreeMap<Key, Cell>) -> BTreeMap<(String, u8), Cell> {
    let mut out: BTreeMap<(String, u8), Cell> = BTreeMap::new();
    for (k, c) in cells {
        out.entry((k.currency.clone(), k.kind))
            .and_modify(|t| {
                t.whole = add_values(&t.whole, &c.whole);
                t.ssr = add_values(&t.ssr, &c.ssr);
            })
            .or_insert_with(|| c.clone());
    }
    out
}

// ---- What the crate's current rules cover ------------------------------------

/// Why the crate's current whole flows (one currency per programme,
/// recipients only from the codelists, a transaction without a place shared
/// between the places other transactions name) cannot match the rules for
/// this activity; `None` when they can.
pub fn differs_from_current_rules(a: &Activity, codes: &Codelists) -> Option<String> {
    let mut currencies: BTreeSet<String> = BTreeSet::new();
    for c in a
        .transactions
        .iter()
        .map(|t| &t.currency)
        .chain(a.budget_currencies.iter())
    {
        if let Some(c) = c.clone().or_else(|| a.default_currency.clone()) {
            currencies.insert(c);
        }
    }
    if currencies.len() > 1 {
        return Some(format!("several currencies: {currencies:?}"));
    }
    let all = a
        .recipients
        .iter()
        .chain(a.transactions.iter().flat_map(|t| t.recipients.iter()));
    for r in all {
        if r.region && !matches!(r.vocabulary.as_deref(), None | Some("1")) {
            continue; // left aside by both
        }
        if !codes.on_own_list(r) {
            return Some(format!("recipient code {:?} is off its codelist", r.code));
        }
        if let Some(p) = r.percentage.as_deref()
            && !Ratio::parse(p).is_some_and(|p| !p.is_negative() && p <= Ratio::int(100))
        {
            return Some(format!("recipient percentage {p:?} is not from 0 to 100"));
        }
    }
    let names_own = |t: &Tx| t.recipients.iter().any(|r| codes.place(r).is_some());
    let activity_names = !a.recipients.is_empty();
    if !activity_names
        && a.transactions.iter().any(names_own)
        && !a.transactions.iter().all(names_own)
    {
        return Some("no activity recipient; transactions with gaps".to_owned());
    }
    None
}
