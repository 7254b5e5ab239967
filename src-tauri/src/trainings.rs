//! Trainings, annual competencies and performance evaluations: each due on a
//! date, done when completed, and overdue or due soon until then.

use crate::error::{AppError, AppResult, Validator};
use crate::input;
use crate::text_enum::text_enum;
use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Items due within this many days are flagged as due soon.
pub const DUE_SOON_DAYS: i64 = 30;

text_enum! {
    pub enum TrainingKind {
        Training = ("training", "Training"),
        Competency = ("competency", "Annual competency"),
        Evaluation = ("evaluation", "Performance evaluation"),
    }
}

text_enum! {
    /// Ordered from most to least urgent.
    pub enum DueStatus {
        Overdue = ("overdue", "Overdue"),
        DueSoon = ("due_soon", "Due within 30 days"),
        Upcoming = ("upcoming", "Upcoming"),
        Done = ("done", "Completed"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Training {
    pub id: i64,
    pub staff_id: i64,
    pub kind: TrainingKind,
    pub name: String,
    pub due_on: String,
    pub completed_on: Option<String>,
    /// 1 to 5, for evaluations only.
    pub rating: Option<i64>,
    pub status: DueStatus,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct TrainingInput {
    pub kind: Option<TrainingKind>,
    pub name: String,
    pub due_on: String,
    pub completed_on: String,
    pub rating: String,
}

/// What is owed by one person, at a glance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DueSummary {
    pub overdue: i64,
    pub due_soon: i64,
    /// The earliest due date among items not yet completed.
    pub next_due: Option<String>,
}

pub fn due_status(due_on: NaiveDate, completed: bool, today: NaiveDate) -> DueStatus {
    if completed {
        DueStatus::Done
    } else if due_on < today {
        DueStatus::Overdue
    } else if (due_on - today).num_days() <= DUE_SOON_DAYS {
        DueStatus::DueSoon
    } else {
        DueStatus::Upcoming
    }
}

pub fn summarize(items: &[Training]) -> DueSummary {
    DueSummary {
        overdue: items
            .iter()
            .filter(|t| t.status == DueStatus::Overdue)
            .count() as i64,
        due_soon: items
            .iter()
            .filter(|t| t.status == DueStatus::DueSoon)
            .count() as i64,
        next_due: items
            .iter()
            .filter(|t| t.status != DueStatus::Done)
            .map(|t| t.due_on.clone())
            .min(),
    }
}

fn from_row(r: &Row, today: NaiveDate) -> rusqlite::Result<Training> {
    let due_on: String = r.get(4)?;
    let completed_on: Option<String> = r.get(5)?;
    let due = input::date(&due_on).unwrap_or(today);
    Ok(Training {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        kind: r.get(2)?,
        name: r.get(3)?,
        status: due_status(due, completed_on.is_some(), today),
        due_on,
        completed_on,
        rating: r.get(6)?,
    })
}

const COLUMNS: &str = "id, staff_id, kind, name, due_on, completed_on, rating";

pub fn for_staff(conn: &Connection, staff_id: i64, today: NaiveDate) -> AppResult<Vec<Training>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM training WHERE staff_id = ?1 ORDER BY completed_on IS NOT NULL, due_on, name"
    ))?;
    let items = stmt
        .query_map([staff_id], |r| from_row(r, today))?
        .collect::<Result<_, _>>()?;
    Ok(items)
}

/// Every item, grouped by person, for the roster.
pub fn by_staff(conn: &Connection, today: NaiveDate) -> AppResult<HashMap<i64, Vec<Training>>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM training"))?;
    let mut map: HashMap<i64, Vec<Training>> = HashMap::new();
    for t in stmt.query_map([], |r| from_row(r, today))? {
        let t = t?;
        map.entry(t.staff_id).or_default().push(t);
    }
    Ok(map)
}

