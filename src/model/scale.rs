//! Small numeric newtypes whose invariants are cheap to keep: a 1–5 level,
//! a weight from 0 to 10⁶, a percentage, a fraction and a number within
//! ±10¹⁵.
//!
//! The bounds on weights and numbers are far beyond any real indicator or
//! weight, and close enough that no sum, difference, square or weighted
//! mean the scoring takes of them can overflow: that is what lets the
//! scoring code do plain arithmetic.
//!
//! Each has a checked constructor returning [`ValueError`], and deserialises
//! through that constructor, so no out-of-range value exists in memory and
//! NaN or infinity never enters through any format.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ValueError;

/// A position on the 1–5 scales SSR analysis uses for stakeholder influence
/// and interest and for risk likelihood and impact.
///
/// ```
/// use ssr_model::model::Level;
///
/// let high = Level::new(4)?;
/// assert_eq!(high.get(), 4);
/// assert!(Level::new(0).is_err());
/// assert_eq!("5".parse::<Level>()?, Level::MAX);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
pub struct Level(u8);

const LEVEL_EXPECTED: &str = "an integer from 1 to 5";

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Level;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(LEVEL_EXPECTED)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Level, E> {
                u8::try_from(v)
                    .map_err(|_| ValueError::new("level", LEVEL_EXPECTED, v))
                    .and_then(Level::new)
                    .map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Level, E> {
                u8::try_from(v)
                    .map_err(|_| ValueError::new("level", LEVEL_EXPECTED, v))
                    .and_then(Level::new)
                    .map_err(E::custom)
            }
        }
        deserializer.deserialize_u8(Visitor)
    }
}

impl Level {
    /// The lowest level, 1.
    pub const MIN: Level = Level(1);
    /// The middle level, 3.
    pub const MID: Level = Level(3);
    /// The highest level, 5.
    pub const MAX: Level = Level(5);

    /// Builds a level.
    ///
    /// # Errors
    ///
    /// When `value` is outside 1–5.
    pub fn new(value: u8) -> Result<Self, ValueError> {
        if (1..=5).contains(&value) {
            Ok(Level(value))
        } else {
            Err(ValueError::new("level", LEVEL_EXPECTED, value))
        }
    }

