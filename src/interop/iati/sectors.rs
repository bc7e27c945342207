//! DAC sectors, and the SSR components they become.

use crate::model::SectorVocabulary;
use crate::validate::Code;
use crate::{Component, ComponentId, Percentage, Pillar, Sector, SectorCode, Weight};

use super::codes;
use super::findings::Findings;
use super::tree::El;
use super::values;
use crate::diagnostics::XmlLocation;

/// The sectors of one activity.
pub(super) struct Sectors<'t> {
    /// The activity's own sectors, of every vocabulary, in document order.
    pub(super) activity: Vec<Sector>,
    /// Each transaction's own sectors, by the transaction's position among
    /// the activity's `transaction` elements.
    pub(super) transactions: Vec<Vec<Sector>>,
    /// Every DAC code of vocabulary 1 or 2 as written, for the sector filter.
    pub(super) filter_codes: Vec<&'t str>,
}

impl Sectors<'_> {
    /// The DAC purpose codes the components come from: the activity's; when
    /// it has none, each code its transactions name once, without shares.
    pub(super) fn for_components(&self) -> Vec<Sector> {
        if !self.activity.is_empty() {
            return self.activity.clone();
        }
        let mut out: Vec<Sector> = Vec::new();
        for s in self.transactions.iter().flatten() {
            if s.dac_code().is_some() && !out.iter().any(|o| o.code == s.code) {
                out.push(Sector::of(s.vocabulary.clone(), s.code.clone()));
            }
        }
        out
    }
}

/// The sector's vocabulary: absent is 1; the IATI 1.x names `DAC` and
/// `DAC-3` are 1 and 2 (with a finding); any other is kept verbatim.
fn vocabulary(el: El<'_>, here: &XmlLocation, findings: &mut Findings) -> SectorVocabulary {
    let Some(text) = el.attr("vocabulary") else {
        return SectorVocabulary::Dac;
    };
    match codes::sector_vocabulary(text) {
        Some(read) if read.code <= 2 => {
            if read.legacy {
                findings.push(
                    Code::IatiLegacyCode,
                    &here.attribute("vocabulary"),
                    el,
                    format_args!("sector vocabulary {text:?} read as code {}", read.code),
                );
            }
            if read.code == 1 {
                SectorVocabulary::Dac
            } else {
                SectorVocabulary::DacCategory
            }
        }
        _ => SectorVocabulary::Other(text.trim().to_owned()),
    }
}

/// Whether `code` is on the DAC list its vocabulary names: five digits for
/// purpose codes, three for categories. Other vocabularies are not checked.
fn on_dac_list(vocabulary: &SectorVocabulary, code: &str) -> bool {
    let digits = |n: usize| code.len() == n && code.bytes().all(|b| b.is_ascii_digit());
    match vocabulary {
        SectorVocabulary::Dac => code.parse::<SectorCode>().is_ok(),
        SectorVocabulary::DacCategory => digits(3),
        _ => true,
    }
}

fn read_one<'t>(
    el: El<'t>,
    here: &XmlLocation,
    filter_codes: &mut Vec<&'t str>,
    findings: &mut Findings,
) -> Option<Sector> {
    let Some(code) = el.attr("code").map(str::trim).filter(|c| !c.is_empty()) else {
        findings.push(
            Code::IatiMissingElement,
            &here.attribute("code"),
            el,
            "sector has no code",
        );
        return None;
    };
    let vocabulary = vocabulary(el, here, findings);
    if matches!(
        vocabulary,
        SectorVocabulary::Dac | SectorVocabulary::DacCategory
    ) {
        filter_codes.push(code);
    }
    if !on_dac_list(&vocabulary, code) {
        // Kept verbatim, so that the money it classifies is not lost.
        findings.push(
            Code::IatiUnknownCode,
            &here.attribute("code"),
            el,
            format_args!(
                "sector code {code:?} is not on the DAC list of vocabulary {vocabulary}: kept as written"
            ),
        );
    }
    let mut sector = Sector::of(vocabulary, code);
    if let Some(text) = el.attr("percentage") {
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
    Some(sector)
}

/// Reads every sector of the activity and of each of its transactions, of
/// every vocabulary, with their percentages.
pub(super) fn read<'t>(
    activity: El<'t>,
    path: &XmlLocation,
    findings: &mut Findings,
) -> Sectors<'t> {
    let mut filter_codes = Vec::new();
    let activity_sectors = activity
        .children_named("sector")
        .enumerate()
        .filter_map(|(n, el)| read_one(el, &path.child("sector", n), &mut filter_codes, findings))
        .collect();
    // The filter looks at transaction sectors only when the activity has
    // none, as IATI puts sectors at one level or the other.
    let mut tx_codes = Vec::new();
    let transactions = activity
        .children_named("transaction")
        .enumerate()
        .map(|(t, tx)| {
            let tx_path = path.child("transaction", t);
            tx.children_named("sector")
                .enumerate()
                .filter_map(|(n, el)| {
                    read_one(el, &tx_path.child("sector", n), &mut tx_codes, findings)
                })
                .collect()
        })
        .collect();
    if filter_codes.is_empty() {
        filter_codes = tx_codes;
    }
    Sectors {
        activity: activity_sectors,
        transactions,
        filter_codes,
    }
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
    let ssr: Vec<(Pillar, SectorCode, &Sector)> = sectors
        .iter()
        .filter_map(|s| {
            let code = s.dac_code()?;
            Pillar::from_dac_code(code).map(|p| (p, code, s))
        })
        .collect();
    let weighted = !ssr.is_empty() && ssr.iter().all(|(_, _, s)| s.percentage.is_some());
    let mut groups: Vec<(Pillar, SectorCode, f64)> = Vec::new();
    for (pillar, code, sector) in &ssr {
        let share = sector.percentage.map_or(0.0, Percentage::get);
        match groups.iter_mut().find(|(p, _, _)| p == pillar) {
            Some((_, _, w)) => *w += share,
            None => groups.push((*pillar, *code, share)),
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
