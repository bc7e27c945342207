//! Participating organisations, and the stakeholders they become.

use std::collections::HashMap;

use crate::validate::Code;
use crate::{Country, Role, Stakeholder, StakeholderId, StakeholderKind};

use super::codes::{self, Organisation};
use super::findings::Findings;
use super::narrative::Languages;
use super::tree::El;
use super::values;
use crate::diagnostics::XmlLocation;

/// An organisation as named in the XML: by identifier, else by name.
fn key(reference: Option<&str>, name: Option<&str>) -> Option<String> {
    match (reference, name) {
        (Some(r), _) => Some(r.to_owned()),
        (None, Some(n)) => Some(format!("name:{}", n.to_lowercase())),
        (None, None) => None,
    }
}

/// The stakeholders of one activity, with the key each was merged under.
pub(super) struct Stakeholders<'a> {
    identifier: &'a str,
    countries: Vec<Country>,
    reporting_type: Option<(Option<&'a str>, u8)>,
    /// The stakeholders in order of first appearance.
    list: Vec<Stakeholder>,
    /// The position in `list` of each key: merging by map keeps an activity
    /// with many organisations linear.
    by_key: HashMap<String, usize>,
    /// The stakeholders with the funding role: how many, and the first.
    funders: (usize, Option<StakeholderId>),
}

impl<'a> Stakeholders<'a> {
    fn id(&self, key: &str) -> StakeholderId {
        StakeholderId::from_external(&format!("{}/org/{key}", self.identifier))
    }

    /// The stakeholder merged under `key`, if any.
    fn merged(&mut self, key: &str) -> Option<&mut Stakeholder> {
        let &i = self.by_key.get(key)?;
        self.list.get_mut(i)
    }

    /// Adds `role` to the stakeholder merged under `key`, unless it has it,
    /// and returns its id.
    fn add_role(&mut self, key: &str, role: Option<Role>) -> Option<StakeholderId> {
        let stakeholder = self.merged(key)?;
        let id = stakeholder.id;
        let added = role.filter(|r| !stakeholder.has_role(*r))?;
        stakeholder.roles.push(added);
        self.count_funder(added, id);
        Some(id)
    }

    fn count_funder(&mut self, role: Role, id: StakeholderId) {
        if role == Role::Funding {
            self.funders.0 += 1;
            self.funders.1.get_or_insert(id);
        }
    }

    /// Appends a new stakeholder under `key`.
    fn push(&mut self, key: String, stakeholder: Stakeholder) {
        if stakeholder.has_role(Role::Funding) {
            self.count_funder(Role::Funding, stakeholder.id);
        }
        self.by_key.insert(key, self.list.len());
        self.list.push(stakeholder);
    }

    /// The organisation type, falling back on the reporting organisation's
    /// when the organisation is the reporter.
    fn type_code(
        &self,
        el: El<'_>,
        reference: Option<&str>,
        here: &XmlLocation,
        findings: &mut Findings,
    ) -> Option<u8> {
        match el.attr("type") {
            Some(text) => findings.on_codelist(
                values::code(text),
                &here.attribute("type"),
                el,
                format_args!("organisation type {text:?} is not an IATI OrganisationType code"),
            ),
            None => self
                .reporting_type
                .filter(|(r, _)| reference.is_some() && *r == reference)
                .map(|(_, t)| t),
        }
    }

    fn kind(
        &self,
        el: El<'_>,
        org: Organisation<'_>,
        here: &XmlLocation,
        findings: &mut Findings,
    ) -> StakeholderKind {
        findings
            .on_codelist(
                codes::stakeholder_kind(org, &self.countries),
                &here.attribute("type"),
                el,
                format_args!(
                    "organisation type {} is not on the IATI OrganisationType codelist; read as other",
                    org.type_code.map_or_else(String::new, |c| c.to_string())
                ),
            )
            .unwrap_or(StakeholderKind::Other)
    }

