//! Transactions: dated flows of money into and out of a programme, as IATI
//! reports them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::macros::opt_setters;
use super::macros::pushers;
use super::{AidClassification, Money, Place, Sector, StakeholderId};

/// The kind of a transaction, on IATI's TransactionType codelist (2.03).
///
/// ```
/// use ssr_model::model::TransactionType;
///
/// assert_eq!(TransactionType::from_iati_code(3), Some(TransactionType::Disbursement));
/// assert_eq!(TransactionType::Disbursement.iati_code(), 3);
/// // IATI 1.x text codes.
/// assert_eq!(TransactionType::from_iati_v1_code("C"), Some(TransactionType::OutgoingCommitment));
/// assert_eq!(TransactionType::from_iati_code(14), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TransactionType {
    /// 1: funds received for use on the activity.
    IncomingFunds,
    /// 2: a firm, written obligation to provide funds.
    OutgoingCommitment,
    /// 3: funds placed at the disposal of a recipient.
    Disbursement,
    /// 4: funds spent on goods and services for the activity.
    Expenditure,
    /// 5: interest paid on a loan.
    InterestPayment,
    /// 6: principal repaid on a loan.
    LoanRepayment,
    /// 7: a disbursement covering funds the recipient already spent.
    Reimbursement,
    /// 8: funds used to buy equity.
    PurchaseOfEquity,
    /// 9: funds from the sale of equity.
    SaleOfEquity,
    /// 10: a guarantee underwriting a third party's loan.
    CreditGuarantee,
    /// 11: a firm obligation of funds, reported by the recipient.
    IncomingCommitment,
    /// 12: a non-binding intention of an outgoing commitment.
    OutgoingPledge,
    /// 13: a non-binding intention of an incoming commitment.
    IncomingPledge,
}

super::names::names!(TransactionType, "transaction type" {
    IncomingFunds = "incoming_funds",
    OutgoingCommitment = "outgoing_commitment",
    Disbursement = "disbursement",
    Expenditure = "expenditure",
    InterestPayment = "interest_payment",
    LoanRepayment = "loan_repayment",
    Reimbursement = "reimbursement",
    PurchaseOfEquity = "purchase_of_equity",
    SaleOfEquity = "sale_of_equity",
    CreditGuarantee = "credit_guarantee",
    IncomingCommitment = "incoming_commitment",
    OutgoingPledge = "outgoing_pledge",
    IncomingPledge = "incoming_pledge",
});

/// Every type with its IATI 2.x code and, where IATI 1.x had one, its
/// 1.x text code (1.x "IR" Interest Repayment is 2.x Interest Payment).
const CODES: &[(TransactionType, u8, Option<&str>)] = &[
    (TransactionType::IncomingFunds, 1, Some("IF")),
    (TransactionType::OutgoingCommitment, 2, Some("C")),
    (TransactionType::Disbursement, 3, Some("D")),
    (TransactionType::Expenditure, 4, Some("E")),
    (TransactionType::InterestPayment, 5, Some("IR")),
    (TransactionType::LoanRepayment, 6, Some("LR")),
    (TransactionType::Reimbursement, 7, Some("R")),
    (TransactionType::PurchaseOfEquity, 8, Some("QP")),
    (TransactionType::SaleOfEquity, 9, Some("QS")),
    (TransactionType::CreditGuarantee, 10, Some("CG")),
    (TransactionType::IncomingCommitment, 11, None),
    (TransactionType::OutgoingPledge, 12, None),
    (TransactionType::IncomingPledge, 13, None),
];