/// Adds an item (`id` None) or updates one.
pub fn save(
    conn: &Connection,
    staff_id: i64,
    id: Option<i64>,
    form: &TrainingInput,
    today: NaiveDate,
) -> AppResult<Training> {
    crate::staff::get(conn, staff_id)?;
    let mut v = Validator::new();
    if form.kind.is_none() {
        v.fail("kind", "Choose training, competency or evaluation.");
    }
    let name = v.take("name", input::required_text(&form.name, 120, "name"));
    let due = v.take("due_on", input::date(&form.due_on));
    let completed = v
        .take("completed_on", input::optional_date(&form.completed_on))
        .flatten();
    if let Some(done) = completed {
        v.check(
            done <= today,
            "completed_on",
            "The completion date cannot be in the future.",
        );
    }
    let rating = if form.rating.trim().is_empty() {
        None
    } else if form.kind == Some(TrainingKind::Evaluation) {
        v.take("rating", input::whole_number(&form.rating, 1, 5, "rating"))
    } else {
        v.fail("rating", "Only performance evaluations have a rating.");
        None
    };
    v.finish()?;
    let values = (
        form.kind.unwrap_or(TrainingKind::Training),
        name.unwrap_or_default(),
        due.map(input::format_date),
        completed.map(input::format_date),
        rating,
    );
    let id = match id {
        Some(id) => {
            let changed = conn.execute(
                "UPDATE training SET kind = ?1, name = ?2, due_on = ?3, completed_on = ?4, rating = ?5
                 WHERE id = ?6 AND staff_id = ?7",
                params![values.0, values.1, values.2, values.3, values.4, id, staff_id],
            )?;
            if changed == 0 {
                return Err(AppError::not_found("That training record"));
            }
            id
        }
        None => {
            conn.execute(
                "INSERT INTO training (kind, name, due_on, completed_on, rating, staff_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![values.0, values.1, values.2, values.3, values.4, staff_id],
            )?;
            conn.last_insert_rowid()
        }
    };
    Ok(conn.query_row(
        &format!("SELECT {COLUMNS} FROM training WHERE id = ?1"),
        [id],
        |r| from_row(r, today),
    )?)
}

pub fn delete(conn: &Connection, staff_id: i64, id: i64) -> AppResult<()> {
    if conn.execute(
        "DELETE FROM training WHERE id = ?1 AND staff_id = ?2",
        [id, staff_id],
    )? == 0
    {
        return Err(AppError::not_found("That training record"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        input::date(s).unwrap()
    }

    #[test]
    fn due_status_boundaries() {
        let today = day("2026-11-27");
        let cases = [
            ("2026-11-26", false, DueStatus::Overdue, "due yesterday"),
            (
                "2026-11-27",
                false,
                DueStatus::DueSoon,
                "due today is not yet overdue",
            ),
            (
                "2026-12-27",
                false,
                DueStatus::DueSoon,
                "30 days out is due soon",
            ),
            (
                "2026-12-28",
                false,
                DueStatus::Upcoming,
                "31 days out is upcoming",
            ),
            (
                "2020-01-01",
                true,
                DueStatus::Done,
                "completed is done however old",
            ),
        ];
        for (due, done, expected, why) in cases {
            assert_eq!(due_status(day(due), done, today), expected, "{why}");
        }
    }

    #[test]
    fn only_evaluations_take_a_rating_of_one_to_five() {
        let conn = crate::store::open_in_memory().unwrap();
        let today = day("2026-11-27");
        let id = crate::sample::tests_support::one_staff(&conn);
        let eval = TrainingInput {
            kind: Some(TrainingKind::Evaluation),
            name: "Annual review".into(),
            due_on: "2026-12-01".into(),
            rating: "5".into(),
            ..Default::default()
        };
        assert_eq!(save(&conn, id, None, &eval, today).unwrap().rating, Some(5));
        let too_high = TrainingInput {
            rating: "6".into(),
            ..eval.clone()
        };
        assert!(save(&conn, id, None, &too_high, today)
            .unwrap_err()
            .message_for("rating")
            .unwrap()
            .contains("between 1 and 5"));
        let training = TrainingInput {
            kind: Some(TrainingKind::Training),
            ..eval
        };
        assert_eq!(
            save(&conn, id, None, &training, today)
                .unwrap_err()
                .message_for("rating"),
            Some("Only performance evaluations have a rating.")
        );
    }

    #[test]
    fn completion_cannot_be_in_the_future() {
        let conn = crate::store::open_in_memory().unwrap();
        let id = crate::sample::tests_support::one_staff(&conn);
        let form = TrainingInput {
            kind: Some(TrainingKind::Competency),
            name: "Restraints".into(),
            due_on: "2026-12-01".into(),
            completed_on: "2026-11-28".into(),
            ..Default::default()
        };
        let err = save(&conn, id, None, &form, day("2026-11-27")).unwrap_err();
        assert_eq!(
            err.message_for("completed_on"),
            Some("The completion date cannot be in the future.")
        );
    }
}
