//! Money as an exact decimal amount with an ISO 4217 currency; never `f64`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Currency, ValueError};

/// Fractional digits an [`Amount`] keeps. Four covers every ISO 4217 minor
/// unit (at most 4, e.g. CLF) exactly.
const SCALE_DIGITS: u32 = 4;
const SCALE: i64 = 10_i64.pow(SCALE_DIGITS);
const EXPECTED: &str = "a decimal number with at most 4 decimal places, such as \"1250000.50\"";
/// The reason for refusing a well-formed amount that does not fit: the
/// bounds of `i64` ten-thousandths.
const IN_RANGE: &str = "an amount from -922337203685477.5807 to 922337203685477.5807 (the range of the exact decimal type)";

/// An exact decimal amount of money, with up to four decimal places.
///
/// Stored as an integer count of ten-thousandths, so sums are exact. In JSON
/// it is a string (`"1250000.50"`) so that no reader turns it into a binary
/// float; integer JSON numbers are accepted on input too.
///
/// ```
/// use ssr_model::model::Amount;
///
/// let a: Amount = "1250000.50".parse()?;
/// let b: Amount = "0.25".parse()?;
/// assert_eq!(a.checked_add(b).map(|s| s.to_string()), Some("1250000.75".to_string()));
/// assert!("1.23456".parse::<Amount>().is_err());
/// // Beyond the range the reason is the range, not the decimals.
/// let err = "1000000000000000".parse::<Amount>().unwrap_err();
/// assert!(err.expected().contains("922337203685477.5807"), "{err}");
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(i64);

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount(0);

    /// A whole number of currency units.
    ///
    /// # Errors
    ///
    /// When the amount does not fit (beyond about ±9.2 × 10¹⁴ units).
    pub fn from_units(units: i64) -> Result<Self, ValueError> {
        units
            .checked_mul(SCALE)
            .map(Amount)
            .ok_or_else(|| ValueError::new("amount", IN_RANGE, units))
    }

    /// The number of decimal places every amount keeps (the scale of
    /// [`ten_thousandths`](Self::ten_thousandths)).
    ///
    /// ```
    /// assert_eq!(ssr_model::model::Amount::DECIMAL_PLACES, 4);
    /// ```
    pub const DECIMAL_PLACES: u32 = SCALE_DIGITS;

    /// The exact amount as a whole number of ten-thousandths, e.g. for a
    /// decimal column of scale 4 in Arrow or a database.
    ///
    /// ```
    /// let a: ssr_model::model::Amount = "1250000.5".parse()?;
    /// assert_eq!(a.ten_thousandths(), 12_500_005_000);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn ten_thousandths(self) -> i64 {
        self.0
    }

    /// The amount as a float, for statistics only (never for bookkeeping).
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// Whether the amount is below zero (IATI allows negative transactions).
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// `self` times `share`, rounded to the nearest ten-thousandth; `None`
    /// when the product does not fit. A share of exactly 1 or 0 is exact.
    pub(crate) fn times(self, share: f64) -> Option<Amount> {
        if share == 1.0 {
            return Some(self);
        }
        let product = (self.0 as f64 * share).round();
        // Beyond i64 (or NaN) the cast would saturate: refuse instead.
        (product.is_finite() && product.abs() < i64::MAX as f64).then_some(Amount(product as i64))
    }

    /// The difference, or `None` on overflow.
    pub(crate) fn checked_sub(self, other: Amount) -> Option<Amount> {
        self.0.checked_sub(other.0).map(Amount)
    }

    /// `self × numerator ÷ denominator` computed exactly and rounded once,
    /// half to even, to the ten-thousandth: the rule of every currency
    /// conversion (an exact rate is a ratio of two integers). `None` when
    /// `denominator` is 0 or the result does not fit an amount, never a
    /// wrapped or saturated number.
    pub(crate) fn scaled(self, numerator: u128, denominator: u128) -> Option<Amount> {
        if denominator == 0 {
            return None;
        }
        let magnitude = u128::from(self.0.unsigned_abs());
        let (high, low) = wide_product(magnitude, numerator);
        let (quotient, remainder) = wide_quotient(high, low, denominator)?;
        // Half to even: up when the remainder is over half the divisor, or
        // exactly half and the quotient odd.
        let above_half = remainder > denominator - remainder;
        let at_half = remainder == denominator - remainder;
        let rounded = if above_half || at_half && quotient % 2 == 1 {
            quotient.checked_add(1)?
        } else {
            quotient
        };
        let rounded = i128::try_from(rounded).ok()?;
        let signed = if self.0 < 0 { -rounded } else { rounded };
        i64::try_from(signed).ok().map(Amount)
    }
}

/// `a × b` as 256 bits `(high, low)`, for `a` below 2⁶⁴ (an amount's
/// magnitude): exact where `u128` alone would overflow.
fn wide_product(a: u128, b: u128) -> (u128, u128) {
    const LOW_64: u128 = u64::MAX as u128;
    let (b_high, b_low) = (b >> 64, b & LOW_64);
    // a < 2⁶⁴, so each partial product fits 128 bits.
    let low_part = a * b_low;
    let high_part = a * b_high;
    let (low, carry) = low_part.overflowing_add(high_part << 64);
    ((high_part >> 64) + u128::from(carry), low)
}

