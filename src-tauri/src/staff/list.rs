//! The roster view: search, filter and sort, with each person's credential and
//! training status at a glance.

use super::store::{staff_from_row, STAFF_COLUMNS};
use super::{EmploymentType, Role, Skill, Staff};
use crate::credentials::{self, CredentialStatus, CredentialSummary};
use crate::error::AppResult;
use crate::search_text::Needle;
use crate::text_enum::text_enum;
use crate::trainings::{self, DueSummary};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;
use ts_rs::TS;

text_enum! {
    pub enum StatusFilter {
        Active = ("active", "Active"),
        Terminated = ("terminated", "Terminated"),
        All = ("all", "All"),
    }
}

text_enum! {
    pub enum StaffSort {
        Name = ("name", "Name"),
        EmployeeNo = ("employee_no", "Employee number"),
        Role = ("role", "Role"),
        EmploymentType = ("employment_type", "Employment type"),
        Fte = ("fte", "FTE"),
        HireDate = ("hire_date", "Hire date"),
        Credentials = ("credentials", "Credentials"),
        Due = ("due", "Due items"),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct StaffQuery {
    /// Matches name, employee number, job code and skills, ignoring case and accents.
    pub search: String,
    pub role: Option<Role>,
    pub employment_type: Option<EmploymentType>,
    pub status: StatusFilter,
    pub sort: StaffSort,
    pub descending: bool,
}

impl Default for StaffQuery {
    fn default() -> Self {
        StaffQuery {
            search: String::new(),
            role: None,
            employment_type: None,
            status: StatusFilter::Active,
            sort: StaffSort::Name,
            descending: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub employee_no: String,
    pub role: Role,
    /// HR's title, shown as secondary text; may be empty.
    pub job_title: String,
    pub employment_type: EmploymentType,
    pub fte_hundredths: i64,
    pub hire_date: String,
    pub termination_date: Option<String>,
    pub active: bool,
    /// On a leave of absence today: "On leave since 2026-11-02" or "On leave".
    pub leave: Option<String>,
    pub skills: Vec<String>,
    pub credentials: CredentialSummary,
    pub due: DueSummary,
}

/// The roster as `query` asks for it, with statuses as of `today`.
pub fn list(conn: &Connection, query: &StaffQuery, today: NaiveDate) -> AppResult<Vec<StaffRow>> {
    let types = credentials::list_types(conn)?;
    let held = credentials::held_by_staff(conn)?;
    let due = trainings::by_staff(conn, today)?;
    let skills = skills_by_staff(conn)?;
    let needle = Needle::new(&query.search);

    let mut stmt = conn.prepare_cached(&format!("SELECT {STAFF_COLUMNS} FROM staff"))?;
    let mut rows = Vec::new();
    for staff in stmt.query_map([], staff_from_row)? {
        let staff: Staff = staff?;
        let active = staff.is_active(today);
        let keep_status = match query.status {
            StatusFilter::Active => active,
            StatusFilter::Terminated => !active,
            StatusFilter::All => true,
        };
        if !keep_status
            || query.role.is_some_and(|r| r != staff.role)
            || query
                .employment_type
                .is_some_and(|t| t != staff.employment_type)
        {
            continue;
        }
        let person_skills: Vec<String> = skills
            .get(&staff.id)
            .map(|s| s.iter().map(|k| k.name.clone()).collect())
            .unwrap_or_default();
        if !needle.is_empty() && !matches(&staff, &person_skills, &needle) {
            continue;
        }
        let leave = staff.on_leave_on(today).then(|| match &staff.leave_since {
            Some(since) => format!("On leave since {since}"),
            None => "On leave".to_string(),
        });
        rows.push(StaffRow {
            id: staff.id,
            active,
            leave,
            job_title: staff.job_title,
            credentials: credentials::summary_for(
                staff.role,
                &types,
                held.get(&staff.id).map_or(&[][..], Vec::as_slice),
                today,
            ),
            due: trainings::summarize(due.get(&staff.id).map_or(&[][..], Vec::as_slice)),
            skills: person_skills,
            first_name: staff.first_name,
            last_name: staff.last_name,
            employee_no: staff.employee_no,
            role: staff.role,
            employment_type: staff.employment_type,
            fte_hundredths: staff.fte_hundredths,
            hire_date: staff.hire_date,
            termination_date: staff.termination_date,
        });
    }
    rows.sort_by(|a, b| {
        let primary = compare(a, b, query.sort);
        let primary = if query.descending {
            primary.reverse()
        } else {
            primary
        };
        // Ties fall back to name, so the order never shuffles between refreshes.
        primary.then_with(|| compare(a, b, StaffSort::Name))
    });
    Ok(rows)
}

fn matches(staff: &Staff, skills: &[String], needle: &Needle) -> bool {
    let haystacks = [
        format!("{} {}", staff.first_name, staff.last_name),
        format!("{}, {}", staff.last_name, staff.first_name),
        // Family name first, as many write Vietnamese, Chinese or Hungarian names.
        format!("{} {}", staff.last_name, staff.first_name),
        staff.employee_no.clone(),
        staff.job_code.clone(),
        staff.job_title.clone(),
    ];
    haystacks.iter().chain(skills).any(|h| needle.found_in(h))
}

fn compare(a: &StaffRow, b: &StaffRow, sort: StaffSort) -> Ordering {
    let name = |r: &StaffRow| {
        (
            r.last_name.to_lowercase(),
            r.first_name.to_lowercase(),
            r.id,
        )
    };
    match sort {
        StaffSort::Name => name(a).cmp(&name(b)),
        StaffSort::EmployeeNo => a.employee_no.cmp(&b.employee_no),
        StaffSort::Role => a.role.cmp(&b.role),
        StaffSort::EmploymentType => a.employment_type.cmp(&b.employment_type),
        StaffSort::Fte => a.fte_hundredths.cmp(&b.fte_hundredths),
        StaffSort::HireDate => a.hire_date.cmp(&b.hire_date),
        StaffSort::Credentials => {
            credential_rank(&a.credentials).cmp(&credential_rank(&b.credentials))
        }
        StaffSort::Due => (-a.due.overdue, -a.due.due_soon).cmp(&(-b.due.overdue, -b.due.due_soon)),
    }
}

/// Worst first, then the soonest expiry.
fn credential_rank(s: &CredentialSummary) -> (CredentialStatus, String) {
    (
        s.status,
        s.next_expiry.clone().unwrap_or_else(|| "9999".into()),
    )
}

fn skills_by_staff(conn: &Connection) -> AppResult<HashMap<i64, Vec<Skill>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT staff_skill.staff_id, skill.id, skill.name FROM staff_skill
         JOIN skill ON skill.id = staff_skill.skill_id ORDER BY skill.name",
    )?;
    let mut map: HashMap<i64, Vec<Skill>> = HashMap::new();
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Skill {
                id: r.get(1)?,
                name: r.get(2)?,
            },
        ))
    })? {
        let (staff_id, skill) = row?;
        map.entry(staff_id).or_default().push(skill);
    }
    Ok(map)
}
