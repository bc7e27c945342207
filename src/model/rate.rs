//! An exchange rate as an exact decimal, read from the text the user wrote:
//! money is converted without a binary float in between.

use std::fmt;
use std::str::FromStr;

use super::ValueError;

/// Decimal places a rate keeps: its unit is 10⁻¹⁸.
const PLACES: u32 = 18;
/// 10¹⁸: the rate 1 in the unit of [`PLACES`].
const ONE: u128 = 10u128.pow(PLACES);
/// The smallest rate, 10⁻¹⁵, in units of 10⁻¹⁸.
const MIN: u128 = 1_000;
/// The largest rate, 10¹⁵, in units of 10⁻¹⁸.
const MAX: u128 = 10u128.pow(33);
const FORM: &str = "a decimal number such as \"0.85\" or \"1.2e-3\"";
const RANGE: &str = "a decimal number from 1e-15 to 1e15 with at most 18 decimal places";

/// An exchange rate: how many units of a currency one unit of the base
/// currency buys, as an exact decimal from 10⁻¹⁵ to 10¹⁵ with at most 18
/// decimal places.
///
/// A rate is read from its text (`"0.8"`, `"1.0847"`, `"1.5e-3"`) exactly,
/// never through a binary float, so that 0.1 is one tenth and a
/// conversion is exact up to its one rounding
/// ([`ExchangeRates::convert`](super::ExchangeRates::convert)). A float
/// (e.g. from Python) becomes the shortest decimal that reads back as the
/// same float: `0.8_f64` is the rate 0.8. Non-finite numbers, zero,
/// negative rates and rates out of the range are refused.
///
/// ```
/// use ssr_model::model::Rate;
///
/// let r: Rate = "0.80".parse()?;
/// assert_eq!(r.to_string(), "0.8");
/// assert_eq!("1.5e-3".parse::<Rate>()?.to_string(), "0.0015");
/// assert_eq!(Rate::try_from(0.1 + 0.2)?.to_string(), "0.30000000000000004");
/// for bad in ["-1", "0", "NaN", "1e16", "0.0000000000000000001", "1,5"] {
///     assert!(bad.parse::<Rate>().is_err(), "{bad}");
/// }
/// assert!(Rate::try_from(f64::INFINITY).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(u128);

/// Why a rate's text was refused: not a number at all, or a number out of
/// the range (which the rates file reports under its own code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RateText {
    Malformed,
    OutOfRange,
}

impl Rate {
    /// The rate 1, of the base currency against itself.
    ///
    /// ```
    /// assert_eq!(ssr_model::model::Rate::ONE.to_string(), "1");
    /// ```
    pub const ONE: Rate = Rate(ONE);