impl TransactionType {
    /// The IATI TransactionType code, 1–13.
    #[expect(
        clippy::expect_used,
        reason = "CODES lists every variant (the codelist test checks each of ALL)"
    )]
    pub fn iati_code(self) -> u8 {
        CODES
            .iter()
            .find(|(t, _, _)| *t == self)
            .map(|(_, code, _)| *code)
            .expect("every transaction type is in CODES")
    }

    /// The type for an IATI 2.x TransactionType code.
    pub fn from_iati_code(code: u8) -> Option<Self> {
        CODES
            .iter()
            .find(|(_, c, _)| *c == code)
            .map(|(t, _, _)| *t)
    }

    /// The type for an IATI 1.x text code (`IF`, `C`, `D`, `E`, `IR`,
    /// `LR`, `R`, `QP`, `QS`, `CG`).
    pub fn from_iati_v1_code(code: &str) -> Option<Self> {
        CODES
            .iter()
            .find(|(_, _, v1)| *v1 == Some(code))
            .map(|(t, _, _)| *t)
    }
}

/// An organisation that is not one of the programme's stakeholders: its
/// IATI organisation identifier and name, each when known.
///
/// ```
/// use ssr_model::model::Organisation;
///
/// let undp = Organisation::new().with_reference("XM-DAC-41114").with_name("UNDP");
/// assert_eq!(undp.reference.as_deref(), Some("XM-DAC-41114"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Organisation {
    /// The IATI organisation identifier (`@ref`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Organisation {
    /// An organisation with neither reference nor name yet.
    pub fn new() -> Self {
        Organisation::default()
    }
}

opt_setters!(Organisation {
    with_reference => reference: String,
    with_name => name: String,
});

/// Who provides or receives a transaction's money.
///
/// A participating organisation of the programme is named by its
/// stakeholder id; any other organisation by reference and name.
///
/// In JSON, `{"stakeholder": "<uuid>"}` or `{"organisation": {"reference":
/// "…", "name": "…"}}`.
///
/// ```
/// use ssr_model::model::{Organisation, Party, StakeholderId};
///
/// let donor = Party::Stakeholder(StakeholderId::from_external("donor"));
/// let other = Party::from(Organisation::new().with_name("Ministry of Justice"));
/// assert_eq!(donor.stakeholder(), Some(StakeholderId::from_external("donor")));
/// assert_eq!(other.stakeholder(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Party {
    /// One of the programme's stakeholders.
    Stakeholder(StakeholderId),
    /// An organisation that is not a stakeholder of the programme.
    Organisation(Organisation),
}

impl Party {
    /// The stakeholder id, when the party is a stakeholder.
    pub fn stakeholder(&self) -> Option<StakeholderId> {
        match self {
            Party::Stakeholder(id) => Some(*id),
            Party::Organisation(_) => None,
        }
    }
}

impl From<StakeholderId> for Party {
    fn from(id: StakeholderId) -> Self {
        Party::Stakeholder(id)
    }
}

impl From<Organisation> for Party {
    fn from(org: Organisation) -> Self {
        Party::Organisation(org)
    }
}

/// One dated flow of money, as an IATI `transaction`.
///
/// The value date is the date whose exchange rate converts the value
/// (IATI `value/@value-date`); it is often, not always, the transaction
/// date.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Money;
/// use ssr_model::model::{Party, SectorCode, StakeholderId, Transaction, TransactionType};
///
/// let day = NaiveDate::from_ymd_opt(2021, 3, 31).unwrap();
/// let t = Transaction::new(TransactionType::Disbursement, day, Money::parse("250000", "EUR")?, day)
///     .with_provider(Party::Stakeholder(StakeholderId::from_external("donor")))
///     .with_sector(SectorCode::new(15210)?);
/// assert_eq!(t.sectors[0].code, "15210");
/// assert_eq!(t.kind.iati_code(), 3);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Transaction {
    /// What kind of flow it is.
    pub kind: TransactionType,
    /// When it took place (IATI `transaction-date`).
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub date: NaiveDate,
    /// How much, in which currency.
    pub value: Money,
    /// The date whose exchange rate converts the value.
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub value_date: NaiveDate,
    /// Who provides the money, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Party>,
    /// Who receives it, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver: Option<Party>,
    /// The transaction's own sectors, of any vocabulary, when it states
    /// them rather than leaving them to the activity. Version 2 wrote at
    /// most one DAC purpose code, under the name `sector`.
    #[serde(
        default,
        alias = "sector",
        deserialize_with = "super::sector::deserialize_sectors",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sectors: Vec<Sector>,
    /// The recipient country or region, when stated on the transaction
    /// rather than the programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Place>,
    /// The IATI identifier of the activity the money comes from, when
    /// stated (`provider-org/@provider-activity-id`): a link of a funding
    /// chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_activity: Option<String>,
    /// The IATI identifier of the activity the money goes to, when stated
    /// (`receiver-org/@receiver-activity-id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver_activity: Option<String>,
    /// How the money is given, as the transaction states it (IATI
    /// `flow-type`, `finance-type`, `aid-type`, `tied-status`): each
    /// stated attribute overrides the programme's default
    /// ([`AidClassification::over`]); empty when it states none.
    #[serde(default, skip_serializing_if = "AidClassification::is_empty")]
    pub classification: AidClassification,
    /// Whether the transaction is humanitarian (IATI
    /// `transaction/@humanitarian`), overriding the programme's flag;
    /// `None` when it does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub humanitarian: Option<bool>,
}

