//! Time-off requests: asked for, then approved or denied. Approved time off
//! blocks new assignments on its days and counts toward paid hours when it
//! is paid (see the domain's `time_off` rule and `cost`).

use crate::error::{AppError, AppResult, Validator};
use crate::input;
use crate::schedule::{TimeOff, TimeOffKind, TimeOffStatus};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A request can span at most this many days; longer leave is split.
pub const MAX_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TimeOffRequest {
    pub id: i64,
    pub staff_id: i64,
    /// "Lopez, Maria".
    pub name: String,
    pub from: String,
    /// Inclusive.
    pub to: String,
    pub kind: TimeOffKind,
    pub status: TimeOffStatus,
    pub paid: bool,
    pub note: String,
    /// Calendar days, both ends included.
    pub days: i64,
}

/// The time-off form as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct TimeOffInput {
    pub staff_id: Option<i64>,
    pub from: String,
    pub to: String,
    pub kind: Option<TimeOffKind>,
    pub paid: bool,
    pub note: String,
}

const SELECT: &str = "SELECT t.id, t.staff_id, s.last_name || ', ' || s.first_name, t.from_date,
    t.to_date, t.kind, t.status, t.paid, t.note
    FROM time_off t JOIN staff s ON s.id = t.staff_id";

fn from_row(r: &Row) -> rusqlite::Result<TimeOffRequest> {
    let from: String = r.get(3)?;
    let to: String = r.get(4)?;
    let days = match (input::date(&from), input::date(&to)) {
        (Ok(f), Ok(t)) => (t - f).num_days() + 1,
        _ => 0,
    };
    Ok(TimeOffRequest {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        name: r.get(2)?,
        from,
        to,
        kind: r.get(5)?,
        status: r.get(6)?,
        paid: r.get(7)?,
        note: r.get(8)?,
        days,
    })
}

/// Requests with this status (all when none), soonest first.
pub fn list(conn: &Connection, status: Option<TimeOffStatus>) -> AppResult<Vec<TimeOffRequest>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE ?1 IS NULL OR t.status = ?1 ORDER BY t.from_date, s.last_name, s.first_name, t.id"
    ))?;
    let list = stmt
        .query_map([status], from_row)?
        .collect::<Result<_, _>>()?;
    Ok(list)
}

