//! Reading and writing requests: one per person per day, so saving a
//! request for a day that has one changes it.

use super::validate::check;
use super::{StaffRequest, StaffRequestInput};
use crate::error::{AppError, AppResult};
use crate::input;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

const SELECT: &str =
    "SELECT id, staff_id, date, kind, shift_type_id, priority, note FROM staff_request";

fn from_row(r: &Row) -> rusqlite::Result<StaffRequest> {
    Ok(StaffRequest {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        date: r.get(2)?,
        kind: r.get(3)?,
        shift_type_id: r.get(4)?,
        priority: r.get(5)?,
        note: r.get(6)?,
    })
}

/// Every request on the days `from..=to`, by day then person.
pub fn for_dates(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<StaffRequest>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE date BETWEEN ?1 AND ?2 ORDER BY date, staff_id"
    ))?;
    let list = stmt
        .query_map(
            params![input::format_date(from), input::format_date(to)],
            from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(list)
}

pub fn get(conn: &Connection, staff_id: i64, date: &str) -> AppResult<Option<StaffRequest>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE staff_id = ?1 AND date = ?2"),
            params![staff_id, date],
            from_row,
        )
        .optional()?)
}

/// Adds the person's request for the day, or changes the one there.
pub fn save(conn: &Connection, form: &StaffRequestInput) -> AppResult<StaffRequest> {
    let r = check(conn, form)?;
    let date = input::format_date(r.date);
    conn.execute(
        "INSERT INTO staff_request (staff_id, date, kind, shift_type_id, priority, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (staff_id, date) DO UPDATE SET kind = excluded.kind,
             shift_type_id = excluded.shift_type_id, priority = excluded.priority,
             note = excluded.note",
        params![
            r.staff_id,
            date,
            r.kind,
            r.shift_type_id,
            r.priority,
            r.note
        ],
    )?;
    get(conn, r.staff_id, &date)?.ok_or_else(|| AppError::not_found("That request"))
}

/// Removes the person's request for the day; none there is not an error
/// (the grid may be a step behind).
pub fn delete(conn: &Connection, staff_id: i64, date: &str) -> AppResult<()> {
    let date = input::date(date).map_err(|m| AppError::field("date", m))?;
    conn.execute(
        "DELETE FROM staff_request WHERE staff_id = ?1 AND date = ?2",
        params![staff_id, input::format_date(date)],
    )?;
    Ok(())
}