impl Transaction {
    /// A transaction with no provider, receiver, sector or recipient yet.
    pub fn new(
        kind: TransactionType,
        date: NaiveDate,
        value: Money,
        value_date: NaiveDate,
    ) -> Self {
        Transaction {
            kind,
            date,
            value,
            value_date,
            provider: None,
            receiver: None,
            sectors: Vec::new(),
            recipient: None,
            provider_activity: None,
            receiver_activity: None,
            classification: AidClassification::default(),
            humanitarian: None,
        }
    }

    /// The activity at the other end of the money, when stated: the
    /// provider's activity for money coming in (IATI types 1 incoming
    /// funds, 5 interest payment, 6 loan repayment, 10 credit guarantee, 11
    /// incoming commitment, 13 incoming pledge), the receiver's for any
    /// other type. A transaction naming its own activity has none.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ssr_model::Money;
    /// use ssr_model::model::{Transaction, TransactionType};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 3, 31).unwrap();
    /// let paid = Transaction::new(TransactionType::Disbursement, day, Money::parse("10", "EUR")?, day)
    ///     .with_provider_activity("XM-DONOR")
    ///     .with_receiver_activity("XM-IMPLEMENTER");
    /// assert_eq!(paid.counterpart_activity(Some("XM-DONOR")), Some("XM-IMPLEMENTER"));
    /// let mut received = paid.clone();
    /// received.kind = TransactionType::IncomingFunds;
    /// assert_eq!(received.counterpart_activity(Some("XM-IMPLEMENTER")), Some("XM-DONOR"));
    /// assert_eq!(received.counterpart_activity(Some("XM-DONOR")), None);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn counterpart_activity(&self, own: Option<&str>) -> Option<&str> {
        let incoming = matches!(self.kind.iati_code(), 1 | 5 | 6 | 10 | 11 | 13);
        let other = if incoming {
            &self.provider_activity
        } else {
            &self.receiver_activity
        };
        other
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty() && Some(*id) != own.map(str::trim))
    }
}

pushers!(Transaction {
    with_sector => sectors: Sector,
});

opt_setters!(Transaction {
    with_provider => provider: Party,
    with_receiver => receiver: Party,
    with_recipient => recipient: Place,
    with_provider_activity => provider_activity: String,
    with_receiver_activity => receiver_activity: String,
    with_humanitarian => humanitarian: bool,
});

super::macros::setters!(Transaction {
    with_classification => classification: AidClassification,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_cover_every_type_once() {
        for (i, t) in TransactionType::ALL.iter().enumerate() {
            assert_eq!(usize::from(t.iati_code()), i + 1);
            assert_eq!(TransactionType::from_iati_code(t.iati_code()), Some(*t));
        }
        assert_eq!(CODES.len(), TransactionType::ALL.len());
        for t in TransactionType::ALL {
            assert_eq!(t.to_string().parse::<TransactionType>().unwrap(), t);
        }
    }
}
