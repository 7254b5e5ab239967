//! A time clock whose file has no meal column gives no meal break: the
//! department's rule (Settings, on by default) deducts the scheduled
//! shift's unpaid break from each clocked shift of 6 hours or more whose
//! shift type has one, as the schedule pays it. The import's preview says
//! on how many clocked shifts it did.

use super::{PunchField, PunchMapping};
use crate::attendance::{settings, Punch};
use crate::error::AppResult;
use crate::schedule::store::{loaded_period, shift_types};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// A clocked shift shorter than this owes no meal break (most state meal
/// rules and hospital policies start at 6 hours; shorter shift types carry
/// no unpaid break anyway).
pub const MEAL_AFTER_MINUTES: i64 = 6 * 60;

/// Deducts the scheduled shift's unpaid break (`breaks`, by person and
/// workday) from each complete punch of `MEAL_AFTER_MINUTES` or more that
/// has no meal; returns how many it deducted from.
pub fn deduct(punches: &mut [Punch], breaks: &HashMap<(i64, NaiveDate), i64>) -> i64 {
    let mut deducted = 0;
    for p in punches.iter_mut().filter(|p| p.meal_minutes == 0) {
        let (Some(i), Some(o)) = (p.clock_in, p.clock_out) else {
            continue;
        };
        let elapsed = (o - i).num_minutes();
        let meal = breaks.get(&(p.staff_id, p.workday)).copied().unwrap_or(0);
        if elapsed >= MEAL_AFTER_MINUTES && meal > 0 && meal < elapsed {
            p.meal_minutes = meal;
            deducted += 1;
        }
    }
    deducted
}

/// Applies the department's rule to a file read with `mapping`: nothing
/// when the file has a meal column or the rule is off. Returns how many
/// clocked shifts had their meal deducted.
pub fn apply(conn: &Connection, mapping: &PunchMapping, punches: &mut [Punch]) -> AppResult<i64> {
    let has_meal = mapping.columns.contains(&Some(PunchField::MealMinutes));
    if has_meal || !settings::load(conn)?.deduct_missing_meal {
        return Ok(0);
    }
    let (Some(from), Some(to)) = (
        punches.iter().map(|p| p.workday).min(),
        punches.iter().map(|p| p.workday).max(),
    ) else {
        return Ok(0);
    };
    let types: HashMap<i64, i64> = shift_types::list(conn)?
        .into_iter()
        .map(|t| (t.id, t.unpaid_break_minutes))
        .collect();
    let breaks = loaded_period::assignments_between(conn, from, to)?
        .into_iter()
        .map(|a| {
            let meal = types.get(&a.shift_type_id).copied().unwrap_or(0);
            ((a.staff_id, a.date), meal)
        })
        .collect();
    Ok(deduct(punches, &breaks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn punch(hours_in: (u32, u32), minutes: i64, meal: i64) -> Punch {
        let i = Utc
            .with_ymd_and_hms(2026, 3, 2, hours_in.0, hours_in.1, 0)
            .unwrap();
        Punch {
            staff_id: 1,
            workday: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            clock_in: Some(i),
            clock_out: Some(i + chrono::Duration::minutes(minutes)),
            meal_minutes: meal,
            pay_code: None,
            cost_centre: None,
            line: 2,
        }
    }

    #[test]
    fn the_shifts_unpaid_break_is_deducted_from_six_hours_on() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let with_break = HashMap::from([((1, day), 30)]);
        let no_break = HashMap::from([((1, day), 0)]);
        let cases = [
            (360, 0, &with_break, 30, "exactly 6 h: deducted"),
            (359, 0, &with_break, 0, "one minute short of 6 h: not"),
            (750, 0, &with_break, 30, "a 12.5 h day: its break"),
            (750, 45, &with_break, 45, "a meal the clock gave is kept"),
            (750, 0, &no_break, 0, "a shift type without a break: none"),
            (750, 0, &HashMap::new(), 0, "unscheduled: no shift to go by"),
        ];
        for (minutes, meal, breaks, want, why) in cases {
            let mut p = [punch((7, 0), minutes, meal)];
            let n = deduct(&mut p, breaks);
            assert_eq!(p[0].meal_minutes, want, "{why}");
            assert_eq!(n, i64::from(want > 0 && meal == 0), "{why}: counted");
        }
    }

    #[test]
    fn a_missed_punch_gets_no_meal() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut p = [punch((7, 0), 720, 0)];
        p[0].clock_out = None;
        assert_eq!(deduct(&mut p, &HashMap::from([((1, day), 30)])), 0);
        assert_eq!(p[0].meal_minutes, 0);
    }
}

#[cfg(test)]
#[path = "meals_tests.rs"]
mod db_tests;