/// The 256-bit `(high, low)` divided by `d`: quotient and remainder, or
/// `None` when the quotient needs more than 128 bits.
fn wide_quotient(high: u128, low: u128, d: u128) -> Option<(u128, u128)> {
    if high == 0 {
        return Some((low / d, low % d));
    }
    if high >= d {
        return None;
    }
    // Restoring long division, one bit of `low` at a time; the remainder
    // stays below `d`, and `top` is the bit a shift pushes out of 128.
    let mut remainder = high;
    let mut quotient = 0u128;
    for bit in (0..128).rev() {
        let top = remainder >> 127;
        remainder = (remainder << 1) | ((low >> bit) & 1);
        quotient <<= 1;
        if top == 1 || remainder >= d {
            remainder = remainder.wrapping_sub(d);
            quotient |= 1;
        }
    }
    Some((quotient, remainder))
}

impl FromStr for Amount {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ValueError::new("amount", EXPECTED, format!("{s:?}"));
        // Well-formed but too large: say so, not "at most 4 decimal places".
        let too_large = || ValueError::new("amount", IN_RANGE, format!("{s:?}"));
        let t = s.trim();
        let (negative, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && frac.is_empty()
            || !all_digits(whole)
            || !all_digits(frac)
            || frac.len() > SCALE_DIGITS as usize
        {
            return Err(err());
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            // Only digits remain, so parsing fails only on overflow.
            whole.parse().map_err(|_| too_large())?
        };
        let mut frac_value: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| err())?
        };
        for _ in frac.len()..SCALE_DIGITS as usize {
            frac_value *= 10;
        }
        let magnitude = whole
            .checked_mul(SCALE)
            .and_then(|w| w.checked_add(frac_value))
            .ok_or_else(too_large)?;
        Ok(Amount(if negative { -magnitude } else { magnitude }))
    }
}

impl fmt::Display for Amount {
    /// Prints the shortest exact form, keeping two decimals when there is
    /// any fraction (`"12.50"`, `"12"`, `"0.0125"`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let scale = SCALE.unsigned_abs();
        let whole = abs / scale;
        let frac = abs % scale;
        if frac == 0 {
            return write!(f, "{sign}{whole}");
        }
        let mut digits = format!("{frac:04}");
        while digits.len() > 2 && digits.ends_with('0') {
            digits.pop();
        }
        write!(f, "{sign}{whole}.{digits}")
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                Amount::from_units(v).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                i64::try_from(v)
                    .map_err(|_| E::custom(ValueError::new("amount", IN_RANGE, v)))
                    .and_then(|v| Amount::from_units(v).map_err(E::custom))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// An amount in a currency.
///
/// ```
/// use ssr_model::Money;
///
/// let m = Money::parse("2500000", "USD")?;
/// assert_eq!(m.to_string(), "2500000 USD");
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// The exact amount.
    pub amount: Amount,
    /// Its ISO 4217 currency.
    pub currency: Currency,
}

impl Money {
    /// Money from an amount and a currency.
    pub fn new(amount: Amount, currency: Currency) -> Self {
        Money { amount, currency }
    }

    /// Money from the text of an amount and a currency code.
    ///
    /// # Errors
    ///
    /// When either part is invalid.
    pub fn parse(amount: &str, currency: &str) -> Result<Self, ValueError> {
        Ok(Money {
            amount: amount.parse()?,
            currency: currency.parse()?,
        })
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_rounds_half_to_even_once() {
        let a = |s: &str| s.parse::<Amount>().unwrap();
        // 0.0001 × 1/2 = 0.00005: half, to the even 0; 0.0003 × 1/2 =
        // 0.00015: half, to the even 0.0002; the sign is symmetric.
        assert_eq!(a("0.0001").scaled(1, 2), Some(a("0")));
        assert_eq!(a("0.0003").scaled(1, 2), Some(a("0.0002")));
        assert_eq!(a("-0.0003").scaled(1, 2), Some(a("-0.0002")));
        // 100 × 2/3 = 66.66666…: 66.6667.
        assert_eq!(a("100").scaled(2, 3), Some(a("66.6667")));
        assert_eq!(a("1").scaled(1, 0), None);
    }

    #[test]
    fn scaled_is_exact_beyond_128_bits() {
        // 900000000000000 × 10³³ ÷ 10³³: the product (9 × 10⁵² ten-
        // thousandths) needs 176 bits; the quotient is the amount itself.
        let big: Amount = "900000000000000".parse().unwrap();
        let e33 = 10u128.pow(33);
        assert_eq!(big.scaled(e33, e33), Some(big));
        assert_eq!(big.scaled(e33 + 1, e33 / 3), None);
        // (2¹²⁸ − 1) × 3 ÷ 2¹²⁸ − 1 = 3 ten-thousandths, through the long division.
        assert_eq!(Amount(3).scaled(u128::MAX, u128::MAX), Some(Amount(3)));
        assert_eq!(
            Amount(i64::MAX).scaled(u128::MAX, u128::MAX),
            Some(Amount(i64::MAX))
        );
        assert_eq!(Amount(i64::MAX).scaled(2, 1), None);
    }

    #[test]
    fn parses_and_prints() {
        for (input, shown) in [
            ("12", "12"),
            ("12.5", "12.50"),
            ("-0.0125", "-0.0125"),
            (".5", "0.50"),
            ("+3.10", "3.10"),
        ] {
            assert_eq!(input.parse::<Amount>().unwrap().to_string(), shown);
        }
        for bad in [
            "",
            ".",
            "1e5",
            "1.23456",
            "abc",
            "--1",
            "1.2.3",
            "99999999999999999999",
        ] {
            assert!(bad.parse::<Amount>().is_err(), "{bad}");
        }
    }
}
