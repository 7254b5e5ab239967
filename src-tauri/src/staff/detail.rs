//! One person's page: the record, credentials, trainings and evaluations.

use super::Staff;
use crate::credentials::{self, CredentialLine, CredentialSummary};
use crate::error::AppResult;
use crate::trainings::{self, DueSummary, Training};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffDetail {
    pub staff: Staff,
    pub active: bool,
    pub credentials: Vec<CredentialLine>,
    pub credential_summary: CredentialSummary,
    pub trainings: Vec<Training>,
    pub due: DueSummary,
}

pub fn detail(conn: &Connection, id: i64, today: NaiveDate) -> AppResult<StaffDetail> {
    let staff = super::get(conn, id)?;
    let credentials = credentials::for_staff(conn, id, today)?;
    let trainings = trainings::for_staff(conn, id, today)?;
    Ok(StaffDetail {
        active: staff.is_active(today),
        credential_summary: credentials::summarize(&credentials),
        due: trainings::summarize(&trainings),
        staff,
        credentials,
        trainings,
    })
}
