//! The sample department's time clock: punches for the schedule's shifts,
//! written as a Kronos/UKG "timecard detail" export (person number, quoted
//! name, US dates, 12-hour times, pay code, meal as h:mm, and a row of
//! another department's employee, as such exports hold).
//!
//! Deterministic for a period. Most punches fall within a few minutes of
//! the shift, inside the default 7-minute grace; on top, the exceptions a
//! manager meets every two weeks: three missed punches, three late outs,
//! one late arrival, one no-show and one unscheduled extra shift (which
//! makes overtime the schedule did not have).

use super::Rng;
use crate::error::AppResult;
use crate::schedule::store::{loaded_period, shift_types};
use crate::schedule::time;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

/// One clocked stretch before it is written: local times, either missing.
struct Row {
    staff_id: i64,
    date: NaiveDate,
    clock_in: Option<DateTime<Tz>>,
    clock_out: Option<DateTime<Tz>>,
    meal: i64,
}

fn kronos_time(t: Option<DateTime<Tz>>) -> String {
    t.map(|t| t.format("%-I:%M %p").to_string())
        .unwrap_or_default()
}

/// The export for the shifts starting `from..=to` that ended before `until`.
pub fn clock_export(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    until: DateTime<Utc>,
) -> AppResult<String> {
    let tz: Tz = crate::attendance::period::zone(conn)?;
    let types: HashMap<i64, crate::schedule::ShiftType> = shift_types::list(conn)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let mut cells = loaded_period::assignments_between(conn, from, to)?;
    cells.sort_by_key(|a| (a.date, a.staff_id));
    let mut rng = Rng::new(0x434C_4F43_4B00_0000 ^ from.num_days_from_ce() as u64);
    let mut rows: Vec<Row> = Vec::new();
    for a in &cells {
        let Some(shift) = types.get(&a.shift_type_id) else {
            continue;
        };
        let span = time::span(tz, a.date, shift);
        if span.end > until {
            continue;
        }
        let jitter_in = rng.range(-7, 4);
        let jitter_out = rng.range(-3, 7);
        rows.push(Row {
            staff_id: a.staff_id,
            date: a.date,
            clock_in: Some((span.start + Duration::minutes(jitter_in)).with_timezone(&tz)),
            clock_out: Some((span.end + Duration::minutes(jitter_out)).with_timezone(&tz)),
            meal: shift.unpaid_break_minutes,
        });
    }
    if rows.len() > 20 {
        let n = rows.len() as i64;
        let pick = |taken: &mut HashSet<usize>, rng: &mut Rng| loop {
            let i = rng.range(0, n - 1) as usize;
            if taken.insert(i) {
                return i;
            }
        };
        let mut taken = HashSet::new();
        for _ in 0..2 {
            let i = pick(&mut taken, &mut rng);
            rows[i].clock_out = None;
        }
        // A forgotten in, on a day shift: a lone out of a night would read
        // as the morning of its apply date, which is not when it was.
        let i = loop {
            let i = pick(&mut taken, &mut rng);
            let same_day = rows[i].clock_in.map(|t| t.date_naive())
                == rows[i].clock_out.map(|t| t.date_naive());
            if same_day {
                break i;
            }
        };
        rows[i].clock_in = None;
        for _ in 0..3 {
            let i = pick(&mut taken, &mut rng);
            let late = rng.range(50, 80);
            rows[i].clock_out = rows[i].clock_out.map(|t| t + Duration::minutes(late));
        }
        let i = pick(&mut taken, &mut rng);
        rows[i].clock_in = rows[i].clock_in.map(|t| t + Duration::minutes(24));
        let no_show = pick(&mut taken, &mut rng);
        rows.remove(no_show);
        if let Some(extra) = unscheduled(&cells, &types, tz, from, until) {
            rows.push(extra);
        }
    }
    rows.sort_by_key(|r| (r.date, r.staff_id));
    let people: HashMap<i64, (String, String)> = crate::attendance::period::people(conn)?
        .into_iter()
        .map(|p| (p.id, (p.employee_no, p.name)))
        .collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| {
        crate::error::AppError::new(
            crate::error::ErrorCode::Internal,
            format!("The sample punches could not be written ({e})."),
        )
    };
    out.write_record([
        "Person Number",
        "Employee Name",
        "Apply Date",
        "In Punch",
        "Out Punch",
        "Pay Code",
        "Meal",
    ])
    .map_err(fail)?;
    for (n, r) in rows.iter().enumerate() {
        let (no, name) = people.get(&r.staff_id).cloned().unwrap_or_default();
        out.write_record([
            no,
            name,
            r.date.format("%m/%d/%Y").to_string(),
            kronos_time(r.clock_in),
            kronos_time(r.clock_out),
            "REG".into(),
            format!("{}:{:02}", r.meal / 60, r.meal % 60),
        ])
        .map_err(fail)?;
        if n == rows.len() / 2 {
            // The float pool's nurse, on the same export: not this department's.
            out.write_record([
                "88017",
                "Float, Pool",
                &r.date.format("%m/%d/%Y").to_string(),
                "6:58 AM",
                "7:12 PM",
                "REG",
                "0:30",
            ])
            .map_err(fail)?;
        }
    }
    let bytes = out.into_inner().map_err(|e| fail(e.into_error().into()))?;
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// An extra day shift, not on the schedule, for someone who already has
/// three in the first week: the hours go past 40 and make overtime.
fn unscheduled(
    cells: &[crate::schedule::Assignment],
    types: &HashMap<i64, crate::schedule::ShiftType>,
    tz: Tz,
    from: NaiveDate,
    until: DateTime<Utc>,
) -> Option<Row> {
    let week: Vec<NaiveDate> = (0..7).map(|d| from + Duration::days(d)).collect();
    let mut by_person: HashMap<i64, Vec<&crate::schedule::Assignment>> = HashMap::new();
    for a in cells.iter().filter(|a| week.contains(&a.date)) {
        by_person.entry(a.staff_id).or_default().push(a);
    }
    let mut people: Vec<(&i64, &Vec<&crate::schedule::Assignment>)> =
        by_person.iter().filter(|(_, v)| v.len() == 3).collect();
    people.sort_by_key(|(id, _)| **id);
    for (id, shifts) in people {
        let shift = types.get(&shifts[0].shift_type_id)?;
        if shift.length_minutes != 720 || shift.start.format("%H").to_string() != "07" {
            continue;
        }
        // A day off with no shift the day before (no day after a night).
        let Some(free) = week.iter().find(|d| {
            !shifts
                .iter()
                .any(|a| a.date == **d || a.date + Duration::days(1) == **d)
        }) else {
            continue;
        };
        let span = time::span(tz, *free, shift);
        if span.end > until {
            continue;
        }
        return Some(Row {
            staff_id: *id,
            date: *free,
            clock_in: Some((span.start - Duration::minutes(3)).with_timezone(&tz)),
            clock_out: Some((span.end + Duration::minutes(4)).with_timezone(&tz)),
            meal: shift.unpaid_break_minutes,
        });
    }
    None
}

/// The sample's punches: the last closed pay period, and the current one
/// up to this morning (the clock's file comes in every morning), imported as a
/// manager would, through the punch import.
pub fn fill(conn: &mut Connection, today: NaiveDate) -> AppResult<()> {
    let rules = crate::schedule::store::rule_settings::load(conn)?;
    let tz: Tz = crate::attendance::period::zone(conn)?;
    let current = time::pay_period_start(rules.pay_period_anchor, today);
    // The clock's file of this morning: last night's shift (out at 07:00)
    // is in it, so the sample opened during the day has no night missing.
    let until = time::instant(
        tz,
        today.and_time(chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default()),
    );
    // The last two closed pay periods, and the running one up to this morning.
    for (from, to) in [
        (current - Duration::days(28), current - Duration::days(15)),
        (current - Duration::days(14), current - Duration::days(1)),
        (current, today),
    ] {
        if to < from {
            continue;
        }
        let text = clock_export(conn, from, to, until)?;
        if text.lines().count() < 2 {
            continue; // the period began today: no shift is over yet
        }
        let run = crate::attendance::import::run::columns(conn, &text)?;
        crate::attendance::import::run::import_file(conn, &text, &run.mapping)?;
    }
    Ok(())
}
