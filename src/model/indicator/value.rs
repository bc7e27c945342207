//! An indicator's value: a finite number or a label.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Finite, ValueError};

/// A value of an indicator: a number for quantitative measures, a label for
/// qualitative, ordinal and nominal ones.
///
/// In JSON a number is a number and a label is a string.
///
/// ```
/// use ssr_model::Value;
///
/// let v = Value::number(42.5)?;
/// assert_eq!(v.as_number(), Some(42.5));
/// assert_eq!(Value::label("adopted").as_label(), Some("adopted"));
/// assert!(Value::number(f64::NAN).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// A finite number.
    Number(Finite),
    /// A label, usually one of the indicator's [`OrdinalScale`](crate::OrdinalScale).
    Label(String),
}

impl Value {
    /// A numeric value.
    ///
    /// # Errors
    ///
    /// When `x` is not finite.
    pub fn number(x: f64) -> Result<Self, ValueError> {
        Finite::new(x).map(Value::Number)
    }

    /// A label value.
    pub fn label(text: impl Into<String>) -> Self {
        Value::Label(text.into())
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(x) => Some(x.get()),
            Value::Label(_) => None,
        }
    }

    /// The label, if this is one.
    pub fn as_label(&self) -> Option<&str> {
        match self {
            Value::Label(s) => Some(s),
            Value::Number(_) => None,
        }
    }
}

impl From<Finite> for Value {
    fn from(x: Finite) -> Self {
        Value::Number(x)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(x) => x.fmt(f),
            Value::Label(s) => f.write_str(s),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(x) => serializer.serialize_f64(x.get()),
            Value::Label(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a finite number or a label string")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
                Value::number(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Value, E> {
                Value::number(v as f64).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
                Value::number(v as f64).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Label(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value::Label(v))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
