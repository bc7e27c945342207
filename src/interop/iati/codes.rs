//! IATI codelists the importer reads, and what they mean in the model.

use crate::{Country, StakeholderKind};

use super::values;

/// A codelist value as read: its IATI 2.03 code, and whether the text was an
/// IATI 1.x form (a name or letter code) rather than the 2.03 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Read {
    pub(super) code: u8,
    pub(super) legacy: bool,
}

impl Read {
    /// A 2.0x code as written.
    pub(super) fn current(code: u8) -> Read {
        Read {
            code,
            legacy: false,
        }
    }
}

fn current(code: u8) -> Read {
    Read::current(code)
}

fn legacy(code: u8) -> Read {
    Read { code, legacy: true }
}

/// IATI SectorVocabulary (1 OECD DAC 5-digit, 2 DAC 3-digit, … 99
/// reporting organisation); 1.x files name the DAC ones `DAC` and `DAC-3`.
/// Codes the importer does not distinguish beyond "not DAC" (such as `98`,
/// `99`, or 1.x names like `COFOG`) read as 99.
pub(super) fn sector_vocabulary(text: &str) -> Option<Read> {
    if let Some(code) = values::code(text) {
        return Some(current(code));
    }
    Some(match text.trim().to_ascii_uppercase().as_str() {
        "DAC" => legacy(1),
        "DAC-3" => legacy(2),
        _ => current(99),
    })
}

/// IATI OrganisationRole: 1 funding, 2 accountable, 3 extending,
/// 4 implementing; 1.x files name the roles.
pub(super) fn organisation_role(text: &str) -> Option<Read> {
    if let Some(code) = values::code(text) {
        return (1..=4).contains(&code).then(|| current(code));
    }
    let code = match text.trim().to_ascii_lowercase().as_str() {
        "funding" => 1,
        "accountable" => 2,
        "extending" => 3,
        "implementing" => 4,
        _ => return None,
    };
    Some(legacy(code))
}

/// IATI TransactionType 1–13; 1.x files use letter codes.
pub(super) fn transaction_type(text: &str) -> Option<Read> {
    if let Some(code) = values::code(text) {
        return (1..=13).contains(&code).then(|| current(code));
    }
    let code = match text.trim().to_ascii_uppercase().as_str() {
        "IF" => 1,
        "C" => 2,
        "D" => 3,
        "E" => 4,
        "IR" => 5,
        "LR" => 6,
        "R" => 7,
        "QP" => 8,
        "QS" => 9,
        "CG" => 10,
        _ => return None,
    };
    Some(legacy(code))
}

/// IATI ActivityDateType: 1 planned start, 2 actual start, 3 planned end,
/// 4 actual end; 1.x files name them.
pub(super) fn activity_date_type(text: &str) -> Option<Read> {
    if let Some(code) = values::code(text) {
        return (1..=4).contains(&code).then(|| current(code));
    }
    let code = match text.trim().to_ascii_lowercase().as_str() {
        "start-planned" => 1,
        "start-actual" => 2,
        "end-planned" => 3,
        "end-actual" => 4,
        _ => return None,
    };
    Some(legacy(code))
}

/// The country an IATI organisation identifier is registered in: the
/// identifier starts with the registration agency's code, whose first two
/// letters are a country (`GB-GOV-1`, `NL-KVK-…`), or `XM`/`XI` for
/// international bodies (which give `None`).
fn registered_in(org_ref: &str) -> Option<Country> {
    // Matched on bytes, never sliced at a byte index: publishers write any
    // text in `ref` (`"Gé-1"`), and a slice inside a character would panic.
    match org_ref.trim().as_bytes() {
        [a, b, b'-', ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            let letters = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
            std::str::from_utf8(&letters)
                .ok()
                .and_then(Country::from_alpha2)
        }
        _ => None,
    }
}

/// What an IATI participating organisation is, for a programme in its
/// recipient countries.
#[derive(Debug, Clone, Copy)]
pub(super) struct Organisation<'a> {
    /// The IATI OrganisationType code, when given.
    pub(super) type_code: Option<u8>,
    /// The organisation identifier, when given.
    pub(super) reference: Option<&'a str>,
    /// Whether it plays the funding role.
    pub(super) funding: bool,
}

