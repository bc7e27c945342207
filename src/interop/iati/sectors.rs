//! DAC sectors, and the SSR components they become.

use crate::validate::Code;
use crate::{Component, ComponentId, Percentage, Pillar, Sector, SectorCode, Weight};

use super::codes;
use super::findings::Findings;
use super::tree::El;
use super::values;
use crate::diagnostics::XmlLocation;

/// The sectors of one activity.
pub(super) struct Sectors<'t> {
    /// DAC purpose codes (vocabulary 1) with their shares, in document order.
    pub(super) dac: Vec<Sector>,
    /// Every DAC code of vocabulary 1 or 2 as written, for the sector filter.
    pub(super) filter_codes: Vec<&'t str>,
}

/// Whether the sector element uses a DAC vocabulary: 1 (5-digit purpose
/// codes, the default) or 2 (3-digit categories), and whether it was
/// written as its IATI 1.x name (`DAC`, `DAC-3`).
fn dac_vocabulary(el: El<'_>) -> Option<codes::Read> {
    el.attr("vocabulary")
        .map_or(Some(codes::Read::current(1)), codes::sector_vocabulary)
        .filter(|v| v.code <= 2)
}

fn read_one<'t>(
    el: El<'t>,
    here: &XmlLocation,
    with_percentage: bool,
    out: &mut Sectors<'t>,
    findings: &mut Findings,
) {
    let Some(code) = el.attr("code") else {
        findings.push(
            Code::IatiMissingElement,
            &here.attribute("code"),
            el,
            "sector has no code",
        );
        return;
    };
    let vocabulary = dac_vocabulary(el);
    if let Some(read) = vocabulary.filter(|v| v.legacy) {
        findings.push(
            Code::IatiLegacyCode,
            &here.attribute("vocabulary"),
            el,
            format_args!(
                "sector vocabulary {:?} read as code {}",
                el.attr("vocabulary").unwrap_or(""),
                read.code
            ),
        );
    }
    match vocabulary.map(|v| v.code) {
        Some(1) => {}
        Some(_) => {
            out.filter_codes.push(code);
            findings.push(
                Code::IatiNotImported,
                here,
                el,
                format_args!(
                    "sector {code:?} is a DAC category (vocabulary 2), not a 5-digit purpose code: not imported"
                ),
            );
            return;
        }
        None => {
            findings.push(
                Code::IatiNotImported,
                here,
                el,
                format_args!(
                    "sector {code:?} of vocabulary {} is not a DAC purpose code: not imported",
                    el.attr("vocabulary").unwrap_or("?")
                ),
            );
            return;
        }
    }
    out.filter_codes.push(code);
    let Some(sector_code) = findings.on_codelist(
        code.parse::<SectorCode>().ok(),
        &here.attribute("code"),
        el,
        format_args!("sector code {code:?} is not a 5-digit DAC purpose code"),
    ) else {
        return;
    };
    let mut sector = Sector::new(sector_code);
    if with_percentage && let Some(text) = el.attr("percentage") {
        match values::percentage(text) {
            Some(p) => sector = sector.with_percentage(p),
            None => findings.push(
                Code::IatiInvalidPercentage,
                &here.attribute("percentage"),
                el,
                format_args!("sector percentage {text:?} is not a number from 0 to 100"),
            ),
        }
    }
    out.dac.push(sector);
}

/// Reads the activity's sectors. IATI puts sectors either on the activity
/// or on every transaction; transaction sectors are read (without shares)
/// only when the activity has none.
pub(super) fn read<'t>(
    activity: El<'t>,
    path: &XmlLocation,
    findings: &mut Findings,
) -> Sectors<'t> {
    let mut out = Sectors {
        dac: Vec::new(),
        filter_codes: Vec::new(),
    };
    for (n, el) in activity.children_named("sector").enumerate() {
        read_one(el, &path.child("sector", n), true, &mut out, findings);
    }
    if activity.child("sector").is_none() {
        for (t, tx) in activity.children_named("transaction").enumerate() {
            let tx_path = path.child("transaction", t);
            for (n, el) in tx.children_named("sector").enumerate() {
                let before = out.dac.len();
                read_one(el, &tx_path.child("sector", n), false, &mut out, findings);
                // The same code on many transactions is one sector.
                let repeated = out.dac.len() > before
                    && out
                        .dac
                        .last()
                        .is_some_and(|l| out.dac.iter().take(before).any(|s| s.code == l.code));
                if repeated {
                    out.dac.pop();
                }
            }
        }
    }
    out
}

