//! Fixtures for the schedule tests: a small unit in Chicago with the usual
//! shift types and three people, built up one assignment at a time.

use super::rules::ScheduleContext;
use super::*;
use crate::staff::Skill;
use chrono::NaiveTime;

pub const DAY: i64 = 1;
pub const EVENING: i64 = 2;
pub const NIGHT: i64 = 3;
pub const DAY12: i64 = 4;
pub const NIGHT12: i64 = 5;

pub const MARIA: i64 = 1;
pub const ANN: i64 = 2;
pub const BO: i64 = 3;

pub const CHARGE: i64 = 10;

pub fn day(s: &str) -> NaiveDate {
    crate::input::date(s).unwrap()
}

pub fn shift(id: i64, code: &str, name: &str, start: &str, length_minutes: i64) -> ShiftType {
    ShiftType {
        id,
        code: code.into(),
        name: name.into(),
        start: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
        length_minutes,
        unpaid_break_minutes: 0,
        evening: name.starts_with("Evening"),
        night: name.starts_with("Night"),
        differential: Differential::None,
    }
}

pub fn person(id: i64, name: &str, role: Role) -> StaffFacts {
    StaffFacts {
        id,
        name: name.into(),
        // "Ann Lee" → "Lee, Ann", as the store writes it.
        list_name: match name.rsplit_once(' ') {
            Some((first, last)) => format!("{last}, {first}"),
            None => name.into(),
        },
        role,
        skills: vec![],
        fte_hundredths: 100,
        hourly_rate_cents: 5000,
        employment_type: EmploymentType::FullTime,
        credentials: vec![],
        on_leave: false,
        leave_since: None,
        hire_date: None,
        termination_date: None,
    }
}

/// A 4-week period from Sunday 6 Dec 2026; Sunday-anchored pay periods.
pub fn ctx() -> ScheduleContext {
    ScheduleContext {
        tz: chrono_tz::America::Chicago,
        rules: Rules {
            pay_period_anchor: day("2026-12-06"),
            ..Rules::default()
        },
        period_start: day("2026-12-06"),
        period_end: day("2027-01-02"),
        shift_types: vec![
            shift(DAY, "D", "Day", "07:00", 480),
            shift(EVENING, "E", "Evening", "15:00", 480),
            shift(NIGHT, "N", "Night", "23:00", 480),
            shift(DAY12, "D12", "Day 12", "07:00", 720),
            shift(NIGHT12, "N12", "Night 12", "19:00", 720),
        ],
        staff: vec![
            person(MARIA, "Maria Lopez", Role::Rn),
            person(ANN, "Ann Lee", Role::Rn),
            person(BO, "Bo Chen", Role::Cna),
        ],
        skills: vec![Skill {
            id: CHARGE,
            name: "Charge".into(),
        }],
        assignments: vec![],
        time_off: vec![],
        replaced_shifts: Default::default(),
        coverage: vec![],
    }
}

pub fn assignment(staff_id: i64, date: &str, shift_type_id: i64) -> Assignment {
    Assignment {
        staff_id,
        date: day(date),
        shift_type_id,
        published_change: false,
    }
}

/// `ctx` with these (staff, date, shift type) assignments added.
pub fn with(mut ctx: ScheduleContext, cells: &[(i64, &str, i64)]) -> ScheduleContext {
    ctx.assignments
        .extend(cells.iter().map(|(s, d, t)| assignment(*s, d, *t)));
    ctx
}

/// One shift a day for `staff` on `n` days from `first`.
pub fn run(staff: i64, first: &str, n: i64, shift_type_id: i64) -> Vec<Assignment> {
    (0..n)
        .map(|i| Assignment {
            date: day(first) + chrono::Duration::days(i),
            ..assignment(staff, first, shift_type_id)
        })
        .collect()
}

/// The rule codes of the violations, in order.
pub fn codes(vs: &[rules::Violation]) -> Vec<rules::RuleCode> {
    vs.iter().map(|v| v.rule).collect()
}
