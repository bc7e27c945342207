//! Exact currency conversion: rates are decimals read from their text, and
//! `ExchangeRates::convert` is `amount ÷ rate(from) × rate(to)` computed
//! exactly and rounded once, half to even, to the ten-thousandth.

use chrono::NaiveDate;
use proptest::prelude::*;
use ssr_model::model::{Amount, ConversionError, ExchangeRates, Rate};
use ssr_model::{Currency, Money};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 6, 1).unwrap()
}

fn cur(code: &str) -> Currency {
    code.parse().unwrap()
}

/// Base USD; EUR 0.9, GBP 0.75, JPY 110 per USD; XAF 1e-15 (the smallest rate).
fn rates() -> ExchangeRates {
    let mut t = ExchangeRates::new(cur("USD"));
    for (c, r) in [
        ("EUR", "0.9"),
        ("GBP", "0.75"),
        ("JPY", "110"),
        ("XAF", "1e-15"),
    ] {
        t.insert(day(), cur(c), r.parse().unwrap()).unwrap();
    }
    t
}

fn convert(amount: &str, from: &str, to: &str) -> Result<String, ConversionError> {
    rates()
        .convert(Money::parse(amount, from).unwrap(), day(), cur(to))
        .map(|m| m.amount.to_string())
}

#[test]
fn conversions_worked_by_hand() {
    // 100 EUR ÷ 0.9 = 111.1111… USD: 111.1111.
    assert_eq!(convert("100", "EUR", "USD").unwrap(), "111.1111");
    // 100 GBP ÷ 0.75 × 0.9 = 120 EUR, exactly.
    assert_eq!(convert("100", "GBP", "EUR").unwrap(), "120");
    // 1 JPY ÷ 110 × 0.75 = 0.0068181… GBP: 0.0068.
    assert_eq!(convert("1", "JPY", "GBP").unwrap(), "0.0068");
    // Money in its own currency needs no rate and is unchanged.
    assert_eq!(convert("0.0001", "XAF", "XAF").unwrap(), "0.0001");
}

#[test]
fn the_one_rounding_is_half_to_even() {
    let t = ExchangeRates::new(cur("USD"))
        .with_rate(day(), cur("EUR"), "0.5".parse().unwrap())
        .unwrap();
    let usd = |a: &str| Money::parse(a, "USD").unwrap();
    let eur = |m: Money| t.convert(m, day(), cur("EUR")).unwrap().amount.to_string();
    // 0.0001 × 0.5 = 0.00005: a tie, to the even 0; 0.0003 × 0.5 =
    // 0.00015, to the even 0.0002; 1000.0001 × 0.5 = 500.00005, to 500.
    // (Rounding half away from zero would give 0.0001, 0.0002, 500.0001.)
    assert_eq!(eur(usd("0.0001")), "0");
    assert_eq!(eur(usd("0.0003")), "0.0002");
    assert_eq!(eur(usd("1000.0001")), "500");
    assert_eq!(eur(usd("-0.0003")), "-0.0002");
}

#[test]
fn exact_where_a_float_is_not() {
    // 900,000,000,000,000.0001 USD × 0.9 = 810,000,000,000,000.00009 EUR:
    // 810000000000000.0001 to the ten-thousandth. As a float the amount
    // (9 000 000 000 000 000 001 ten-thousandths) is 9 × 10¹⁸ (floats are
    // 1,024 apart there), and the product loses the last ten-thousandth.
    let got = rates()
        .convert(
            Money::parse("900000000000000.0001", "USD").unwrap(),
            day(),
            cur("EUR"),
        )
        .unwrap();
    assert_eq!(got.amount.to_string(), "810000000000000.0001");
    let float = (9_000_000_000_000_000_001_i64 as f64 * 0.9).round();
    assert_ne!(float as i64, got.amount.ten_thousandths());
    // A rate is the decimal written: 0.1 + 0.2 as floats is
    // 0.30000000000000004, and the rate "0.3" is three tenths exactly, so
    // 3 USD at 0.3 is 0.9 and 0.9 back at 0.3 is 3.
    let three: Rate = "0.3".parse().unwrap();
    assert_ne!(Rate::try_from(0.1 + 0.2).unwrap(), three);
    let t = ExchangeRates::new(cur("USD"))
        .with_rate(day(), cur("EUR"), three)
        .unwrap();
    let there = t
        .convert(Money::parse("3", "USD").unwrap(), day(), cur("EUR"))
        .unwrap();
    assert_eq!(there.to_string(), "0.90 EUR");
    let back = t.convert(there, day(), cur("USD")).unwrap();
    assert_eq!(back.to_string(), "3 USD");
}

