//! The department's attendance settings: grace minutes (how far off the
//! schedule a punch may be before it is an exception), punch rounding, and
//! whether a clock file without a meal column has the shift's unpaid break
//! deducted (`import::meals`).

use super::rounding::Rounding;
use crate::error::{AppResult, Validator};
use crate::input;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A grace longer than half an hour would hide a late arrival: no time
/// clock policy allows more (7 is the common one, after 785.48(b)'s 1–7).
pub const MAX_GRACE_MINUTES: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct AttendanceSettings {
    pub grace_minutes: i64,
    pub rounding: Rounding,
    /// A clock file with no meal column: deduct the scheduled shift's
    /// unpaid break from clocked shifts of 6 h or more.
    pub deduct_missing_meal: bool,
}

/// The settings form as typed.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct AttendanceSettingsInput {
    pub grace_minutes: String,
    pub rounding: Rounding,
    pub deduct_missing_meal: bool,
}

/// Until the manager saves them: 7 minutes' grace, the common time-clock
/// policy, no rounding (paid as punched), and the shift's unpaid break
/// deducted when the clock gives no meal (as the schedule pays the shift).
pub const DEFAULT: AttendanceSettings = AttendanceSettings {
    grace_minutes: 7,
    rounding: Rounding::None,
    deduct_missing_meal: true,
};

pub fn load(conn: &Connection) -> AppResult<AttendanceSettings> {
    Ok(conn
        .query_row(
            "SELECT grace_minutes, rounding, deduct_missing_meal FROM attendance_settings WHERE id = 1",
            [],
            |r| {
                Ok(AttendanceSettings {
                    grace_minutes: r.get(0)?,
                    rounding: r.get(1)?,
                    deduct_missing_meal: r.get(2)?,
                })
            },
        )
        .optional()?
        .unwrap_or(DEFAULT))
}

pub fn validate(form: &AttendanceSettingsInput) -> AppResult<AttendanceSettings> {
    let mut v = Validator::new();
    let grace = v.take(
        "grace_minutes",
        input::whole_number(&form.grace_minutes, 0, MAX_GRACE_MINUTES, "grace minutes"),
    );
    v.finish()?;
    Ok(AttendanceSettings {
        grace_minutes: grace.unwrap_or_default(),
        rounding: form.rounding,
        deduct_missing_meal: form.deduct_missing_meal,
    })
}

pub fn save(conn: &Connection, form: &AttendanceSettingsInput) -> AppResult<AttendanceSettings> {
    let s = validate(form)?;
    conn.execute(
        "INSERT INTO attendance_settings (id, grace_minutes, rounding, deduct_missing_meal)
         VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET grace_minutes = excluded.grace_minutes,
             rounding = excluded.rounding, deduct_missing_meal = excluded.deduct_missing_meal",
        params![s.grace_minutes, s.rounding, s.deduct_missing_meal],
    )?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(grace: &str, rounding: Rounding) -> AttendanceSettingsInput {
        AttendanceSettingsInput {
            grace_minutes: grace.into(),
            rounding,
            deduct_missing_meal: false,
        }
    }

    #[test]
    fn grace_is_a_whole_number_of_minutes_up_to_half_an_hour() {
        let conn = crate::store::open_in_memory().unwrap();
        assert_eq!(
            load(&conn).unwrap(),
            AttendanceSettings {
                grace_minutes: 7,
                rounding: Rounding::None,
                deduct_missing_meal: true,
            },
            "a new department: 7 minutes' grace, no rounding, the shift's meal deducted"
        );
        for ok in ["0", "30", " 5 "] {
            save(&conn, &form(ok, Rounding::Quarter)).unwrap();
        }
        assert_eq!(load(&conn).unwrap().grace_minutes, 5);
        for (bad, why) in [
            ("31", "between 0 and 30"),
            ("-1", "between 0 and 30"),
            ("7.5", "not a whole number"),
            ("", "Enter the grace minutes"),
        ] {
            let e = save(&conn, &form(bad, Rounding::Tenth)).unwrap_err();
            let msg = e
                .message_for("grace_minutes")
                .unwrap_or_default()
                .to_string();
            assert!(msg.contains(why), "{bad:?}: {msg}");
        }
        assert_eq!(
            load(&conn).unwrap(),
            AttendanceSettings {
                grace_minutes: 5,
                rounding: Rounding::Quarter,
                deduct_missing_meal: false,
            },
            "a refused form changes nothing"
        );
    }
}
