//! Text into HTML and SVG: escaping, numbers that may be unknown, and
//! words wrapped onto lines for chart labels.

/// `text` with `&`, `<`, `>`, `"` and `'` as character references, safe in
/// element content and in quoted attribute values alike. Every string from
/// the document (names, statements, descriptions) goes through here.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not
            // allowed in XML, and SVG is XML: drop them.
            c if c.is_control() && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// The word for a value nobody knows; never 0.
pub(super) const UNKNOWN: &str = "unknown";

/// A 0–1 value as a whole percentage (`0.732` → `73 %`), or "unknown".
pub(super) fn percent(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{:.0} %", 100.0 * v),
        _ => UNKNOWN.to_owned(),
    }
}

/// A value with `decimals` places, or "unknown".
pub(super) fn number(value: Option<f64>, decimals: usize) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{v:.decimals$}"),
        _ => UNKNOWN.to_owned(),
    }
}

/// An amount of money with thousands separators and no decimals
/// (`1234567.8` → `1,234,568`), or "unknown".
pub(super) fn money(value: Option<f64>) -> String {
    let Some(v) = value.filter(|v| v.is_finite()) else {
        return UNKNOWN.to_owned();
    };
    let digits = format!("{:.0}", v.abs());
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if v < 0.0 && digits.chars().any(|c| c != '0') {
        format!("−{grouped}")
    } else {
        grouped
    }
}

/// An amount of money shortened for an axis or a bar label
/// (`2_500_000` → `2.5 M`, `120_000` → `120 k`).
pub(super) fn short_money(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{:.1} bn", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.1} M", v / 1e6)
    } else if a >= 1e3 {
        format!("{:.0} k", v / 1e3)
    } else {
        format!("{v:.0}")
    }
}

/// `text` cut into lines of at most about `width` characters at spaces
/// (a longer word gets a line of its own); at most `max_lines` lines, the
/// last ending in "…" when text is left over. Chart labels only: tables and
/// text alternatives carry the full text.
pub(super) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push_str(" …");
        }
    }
    lines
}

/// "1 risk", "2 risks": the one counting rule of every text the crate writes.
pub(super) use crate::diagnostics::report::plural as count;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{1}b"), "ab");
    }

    #[test]
    fn unknown_is_a_word() {
        assert_eq!(percent(None), "unknown");
        assert_eq!(percent(Some(0.0)), "0 %");
        assert_eq!(money(None), "unknown");
        assert_eq!(money(Some(1_234_567.8)), "1,234,568");
        assert_eq!(money(Some(999.0)), "999");
        assert_eq!(short_money(2_500_000.0), "2.5 M");
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("aa bb cc", 5, 3), ["aa bb", "cc"]);
        assert_eq!(wrap("aa bb cc dd", 2, 2), ["aa", "bb …"]);
        assert!(wrap("", 5, 2).is_empty());
    }
}
