//! What people owe: credentials expired, missing or expiring within 90 days,
//! and trainings, competencies and evaluations overdue or due within 30
//! days — for everyone still employed today. Statuses come from
//! `credentials::lines_for` and `trainings::due_status`, as on a person's page.

use crate::credentials::{self, CredentialStatus};
use crate::error::AppResult;
use crate::input::format_date;
use crate::staff::Role;
use crate::trainings::{self, DueStatus, TrainingKind};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CredentialDue {
    pub staff_id: i64,
    /// "Lopez, Maria".
    pub name: String,
    pub role: Role,
    pub credential: String,
    pub expires_on: Option<String>,
    /// Negative once expired; none when missing.
    pub days_left: Option<i64>,
    pub status: CredentialStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CredentialsDue {
    pub expired: i64,
    pub missing: i64,
    /// Expiring in 0 to 30 days (today counts: valid through its expiry day).
    pub within_30: i64,
    /// In 31 to 60 days.
    pub within_60: i64,
    /// In 61 to 90 days.
    pub within_90: i64,
    /// Expired first (longest ago first), then missing, then soonest to expire.
    pub items: Vec<CredentialDue>,
    /// The people checked (everyone employed) and the credentials checked
    /// (every required one of theirs, current ones too): with none, "all
    /// current" would be a claim about nobody.
    pub staff_checked: i64,
    pub credentials_checked: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrainingDue {
    pub staff_id: i64,
    pub name: String,
    pub kind: TrainingKind,
    pub item: String,
    pub due_on: String,
    /// Negative when overdue.
    pub days_left: i64,
    pub status: DueStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrainingsDue {
    pub overdue: i64,
    /// Due today or within 30 days.
    pub due_soon: i64,
    /// Overdue first, then by due date.
    pub items: Vec<TrainingDue>,
    /// The people checked and their evaluations, competencies and trainings
    /// on record (whatever their status).
    pub staff_checked: i64,
    pub trainings_checked: i64,
}

struct Person {
    id: i64,
    name: String,
    role: Role,
}

/// Everyone not yet past their last day.
fn employed(conn: &Connection, today: NaiveDate) -> AppResult<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, last_name || ', ' || first_name, role FROM staff
         WHERE termination_date IS NULL OR termination_date >= ?1
         ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([format_date(today)], |r| {
        Ok(Person {
            id: r.get(0)?,
            name: r.get(1)?,
            role: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn credentials(conn: &Connection, today: NaiveDate) -> AppResult<CredentialsDue> {
    let types = credentials::list_types(conn)?;
    let held = credentials::held_by_staff(conn)?;
    let mut items = Vec::new();
    let people = employed(conn, today)?;
    let mut checked = 0;
    for p in &people {
        let mine = held.get(&p.id).map_or(&[][..], Vec::as_slice);
        for line in credentials::lines_for(p.role, &types, mine, today) {
            checked += 1;
            if line.status == CredentialStatus::Compliant {
                continue;
            }
            items.push(CredentialDue {
                staff_id: p.id,
                name: p.name.clone(),
                role: p.role,
                credential: line.type_name,
                expires_on: line.credential.and_then(|c| c.expires_on),
                days_left: line.days_left,
                status: line.status,
            });
        }
    }
    items.sort_by(|a, b| (a.status, a.days_left, &a.name).cmp(&(b.status, b.days_left, &b.name)));
    let expiring_in = |lo: i64, hi: i64| {
        items
            .iter()
            .filter(|c| c.status == CredentialStatus::Expiring)
            .filter(|c| c.days_left.is_some_and(|d| (lo..=hi).contains(&d)))
            .count() as i64
    };
    let count = |s: CredentialStatus| items.iter().filter(|c| c.status == s).count() as i64;
    Ok(CredentialsDue {
        expired: count(CredentialStatus::Expired),
        missing: count(CredentialStatus::Missing),
        within_30: expiring_in(0, 30),
        within_60: expiring_in(31, 60),
        within_90: expiring_in(61, 90),
        items,
        staff_checked: people.len() as i64,
        credentials_checked: checked,
    })
}

pub fn trainings(conn: &Connection, today: NaiveDate) -> AppResult<TrainingsDue> {
    let mut by_staff = trainings::by_staff(conn, today)?;
    let mut items = Vec::new();
    let people = employed(conn, today)?;
    let mut checked = 0;
    for p in &people {
        for t in by_staff.remove(&p.id).unwrap_or_default() {
            checked += 1;
            if !matches!(t.status, DueStatus::Overdue | DueStatus::DueSoon) {
                continue;
            }
            let due = crate::input::date(&t.due_on).unwrap_or(today);
            items.push(TrainingDue {
                staff_id: p.id,
                name: p.name.clone(),
                kind: t.kind,
                item: t.name,
                due_on: t.due_on,
                days_left: (due - today).num_days(),
                status: t.status,
            });
        }
    }
    items.sort_by(|a, b| (a.days_left, &a.name).cmp(&(b.days_left, &b.name)));
    let count = |s: DueStatus| items.iter().filter(|t| t.status == s).count() as i64;
    Ok(TrainingsDue {
        overdue: count(DueStatus::Overdue),
        due_soon: count(DueStatus::DueSoon),
        items,
        staff_checked: people.len() as i64,
        trainings_checked: checked,
    })
}
