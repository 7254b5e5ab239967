//! Licenses and certifications: the types a department tracks, and who holds what.

mod status;
mod store;
mod types;

pub use status::{
    credential_status, lines_for, summarize, summary_for, CredentialLine, CredentialSummary,
    EXPIRING_WITHIN_DAYS,
};
pub use store::{delete, for_staff, held_by_staff, save};
pub use types::{delete_type, list_types, save_type};

use crate::staff::Role;
use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    /// What an expired credential of this type does to scheduling.
    pub enum ExpiredAction {
        Block = ("block", "Block scheduling"),
        Warn = ("warn", "Warn only"),
    }
}

text_enum! {
    /// Ordered from worst to best, so sorting puts problems first.
    pub enum CredentialStatus {
        Expired = ("expired", "Expired"),
        Missing = ("missing", "Required but missing"),
        Expiring = ("expiring", "Expiring within 90 days"),
        Compliant = ("compliant", "Compliant"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CredentialType {
    pub id: i64,
    pub name: String,
    /// The roles that must hold this credential.
    pub required_for: Vec<Role>,
    pub renewal_months: Option<i64>,
    pub when_expired: ExpiredAction,
    /// How many staff hold a record of this type.
    pub holders: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CredentialTypeInput {
    pub name: String,
    pub required_for: Vec<Role>,
    /// Months between renewals as typed; empty when it does not expire.
    pub renewal_months: String,
    pub when_expired: ExpiredAction,
}

/// One person's record of one credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Credential {
    pub id: i64,
    pub staff_id: i64,
    pub type_id: i64,
    pub number: String,
    pub issued_on: Option<String>,
    pub expires_on: Option<String>,
    pub verified_on: Option<String>,
}

/// The credential form as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct CredentialInput {
    pub type_id: i64,
    pub number: String,
    pub issued_on: String,
    /// Empty means: work it out from the issue date and the type's renewal period, if any.
    pub expires_on: String,
    pub verified_on: String,
}
