//! Where a lone time out of a night belongs. Time-clock exports (Kronos/UKG
//! "Apply Date", Dayforce, Workday) date a shift by the day it is applied
//! to: its start. A row of a night that has its out time but lost its in
//! time ("Apply Date 10/31, In —, Out 7:09 AM") read on its own date puts
//! the out on the morning *before* the shift. When the person's schedule
//! has a shift on the row's date that ends the next day, and the out time
//! is earlier than that shift's start, the out is the next morning.

use crate::error::AppResult;
use crate::schedule::store::{loaded_period, shift_types};
use crate::schedule::{Assignment, ShiftType};
use chrono::{Duration, NaiveDate, NaiveTime, Timelike};
use rusqlite::Connection;
use std::collections::HashMap;

/// The scheduled shifts that end the day after they start: (person, day)
/// → the shift's start time.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Overnight(HashMap<(i64, NaiveDate), NaiveTime>);

impl Overnight {
    /// Knows no schedule: every time stays on its row's date.
    pub fn none() -> Self {
        Self::default()
    }

    pub fn from_shifts(shifts: impl IntoIterator<Item = (i64, NaiveDate, NaiveTime)>) -> Self {
        Self(shifts.into_iter().map(|(s, d, t)| ((s, d), t)).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The day a lone out time at `time` on the row's `date` falls on.
    pub fn out_day(&self, staff_id: i64, date: NaiveDate, time: NaiveTime) -> NaiveDate {
        match self.0.get(&(staff_id, date)) {
            Some(start) if time < *start => date + Duration::days(1),
            _ => date,
        }
    }

    /// The overnight shifts scheduled from `from` to `to`.
    pub fn load(conn: &Connection, from: NaiveDate, to: NaiveDate) -> AppResult<Self> {
        let types = shift_types::list(conn)?;
        let assignments = loaded_period::assignments_between(conn, from, to)?;
        Ok(Self::of_schedule(&assignments, &types))
    }

    /// The shifts of `assignments` that end the day after they start (at
    /// midnight or later).
    pub fn of_schedule(assignments: &[Assignment], shift_types: &[ShiftType]) -> Self {
        let types: HashMap<i64, &ShiftType> = shift_types.iter().map(|t| (t.id, t)).collect();
        let shifts = assignments.iter().filter_map(|a| {
            let t = types.get(&a.shift_type_id)?;
            let end = i64::from(t.start.num_seconds_from_midnight()) + t.length_minutes * 60;
            (end >= 24 * 60 * 60).then_some((a.staff_id, a.date, t.start))
        });
        Self::from_shifts(shifts)
    }
}
