//! Time off: `NewTimeOff::new(staff, from, to).status(Approved).insert(conn)`.

use crate::input::format_date;
use crate::schedule::{TimeOffKind, TimeOffStatus};
use chrono::NaiveDate;
use rusqlite::{params, Connection};

#[derive(Debug, Clone)]
pub struct NewTimeOff {
    pub staff_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub kind: TimeOffKind,
    pub status: TimeOffStatus,
    pub paid: bool,
    pub note: String,
}

impl NewTimeOff {
    /// Paid PTO, requested, no note.
    pub fn new(staff_id: i64, from: NaiveDate, to: NaiveDate) -> NewTimeOff {
        NewTimeOff {
            staff_id,
            from,
            to,
            kind: TimeOffKind::Pto,
            status: TimeOffStatus::Requested,
            paid: true,
            note: String::new(),
        }
    }

    pub fn kind(mut self, kind: TimeOffKind) -> Self {
        self.kind = kind;
        self
    }

    pub fn status(mut self, status: TimeOffStatus) -> Self {
        self.status = status;
        self
    }

    pub fn paid(mut self, paid: bool) -> Self {
        self.paid = paid;
        self
    }

    pub fn note(mut self, note: &str) -> Self {
        self.note = note.into();
        self
    }

    /// Writes the request; returns its id.
    pub fn insert(&self, conn: &Connection) -> rusqlite::Result<i64> {
        conn.prepare_cached(
            "INSERT INTO time_off (staff_id, from_date, to_date, kind, status, paid, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            self.staff_id,
            format_date(self.from),
            format_date(self.to),
            self.kind,
            self.status,
            self.paid,
            self.note,
        ])?;
        Ok(conn.last_insert_rowid())
    }
}
