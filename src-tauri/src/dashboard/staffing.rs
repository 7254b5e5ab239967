//! Staffing against need: today's and tomorrow's shifts, and the gaps of the
//! next 14 days. The counts are the schedule grid's own coverage rows
//! (`schedule::view_coverage`), so the dashboard and the grid never disagree.

use crate::error::AppResult;
use crate::input::format_date;
use crate::schedule::rules::ScheduleContext;
use crate::schedule::store::{loaded_period, periods};
use crate::schedule::view::{CoverageRow, CoverageStatus};
use crate::schedule::{view_coverage, Requirement};
use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

/// "The next 14 days": today and the 13 days after it.
pub const GAP_DAYS: i64 = 14;

/// One need of a shift on a day: who, how many are on, how many are needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NeedCount {
    /// "RN", "Charge".
    pub label: String,
    pub requirement: Requirement,
    pub scheduled: i64,
    pub minimum: i64,
    pub target: i64,
    pub status: CoverageStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShiftStaffing {
    pub shift_type_id: i64,
    pub code: String,
    pub name: String,
    /// "07:00".
    pub start: String,
    pub needs: Vec<NeedCount>,
    /// The worst status among the needs.
    pub status: CoverageStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DayStaffing {
    pub date: String,
    /// The schedule period holding the day; none when no period does.
    pub period_id: Option<i64>,
    /// Shifts with a need that day, by start time.
    pub shifts: Vec<ShiftStaffing>,
}

/// A shift below its minimum for one need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Gap {
    pub date: String,
    pub period_id: i64,
    pub shift_type_id: i64,
    pub shift_code: String,
    pub shift_name: String,
    pub requirement: Requirement,
    pub label: String,
    pub scheduled: i64,
    pub minimum: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Gaps {
    pub from: String,
    /// Inclusive.
    pub to: String,
    /// By date, then shift start.
    pub items: Vec<Gap>,
    /// Days of the window that no schedule period holds yet.
    pub unscheduled_days: Vec<String>,
    /// The needs checked (shift × role or skill × scheduled day with a
    /// minimum or target): with none, "no gaps" would be a claim about nothing.
    pub needs_checked: i64,
}

/// Today and tomorrow, and the gaps from today through day 14.
pub fn load(conn: &rusqlite::Connection, today: NaiveDate) -> AppResult<(Vec<DayStaffing>, Gaps)> {
    let last = today + Duration::days(GAP_DAYS - 1);
    let mut days: Vec<DayStaffing> = today
        .iter_days()
        .take(GAP_DAYS as usize)
        .map(|d| DayStaffing {
            date: format_date(d),
            period_id: None,
            shifts: Vec::new(),
        })
        .collect();
    for period in periods::list(conn)?
        .into_iter()
        .filter(|p| p.end() >= today && p.start() <= last)
    {
        let loaded = loaded_period::load(conn, period.id)?;
        let dates: Vec<NaiveDate> = today
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| period.contains(*d))
            .collect();
        let rows = view_coverage::rows(&loaded.ctx, &dates);
        for (i, date) in dates.iter().enumerate() {
            let day = &mut days[(*date - today).num_days() as usize];
            day.period_id = Some(period.id);
            day.shifts = shifts_on(&loaded.ctx, &rows, i);
        }
    }
    let mut items = Vec::new();
    for day in &days {
        let Some(period_id) = day.period_id else {
            continue;
        };
        for shift in &day.shifts {
            for need in shift
                .needs
                .iter()
                .filter(|n| n.status == CoverageStatus::Short)
            {
                items.push(Gap {
                    date: day.date.clone(),
                    period_id,
                    shift_type_id: shift.shift_type_id,
                    shift_code: shift.code.clone(),
                    shift_name: shift.name.clone(),
                    requirement: need.requirement,
                    label: need.label.clone(),
                    scheduled: need.scheduled,
                    minimum: need.minimum,
                });
            }
        }
    }
    let needs_checked = days
        .iter()
        .filter(|d| d.period_id.is_some())
        .flat_map(|d| &d.shifts)
        .map(|s| s.needs.len() as i64)
        .sum();
    let gaps = Gaps {
        needs_checked,
        from: format_date(today),
        to: format_date(last),
        items,
        unscheduled_days: days
            .iter()
            .filter(|d| d.period_id.is_none())
            .map(|d| d.date.clone())
            .collect(),
    };
    days.truncate(2);
    Ok((days, gaps))
}

/// The shifts with a need on the `i`th date of `rows`, by start time.
fn shifts_on(ctx: &ScheduleContext, rows: &[CoverageRow], i: usize) -> Vec<ShiftStaffing> {
    let mut shifts: Vec<ShiftStaffing> = Vec::new();
    for row in rows {
        let count = &row.days[i];
        if count.status == CoverageStatus::None {
            continue;
        }
        let Some(shift) = ctx.shift_type(row.shift_type_id) else {
            continue;
        };
        let need = NeedCount {
            label: match row.requirement {
                Requirement::Role(role) => role.code().to_string(),
                Requirement::Skill(id) => ctx.skill_name(id),
            },
            requirement: row.requirement,
            scheduled: count.scheduled,
            minimum: count.minimum,
            target: count.target,
            status: count.status,
        };
        match shifts.iter_mut().find(|s| s.shift_type_id == shift.id) {
            Some(s) => {
                s.status = s.status.min(need.status);
                s.needs.push(need);
            }
            None => shifts.push(ShiftStaffing {
                shift_type_id: shift.id,
                code: shift.code.clone(),
                name: shift.name.clone(),
                start: shift.start.format("%H:%M").to_string(),
                status: need.status,
                needs: vec![need],
            }),
        }
    }
    shifts.sort_by(|a, b| a.start.cmp(&b.start).then(a.code.cmp(&b.code)));
    shifts
}
