//! The rules a request must keep before it is saved: the form's fields, the
//! person employed that day, the shift type there, the day inside a
//! schedule period, and the cap on strong requests in that period.

use super::{day_words, rules, RequestKind, RequestPriority, StaffRequestInput};
use crate::error::{AppError, AppResult, Validator};
use crate::input;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

/// A request as it will be stored.
pub(super) struct Checked {
    pub staff_id: i64,
    pub date: NaiveDate,
    pub kind: RequestKind,
    pub shift_type_id: Option<i64>,
    pub priority: RequestPriority,
    pub note: String,
}

pub(super) fn check(conn: &Connection, form: &StaffRequestInput) -> AppResult<Checked> {
    let mut v = Validator::new();
    let date = v.take("date", input::date(&form.date));
    if form.kind.is_none() {
        v.fail(
            "kind",
            "Choose whether the request is to work or to be off.",
        );
    }
    if form.priority.is_none() {
        v.fail(
            "priority",
            "Choose how much it matters: must, strong or nice to have.",
        );
    }
    v.check(
        !(form.kind == Some(RequestKind::Off) && form.shift_type_id.is_some()),
        "shift_type_id",
        "A day-off request is for the whole day; leave the shift empty.",
    );
    let note = v.take("note", input::multiline_text(&form.note, 500, "note"));
    v.finish()?;
    let (date, kind, priority) = match (date, form.kind, form.priority) {
        (Some(d), Some(k), Some(p)) => (d, k, p),
        _ => unreachable!("refused above"),
    };
    let name = employed(conn, form.staff_id, date)?;
    if let Some(id) = form.shift_type_id {
        let exists: Option<i64> = conn
            .query_row("SELECT id FROM shift_type WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_none() {
            return Err(AppError::field(
                "shift_type_id",
                "That shift type no longer exists; choose another shift or any shift.",
            ));
        }
    }
    if matches!(priority, RequestPriority::Must | RequestPriority::Strong) {
        within_cap(conn, form.staff_id, &name, date)?;
    }
    Ok(Checked {
        staff_id: form.staff_id,
        date,
        kind,
        shift_type_id: form.shift_type_id,
        priority,
        note: note.unwrap_or_default(),
    })
}

/// The person's name, if they are on the roster and employed on `date`.
fn employed(conn: &Connection, staff_id: i64, date: NaiveDate) -> AppResult<String> {
    let person: Option<(String, String, Option<String>)> = conn
        .query_row(
            "SELECT first_name || ' ' || last_name, hire_date, termination_date FROM staff WHERE id = ?1",
            [staff_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((name, hired, last)) = person else {
        return Err(AppError::field(
            "staff_id",
            "That person is no longer on the roster.",
        ));
    };
    let day = input::format_date(date);
    if day < hired {
        return Err(AppError::field(
            "date",
            format!(
                "{name} starts on {}; a request can be for a day from then on.",
                input::date(&hired).map_or(hired.clone(), day_words)
            ),
        ));
    }
    // As everywhere: the termination date is the last day employed.
    if let Some(last) = last.filter(|l| *l < day) {
        return Err(AppError::field(
            "date",
            format!(
                "{name}'s last day is {}; a request can be for that day or before.",
                input::date(&last).map_or(last.clone(), day_words)
            ),
        ));
    }
    Ok(name)
}

/// Refuses a strong or must request beyond the department's cap for the
/// schedule period holding `date`; the request being changed (the same
/// person and day) does not count against itself.
fn within_cap(conn: &Connection, staff_id: i64, name: &str, date: NaiveDate) -> AppResult<()> {
    let day = input::format_date(date);
    let period: Option<(String, String)> = conn
        .query_row(
            "SELECT start_date, end_date FROM schedule_period WHERE start_date <= ?1 AND end_date >= ?1",
            [&day],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((start, end)) = period else {
        return Err(AppError::field(
            "date",
            format!(
                "No schedule period holds {}; add the period first, then its requests.",
                day_words(date)
            ),
        ));
    };
    let cap = rules::load(conn)?.strong_per_period;
    let others: i64 = conn.query_row(
        "SELECT COUNT(*) FROM staff_request WHERE staff_id = ?1 AND date BETWEEN ?2 AND ?3
         AND date <> ?4 AND priority IN ('must', 'strong')",
        params![staff_id, start, end, day],
        |r| r.get(0),
    )?;
    if others >= cap {
        let span = |d: &str| input::date(d).map_or(d.to_string(), day_words);
        return Err(AppError::field(
            "priority",
            format!(
                "{name} already has {others} strong or must request{} in the period {} to {}; \
                 the department allows {cap} per period. Make this one nice to have, or change another.",
                if others == 1 { "" } else { "s" },
                span(&start),
                span(&end),
            ),
        ));
    }
    Ok(())
}
