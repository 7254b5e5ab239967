//! Shift types: the codes the grid shows (D, N, E…), when they start, how
//! long they last and what they pay on top.

use super::parse::{self, DifferentialKind};
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::input;
use crate::schedule::ShiftType;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Deserialize;
use ts_rs::TS;

/// The shift type form as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ShiftTypeInput {
    pub code: String,
    pub name: String,
    /// "07:00".
    pub start: String,
    /// "12", "8.5", "7:30".
    pub length_hours: String,
    pub unpaid_break_minutes: String,
    pub evening: bool,
    pub night: bool,
    pub differential_kind: Option<DifferentialKind>,
    /// "10" for 10 %, "2.50" for $2.50 an hour.
    pub differential_value: String,
}

const COLUMNS: &str = "id, code, name, start, length_minutes, unpaid_break_minutes, evening, night,
    differential_kind, differential_value";

fn from_row(r: &Row) -> rusqlite::Result<ShiftType> {
    let start: String = r.get(3)?;
    Ok(ShiftType {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        start: parse::time_of_day(&start).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, e.into())
        })?,
        length_minutes: r.get(4)?,
        unpaid_break_minutes: r.get(5)?,
        evening: r.get(6)?,
        night: r.get(7)?,
        differential: parse::differential_from_columns(r.get(8)?, r.get(9)?),
    })
}

/// Every shift type, by start time then code.
pub fn list(conn: &Connection) -> AppResult<Vec<ShiftType>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM shift_type ORDER BY start, length_minutes DESC, code"
    ))?;
    let types = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
    Ok(types)
}

pub fn get(conn: &Connection, id: i64) -> AppResult<ShiftType> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM shift_type WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| AppError::not_found("That shift type"))
}

/// Checks the form and reports every problem at once.
pub fn validate(form: &ShiftTypeInput) -> AppResult<ShiftType> {
    let mut v = Validator::new();
    let code = form.code.trim().to_string();
    v.check(
        !code.is_empty(),
        "code",
        "Enter a code of 1 to 4 letters or digits, e.g. D or N12.",
    );
    v.check(
        code.chars().count() <= 4 && code.chars().all(|c| c.is_ascii_alphanumeric()),
        "code",
        "The code is 1 to 4 letters or digits, e.g. D or N12.",
    );
    let name = v.take("name", input::required_text(&form.name, 40, "shift name"));
    let start = v.take("start", parse::time_of_day(&form.start));
    let length = v.take(
        "length_hours",
        parse::hours(&form.length_hours, 1, 16, "shift length"),
    );
    let unpaid = v.take(
        "unpaid_break_minutes",
        if form.unpaid_break_minutes.trim().is_empty() {
            Ok(0)
        } else {
            input::whole_number(&form.unpaid_break_minutes, 0, 120, "unpaid break")
        },
    );
    if let (Some(length), Some(unpaid)) = (length, unpaid) {
        v.check(
            unpaid < length,
            "unpaid_break_minutes",
            "The unpaid break must be shorter than the shift.",
        );
    }
    let differential = v.take(
        "differential_value",
        parse::differential(form.differential_kind, &form.differential_value),
    );
    v.finish()?;
    Ok(ShiftType {
        id: 0,
        code,
        name: name.unwrap_or_default(),
        start: start.unwrap_or_default(),
        length_minutes: length.unwrap_or_default(),
        unpaid_break_minutes: unpaid.unwrap_or_default(),
        evening: form.evening,
        night: form.night,
        differential: differential.unwrap_or_default(),
    })
}

/// Adds a shift type (`id` None) or changes one.
pub fn save(conn: &mut Connection, id: Option<i64>, form: &ShiftTypeInput) -> AppResult<ShiftType> {
    let mut shift = validate(form)?;
    let tx = conn.transaction()?;
    let clash: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, name FROM shift_type WHERE code = ?1 COLLATE NOCASE",
            [&shift.code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((_, name)) = clash.filter(|(other, _)| Some(*other) != id) {
        return Err(AppError::field(
            "code",
            format!("The code {} is already used by {name}.", shift.code),
        ));
    }
    let (kind, value) = parse::differential_columns(shift.differential);
    let start = parse::format_time(shift.start);
    shift.id = match id {
        Some(id) => {
            let changed = tx.execute(
                "UPDATE shift_type SET code = ?1, name = ?2, start = ?3, length_minutes = ?4,
                     unpaid_break_minutes = ?5, evening = ?6, night = ?7, differential_kind = ?8,
                     differential_value = ?9 WHERE id = ?10",
                params![
                    shift.code,
                    shift.name,
                    start,
                    shift.length_minutes,
                    shift.unpaid_break_minutes,
                    shift.evening,
                    shift.night,
                    kind,
                    value,
                    id
                ],
            )?;
            if changed == 0 {
                return Err(AppError::not_found("That shift type"));
            }
            id
        }
        None => {
            tx.execute(
                "INSERT INTO shift_type (code, name, start, length_minutes, unpaid_break_minutes,
                     evening, night, differential_kind, differential_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    shift.code,
                    shift.name,
                    start,
                    shift.length_minutes,
                    shift.unpaid_break_minutes,
                    shift.evening,
                    shift.night,
                    kind,
                    value
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    tx.commit()?;
    Ok(shift)
}

/// Removes a shift type no assignment uses, with its coverage lines.
pub fn delete(conn: &mut Connection, id: i64) -> AppResult<()> {
    let shift = get(conn, id)?;
    let (uses, periods): (i64, i64) = conn.query_row(
        "SELECT COUNT(*), COUNT(DISTINCT period_id) FROM assignment WHERE shift_type_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if uses > 0 {
        return Err(AppError::new(
            ErrorCode::Conflict,
            format!(
                "{} ({}) is used by {uses} assignment{} in {periods} period{}; clear or change them first.",
                shift.name,
                shift.code,
                if uses == 1 { "" } else { "s" },
                if periods == 1 { "" } else { "s" },
            ),
        ));
    }
    let requests: i64 = conn.query_row(
        "SELECT COUNT(*) FROM staff_request WHERE shift_type_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if requests > 0 {
        return Err(AppError::new(
            ErrorCode::Conflict,
            format!(
                "{} ({}) is asked for in {requests} staff request{}; change or remove them first.",
                shift.name,
                shift.code,
                if requests == 1 { "" } else { "s" },
            ),
        ));
    }
    conn.execute("DELETE FROM shift_type WHERE id = ?1", [id])?;
    Ok(())
}

/// The shift type a grid cell's typed code names, ignoring case.
pub fn by_code(conn: &Connection, code: &str) -> AppResult<ShiftType> {
    let code = code.trim();
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM shift_type WHERE code = ?1 COLLATE NOCASE"),
            [code],
            from_row,
        )
        .optional()?;
    found.ok_or_else(|| {
        let codes: Vec<String> = list(conn)
            .map(|l| l.into_iter().map(|s| s.code).collect())
            .unwrap_or_default();
        AppError::field(
            "shift_code",
            if codes.is_empty() {
                format!("No shift type has the code {code}; add shift types in Settings first.")
            } else {
                format!(
                    "No shift type has the code {code}. Codes: {}.",
                    codes.join(", ")
                )
            },
        )
    })
}
