//! People already on the roster: how the form shows them, what an import
//! changes for them, and the write of one good row.

use super::{FieldChange, StaffField};
use crate::error::AppResult;
use crate::input;
use crate::staff::store::{insert_row, set_skills, staff_from_row, update_row, STAFF_COLUMNS};
use crate::staff::validate::{validate, ValidStaff};
use crate::staff::{Staff, StaffInput};
use crate::units::{self, Cents};
use rusqlite::Connection;
use std::collections::HashMap;

/// What the import writes for one good row.
pub(super) struct Write {
    /// The person updated; none for a new one.
    pub id: Option<i64>,
    pub valid: ValidStaff,
    /// Set when a column holds the termination date (none = still employed).
    pub termination: Option<Option<String>>,
}

impl Write {
    pub fn apply(&self, conn: &Connection) -> AppResult<()> {
        let id = match self.id {
            Some(id) => {
                update_row(conn, id, &self.valid)?;
                id
            }
            None => {
                let id = insert_row(conn, &self.valid)?;
                set_skills(conn, id, &self.valid.skill_ids)?;
                id
            }
        };
        // Through the same door as the Terminate dialog, so shifts after the
        // last day go too.
        match &self.termination {
            Some(Some(last_day)) => {
                crate::staff::terminate(conn, id, last_day)?;
            }
            Some(None) => {
                crate::staff::reactivate(conn, id)?;
            }
            None => {}
        }
        Ok(())
    }
}

pub(super) fn roster(conn: &Connection) -> AppResult<HashMap<String, Staff>> {
    let mut stmt = conn.prepare(&format!("SELECT {STAFF_COLUMNS} FROM staff"))?;
    let staff = stmt
        .query_map([], staff_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(staff
        .into_iter()
        .map(|s| (s.employee_no.to_lowercase(), s))
        .collect())
}

/// An existing person as the staff form would show them.
pub(super) fn form_of(s: &Staff) -> StaffInput {
    StaffInput {
        first_name: s.first_name.clone(),
        last_name: s.last_name.clone(),
        employee_no: s.employee_no.clone(),
        role: Some(s.role),
        job_code: s.job_code.clone(),
        job_title: s.job_title.clone(),
        employment_type: Some(s.employment_type),
        fte: units::Fte(s.fte_hundredths).text(),
        hourly_rate: Cents(s.hourly_rate_cents).plain(),
        hire_date: s.hire_date.clone(),
        seniority_date: s.seniority_date.clone().unwrap_or_default(),
        on_leave: s.on_leave,
        leave_since: s.leave_since.clone().unwrap_or_default(),
        skill_ids: Vec::new(),
        phone: s.phone.clone(),
        email: s.email.clone(),
        notes: s.notes.clone(),
    }
}

/// Each field's value for people, as the preview shows before and after.
pub(super) fn shown(valid: &ValidStaff, termination: Option<&str>) -> Vec<(StaffField, String)> {
    use StaffField::*;
    vec![
        (EmployeeNo, valid.employee_no.clone()),
        (FirstName, valid.first_name.clone()),
        (LastName, valid.last_name.clone()),
        (Role, valid.role.label().to_string()),
        (JobCode, valid.job_code.clone()),
        (JobTitle, valid.job_title.clone()),
        (EmploymentType, valid.employment_type.label().to_string()),
        (Fte, units::Fte(valid.fte_hundredths).text()),
        (HourlyRate, Cents(valid.hourly_rate_cents).dollars()),
        (HireDate, input::format_date(valid.hire_date)),
        (
            SeniorityDate,
            valid
                .seniority_date
                .map(input::format_date)
                .unwrap_or_default(),
        ),
        (TerminationDate, termination.unwrap_or_default().to_string()),
        (
            Status,
            match (valid.on_leave, valid.leave_since) {
                (false, _) => String::new(),
                (true, None) => "On leave".to_string(),
                (true, Some(d)) => format!("On leave since {}", input::format_date(d)),
            },
        ),
        (Phone, valid.phone.clone()),
        (Email, valid.email.clone()),
        (Notes, valid.notes.clone()),
    ]
}

pub(super) fn changes(
    before: &Staff,
    after: &ValidStaff,
    termination: Option<&str>,
) -> Vec<FieldChange> {
    // The stored record, through the same rules, so only real differences show.
    let Ok(was) = validate(&form_of(before), None) else {
        return Vec::new();
    };
    shown(&was, before.termination_date.as_deref())
        .into_iter()
        .zip(shown(after, termination))
        .filter(|((_, b), (_, a))| a != b)
        .map(|((field, before), (_, after))| FieldChange {
            field,
            label: field.label().to_string(),
            before,
            after,
        })
        .collect()
}

/// A form value as the manager would recognise it.
pub(super) fn kept_value(form: &StaffInput, field: StaffField) -> String {
    use StaffField::*;
    match field {
        SeniorityDate => form.seniority_date.clone(),
        HireDate => form.hire_date.clone(),
        Fte => form.fte.clone(),
        HourlyRate => form.hourly_rate.clone(),
        Email => form.email.clone(),
        Phone => form.phone.clone(),
        JobCode => form.job_code.clone(),
        JobTitle => form.job_title.clone(),
        FirstName => form.first_name.clone(),
        LastName => form.last_name.clone(),
        Notes => String::new(),
        EmployeeNo => form.employee_no.clone(),
        Role => form.role.map(|r| r.code().to_string()).unwrap_or_default(),
        EmploymentType => form
            .employment_type
            .map(|t| t.label().to_string())
            .unwrap_or_default(),
        TerminationDate | FullName | Status | Department => String::new(),
    }
}
