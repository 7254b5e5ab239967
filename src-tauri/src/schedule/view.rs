//! The schedule grid as the UI draws it: days, people grouped by role with
//! their cells and totals, coverage counts per shift × need × day, every
//! violation and the period's cost — all from one `ScheduleContext`.

use super::cost::{period_cost, PeriodCost};
use super::period_hours::{no_target, period_hours};
use super::rules::{check_all, Severity, Violation};
use super::store::loaded_period::{Loaded, Person};
use super::store::periods::SchedulePeriod;
use super::{Requirement, ShiftType, TimeOff, TimeOffKind, TimeOffStatus};
use crate::input::format_date;
use crate::staff::{EmploymentType, Role};
use crate::text_enum::text_enum;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use ts_rs::TS;

text_enum! {
    /// How a day's count compares with its need.
    pub enum CoverageStatus {
        Short = ("short", "Below the minimum"),
        UnderTarget = ("under_target", "Below the target"),
        Ok = ("ok", "Covered"),
        None = ("none", "No need"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DayInfo {
    pub date: String,
    /// "Mon".."Sun".
    pub weekday: String,
    pub weekend: bool,
    pub holiday: Option<String>,
    pub today: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GridCell {
    pub date: String,
    pub shift_code: Option<String>,
    pub shift_type_id: Option<i64>,
    pub time_off: Option<TimeOffKind>,
    /// Requested or approved; denied time off is not shown.
    pub time_off_status: Option<TimeOffStatus>,
    pub changed_after_publish: bool,
    /// The worst violation this cell is part of.
    pub violation: Option<Severity>,
    /// Locked against Fill schedule.
    pub locked: bool,
    /// Who called out of this cell's shift and when: "Maria Lopez called out
    /// of the Day shift (D); recorded Tue 8 Dec at 06:12".
    pub called_out: Option<String>,
    /// A day the person is not employed, in words: "Left: last day
    /// worked 12 Dec", "Not yet employed: starts 3 Jan". The grid greys
    /// and hatches the cell; the Fill gives it no shift.
    pub not_employed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowTotals {
    /// Worked plus paid time off (see [`period_hours`]: the Fill's review
    /// shows the same figure).
    pub paid_minutes: i64,
    pub paid_time_off_minutes: i64,
    /// Their FTE's share of the period; none for per diem and agency staff
    /// and for anyone no coverage need asks for.
    pub target_minutes: Option<i64>,
    /// Why there is no target, in words: "no LPN coverage set", "per
    /// diem, paid by the hour" (see `period_hours::no_target`).
    pub no_target: Option<String>,
    pub shifts: i64,
    /// Weekends (Saturday and the Sunday after) with a shift.
    pub weekends: i64,
    pub scheduled_fte_hundredths: i64,
    pub fte_hundredths: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GridRow {
    pub staff_id: i64,
    /// "Lopez, Maria": as every list of people reads.
    pub name: String,
    /// "Maria Lopez": for sentences about them ("Record that Maria Lopez
    /// called out…").
    pub full_name: String,
    /// "On leave since 2 Dec" or "On leave" while on a leave of absence
    /// during the period; none otherwise.
    pub on_leave: Option<String>,
    pub role: Role,
    pub employment_type: EmploymentType,
    pub fte_hundredths: i64,
    pub cells: Vec<GridCell>,
    pub totals: RowTotals,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffGroup {
    pub role: Role,
    pub label: String,
    pub rows: Vec<GridRow>,
    /// Said on the group's heading when no coverage need asks for the
    /// role, so staff with an FTE in it have no target and get no shift
    /// from the Fill: "No LPN coverage set: no target hours, …".
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CoverageCount {
    pub scheduled: i64,
    pub minimum: i64,
    pub target: i64,
    pub status: CoverageStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CoverageRow {
    pub shift_type_id: i64,
    pub shift_code: String,
    pub requirement: Requirement,
    /// "Day · RN", "Night · Charge".
    pub label: String,
    pub days: Vec<CoverageCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduleView {
    pub period: SchedulePeriod,
    pub today: String,
    pub days: Vec<DayInfo>,
    pub shift_types: Vec<ShiftType>,
    pub groups: Vec<StaffGroup>,
    pub coverage: Vec<CoverageRow>,
    pub violations: Vec<Violation>,
    pub cost: PeriodCost,
}

pub fn build(loaded: &Loaded, today: NaiveDate) -> ScheduleView {
    build_checked(loaded, today, check_all(&loaded.ctx))
}

/// `build`, with `violations` already found by `check_all(&loaded.ctx)`.
pub fn build_checked(
    loaded: &Loaded,
    today: NaiveDate,
    violations: Vec<Violation>,
) -> ScheduleView {
    let ctx = &loaded.ctx;
    let cost = period_cost(ctx);
    let dates: Vec<NaiveDate> = ctx.days().collect();
    let holidays: HashMap<&str, &str> = loaded
        .holidays
        .iter()
        .map(|h| (h.date.as_str(), h.name.as_str()))
        .collect();
    let days = dates
        .iter()
        .map(|d| {
            let date = format_date(*d);
            DayInfo {
                weekday: d.weekday().to_string(),
                weekend: is_weekend(*d),
                holiday: holidays.get(date.as_str()).map(|n| n.to_string()),
                today: *d == today,
                date,
            }
        })
        .collect();
    let mut severity: HashMap<(i64, NaiveDate), Severity> = HashMap::new();
    for v in &violations {
        for c in &v.cells {
            let s = severity.entry((c.staff_id, c.date)).or_insert(v.severity);
            if v.severity == Severity::Block {
                *s = Severity::Block;
            }
        }
    }
    let shifts: HashMap<i64, &ShiftType> = ctx.shift_types.iter().map(|s| (s.id, s)).collect();
    let on: HashMap<(i64, NaiveDate), i64> = ctx
        .assignments
        .iter()
        .filter(|a| ctx.in_period(a.date))
        .map(|a| ((a.staff_id, a.date), a.shift_type_id))
        .collect();
    let people_cost: HashMap<i64, _> = cost.people.iter().map(|p| (p.staff_id, p)).collect();
    let hours = period_hours(ctx, &ctx.assignments);
    let mut offs: HashMap<i64, Vec<&TimeOff>> = HashMap::new();
    for t in &ctx.time_off {
        offs.entry(t.staff_id).or_default().push(t);
    }

    let row = |p: &Person| -> GridRow {
        let cells: Vec<GridCell> = dates
            .iter()
            .map(|d| {
                let shift = on.get(&(p.id, *d)).and_then(|id| shifts.get(id));
                let off = offs.get(&p.id).and_then(|o| time_off_on(o, *d));
                GridCell {
                    date: format_date(*d),
                    shift_code: shift.map(|s| s.code.clone()),
                    shift_type_id: shift.map(|s| s.id),
                    time_off: off.map(|o| o.0),
                    time_off_status: off.map(|o| o.1),
                    changed_after_publish: loaded.changes.contains(&(p.id, *d)),
                    violation: severity.get(&(p.id, *d)).copied(),
                    locked: loaded.locked.contains(&(p.id, *d)),
                    called_out: loaded.call_outs.get(&(p.id, *d)).cloned(),
                    not_employed: not_employed(p, *d),
                }
            })
            .collect();
        let worked: Vec<NaiveDate> = dates
            .iter()
            .filter(|d| on.contains_key(&(p.id, **d)))
            .copied()
            .collect();
        let weekends: BTreeSet<NaiveDate> = worked.iter().filter_map(|d| saturday_of(*d)).collect();
        let pc = people_cost.get(&p.id);
        let h = hours.get(&p.id).copied().unwrap_or_default();
        GridRow {
            staff_id: p.id,
            name: p.sort_name(),
            full_name: p.full_name(),
            on_leave: leave_text(ctx, p.id, &dates),
            role: p.role,
            employment_type: p.employment_type,
            fte_hundredths: p.fte_hundredths,
            cells,
            totals: RowTotals {
                paid_minutes: h.paid_minutes(),
                paid_time_off_minutes: h.paid_time_off_minutes,
                target_minutes: h.target_minutes,
                no_target: ctx.staff(p.id).and_then(|f| no_target(ctx, f)),
                shifts: worked.len() as i64,
                weekends: weekends.len() as i64,
                scheduled_fte_hundredths: pc.map_or(0, |c| c.scheduled_fte_hundredths),
                fte_hundredths: p.fte_hundredths,
            },
        }
    };
    let groups = Role::ALL
        .iter()
        .filter_map(|role| {
            let rows: Vec<GridRow> = loaded
                .people
                .iter()
                .filter(|p| p.role == *role)
                .map(row)
                .collect();
            (!rows.is_empty()).then(|| StaffGroup {
                role: *role,
                label: role.label().to_string(),
                note: group_note(*role, &rows),
                rows,
            })
        })
        .collect();
    ScheduleView {
        period: loaded.period.clone(),
        today: format_date(today),
        days,
        shift_types: ctx.shift_types.clone(),
        groups,
        coverage: super::view_coverage::rows(ctx, &dates),
        violations,
        cost,
    }
}

/// "No LPN coverage set: no target hours, no shifts from Fill. Set it in
/// Settings → Coverage." when some staff with an
/// FTE in the group count for no coverage need. Not for managers, whom a
/// department does not staff by coverage.
fn group_note(role: Role, rows: &[GridRow]) -> Option<String> {
    if role == Role::Manager {
        return None;
    }
    let uncovered = format!("no {} coverage set", role.code());
    rows.iter()
        .any(|r| r.totals.no_target.as_deref() == Some(uncovered.as_str()))
        .then(|| {
            format!(
                "No {code} coverage set: no target hours, no shifts from Fill. Set it in Settings → Coverage.",
                code = role.code()
            )
        })
}

/// The leave marker of a row: someone on leave on any day shown.
fn leave_text(
    ctx: &super::rules::ScheduleContext,
    staff_id: i64,
    dates: &[NaiveDate],
) -> Option<String> {
    let facts = ctx.staff.iter().find(|s| s.id == staff_id)?;
    dates.iter().any(|d| facts.on_leave_on(*d)).then(|| {
        match facts
            .leave_since
            .as_deref()
            .and_then(|d| crate::input::date(d).ok())
        {
            Some(since) => format!("On leave since {}", super::format::day(since)),
            None => "On leave".to_string(),
        }
    })
}

/// The time off shown in a cell: approved first, then requested.
fn time_off_on(offs: &[&TimeOff], date: NaiveDate) -> Option<(TimeOffKind, TimeOffStatus)> {
    let mut found: Option<(TimeOffKind, TimeOffStatus)> = None;
    for t in offs.iter().filter(|t| t.covers(date)) {
        match t.status {
            TimeOffStatus::Approved => return Some((t.kind, t.status)),
            TimeOffStatus::Requested => found = found.or(Some((t.kind, t.status))),
            TimeOffStatus::Denied => {}
        }
    }
    found
}

pub fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The Saturday of the weekend holding `d`, if it is a weekend day.
fn saturday_of(d: NaiveDate) -> Option<NaiveDate> {
    match d.weekday() {
        Weekday::Sat => Some(d),
        Weekday::Sun => Some(d - Duration::days(1)),
        _ => None,
    }
}

/// Why `person` is not employed on `date`, or none when they are.
fn not_employed(person: &Person, date: NaiveDate) -> Option<String> {
    if person.employed_on(date) {
        return None;
    }
    let on = |text: &str| crate::input::date(text).ok().map(super::format::day);
    match person.termination_date.as_deref() {
        Some(last) if format_date(date).as_str() > last => Some(match on(last) {
            Some(day) => format!("Left: last day worked {day}"),
            None => "Left".to_string(),
        }),
        _ => Some(match on(&person.hire_date) {
            Some(day) => format!("Not yet employed: starts {day}"),
            None => "Not yet employed".to_string(),
        }),
    }
}