    /// The rate as a float, for statistics and ratios only (never to
    /// convert money).
    ///
    /// ```
    /// let r: ssr_model::model::Rate = "0.85".parse()?;
    /// assert_eq!(r.to_f64(), 0.85);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn to_f64(self) -> f64 {
        // Whole and fractional parts apart: each converts exactly or to
        // the nearest float, so 0.85 comes back as the float 0.85.
        let whole = (self.0 / ONE) as f64;
        let frac = (self.0 % ONE) as f64 / ONE as f64;
        whole + frac
    }

    /// The rate in units of 10⁻¹⁸ (from 10³ to 10³³): the integer the exact
    /// conversions multiply and divide by.
    pub(crate) fn units(self) -> u128 {
        self.0
    }

    /// Reads the text of a rate: digits with an optional point and an
    /// optional exponent, after an optional sign.
    pub(crate) fn parse_text(text: &str) -> Result<Rate, RateText> {
        let text = text.trim();
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(i) => {
                let (m, e) = text.split_at(i);
                let e = e.get(1..).unwrap_or("");
                let e: i32 = e.parse().map_err(|_| RateText::Malformed)?;
                (m, e)
            }
            None => (text, 0),
        };
        let (negative, digits) = match mantissa.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && frac.is_empty() || !all_digits(whole) || !all_digits(frac) {
            return Err(RateText::Malformed);
        }
        // The significant digits and the power of ten they are scaled by.
        let joined = format!("{whole}{frac}");
        let significant = joined.trim_start_matches('0');
        let trimmed = significant.trim_end_matches('0');
        let dropped = significant.len() - trimmed.len();
        if negative || trimmed.is_empty() {
            return Err(RateText::OutOfRange);
        }
        // value = trimmed × 10^power; in units of 10⁻¹⁸, × 10^(power + 18).
        let power = i64::from(exponent) - frac.len() as i64 + dropped as i64;
        let shift = power + i64::from(PLACES);
        // Too many decimal places, or more digits than a rate in range has.
        let digits_needed = trimmed.len() as i64 + shift;
        if shift < 0 || digits_needed > 34 {
            return Err(RateText::OutOfRange);
        }
        let mut units: u128 = 0;
        for b in trimmed.bytes() {
            units = units * 10 + u128::from(b - b'0');
        }
        let scale = u32::try_from(shift).map_err(|_| RateText::OutOfRange)?;
        let units = 10u128
            .checked_pow(scale)
            .and_then(|p| units.checked_mul(p))
            .ok_or(RateText::OutOfRange)?;
        if (MIN..=MAX).contains(&units) {
            Ok(Rate(units))
        } else {
            Err(RateText::OutOfRange)
        }
    }
}

impl FromStr for Rate {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rate::parse_text(s).map_err(|why| {
            let expected = match why {
                RateText::Malformed => FORM,
                RateText::OutOfRange => RANGE,
            };
            ValueError::new("rate", expected, format!("{s:?}"))
        })
    }
}

impl TryFrom<f64> for Rate {
    type Error = ValueError;

    /// The shortest decimal that reads back as `value` (Rust's display of
    /// a float, which never uses an exponent), read as a rate.
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if !value.is_finite() {
            return Err(ValueError::new("rate", RANGE, value));
        }
        value.to_string().parse()
    }
}

impl fmt::Display for Rate {
    /// The shortest exact decimal: `"0.8"`, `"1"`, `"0.000000000000001"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / ONE;
        let frac = self.0 % ONE;
        if frac == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{frac:018}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_exactly() {
        let units = |s: &str| s.parse::<Rate>().map(|r| r.0);
        assert_eq!(units("1"), Ok(ONE));
        assert_eq!(units("0.1"), Ok(ONE / 10));
        assert_eq!(units("1e15"), Ok(MAX));
        assert_eq!(units("1E-15"), Ok(MIN));
        assert_eq!(units("0.000000000000001"), Ok(MIN));
        assert_eq!(units("000.800000000000000000000000"), Ok(ONE / 10 * 8));
        assert_eq!(units("12.5e-1"), Ok(ONE + ONE / 4));
        assert_eq!(
            units("1000000000000000.000000000000000001").map_err(|_| ()),
            Err(())
        );
        assert_eq!(
            Rate::parse_text("0.0000000000000000001"),
            Err(RateText::OutOfRange)
        );
        assert_eq!(Rate::parse_text("1e999999999999"), Err(RateText::Malformed));
        assert_eq!(Rate::parse_text("1e99999"), Err(RateText::OutOfRange));
        assert_eq!(Rate::parse_text("inf"), Err(RateText::Malformed));
        assert_eq!(Rate::parse_text("."), Err(RateText::Malformed));
        assert_eq!(Rate::parse_text("-0.5"), Err(RateText::OutOfRange));
    }

    #[test]
    fn prints_what_it_read() {
        for text in [
            "0.8",
            "1",
            "1000000000000000",
            "0.000000000000001",
            "1.0847236",
        ] {
            assert_eq!(
                text.parse::<Rate>().map(|r| r.to_string()),
                Ok(text.to_owned())
            );
        }
    }
}
