//! The department's attendance settings: grace minutes (how far off the
//! schedule a punch may be before it is an exception) and punch rounding.

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
}

/// The settings form as typed.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct AttendanceSettingsInput {
    pub grace_minutes: String,
    pub rounding: Rounding,
}

/// Until the manager saves them: 7 minutes' grace, the common time-clock
/// policy, and no rounding (paid as punched).
pub const DEFAULT: AttendanceSettings = AttendanceSettings {
    grace_minutes: 7,
    rounding: Rounding::None,
};

pub fn load(conn: &Connection) -> AppResult<AttendanceSettings> {
    Ok(conn
        .query_row(
            "SELECT grace_minutes, rounding FROM attendance_settings WHERE id = 1",
            [],
            |r| {
                Ok(AttendanceSettings {
                    grace_minutes: r.get(0)?,
                    rounding: r.get(1)?,
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
    })
}

pub fn save(conn: &Connection, form: &AttendanceSettingsInput) -> AppResult<AttendanceSettings> {
    let s = validate(form)?;
    conn.execute(
        "INSERT INTO attendance_settings (id, grace_minutes, rounding) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET grace_minutes = excluded.grace_minutes, rounding = excluded.rounding",
        params![s.grace_minutes, s.rounding],
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
        }
    }

    #[test]
    fn grace_is_a_whole_number_of_minutes_up_to_half_an_hour() {
        let conn = crate::store::open_in_memory().unwrap();
        assert_eq!(
            load(&conn).unwrap(),
            AttendanceSettings {
                grace_minutes: 7,
                rounding: Rounding::None
            },
            "a new department: 7 minutes' grace, no rounding"
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
                rounding: Rounding::Quarter
            },
            "a refused form changes nothing"
        );
    }
}
