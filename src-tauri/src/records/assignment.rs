//! A shift on a day: `NewAssignment { staff_id, date, period_id, shift_type_id }.insert(conn)`.

use crate::input::format_date;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

#[derive(Debug, Clone, Copy)]
pub struct NewAssignment {
    pub staff_id: i64,
    pub date: NaiveDate,
    pub period_id: i64,
    pub shift_type_id: i64,
}

impl NewAssignment {
    pub fn insert(&self, conn: &Connection) -> rusqlite::Result<()> {
        conn.prepare_cached(
            "INSERT INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            self.staff_id,
            format_date(self.date),
            self.period_id,
            self.shift_type_id
        ])?;
        Ok(())
    }
}
