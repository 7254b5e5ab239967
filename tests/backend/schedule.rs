//! Schedules through the domain API on a real file: settings, periods, the
//! grid, time off, call-outs and export — what is saved, what is refused
//! (and that nothing is saved then), and what the grid shows.

#[path = "schedule/call_outs.rs"]
mod call_outs;
#[path = "schedule/export.rs"]
mod export;
#[path = "schedule/fill.rs"]
mod fill;
#[path = "schedule/grid.rs"]
mod grid;
#[path = "schedule/periods.rs"]
mod periods;
#[path = "schedule/settings.rs"]
mod settings;
#[path = "schedule/time_off.rs"]
mod time_off;
#[path = "schedule/time_off_approval.rs"]
mod time_off_approval;

use rusqlite::Connection;
use wardbook::department;
use wardbook::schedule::store::periods::{SchedulePeriod, Seed};
use wardbook::schedule::store::rule_settings::RulesInput;
use wardbook::schedule::store::shift_types::ShiftTypeInput;
use wardbook::schedule::store::time_off::TimeOffInput;
use wardbook::schedule::store::{
    periods as period_store, rule_settings, shift_types, time_off as offs,
};
use wardbook::schedule::TimeOffKind;
use wardbook::staff::{self, EmploymentType, Role, StaffInput};
use wardbook_tests::{day, department_input, DataDir};

/// A Wednesday; the pay-period anchor is the Sunday before it.
pub const TODAY: &str = "2026-12-02";
pub const ANCHOR: &str = "2026-11-29";

pub struct Unit {
    pub _dir: DataDir,
    pub conn: Connection,
    pub charge: i64,
    pub maria: i64,
    pub ann: i64,
    pub bo: i64,
    pub day_shift: i64,
    pub night_shift: i64,
}

pub fn person(first: &str, last: &str, no: &str, role: Role, skills: Vec<i64>) -> StaffInput {
    StaffInput {
        first_name: first.into(),
        last_name: last.into(),
        employee_no: no.into(),
        role: Some(role),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: "50.00".into(),
        hire_date: "2020-02-03".into(),
        skill_ids: skills,
        ..Default::default()
    }
}

pub fn shift(code: &str, name: &str, start: &str, hours: &str, night: bool) -> ShiftTypeInput {
    ShiftTypeInput {
        code: code.into(),
        name: name.into(),
        start: start.into(),
        length_hours: hours.into(),
        unpaid_break_minutes: "0".into(),
        night,
        ..Default::default()
    }
}

pub fn rules_input() -> RulesInput {
    RulesInput {
        min_rest_hours: "10".into(),
        max_consecutive_8h: "5".into(),
        max_consecutive_12h: "3".into(),
        weekly_hours_limit: "40".into(),
        period_hours_limit: "80".into(),
        per_diem_period_hours_limit: "36".into(),
        no_day_after_night: true,
        max_weekends_per_4_weeks: String::new(),
        pay_period_anchor: ANCHOR.into(),
        ..Default::default()
    }
}

/// A unit in Chicago: Maria (RN, charge), Ann (RN), Bo (CNA); Day and Night
/// 12-hour shifts; rules anchored on Sunday 29 Nov 2026.
pub fn unit() -> Unit {
    let dir = DataDir::new();
    let mut conn = dir.open();
    department::create(&conn, &department_input("4 West")).unwrap();
    let charge = wardbook::skills::save(&conn, None, "Charge").unwrap().id;
    let mut add = |first, last, no, role, skills| {
        staff::create(&mut conn, &person(first, last, no, role, skills))
            .unwrap()
            .id
    };
    let maria = add("Maria", "Lopez", "E1", Role::Rn, vec![charge]);
    let ann = add("Ann", "Lee", "E2", Role::Rn, vec![]);
    let bo = add("Bo", "Chen", "E3", Role::Cna, vec![]);
    let day_shift = shift_types::save(&mut conn, None, &shift("D", "Day", "07:00", "12", false))
        .unwrap()
        .id;
    let night_shift = shift_types::save(&mut conn, None, &shift("N", "Night", "19:00", "12", true))
        .unwrap()
        .id;
    rule_settings::save(&conn, &rules_input()).unwrap();
    Unit {
        _dir: dir,
        conn,
        charge,
        maria,
        ann,
        bo,
        day_shift,
        night_shift,
    }
}

/// The first period, 4 weeks from Sunday 29 Nov 2026.
pub fn first_period(u: &mut Unit) -> SchedulePeriod {
    period_store::create(&mut u.conn, 4, Seed::Empty, day(TODAY)).unwrap()
}

pub fn approved_off(conn: &mut Connection, staff_id: i64, from: &str, to: &str) -> i64 {
    let form = TimeOffInput {
        staff_id: Some(staff_id),
        from: from.into(),
        to: to.into(),
        kind: Some(TimeOffKind::Pto),
        paid: true,
        note: String::new(),
    };
    let id = offs::save(conn, None, &form).unwrap().id;
    offs::decide(conn, id, true, "2026-12-01T10:00:00Z").unwrap();
    id
}

pub fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}
