//! Punches in the department database. An import replaces the punches of
//! the days it covers, all or nothing, and says what changed.

use super::Punch;
use crate::error::AppResult;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// What an import did (or, in the preview, would do) to the days it covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PunchReplace {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// Punches that were there before and are gone.
    pub removed: i64,
    /// Punches the file added that were not there.
    pub added: i64,
    /// Punches the file holds exactly as they were.
    pub unchanged: i64,
    /// Punches corrected or typed in by hand on those days: kept as they are.
    pub kept_by_hand: i64,
    /// The file's punches for a person and day that has a punch corrected
    /// or typed in by hand: left out, so the correction stands.
    pub left_out: i64,
}

/// The same punch as far as pay goes: person, day, times and meal. A pay
/// code or cost centre the file does not give (no such column) is no change.
fn same(stored: &Punch, file: &Punch) -> bool {
    (
        stored.staff_id,
        stored.workday,
        stored.clock_in,
        stored.clock_out,
        stored.meal_minutes,
    ) == (
        file.staff_id,
        file.workday,
        file.clock_in,
        file.clock_out,
        file.meal_minutes,
    ) && (file.pay_code.is_none() || file.pay_code == stored.pay_code)
        && (file.cost_centre.is_none() || file.cost_centre == stored.cost_centre)
}

/// What replacing the stored punches of `from..=to` by the file's would do:
/// the counts, the file's punches to add and the stored ones to remove.
/// Punches corrected or typed in by hand stay, and the file's punches for
/// their person and day are left out.
pub fn plan<'a>(
    from: NaiveDate,
    to: NaiveDate,
    stored: &[PunchRecord],
    punches: &'a [Punch],
) -> (PunchReplace, Vec<&'a Punch>, Vec<i64>) {
    let by_hand: std::collections::HashSet<(i64, NaiveDate)> = stored
        .iter()
        .filter(|r| r.correction.is_some())
        .map(|r| (r.punch.staff_id, r.punch.workday))
        .collect();
    let mut kept: Vec<bool> = stored.iter().map(|r| r.correction.is_some()).collect();
    let mut r = PunchReplace {
        from,
        to,
        removed: 0,
        added: 0,
        unchanged: 0,
        kept_by_hand: kept.iter().filter(|k| **k).count() as i64,
        left_out: 0,
    };
    let mut add = Vec::new();
    for p in punches {
        if by_hand.contains(&(p.staff_id, p.workday)) {
            r.left_out += 1;
        } else if let Some(i) = (0..stored.len()).find(|&i| !kept[i] && same(&stored[i].punch, p)) {
            kept[i] = true;
            r.unchanged += 1;
        } else {
            add.push(p);
            r.added += 1;
        }
    }
    let remove: Vec<i64> = stored
        .iter()
        .zip(&kept)
        .filter(|(_, k)| !**k)
        .map(|(s, _)| s.id)
        .collect();
    r.removed = remove.len() as i64;
    (r, add, remove)
}

fn instant(t: Option<DateTime<Utc>>) -> Option<String> {
    t.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
}

fn parse(t: Option<String>) -> rusqlite::Result<Option<DateTime<Utc>>> {
    t.map(|s| {
        DateTime::parse_from_rfc3339(&s)
            .map(|d| d.to_utc())
            .map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
    })
    .transpose()
}

/// The punches with a workday in `from..=to`, by person and time.
pub fn load(conn: &Connection, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<Punch>> {
    let mut stmt = conn.prepare(
        "SELECT staff_id, workday, clock_in, clock_out, meal_minutes, pay_code, cost_centre, source_line
         FROM punch WHERE workday BETWEEN ?1 AND ?2
         ORDER BY staff_id, coalesce(clock_in, clock_out), id",
    )?;
    let rows = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(Punch {
                staff_id: r.get(0)?,
                workday: {
                    let d: String = r.get(1)?;
                    crate::input::date(&d).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            1,
                            rusqlite::types::Type::Text,
                            e.into(),
                        )
                    })?
                },
                clock_in: parse(r.get(2)?)?,
                clock_out: parse(r.get(3)?)?,
                meal_minutes: r.get(4)?,
                pay_code: r.get(5)?,
                cost_centre: r.get(6)?,
                line: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Replaces the punches of `from..=to` with `punches` in one transaction:
/// any failure and the stored punches are as they were. Punches that are
/// unchanged are left alone, so the history shows only what the new file
/// really changed, and those corrected or typed in by hand are kept
/// ([`plan`]).
pub fn replace(
    conn: &mut Connection,
    from: NaiveDate,
    to: NaiveDate,
    punches: &[Punch],
) -> AppResult<PunchReplace> {
    let tx = conn.transaction()?;
    let stored = records(&tx, from, to)?;
    let (counts, add, remove) = plan(from, to, &stored, punches);
    {
        let mut insert = tx.prepare(
            "INSERT INTO punch (staff_id, workday, clock_in, clock_out, meal_minutes, pay_code, cost_centre, source_line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for p in add {
            insert.execute(params![
                p.staff_id,
                p.workday.to_string(),
                instant(p.clock_in),
                instant(p.clock_out),
                p.meal_minutes,
                p.pay_code,
                p.cost_centre,
                p.line
            ])?;
        }
    }
    for id in remove {
        tx.execute("DELETE FROM punch WHERE id = ?1", [id])?;
    }
    tx.commit()?;
    Ok(counts)
}

/// A stored punch with its id and, when it was typed in or corrected by
/// hand, why and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PunchRecord {
    pub id: i64,
    pub punch: Punch,
    pub correction: Option<String>,
    pub corrected_at: Option<String>,
}