/// The stakeholder kind of an organisation, or `None` for a type code not on
/// the IATI OrganisationType codelist.
///
/// Government and other public-sector bodies (10, 11, 15) are national when
/// their identifier is registered in one of the programme's recipient
/// countries, or when they have no identifier and do not fund; registered
/// elsewhere, or funding without an identifier, they are bilateral donors.
pub(super) fn stakeholder_kind(
    org: Organisation<'_>,
    recipient_countries: &[Country],
) -> Option<StakeholderKind> {
    let Some(code) = org.type_code else {
        return Some(StakeholderKind::Other);
    };
    let public = |national: StakeholderKind| {
        let domestic = match org.reference.and_then(registered_in) {
            Some(c) => recipient_countries.contains(&c),
            None => org.reference.is_none() && !org.funding,
        };
        if domestic {
            national
        } else {
            StakeholderKind::BilateralDonor
        }
    };
    Some(match code {
        10 | 15 => public(StakeholderKind::NationalGovernment),
        11 => public(StakeholderKind::LocalGovernment),
        21 | 23 => StakeholderKind::InternationalNgo,
        22 | 24 => StakeholderKind::CivilSociety,
        30 | 70..=73 => StakeholderKind::PrivateSector,
        40 => StakeholderKind::InternationalOrganisation,
        60 => StakeholderKind::InternationalNgo,
        80 => StakeholderKind::Academia,
        90 => StakeholderKind::Other,
        _ => return None,
    })
}

/// A readable name for the DAC purpose codes that map onto SSR pillars, used
/// to name components.
pub(super) fn dac_name(code: u32) -> Option<&'static str> {
    Some(match code {
        15113 => "Anti-corruption organisations and institutions",
        15130 => "Legal and judicial development",
        15131 => "Justice, law and order policy, planning and administration",
        15132 => "Police",
        15137 => "Prisons",
        15150 => "Democratic participation and civil society",
        15160 => "Human rights",
        15170 => "Women's rights organisations and movements, and government institutions",
        15180 => "Ending violence against women and girls",
        15210 => "Security system management and reform",
        15220 => "Civilian peace-building, conflict prevention and resolution",
        15230 => "Participation in international peacekeeping operations",
        15240 => "Reintegration and SALW control",
        15250 => "Removal of land mines and explosive remnants of war",
        15261 => "Child soldiers (prevention and demobilisation)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_codes() {
        assert_eq!(organisation_role("4"), Some(current(4)));
        assert_eq!(organisation_role("FUNDING"), Some(legacy(1)));
        assert_eq!(organisation_role("5"), None);
        assert_eq!(transaction_type("D"), Some(legacy(3)));
        assert_eq!(transaction_type("11"), Some(current(11)));
        assert_eq!(transaction_type("14"), None);
        assert_eq!(activity_date_type("START-ACTUAL"), Some(legacy(2)));
        assert_eq!(activity_date_type("3"), Some(current(3)));
        assert_eq!(activity_date_type("0"), None);
        assert_eq!(sector_vocabulary("DAC"), Some(legacy(1)));
        assert_eq!(sector_vocabulary("dac-3"), Some(legacy(2)));
        assert_eq!(sector_vocabulary("2"), Some(current(2)));
        assert_eq!(sector_vocabulary("COFOG").map(|r| r.code), Some(99));
    }

    #[test]
    fn public_bodies_are_national_at_home() {
        let som = Country::new("SOM").unwrap();
        let org = |type_code, reference, funding| Organisation {
            type_code,
            reference,
            funding,
        };
        let kind = |o| stakeholder_kind(o, &[som]);
        assert_eq!(
            kind(org(Some(10), Some("GB-GOV-1"), true)),
            Some(StakeholderKind::BilateralDonor)
        );
        assert_eq!(
            kind(org(Some(10), Some("SO-GOV-3"), false)),
            Some(StakeholderKind::NationalGovernment)
        );
        assert_eq!(
            kind(org(Some(10), None, false)),
            Some(StakeholderKind::NationalGovernment)
        );
        assert_eq!(
            kind(org(Some(10), None, true)),
            Some(StakeholderKind::BilateralDonor)
        );
        assert_eq!(
            kind(org(Some(40), Some("XM-DAC-41114"), true)),
            Some(StakeholderKind::InternationalOrganisation)
        );
        assert_eq!(kind(org(None, None, false)), Some(StakeholderKind::Other));
        assert_eq!(kind(org(Some(99), None, false)), None);
    }

    #[test]
    fn registration_prefix_of_any_text() {
        // A fuzz finding: a non-ASCII second character once split a
        // character in two and panicked.
        for text in [
            "Gé-1",
            "é",
            "éé-",
            "G\u{301}-x",
            "-",
            "",
            "  so-GOV",
            "ÉÉ-1",
        ] {
            let _ = registered_in(text);
        }
        assert_eq!(
            registered_in(" so-GOV-3").map(|c| c.to_string()).as_deref(),
            Some("SOM")
        );
        assert_eq!(registered_in("XX-1"), None);
        assert_eq!(registered_in("GB"), None);
    }
}