    /// The level as an integer from 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Level {
    type Error = ValueError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value)
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl FromStr for Level {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<u8>()
            .map_err(|_| ValueError::new("level", LEVEL_EXPECTED, s))
            .and_then(Level::new)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Defines a newtype over a finite `f64` in a closed range.
macro_rules! bounded_f64 {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal, $expected:literal, $min:expr, $max:expr
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
        #[serde(try_from = "f64", into = "f64")]
        pub struct $name(f64);

        impl $name {
            /// Builds the value.
            ///
            /// # Errors
            ///
            #[doc = concat!("When `value` is not ", $expected, ".")]
            pub fn new(value: f64) -> Result<Self, ValueError> {
                if value.is_finite() && ($min..=$max).contains(&value) {
                    // Normalise -0.0 so equal values serialise identically.
                    Ok($name(value + 0.0))
                } else {
                    Err(ValueError::new($what, $expected, value))
                }
            }

            /// The value as an `f64`.
            pub fn get(self) -> f64 {
                self.0
            }
        }

        impl TryFrom<f64> for $name {
            type Error = ValueError;
            fn try_from(value: f64) -> Result<Self, Self::Error> {
                $name::new(value)
            }
        }

        impl From<$name> for f64 {
            fn from(value: $name) -> f64 {
                value.0
            }
        }

        impl FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim()
                    .parse::<f64>()
                    .map_err(|_| ValueError::new($what, $expected, s))
                    .and_then($name::new)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

bounded_f64!(
    /// A relative weight from 0 to 10⁶ ([`Weight::LIMIT`]). Weights are
    /// relative within their level, so only their ratios matter.
    ///
    /// ```
    /// use ssr_model::model::Weight;
    ///
    /// assert_eq!(Weight::new(2.5)?.get(), 2.5);
    /// assert!(Weight::new(-1.0).is_err());
    /// assert!(Weight::new(f64::NAN).is_err());
    /// assert!(Weight::new(2e6).is_err()); // above Weight::LIMIT, 10⁶
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    Weight, "weight", "a number from 0 to 1e6", 0.0, Weight::LIMIT
);

bounded_f64!(
    /// A percentage from 0 to 100, as IATI uses for sector and country shares.
    ///
    /// ```
    /// use ssr_model::model::Percentage;
    ///
    /// assert_eq!(Percentage::new(40.0)?.get(), 40.0);
    /// assert!(Percentage::new(100.5).is_err());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    Percentage, "percentage", "a finite number from 0 to 100", 0.0, 100.0
);

bounded_f64!(
    /// A share from 0 to 1, such as how much of a risk a mitigation removes.
    ///
    /// ```
    /// use ssr_model::model::Fraction;
    ///
    /// assert_eq!(Fraction::new(0.6)?.get(), 0.6);
    /// assert!(Fraction::new(1.2).is_err());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    Fraction, "fraction", "a finite number from 0 to 1", 0.0, 1.0
);

bounded_f64!(
    /// A finite number within ±10¹⁵ ([`Finite::LIMIT`]): the measured values
    /// of quantitative indicators. A quadrillion is beyond any count, rate
    /// or amount an indicator reports.
    ///
    /// ```
    /// use ssr_model::model::Finite;
    ///
    /// assert_eq!(Finite::new(-3.5)?.get(), -3.5);
    /// assert!(Finite::new(f64::INFINITY).is_err());
    /// assert!(Finite::new(-1e15).is_ok());
    /// let err = Finite::new(2e15).unwrap_err();
    /// assert!(err.to_string().contains("-1e15 to 1e15"), "{err}");
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    Finite, "number", "a number from -1e15 to 1e15", -Finite::LIMIT, Finite::LIMIT
);

impl Weight {
    /// A weight of 0: the item takes no part.
    pub const ZERO: Weight = Weight(0.0);
    /// A weight of 1, the default for equal weighting.
    pub const ONE: Weight = Weight(1.0);
    /// The largest weight, 10⁶. Weights are relative, so a million to one
    /// is as lopsided as any weighting needs to be.
    pub const LIMIT: f64 = 1e6;
}

impl Finite {
    /// The largest magnitude of a number, 10¹⁵.
    pub const LIMIT: f64 = 1e15;
}

impl Fraction {
    /// Zero.
    pub const ZERO: Fraction = Fraction(0.0);
    /// One.
    pub const ONE: Fraction = Fraction(1.0);

    /// A fraction written in the crate's code, for `const` items: the range
    /// is checked when the constant is compiled, so a bad literal does not
    /// build.
    pub(crate) const fn constant(value: f64) -> Fraction {
        assert!(0.0 <= value && value <= 1.0, "a fraction is from 0 to 1");
        Fraction(value + 0.0)
    }
}

impl Default for Weight {
    fn default() -> Self {
        Weight::ONE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_zero_is_normalised() {
        let w = Weight::new(-0.0).unwrap();
        assert!(w.get().is_sign_positive());
    }

    #[test]
    fn bounds_are_inclusive() {
        assert!(Percentage::new(0.0).is_ok());
        assert!(Percentage::new(100.0).is_ok());
        assert!(Fraction::new(1.0).is_ok());
        assert!(Level::new(1).is_ok() && Level::new(5).is_ok());
        assert!(Level::new(6).is_err());
        assert!(Weight::new(Weight::LIMIT).is_ok());
        assert!(Weight::new(Weight::LIMIT * 1.000_001).is_err());
        assert!(Finite::new(Finite::LIMIT).is_ok() && Finite::new(-Finite::LIMIT).is_ok());
        assert!(Finite::new(Finite::LIMIT * 1.000_001).is_err());
        assert!(Finite::new(f64::MAX).is_err());
    }

    #[cfg(feature = "json")]
    #[test]
    fn out_of_range_is_refused_on_deserialisation_naming_the_bound() {
        let err = serde_json::from_str::<Finite>("1e300").unwrap_err();
        assert!(err.to_string().contains("from -1e15 to 1e15"), "{err}");
        let err = serde_json::from_str::<Weight>("1e7").unwrap_err();
        assert!(err.to_string().contains("from 0 to 1e6"), "{err}");
        assert_eq!(serde_json::from_str::<Weight>("1e6").unwrap().get(), 1e6);
    }
}
