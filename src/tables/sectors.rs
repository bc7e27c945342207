//! The `sectors` table: every sector of every programme and transaction,
//! of every vocabulary, as reported.

use crate::Programme;
use crate::score::policy::SsrSectors;

use super::Kind::{Boolean, Code, Float, Integer};
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

pub(super) const SECTORS: &[C] = &[
    PROGRAMME_ID,
    C::new(
        "transaction",
        Integer,
        "the transaction's position in the programme's list, from 1 (transactions table); null for a sector of the programme",
    ),
    C::new(
        "vocabulary",
        Code,
        "the IATI SectorVocabulary: 1 DAC 5-digit purpose codes, 2 DAC 3-digit categories, others as written",
    ),
    C::new("code", Code, "the sector code as written"),
    C::new(
        "percentage",
        Float,
        "its share, 0–100, when stated; shares add up within one vocabulary",
    ),
    C::new(
        "ssr",
        Boolean,
        "whether it counts as SSR by the default rule: DAC 152xx (vocabulary 1) or 152 (vocabulary 2)",
    ),
];

pub(super) fn sectors(t: &mut Table, p: &Programme) {
    let ssr = SsrSectors::default();
    let own = p.sectors.iter().map(|s| (None, s));
    let of_transactions = p
        .transactions
        .iter()
        .enumerate()
        .flat_map(|(n, x)| x.sectors.iter().map(move |s| (Some(n + 1), s)));
    for (transaction, s) in own.chain(of_transactions) {
        t.push([
            Cell::code(Some(p.id)),
            transaction.map_or(Cell::Null, Cell::count),
            Cell::code(Some(&s.vocabulary)),
            Cell::Text(s.code.clone()),
            Cell::float(s.percentage.map(|x| x.get())),
            Cell::boolean(Some(ssr.contains(s))),
        ]);
    }
}
