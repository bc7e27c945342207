//! Reading the text of IATI values: dates, numbers, amounts, percentages.
//!
//! Each function says only whether the text is usable; the caller decides
//! which finding an unusable one becomes.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::{Amount, Percentage};

/// An ISO 8601 date. IATI requires `YYYY-MM-DD`; some publishers write a
/// date-time (`2020-12-31T00:00:00`) or append a zone, so anything after the
/// date is accepted when it starts like a time or an offset.
pub(super) fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (day, rest) = (text.get(..10)?, text.get(10..)?);
    let rest_ok = rest.is_empty() || rest.starts_with(['T', 'Z', '+', '-', ' ']);
    if !rest_ok || !day.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// An XML Schema `dateTime` such as `2021-04-29T16:33:14+00:00`, with or
/// without fractional seconds and zone: in UTC when the text has a zone
/// (`Z` or an offset), as written when it has none.
pub(super) fn date_time(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.naive_utc());
    }
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok()
}

/// A finite decimal number in plain or exponent notation. Words that Rust
/// would parse (`inf`, `NaN`) and thousands separators are refused: a value
/// like `1,5` is ambiguous and must not be guessed.
pub(super) fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let plain = !text.is_empty()
        && text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    if !plain {
        return None;
    }
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// An amount of money, and whether it had to be rounded to the model's four
/// decimal places (half away from zero).
pub(super) fn amount(text: &str) -> Option<(Amount, bool)> {
    let text = text.trim();
    if let Ok(a) = text.parse::<Amount>() {
        return Some((a, false));
    }
    // More than four decimals, or exponent notation: round through the
    // decimal text when possible so that large amounts stay exact.
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    if let Some((whole, frac)) = digits.split_once('.') {
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if all_digits(whole) && all_digits(frac) && frac.len() > 4 {
            let kept = frac.get(..4)?;
            let round_up = frac.as_bytes().get(4).is_some_and(|d| *d >= b'5');
            let mut a: Amount = format!("{sign}{whole}.{kept}").parse().ok()?;
            if round_up {
                let step: Amount = format!("{sign}0.0001").parse().ok()?;
                a = a.checked_add(step)?;
            }
            return Some((a, true));
        }
    }
    let x = number(text)?;
    let a: Amount = format!("{x:.4}").parse().ok()?;
    let exact = a.to_f64() == x;
    Some((a, !exact))
}

/// A percentage from 0 to 100.
pub(super) fn percentage(text: &str) -> Option<Percentage> {
    number(text).and_then(|x| Percentage::new(x).ok())
}

/// A small non-negative integer code, such as an IATI codelist code.
pub(super) fn code(text: &str) -> Option<u8> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The required `iso-date` of `el`'s child `name`: when it is missing,
/// `iati_missing_element` ("<el> has no <name>"); when it is not a date,
/// `iati_invalid_date` ("<label> "…" is not a YYYY-MM-DD date"). Either way
/// the element is not imported, and the message says so.
pub(super) fn required_iso_date(
    el: super::tree::El<'_>,
    here: &crate::diagnostics::XmlLocation,
    name: &str,
    label: &str,
    findings: &mut super::findings::Findings,
) -> Option<chrono::NaiveDate> {
    use crate::diagnostics::Code;
    let at = here.element(name).attribute("iso-date");
    let date_el = el.child(name);
    let Some(text) = date_el.and_then(|d| d.attr("iso-date")) else {
        findings.push(
            Code::IatiMissingElement,
            &at,
            el,
            format_args!("{} has no {name}: not imported", el.name()),
        );
        return None;
    };
    let date = date(text);
    if date.is_none() {
        findings.push(
            Code::IatiInvalidDate,
            &at,
            date_el.unwrap_or(el),
            format_args!("{label} {text:?} is not a YYYY-MM-DD date: not imported"),
        );
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2020, 12, 31);
        assert_eq!(date("2020-12-31"), d);
        assert_eq!(date(" 2020-12-31T00:00:00 "), d);
        assert_eq!(date("2020-12-31Z"), d);
        assert_eq!(date("2020-02-30"), None);
        assert_eq!(date("31/12/2020"), None);
        assert_eq!(date("2020-12-31x"), None);
        assert_eq!(date("2020"), None);
        assert_eq!(date(""), None);
        assert_eq!(date("2020-1é-31"), None);
    }

    #[test]
    fn date_times() {
        let t = |s: &str| date_time(s).map(|t| t.to_string());
        let utc = Some("2021-04-29 16:33:14".to_owned());
        assert_eq!(t("2021-04-29T16:33:14+00:00"), utc);
        assert_eq!(t("2021-04-29T16:33:14Z"), utc);
        assert_eq!(t("2021-04-29T18:33:14+02:00"), utc);
        assert_eq!(t(" 2021-04-29T16:33:14 "), utc);
        assert_eq!(
            t("2021-05-15T10:16:23.19551Z").as_deref(),
            Some("2021-05-15 10:16:23.195510")
        );
        for bad in ["", "2021-04-29", "2021-04-29 16:33:14", "yesterday"] {
            assert_eq!(date_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(number(" 12.5 "), Some(12.5));
        assert_eq!(number("-3"), Some(-3.0));
        assert_eq!(number("1e3"), Some(1000.0));
        for bad in ["", "TBD", "NaN", "inf", "1,5", "12%", "e", "-", "1e999"] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }

    #[test]
    fn amounts() {
        let a = |s: &str| amount(s).map(|(a, r)| (a.to_string(), r));
        assert_eq!(a("3000"), Some(("3000".into(), false)));
        assert_eq!(a("59999.8136169"), Some(("59999.8136".into(), true)));
        assert_eq!(a("0.99995"), Some(("1".into(), true)));
        assert_eq!(a("-0.00005"), Some(("-0.0001".into(), true)));
        assert_eq!(a("1.5E6"), Some(("1500000".into(), false)));
        assert_eq!(a("abc"), None);
        assert_eq!(a(""), None);
    }

    #[test]
    fn percentages_and_codes() {
        assert_eq!(percentage("40").map(|p| p.get()), Some(40.0));
        assert_eq!(percentage("140"), None);
        assert_eq!(percentage("x"), None);
        assert_eq!(code("2"), Some(2));
        assert_eq!(code("C"), None);
        assert_eq!(code("300"), None);
    }
}
