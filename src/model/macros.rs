//! Builder-style setters, so that structs can be `#[non_exhaustive]` (new
//! fields are not a breaking change) and still be pleasant to construct.

/// `with_*` setters that replace a field's value.
macro_rules! setters {
    ($ty:ident { $( $fn_name:ident => $field:ident : $fty:ty ),* $(,)? }) => {
        impl $ty {
            $(
                #[doc = concat!("Returns `self` with `", stringify!($field), "` set to `value`.")]
                #[must_use]
                pub fn $fn_name(mut self, value: impl Into<$fty>) -> Self {
                    self.$field = value.into();
                    self
                }
            )*
        }
    };
}

/// `with_*` setters that fill an optional field.
macro_rules! opt_setters {
    ($ty:ident { $( $fn_name:ident => $field:ident : $fty:ty ),* $(,)? }) => {
        impl $ty {
            $(
                #[doc = concat!("Returns `self` with `", stringify!($field), "` set to `Some(value)`.")]
                #[must_use]
                pub fn $fn_name(mut self, value: impl Into<$fty>) -> Self {
                    self.$field = Some(value.into());
                    self
                }
            )*
        }
    };
}

/// `with_*` setters that append one element to a collection field.
macro_rules! pushers {
    ($ty:ident { $( $fn_name:ident => $field:ident : $ety:ty ),* $(,)? }) => {
        impl $ty {
            $(
                #[doc = concat!("Returns `self` with `value` appended to `", stringify!($field), "`.")]
                #[must_use]
                pub fn $fn_name(mut self, value: impl Into<$ety>) -> Self {
                    self.$field.push(value.into());
                    self
                }
            )*
        }
    };
}

pub(crate) use opt_setters;
pub(crate) use pushers;
pub(crate) use setters;