/// The punches of `from..=to` with their ids, in the order of [`load`].
pub fn records(conn: &Connection, from: NaiveDate, to: NaiveDate) -> AppResult<Vec<PunchRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, correction, corrected_at FROM punch WHERE workday BETWEEN ?1 AND ?2
         ORDER BY staff_id, coalesce(clock_in, clock_out), id",
    )?;
    let extra: Vec<(i64, Option<String>, Option<String>)> = stmt
        .query_map(params![from.to_string(), to.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(extra
        .into_iter()
        .zip(load(conn, from, to)?)
        .map(|((id, correction, corrected_at), punch)| PunchRecord {
            id,
            punch,
            correction,
            corrected_at,
        })
        .collect())
}

/// One punch by id.
pub fn record(conn: &Connection, id: i64) -> AppResult<PunchRecord> {
    let day: Option<String> = conn
        .query_row("SELECT workday FROM punch WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let day = day.ok_or_else(|| crate::error::AppError::not_found("That punch"))?;
    let day = crate::input::date(&day)
        .map_err(|e| crate::error::AppError::new(crate::error::ErrorCode::Storage, e))?;
    records(conn, day, day)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| crate::error::AppError::not_found("That punch"))
}

/// Writes a punch typed in (`id` None) or corrected by hand, with its reason.
pub fn write(
    conn: &Connection,
    id: Option<i64>,
    punch: &Punch,
    reason: &str,
    now: &str,
) -> AppResult<i64> {
    let (workday, clock_in, clock_out) = (
        punch.workday.to_string(),
        instant(punch.clock_in),
        instant(punch.clock_out),
    );
    // The same nine values, in the same order, for a correction and an addition.
    let values: [&dyn rusqlite::ToSql; 9] = [
        &punch.staff_id,
        &workday,
        &clock_in,
        &clock_out,
        &punch.meal_minutes,
        &punch.pay_code,
        &punch.cost_centre,
        &reason,
        &now,
    ];
    match id {
        Some(id) => {
            conn.execute(
                "UPDATE punch SET staff_id = ?1, workday = ?2, clock_in = ?3, clock_out = ?4,
                     meal_minutes = ?5, pay_code = ?6, cost_centre = ?7, correction = ?8, corrected_at = ?9
                 WHERE id = ?10",
                rusqlite::params_from_iter(values.iter().chain([&id as &dyn rusqlite::ToSql].iter())),
            )?;
            Ok(id)
        }
        None => {
            conn.execute(
                "INSERT INTO punch (staff_id, workday, clock_in, clock_out, meal_minutes, pay_code,
                     cost_centre, correction, corrected_at, source_line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)",
                &values[..],
            )?;
            Ok(conn.last_insert_rowid())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::time::instant as at_local;
    use chrono::NaiveDateTime;

    fn conn() -> Connection {
        let conn = crate::store::open_in_memory().unwrap();
        crate::records::NewStaff::new("Ann", "Lee", "E7")
            .id(7)
            .insert(&conn)
            .unwrap();
        conn
    }

    fn punch(staff_id: i64, from: &str, to: &str) -> Punch {
        let t = |s: &str| {
            at_local(
                chrono_tz::America::Chicago,
                NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap(),
            )
        };
        Punch {
            staff_id,
            workday: crate::input::date(&from[..10]).unwrap(),
            clock_in: Some(t(from)),
            clock_out: Some(t(to)),
            meal_minutes: 30,
            pay_code: Some("REG".into()),
            cost_centre: None,
            line: 2,
        }
    }

    fn day(s: &str) -> NaiveDate {
        crate::input::date(s).unwrap()
    }

    /// The two weeks of the tests' pay period, and one day outside it.
    const PERIOD: (&str, &str) = ("2026-10-25", "2026-11-07");
    const LATER: (&str, &str) = ("2026-11-20", "2026-11-20");

    /// Replaces the punches of `days`: (added, removed, unchanged).
    fn put(
        c: &mut Connection,
        days: (&str, &str),
        punches: &[Punch],
    ) -> AppResult<(i64, i64, i64)> {
        replace(c, day(days.0), day(days.1), punches).map(|r| (r.added, r.removed, r.unchanged))
    }

    /// The punches held for `days`.
    fn held(c: &Connection, days: (&str, &str)) -> Vec<Punch> {
        load(c, day(days.0), day(days.1)).unwrap()
    }

    #[test]
    fn a_reimport_replaces_its_days_and_says_what_changed() {
        let mut c = conn();
        let night = punch(7, "2026-10-31 18:52", "2026-11-01 07:09");
        let day_shift = punch(7, "2026-11-02 06:58", "2026-11-02 19:04");
        let outside = punch(7, "2026-11-20 07:00", "2026-11-20 15:00");
        put(&mut c, LATER, std::slice::from_ref(&outside)).unwrap();
        let first = put(&mut c, PERIOD, &[night.clone(), day_shift.clone()]).unwrap();
        assert_eq!(first, (2, 0, 0));
        assert_eq!(held(&c, PERIOD), vec![night.clone(), day_shift.clone()]);
        let mut corrected = day_shift.clone();
        corrected.clock_out = corrected
            .clock_out
            .map(|t| t - chrono::Duration::minutes(4));
        let again = put(&mut c, PERIOD, &[night.clone(), corrected.clone()]).unwrap();
        assert_eq!(again, (1, 1, 1));
        assert_eq!(held(&c, PERIOD), vec![night, corrected]);
        assert_eq!(
            held(&c, LATER),
            vec![outside],
            "days outside the range are untouched"
        );
        let history: i64 = c
            .query_row(
                "SELECT count(*) FROM audit_log WHERE table_name = 'punch'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            history, 5,
            "four added and one removed, each in the history"
        );
    }

    #[test]
    fn a_failed_save_changes_nothing() {
        let mut c = conn();
        let pay_period = ("2026-11-01", "2026-11-14");
        let good = punch(7, "2026-11-02 06:58", "2026-11-02 19:04");
        put(&mut c, pay_period, std::slice::from_ref(&good)).unwrap();
        // The second punch names a person the department does not have.
        let new = [
            punch(7, "2026-11-03 07:00", "2026-11-03 19:00"),
            punch(99, "2026-11-04 07:00", "2026-11-04 19:00"),
        ];
        assert!(put(&mut c, pay_period, &new).is_err());
        assert_eq!(held(&c, pay_period), vec![good]);
    }

    /// A punch corrected by hand survives a re-import of its day: the file's
    /// punch for that person and day is left out and the outcome says so;
    /// the file's identical punches count as unchanged, even from a file
    /// without a pay code column (#26: "5 added, 5 removed, 0 unchanged").
    #[test]
    fn a_reimport_keeps_hand_corrections_and_counts_identical_punches_as_unchanged() {
        let mut c = conn();
        crate::records::NewStaff::new("Bo", "Torres", "E8")
            .id(8)
            .insert(&c)
            .unwrap();
        let days = ("2026-12-05", "2026-12-06");
        let clock = [
            punch(7, "2026-12-05 06:58", "2026-12-05 19:04"),
            punch(7, "2026-12-06 06:55", "2026-12-06 19:02"),
            punch(8, "2026-12-06 18:55", "2026-12-07 07:40"),
        ];
        put(&mut c, days, &clock).unwrap();
        let night = records(&c, day("2026-12-06"), day("2026-12-06"))
            .unwrap()
            .into_iter()
            .find(|r| r.punch.staff_id == 8)
            .unwrap();
        let mut fixed = night.punch.clone();
        fixed.clock_out = fixed.clock_out.map(|t| t - chrono::Duration::minutes(25));
        write(
            &c,
            Some(night.id),
            &fixed,
            "Clocked out late; left at 07:15",
            "2026-12-07T15:00:00Z",
        )
        .unwrap();
        let typed = punch(8, "2026-12-05 19:00", "2026-12-06 07:00");
        write(&c, None, &typed, "Clock down", "2026-12-07T15:00:00Z").unwrap();

        // The same clock file again, without its pay code column.
        let again: Vec<Punch> = clock
            .iter()
            .map(|p| Punch {
                pay_code: None,
                ..p.clone()
            })
            .collect();
        let stored = records(&c, day(days.0), day(days.1)).unwrap();
        let (preview, _, _) = plan(day(days.0), day(days.1), &stored, &again);
        let r = replace(&mut c, day(days.0), day(days.1), &again).unwrap();
        assert_eq!(preview, r, "the preview says what the import does");
        assert_eq!(
            (r.added, r.removed, r.unchanged, r.kept_by_hand, r.left_out),
            (0, 0, 2, 2, 1),
            "two identical, two by hand kept, the file's night for the corrected one left out"
        );
        let held = records(&c, day(days.0), day(days.1)).unwrap();
        assert_eq!(held.len(), 4);
        let torres_night = held
            .iter()
            .find(|r| r.punch.staff_id == 8 && r.punch.workday == day("2026-12-06"))
            .unwrap();
        assert_eq!(torres_night.punch, fixed, "the correction stands");
        assert_eq!(
            torres_night.correction.as_deref(),
            Some("Clocked out late; left at 07:15")
        );

        // A file that changes a clock punch still replaces it.
        let mut later = again.clone();
        later[0].clock_out = later[0].clock_out.map(|t| t + chrono::Duration::minutes(3));
        let r = replace(&mut c, day(days.0), day(days.1), &later).unwrap();
        assert_eq!(
            (r.added, r.removed, r.unchanged, r.kept_by_hand, r.left_out),
            (1, 1, 1, 2, 1)
        );
    }
}
