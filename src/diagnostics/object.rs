//! Policy documents and their parts are JSON objects.
//!
//! A derived `Deserialize` of a struct also reads a sequence (its fields in
//! order), so `[]` would read as a policy with every default, and
//! `{"uncertainty": [100]}` would set a field by its position. A policy is
//! named settings: these readers take a map and nothing else.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// Reads a `T` from a map only; any other value (an array, a string, null)
/// is refused as the wrong type. For `#[serde(deserialize_with)]`.
pub(crate) fn object<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct OnlyMap<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for OnlyMap<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object of named settings")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_map(OnlyMap(PhantomData))
}

/// A whole document read through [`object`].
#[cfg(feature = "json")]
pub(crate) struct Object<T>(pub(crate) T);

#[cfg(feature = "json")]
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        object(deserializer).map(Object)
    }
}