#[test]
fn out_of_range_is_an_error_not_a_panic() {
    // 10¹⁴ XAF ÷ 10⁻¹⁵ = 10²⁹ USD: beyond an amount's ±9.2 × 10¹⁴.
    assert!(matches!(
        convert("100000000000000", "XAF", "USD"),
        Err(ConversionError::TooLarge { .. })
    ));
    // The largest amount times the largest cross rate (10¹⁵ ÷ 10⁻¹⁵).
    let mut t = ExchangeRates::new(cur("USD"));
    t.insert(day(), cur("XAF"), "1e-15".parse().unwrap())
        .unwrap();
    t.insert(day(), cur("JPY"), "1e15".parse().unwrap())
        .unwrap();
    let max = Money::new("922337203685477.5807".parse().unwrap(), cur("XAF"));
    assert!(t.convert(max, day(), cur("JPY")).is_err());
    // …and the smallest: 0.0001 JPY ÷ 10¹⁵ × 10⁻¹⁵ rounds to 0.
    let tiny = Money::parse("0.0001", "JPY").unwrap();
    assert_eq!(
        t.convert(tiny, day(), cur("XAF")).unwrap().amount,
        Amount::ZERO
    );
}

fn amount() -> impl Strategy<Value = Amount> {
    (-1_000_000_000_000_000i64..1_000_000_000_000_000).prop_map(|tt| {
        let sign = if tt < 0 { "-" } else { "" };
        let abs = tt.unsigned_abs();
        format!("{sign}{}.{:04}", abs / 10_000, abs % 10_000)
            .parse()
            .unwrap()
    })
}

fn rate() -> impl Strategy<Value = Rate> {
    // From 10⁻⁶ to about 10⁶, up to 9 decimal places.
    (1u64..1_000_000_000_000_000, 0u32..10).prop_filter_map("in range", |(digits, places)| {
        let text = format!("{digits}e-{}", places + 9);
        text.parse().ok()
    })
}

proptest! {
    /// With rate 1 (into the base currency's own units) conversion is the identity.
    #[test]
    fn rate_one_is_the_identity(a in amount()) {
        let t = ExchangeRates::new(cur("USD"))
            .with_rate(day(), cur("EUR"), Rate::ONE)
            .unwrap();
        let got = t.convert(Money::new(a, cur("EUR")), day(), cur("USD")).unwrap();
        prop_assert_eq!(got.amount, a);
        let back = t.convert(Money::new(a, cur("USD")), day(), cur("EUR")).unwrap();
        prop_assert_eq!(back.amount, a);
    }

    /// More money never converts to less, at any rate.
    #[test]
    fn conversion_is_monotone(a in amount(), b in amount(), r in rate()) {
        let t = ExchangeRates::new(cur("USD")).with_rate(day(), cur("EUR"), r).unwrap();
        let c = |x: Amount| t.convert(Money::new(x, cur("EUR")), day(), cur("USD")).map(|m| m.amount);
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        if let (Ok(x), Ok(y)) = (c(lo), c(hi)) {
            prop_assert!(x <= y, "{lo} → {x}, {hi} → {y} at {r}");
        }
    }

    /// A rate reads back as the text it prints.
    #[test]
    fn a_rate_prints_what_reads_back(r in rate()) {
        prop_assert_eq!(r.to_string().parse::<Rate>().unwrap(), r);
    }
}
