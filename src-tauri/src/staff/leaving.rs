//! A person leaving the department, and coming back: the last day of work,
//! and what goes with it. Every way in (the Terminate dialog, an HR import)
//! goes through here, so they all do the same.

use super::store::get;
use super::Staff;
use crate::error::{AppError, AppResult};
use crate::input;
use rusqlite::{params, Connection};

/// Ends a person's employment on `last_day` (their record stays), and takes
/// them off every shift after it: a shift nobody will work would count as
/// cover. A shift taken off a published schedule is marked as changed after
/// publishing, as a cleared cell is. The history records both, as every
/// change. Runs in the caller's transaction, if any.
pub fn terminate(conn: &Connection, id: i64, last_day: &str) -> AppResult<Staff> {
    let staff = get(conn, id)?;
    let day = input::date(last_day).map_err(|m| AppError::field("last_day", m))?;
    let day = input::format_date(day);
    if day < staff.hire_date {
        return Err(AppError::field(
            "last_day",
            format!(
                "The last day cannot be before the hire date ({}).",
                staff.hire_date
            ),
        ));
    }
    conn.execute(
        "UPDATE staff SET termination_date = ?1 WHERE id = ?2",
        params![day, id],
    )?;
    // The schedule's change-mark time, written here so `staff` need not
    // import `schedule` (which imports `staff`).
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    conn.execute(
        "INSERT OR REPLACE INTO schedule_change (staff_id, date, period_id, changed_at)
         SELECT a.staff_id, a.date, a.period_id, ?3 FROM assignment a
           JOIN schedule_period p ON p.id = a.period_id
          WHERE a.staff_id = ?1 AND a.date > ?2 AND p.status = 'published'",
        params![id, day, now],
    )?;
    for table in ["assignment", "assignment_lock"] {
        conn.execute(
            &format!("DELETE FROM {table} WHERE staff_id = ?1 AND date > ?2"),
            params![id, day],
        )?;
    }
    get(conn, id)
}