    /// The stakeholders for the activity's `participating-org` elements,
    /// merged by identifier (else by name), each with every role it plays.
    pub(super) fn read(
        activity: El<'_>,
        path: &XmlLocation,
        identifier: &'a str,
        countries: Vec<Country>,
        reporting: Option<El<'a>>,
        languages: Languages<'_>,
        findings: &mut Findings,
    ) -> Self {
        let reporting_type = reporting.and_then(|r| {
            r.attr("type")
                .and_then(values::code)
                .map(|t| (r.attr("ref"), t))
        });
        let mut out = Stakeholders {
            identifier,
            countries,
            reporting_type,
            list: Vec::new(),
            by_key: HashMap::new(),
            funders: (0, None),
        };
        for (n, el) in activity.children_named("participating-org").enumerate() {
            let here = path.child("participating-org", n);
            let reference = el.attr("ref");
            let name = languages.narrative(el);
            let role = role(el, &here, findings);
            let key =
                key(reference, name).unwrap_or_else(|| format!("participating-org[{}]", n + 1));
            if reference.is_none() && name.is_none() {
                findings.push(
                    Code::IatiMissingElement,
                    &here,
                    el,
                    "participating-org has neither a ref nor a name",
                );
            }
            if out.by_key.contains_key(&key) {
                out.add_role(&key, role);
                continue;
            }
            let org = Organisation {
                type_code: out.type_code(el, reference, &here, findings),
                reference,
                funding: role == Some(Role::Funding),
            };
            let kind = out.kind(el, org, &here, findings);
            let display = name
                .or(reference)
                .map_or_else(|| format!("Organisation {}", n + 1), str::to_owned);
            let mut stakeholder = Stakeholder::new(display, kind).with_id(out.id(&key));
            if let Some(r) = reference {
                stakeholder = stakeholder.with_reference(r);
            }
            if let Some(role) = role {
                stakeholder = stakeholder.with_role(role);
            }
            out.push(key, stakeholder);
        }
        out
    }

    /// The funding stakeholder for a provider organisation (`provider-org`
    /// of a transaction, or the reporting organisation), added with the
    /// funding role when it is not a participating organisation already.
    pub(super) fn funder(
        &mut self,
        el: El<'_>,
        here: &XmlLocation,
        languages: Languages<'_>,
        findings: &mut Findings,
    ) -> Option<StakeholderId> {
        let reference = el.attr("ref");
        let name = languages.narrative(el);
        let key = key(reference, name)?;
        if let Some(existing) = self.merged(&key) {
            let id = existing.id;
            self.add_role(&key, Some(Role::Funding));
            return Some(id);
        }
        let org = Organisation {
            type_code: self.type_code(el, reference, here, findings),
            reference,
            funding: true,
        };
        let kind = self.kind(el, org, here, findings);
        let display = name.or(reference).unwrap_or("Provider");
        let mut stakeholder = Stakeholder::new(display, kind)
            .with_id(self.id(&key))
            .with_role(Role::Funding);
        if let Some(r) = reference {
            stakeholder = stakeholder.with_reference(r);
        }
        let id = stakeholder.id;
        self.push(key, stakeholder);
        Some(id)
    }

    /// The stakeholder an organisation element (such as a transaction's
    /// `provider-org`) names, by identifier, else by name.
    pub(super) fn find(&self, el: El<'_>, languages: Languages<'_>) -> Option<StakeholderId> {
        let key = key(el.attr("ref"), languages.narrative(el))?;
        let &i = self.by_key.get(&key)?;
        self.list.get(i).map(|s| s.id)
    }

    /// The only stakeholder in the funding role, if exactly one has it.
    pub(super) fn sole_funder(&self) -> Option<StakeholderId> {
        match self.funders {
            (1, id) => id,
            _ => None,
        }
    }

    /// The stakeholders, in order of first appearance.
    pub(super) fn into_vec(self) -> Vec<Stakeholder> {
        self.list
    }
}

/// The role of a `participating-org` at `here`: 2.03 codes, 1.x names
/// (`iati_legacy_code`), else `iati_unknown_code` or `iati_missing_element`.
fn role(el: El<'_>, here: &XmlLocation, findings: &mut Findings) -> Option<Role> {
    let Some(text) = el.attr("role") else {
        findings.push(
            Code::IatiMissingElement,
            &here.attribute("role"),
            el,
            "participating-org has no role",
        );
        return None;
    };
    let read = findings.on_codelist(
        codes::organisation_role(text),
        &here.attribute("role"),
        el,
        format_args!("organisation role {text:?} is not an IATI OrganisationRole code"),
    )?;
    if read.legacy {
        findings.push(
            Code::IatiLegacyCode,
            &here.attribute("role"),
            el,
            format_args!("organisation role {text:?} read as code {}", read.code),
        );
    }
    Role::from_iati_code(read.code)
}