/// The components an activity's DAC sectors become, and the index of the
/// main one (which receives the activity's indicators).
pub(super) struct Components {
    pub(super) components: Vec<Component>,
    pub(super) main: Option<usize>,
}

/// One component per SSR pillar the DAC sectors map onto
/// ([`Pillar::from_dac_code`]), in order of first appearance, named after
/// the DAC code and identified by `{activity}/sector/{code}` (its first
/// code). Weights are the summed sector percentages when every SSR sector
/// states one, else 1 each. The main component is the one of largest weight
/// (the first on ties).
pub(super) fn components(sectors: &[Sector], identifier: &str) -> Components {
    let ssr: Vec<(Pillar, &Sector)> = sectors
        .iter()
        .filter_map(|s| Pillar::from_dac_code(s.code).map(|p| (p, s)))
        .collect();
    let weighted = !ssr.is_empty() && ssr.iter().all(|(_, s)| s.percentage.is_some());
    let mut groups: Vec<(Pillar, SectorCode, f64)> = Vec::new();
    for (pillar, sector) in &ssr {
        let share = sector.percentage.map_or(0.0, Percentage::get);
        match groups.iter_mut().find(|(p, _, _)| p == pillar) {
            Some((_, _, w)) => *w += share,
            None => groups.push((*pillar, sector.code, share)),
        }
    }
    let mut main: Option<(usize, f64)> = None;
    let mut components = Vec::with_capacity(groups.len());
    for (i, (pillar, code, share)) in groups.into_iter().enumerate() {
        let weight = if weighted {
            Weight::new(share).unwrap_or(Weight::ONE)
        } else {
            Weight::ONE
        };
        if main.is_none_or(|(_, w)| weight.get() > w) {
            main = Some((i, weight.get()));
        }
        let name = codes::dac_name(code.get()).map_or_else(|| format!("DAC {code}"), str::to_owned);
        components.push(
            Component::new(name, pillar)
                .with_id(ComponentId::from_external(&format!(
                    "{identifier}/sector/{code}"
                )))
                .with_weight(weight),
        );
    }
    Components {
        components,
        main: main.map(|(i, _)| i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sector(code: u32, percentage: Option<f64>) -> Sector {
        let s = Sector::new(SectorCode::new(code).unwrap());
        match percentage {
            Some(p) => s.with_percentage(Percentage::new(p).unwrap()),
            None => s,
        }
    }

    #[test]
    fn one_component_per_pillar_and_main_by_weight() {
        let sectors = [
            sector(12110, Some(40.0)),
            sector(15130, Some(10.0)),
            sector(15210, Some(30.0)),
            sector(15131, Some(20.0)),
        ];
        let c = components(&sectors, "X-1");
        let pillars: Vec<_> = c.components.iter().map(|c| c.pillar).collect();
        assert_eq!(
            pillars,
            [Pillar::JusticeReform, Pillar::SecuritySystemGovernance]
        );
        assert_eq!(c.components[0].weight.get(), 30.0);
        assert_eq!(c.components[1].weight.get(), 30.0);
        // Tie: the first wins.
        assert_eq!(c.main, Some(0));
        assert_eq!(
            c.components[0].id,
            ComponentId::from_external("X-1/sector/15130")
        );
    }

    #[test]
    fn unweighted_without_every_share() {
        let c = components(&[sector(15210, None), sector(15132, Some(50.0))], "X");
        assert!(c.components.iter().all(|c| c.weight == Weight::ONE));
        assert_eq!(c.main, Some(0));
        assert!(components(&[sector(12110, None)], "X").main.is_none());
    }
}
