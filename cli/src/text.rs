//! Words of the terminal output: counted nouns.

/// `n` and the noun, singular for one: "1 evaluation", "2 evaluations".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