pub fn get(conn: &Connection, id: i64) -> AppResult<TimeOffRequest> {
    conn.query_row(&format!("{SELECT} WHERE t.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| AppError::not_found("That time-off request"))
}

/// Requested or approved time off overlapping `from..=to`, for the rules,
/// less the days whose shift the manager kept when approving it (while the
/// shift is still there): a request with such a day in its middle comes as
/// the runs of days around it.
pub fn overlapping(conn: &Connection, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<TimeOff>> {
    let kept = kept_days(conn, from, to)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, staff_id, from_date, to_date, kind, status, paid FROM time_off
         WHERE status <> 'denied' AND to_date >= ?1 AND from_date <= ?2",
    )?;
    let rows = stmt.query_map(
        params![input::format_date(from), input::format_date(to)],
        |r| {
            let f: String = r.get(2)?;
            let t: String = r.get(3)?;
            Ok((
                r.get::<_, i64>(0)?,
                TimeOff {
                    staff_id: r.get(1)?,
                    from: input::date(&f).unwrap_or_default(),
                    to: input::date(&t).unwrap_or_default(),
                    kind: r.get(4)?,
                    status: r.get(5)?,
                    paid: r.get(6)?,
                },
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (id, off) = row?;
        match kept.get(&id) {
            Some(days) => out.extend(without_days(off, days)),
            None => out.push(off),
        }
    }
    Ok(out)
}

/// The days of approved time off whose shift the manager kept, by request,
/// where the shift is still on the schedule.
fn kept_days(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<std::collections::HashMap<i64, Vec<NaiveDate>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.time_off_id, r.date FROM time_off_shift r
         JOIN time_off t ON t.id = r.time_off_id
         WHERE r.kept = 1 AND t.status = 'approved' AND r.date BETWEEN ?1 AND ?2
           AND EXISTS (SELECT 1 FROM assignment a WHERE a.staff_id = t.staff_id AND a.date = r.date)",
    )?;
    let rows = stmt.query_map(
        params![input::format_date(from), input::format_date(to)],
        |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
    )?;
    let mut out: std::collections::HashMap<i64, Vec<NaiveDate>> = Default::default();
    for row in rows {
        let (id, day) = row?;
        if let Ok(day) = input::date(&day) {
            out.entry(id).or_default().push(day);
        }
    }
    Ok(out)
}

/// `off` less the days in `gone`, as the runs of days left.
pub(crate) fn without_days(off: TimeOff, gone: &[NaiveDate]) -> Vec<TimeOff> {
    let mut out = Vec::new();
    let mut run: Option<(NaiveDate, NaiveDate)> = None;
    for day in off.from.iter_days().take_while(|d| *d <= off.to) {
        if gone.contains(&day) {
            if let Some((f, t)) = run.take() {
                out.push(TimeOff {
                    from: f,
                    to: t,
                    ..off.clone()
                });
            }
        } else {
            run = Some((run.map_or(day, |(f, _)| f), day));
        }
    }
    if let Some((f, t)) = run {
        out.push(TimeOff {
            from: f,
            to: t,
            ..off
        });
    }
    out
}

/// The paid minutes of the scheduled shifts that approved, paid time off
/// replaced (`time_off_shift`), by person and day, for days in `from..=to`
/// that the time off still covers.
pub fn replaced_shifts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<std::collections::HashMap<(i64, NaiveDate), i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.staff_id, r.date, r.minutes FROM time_off_shift r
         JOIN time_off t ON t.id = r.time_off_id
         WHERE r.kept = 0 AND t.status = 'approved' AND t.paid = 1
           AND r.date BETWEEN t.from_date AND t.to_date
           AND r.date BETWEEN ?1 AND ?2",
    )?;
    let rows = stmt.query_map(
        params![input::format_date(from), input::format_date(to)],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        },
    )?;
    let mut out = std::collections::HashMap::new();
    for row in rows {
        let (staff_id, day, minutes) = row?;
        if let Ok(day) = input::date(&day) {
            out.insert((staff_id, day), minutes);
        }
    }
    Ok(out)
}

/// Records what became of the shift of paid `minutes` on `day` of time off
/// `time_off_id` when it was approved: replaced (`kept` false: the caller
/// takes the shift off the schedule in the same transaction, and the day
/// pays its minutes) or kept (the person works that day and the time off
/// does not cover it).
pub fn record_shift(
    tx: &Connection,
    time_off_id: i64,
    day: NaiveDate,
    minutes: i64,
    kept: bool,
) -> AppResult<()> {
    tx.execute(
        "INSERT OR REPLACE INTO time_off_shift (time_off_id, date, minutes, kept)
         VALUES (?1, ?2, ?3, ?4)",
        params![time_off_id, input::format_date(day), minutes, kept],
    )?;
    Ok(())
}

/// Records one day of approved time off that replaces the person's
/// scheduled shift, whose paid minutes it keeps (`record_shift`), on
/// the caller's transaction. Returns the new request's id.
#[allow(clippy::too_many_arguments)]
pub fn record_for_shift(
    tx: &Connection,
    staff_id: i64,
    day: NaiveDate,
    kind: TimeOffKind,
    paid: bool,
    shift_minutes: i64,
    note: &str,
    now: &str,
) -> AppResult<i64> {
    tx.execute(
        "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note, decided_at)
         VALUES (?1, ?2, ?2, ?3, 'approved', ?4, ?5, ?6)",
        params![staff_id, input::format_date(day), kind, paid, note, now],
    )?;
    let id = tx.last_insert_rowid();
    record_shift(tx, id, day, shift_minutes, false)?;
    Ok(id)
}

/// Agency and per diem staff are not paid by the hospital for time off:
/// paid time off for them is refused beside the Paid box.
pub fn refuse_paid(employment: crate::staff::EmploymentType) -> AppResult<()> {
    use crate::staff::EmploymentType::{Agency, PerDiem};
    if matches!(employment, Agency | PerDiem) {
        return Err(AppError::field(
            "paid",
            format!(
                "{} staff are not paid by the hospital for time off: untick Paid to record it unpaid.",
                employment.label()
            ),
        ));
    }
    Ok(())
}

/// Records a request (`id` None) or corrects one; its status is kept.
pub fn save(
    conn: &mut Connection,
    id: Option<i64>,
    form: &TimeOffInput,
) -> AppResult<TimeOffRequest> {
    let mut v = Validator::new();
    if form.staff_id.is_none() {
        v.fail("staff_id", "Choose who the time off is for.");
    }
    let from = v.take("from", input::date(&form.from));
    let to = v.take("to", input::date(&form.to));
    if let (Some(from), Some(to)) = (from, to) {
        v.check(
            to >= from,
            "to",
            "The last day cannot be before the first day.",
        );
        v.check(
            (to - from).num_days() < MAX_DAYS,
            "to",
            format!("A request covers at most {MAX_DAYS} days; split longer leave."),
        );
    }
    if form.kind.is_none() {
        v.fail("kind", "Choose the kind of time off.");
    }
    let note = v.take("note", input::multiline_text(&form.note, 1000, "note"));
    v.finish()?;
    let staff_id = form.staff_id.unwrap_or_default();
    let tx = conn.transaction()?;
    let person = crate::staff::get(&tx, staff_id).map_err(|_| {
        AppError::field(
            "staff_id",
            "That person is no longer on the roster; choose again.",
        )
    })?;
    if form.paid {
        refuse_paid(person.employment_type)?;
    }
    let values = (
        staff_id,
        from.map(input::format_date),
        to.map(input::format_date),
        form.kind,
        form.paid,
        note.unwrap_or_default(),
    );
    let id = match id {
        Some(id) => {
            let changed = tx.execute(
                "UPDATE time_off SET staff_id = ?1, from_date = ?2, to_date = ?3, kind = ?4,
                     paid = ?5, note = ?6 WHERE id = ?7",
                params![values.0, values.1, values.2, values.3, values.4, values.5, id],
            )?;
            if changed == 0 {
                return Err(AppError::not_found("That time-off request"));
            }
            id
        }
        None => {
            tx.execute(
                "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note)
                 VALUES (?1, ?2, ?3, ?4, 'requested', ?5, ?6)",
                params![values.0, values.1, values.2, values.3, values.4, values.5],
            )?;
            tx.last_insert_rowid()
        }
    };
    tx.commit()?;
    get(conn, id)
}

/// Approves or denies a request; `now` is when, as RFC 3339.
pub fn decide(conn: &Connection, id: i64, approve: bool, now: &str) -> AppResult<TimeOffRequest> {
    let status = if approve {
        TimeOffStatus::Approved
    } else {
        TimeOffStatus::Denied
    };
    let changed = conn.execute(
        "UPDATE time_off SET status = ?1, decided_at = ?2 WHERE id = ?3",
        params![status, now, id],
    )?;
    if changed == 0 {
        return Err(AppError::not_found("That time-off request"));
    }
    get(conn, id)
}

pub fn delete(conn: &Connection, id: i64) -> AppResult<()> {
    if conn.execute("DELETE FROM time_off WHERE id = ?1", [id])? == 0 {
        return Err(AppError::not_found("That time-off request"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::without_days;
    use crate::schedule::testing::day;
    use crate::schedule::{TimeOff, TimeOffKind, TimeOffStatus};

    fn off(from: &str, to: &str) -> TimeOff {
        TimeOff {
            staff_id: 1,
            from: day(from),
            to: day(to),
            kind: TimeOffKind::Pto,
            status: TimeOffStatus::Approved,
            paid: true,
        }
    }

    /// Days kept, and the runs of time off left.
    type Case = (
        &'static [&'static str],
        &'static [(&'static str, &'static str)],
    );

    #[test]
    fn a_kept_day_leaves_the_runs_around_it() {
        let cases: [Case; 5] = [
            (&[], &[("2026-12-14", "2026-12-18")]),
            (
                &["2026-12-16"],
                &[("2026-12-14", "2026-12-15"), ("2026-12-17", "2026-12-18")],
            ),
            (&["2026-12-14"], &[("2026-12-15", "2026-12-18")]),
            (
                &["2026-12-18", "2026-12-13"],
                &[("2026-12-14", "2026-12-17")],
            ),
            (
                &[
                    "2026-12-14",
                    "2026-12-15",
                    "2026-12-16",
                    "2026-12-17",
                    "2026-12-18",
                ],
                &[],
            ),
        ];
        for (gone, want) in cases {
            let gone: Vec<_> = gone.iter().map(|d| day(d)).collect();
            let got: Vec<_> = without_days(off("2026-12-14", "2026-12-18"), &gone)
                .into_iter()
                .map(|t| (t.from, t.to))
                .collect();
            let want: Vec<_> = want.iter().map(|(f, t)| (day(f), day(t))).collect();
            assert_eq!(got, want, "without {gone:?}");
        }
    }
}
