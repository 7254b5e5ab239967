//! Hours by pay code, per person per day, from the punches: regular and
//! overtime under the department's rule (weekly 40 or 8/80, reusing
//! `schedule::overtime` — 29 CFR 778.103 and 778.601), and paid time off
//! from approved time off (a weekday with no worked punch counts the same
//! 8 h the schedule's cost counts). Worked minutes are the rounded punches'
//! real elapsed minutes less the meal, so a night across a clock change is
//! paid as long as it was. A punch with a missing half pays nothing until
//! it is corrected.

use super::rounding::{round_punch, Rounding};
use super::Punch;
use crate::schedule::cost::time_off_day_minutes;
use crate::schedule::overtime::{self, WorkedMinutes};
use crate::schedule::{Rules, TimeOff, TimeOffKind, TimeOffStatus};
use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// One person's minutes on one day by pay code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DayHours {
    pub staff_id: i64,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub regular_minutes: i64,
    pub overtime_minutes: i64,
    pub time_off_minutes: i64,
    /// What the time off was (PTO, sick, education, FMLA…).
    pub time_off_kind: Option<TimeOffKind>,
}

/// The complete punches' worked minutes, rounded, in the order worked.
pub fn worked<'a>(
    tz: Tz,
    rounding: Rounding,
    punches: impl Iterator<Item = &'a Punch>,
) -> Vec<WorkedMinutes> {
    let mut done: Vec<(chrono::DateTime<chrono::Utc>, WorkedMinutes)> = punches
        .filter_map(|p| {
            let r = round_punch(p, tz, rounding);
            Some((
                r.clock_in?,
                WorkedMinutes {
                    workday: p.workday,
                    minutes: r.worked_minutes()?,
                },
            ))
        })
        .collect();
    done.sort_by_key(|(at, _)| *at);
    done.into_iter().map(|(_, w)| w).collect()
}

/// One person's hours by pay code for the days `from..=to`. `scheduled`
/// holds the paid minutes of the person's scheduled shifts by day (those
/// still on the schedule and those time off replaced).
#[allow(clippy::too_many_arguments)]
pub fn person_days(
    rules: &Rules,
    tz: Tz,
    rounding: Rounding,
    staff_id: i64,
    punches: &[Punch],
    time_off: &[TimeOff],
    scheduled: &HashMap<NaiveDate, i64>,
    fte_hundredths: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<DayHours> {
    let mine = punches.iter().filter(|p| p.staff_id == staff_id);
    // Overtime is figured over whole weeks and periods: include the punches
    // before `from` in its block so the limit counts them.
    let worked = worked(tz, rounding, mine);
    let ot = overtime::overtime_minutes(rules, &worked);
    let mut days: BTreeMap<NaiveDate, DayHours> = BTreeMap::new();
    for (w, o) in worked.iter().zip(ot) {
        if w.workday < from || w.workday > to {
            continue;
        }
        let d = days.entry(w.workday).or_insert_with(|| DayHours {
            staff_id,
            date: w.workday,
            ..Default::default()
        });
        d.regular_minutes += w.minutes - o;
        d.overtime_minutes += o;
    }
    let offs: Vec<&TimeOff> = time_off
        .iter()
        .filter(|t| t.staff_id == staff_id && t.paid && t.status == TimeOffStatus::Approved)
        .collect();
    let mut day = from;
    while day <= to {
        let off = offs.iter().find(|t| t.covers(day));
        if let Some(t) = off.filter(|_| !days.contains_key(&day)) {
            let minutes = time_off_day_minutes(day, scheduled.get(&day).copied(), fte_hundredths);
            if minutes > 0 {
                days.insert(
                    day,
                    DayHours {
                        staff_id,
                        date: day,
                        time_off_minutes: minutes,
                        time_off_kind: Some(t.kind),
                        ..Default::default()
                    },
                );
            }
        }
        day += Duration::days(1);
    }
    days.into_values().collect()
}

#[cfg(test)]
#[path = "pay_codes_tests.rs"]
mod tests;