/// What `terminate` with `last_day` would take off the schedule, in words
/// ("9 scheduled shifts after the last day come off the schedule (9 Dec –
/// 9 Feb)"); none when there is nothing to take off.
pub fn shifts_after(conn: &Connection, id: i64, last_day: &str) -> AppResult<Option<String>> {
    let (count, first, last): (i64, Option<String>, Option<String>) = conn.query_row(
        "SELECT count(*), min(date), max(date) FROM assignment WHERE staff_id = ?1 AND date > ?2",
        params![id, last_day],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let day = |d: Option<String>| {
        d.and_then(|d| input::date(&d).ok())
            .map(|d| d.format("%-d %b %Y").to_string())
            .unwrap_or_default()
    };
    Ok(match count {
        0 => None,
        1 => Some(format!(
            "their shift on {} comes off the schedule",
            day(first)
        )),
        n => Some(format!(
            "their {n} shifts from {} to {} come off the schedule",
            day(first),
            day(last)
        )),
    })
}

/// Takes back a termination: employed again, with no last day.
pub fn reactivate(conn: &Connection, id: i64) -> AppResult<Staff> {
    get(conn, id)?;
    conn.execute(
        "UPDATE staff SET termination_date = NULL WHERE id = ?1",
        [id],
    )?;
    get(conn, id)
}

#[cfg(test)]
mod tests {
    use crate::records::{NewAssignment, NewStaff};
    use crate::staff::import::{columns, import};
    use rusqlite::Connection;

    /// Maria (E1001, hired 2019) on Day shifts 28 Nov – 3 Dec 2026 in a
    /// published period, one of them locked.
    fn department() -> Connection {
        let conn = crate::store::open_in_memory().unwrap();
        crate::department::insert(&conn, &crate::sample::department()).unwrap();
        NewStaff::new("Maria", "Lopez", "E1001")
            .id(1)
            .rate(5000)
            .hired(crate::input::date("2019-06-03").unwrap())
            .insert(&conn)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO shift_type (id, code, name, start, length_minutes, unpaid_break_minutes,
                 evening, night, differential_kind, differential_value)
               VALUES (1, 'D', 'Day', '07:00', 720, 30, 0, 0, 'none', 0);
             INSERT INTO schedule_period (id, start_date, end_date, weeks, status, published_at)
               VALUES (1, '2026-11-22', '2026-12-19', 4, 'published', '2026-11-01T09:00:00Z');
             INSERT INTO assignment_lock (staff_id, date, period_id) VALUES (1, '2026-12-03', 1);",
        )
        .unwrap();
        for date in [
            "2026-11-28",
            "2026-11-30",
            "2026-12-01",
            "2026-12-02",
            "2026-12-03",
        ] {
            NewAssignment {
                staff_id: 1,
                date: crate::input::date(date).unwrap(),
                period_id: 1,
                shift_type_id: 1,
            }
            .insert(&conn)
            .unwrap();
        }
        conn
    }

    fn dates(conn: &Connection, table: &str) -> Vec<String> {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT date FROM {table} WHERE staff_id = 1 ORDER BY date"
            ))
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn history_of_shifts(conn: &Connection) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM audit_log WHERE table_name = 'assignment' AND action = 'delete'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    }

    #[test]
    fn terminating_takes_the_person_off_every_shift_after_the_last_day() {
        let conn = department();
        let s = crate::staff::terminate(&conn, 1, "2026-11-30").unwrap();
        assert_eq!(s.termination_date.as_deref(), Some("2026-11-30"));
        assert_eq!(
            dates(&conn, "assignment"),
            ["2026-11-28", "2026-11-30"],
            "the shifts up to and on the last day stay; the later ones go"
        );
        assert_eq!(
            dates(&conn, "schedule_change"),
            ["2026-12-01", "2026-12-02", "2026-12-03"],
            "on a published schedule each emptied cell is marked as changed"
        );
        assert!(dates(&conn, "assignment_lock").is_empty());
        assert_eq!(history_of_shifts(&conn), 3, "the history records each");
        // Before the hire date: refused, nothing changed.
        let err = crate::staff::terminate(&conn, 1, "2019-01-01").unwrap_err();
        assert!(err.message_for("last_day").is_some());
        assert_eq!(dates(&conn, "assignment").len(), 2);
    }

    #[test]
    fn an_hr_import_that_terminates_does_what_the_terminate_dialog_does() {
        let mut conn = department();
        let text = "Employee ID,Status,Term Date\r\nE1001,Terminated,11/30/2026\r\n";
        let mapping = columns(text).unwrap().guess;
        let preview = crate::staff::import::preview(&conn, text, &mapping).unwrap();
        assert!(
            preview.rows[0]
                .summary
                .contains("Their 3 shifts from 1 Dec 2026 to 3 Dec 2026 come off the schedule"),
            "the preview says which shifts go before anything does: {}",
            preview.rows[0].summary
        );
        import(&mut conn, text, &mapping).unwrap();
        assert_eq!(
            crate::staff::get(&conn, 1)
                .unwrap()
                .termination_date
                .as_deref(),
            Some("2026-11-30")
        );
        assert_eq!(
            dates(&conn, "assignment"),
            ["2026-11-28", "2026-11-30"],
            "the import takes them off the shifts after their last day, as Terminate does"
        );
        assert_eq!(
            dates(&conn, "schedule_change"),
            ["2026-12-01", "2026-12-02", "2026-12-03"]
        );
        assert_eq!(history_of_shifts(&conn), 3);
        // The same file again: nothing more to take off, nothing said.
        let again = crate::staff::import::preview(&conn, text, &mapping).unwrap();
        assert!(
            !again.rows[0].summary.contains("come off"),
            "{}",
            again.rows[0].summary
        );
    }

    /// The termination date is the last day worked (as HR exports write
    /// it): the roster, the grid, the Fill and Terminate all keep that day
    /// and none the day after.
    #[test]
    fn the_last_day_is_worked_everywhere_and_the_day_after_is_not() {
        let mut conn = department();
        crate::staff::terminate(&conn, 1, "2026-12-10").unwrap();
        assert_eq!(
            dates(&conn, "assignment").len(),
            5,
            "no shift is after 10 Dec"
        );
        let (last, after) = (
            crate::input::date("2026-12-10").unwrap(),
            crate::input::date("2026-12-11").unwrap(),
        );
        let today = crate::input::date("2026-11-20").unwrap();
        assert!(crate::staff::get(&conn, 1).unwrap().is_active(last));
        assert!(!crate::staff::get(&conn, 1).unwrap().is_active(after));
        let loaded = crate::schedule::store::loaded_period::load(&conn, 1).unwrap();
        let facts = loaded.ctx.staff(1).unwrap();
        assert!(facts.at_work_on(last), "the roster counts the last day");
        assert!(!facts.at_work_on(after));
        // The Fill may place them on the last day, not the day after.
        let mapped = crate::fill::department::map(&loaded, &Default::default());
        let s = mapped.staff_ids.iter().position(|&id| id == 1).unwrap();
        let off = &mapped.model.staff[s].days_off;
        assert!(
            !off.contains(&mapped.day_of(last).unwrap()),
            "Fill: last day open"
        );
        assert!(
            off.contains(&mapped.day_of(after).unwrap()),
            "Fill: day after closed"
        );
        // The grid: a shift on the last day is allowed, the day after refused.
        let now = "2026-11-20T09:00:00Z";
        crate::schedule::store::assignments::set(&mut conn, 1, 1, "2026-12-10", "D", today, now)
            .expect("a shift on the last day is allowed");
        let err = crate::schedule::store::assignments::set(
            &mut conn,
            1,
            1,
            "2026-12-11",
            "D",
            today,
            now,
        )
        .unwrap_err();
        assert!(
            err.message.contains("not employed on 11 Dec"),
            "{}",
            err.message
        );
        // Terminating a day earlier takes the shift on the old last day off.
        crate::staff::terminate(&conn, 1, "2026-12-09").unwrap();
        assert!(!dates(&conn, "assignment").contains(&"2026-12-10".to_string()));
    }

    #[test]
    fn the_shifts_a_last_day_would_take_off_are_named_one_or_many() {
        let conn = department();
        assert_eq!(
            crate::staff::shifts_after(&conn, 1, "2026-12-02")
                .unwrap()
                .as_deref(),
            Some("their shift on 3 Dec 2026 comes off the schedule")
        );
        assert_eq!(
            crate::staff::shifts_after(&conn, 1, "2026-12-03").unwrap(),
            None
        );
    }
}
